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

const partFormats = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at the instant, in ms; 0 for a zone the runtime does not know. */
function zoneOffsetMs(ms: number, zone: string): number {
  let format = partFormats.get(zone);
  try {
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        hourCycle: 'h23',
      });
      partFormats.set(zone, format);
    }
    const parts = format.formatToParts(new Date(ms));
    const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
    return wall - Math.floor(ms / 1000) * 1000;
  } catch {
    return 0;
  }
}

/**
 * The instant at which a calendar day (`YYYY-MM-DD`) begins on the zone's wall clock: "jump to 2024-03-01" means
 * midnight where the case is, not in UTC. Null when the text is no date.
 */
export function startOfDayUtc(date: string, zone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!match) return null;
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (!Number.isFinite(wall)) return null;
  const guess = wall - zoneOffsetMs(wall, zone);
  // across a DST change the offset at the guess can differ from the one at the wall-clock value
  return wall - zoneOffsetMs(guess, zone);
}
