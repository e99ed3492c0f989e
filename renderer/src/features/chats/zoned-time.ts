import { localToUtc } from '@shared/time';
import { formatInstant } from '../../components/format';

/** The range of a JavaScript Date; outside it toISOString throws. */
const MAX_MS = 8.64e15;

/** ISO-8601 UTC text of an instant in milliseconds, or null when it is no representable instant. */
export function isoOf(ms: number): string | null {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_MS ? new Date(ms).toISOString() : null;
}

/** `2024-03-01 14:05:09` in the display zone. */
export function formatUtcMs(ms: number, zone: string): string {
  const iso = isoOf(ms);
  return iso === null ? String(ms) : formatInstant(iso, zone);
}

/** `2024-03-01` in the display zone. */
export function formatDateIn(ms: number, zone: string): string {
  return formatUtcMs(ms, zone).slice(0, 10);
}

/** `UTC+08:00` from +480 minutes. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(Math.trunc(minutes));
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The instant at which a calendar day (`YYYY-MM-DD`) begins on the zone's wall clock: "jump to 2024-03-01" means
 * midnight where the case is, not in UTC. Null when the text is no date or the zone is unknown.
 */
export function startOfDayUtc(date: string, zone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!match) return null;
  const fields = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), hour: 0, minute: 0, second: 0, millisecond: 0 };
  try {
    const found = localToUtc(fields, zone);
    return found.ok ? found.utcMs : null;
  } catch {
    return null;
  }
}
