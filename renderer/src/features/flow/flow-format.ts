import { parseBankAmount } from '@shared/money';
import { localToUtc } from '@shared/time';
import { formatInstant } from '../../components/format';

/** Yuan as typed (`5000`, `1,234.56`, `¥200`) → minor units; '' → 0; null when it is no amount. */
export function yuanToMinor(text: string): number | null {
  if (text.trim() === '') return 0;
  const parsed = parseBankAmount(text);
  return parsed.ok && parsed.minor >= 0 ? parsed.minor : null;
}

/** The instant a calendar day (`YYYY-MM-DD`) begins in the display zone, plus `days`; undefined for ''. */
export function dayStartUtc(date: string, zone: string, days = 0): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!match) return undefined;
  const fields = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) + days, hour: 0, minute: 0, second: 0, millisecond: 0 };
  const probe = new Date(Date.UTC(fields.year, fields.month - 1, fields.day));
  try {
    const found = localToUtc({ ...fields, year: probe.getUTCFullYear(), month: probe.getUTCMonth() + 1, day: probe.getUTCDate() }, zone);
    return found.ok ? found.utcMs : undefined;
  } catch {
    return undefined;
  }
}

/** `2024-03-01 14:05:09` in the display zone, '' for no time. */
export function formatUtc(utcMs: number | null, zone: string): string {
  if (utcMs === null || !Number.isFinite(utcMs) || Math.abs(utcMs) > 8.64e15) return '';
  return formatInstant(new Date(utcMs).toISOString(), zone);
}

/** `2024-03-01T14:05` in the display zone, for a datetime-local input. */
export function toLocalInput(utcMs: number | undefined, zone: string): string {
  return utcMs === undefined ? '' : formatUtc(utcMs, zone).slice(0, 16).replace(' ', 'T');
}

/** A datetime-local input's value read in the display zone; undefined for ''. */
export function fromLocalInput(text: string, zone: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const fields = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), hour: Number(match[4]), minute: Number(match[5]), second: Number(match[6] ?? 0), millisecond: 0 };
  try {
    const found = localToUtc(fields, zone);
    return found.ok ? found.utcMs : undefined;
  } catch {
    return undefined;
  }
}
