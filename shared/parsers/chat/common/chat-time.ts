import { localToUtc, parseDateTime, validDate, validTime, zoneOffsetMs } from '../../../time/index';
import type { WallFields } from '../../../time/index';
import type { Instant } from '../../types';

/** Times as chat exports write them: wall-clock fields without a zone, or Unix seconds. */

export type WallRead = { ok: true; instant: Instant } | { ok: false; reason: string };

/** Wall-clock fields read in the case zone; `original` is the text as the export wrote it. */
export function wallInstant(fields: Omit<WallFields, 'millisecond'>, original: string, zone: string): WallRead {
  const { year, month, day, hour, minute, second } = fields;
  if (!validDate(year, month, day)) return { ok: false, reason: `${year}-${month}-${day} is not a calendar date` };
  if (!validTime(hour, minute, second)) return { ok: false, reason: `${hour}:${minute}:${second} is not a time of day` };
  const local = localToUtc({ ...fields, millisecond: 0 }, zone);
  if (!local.ok) return { ok: false, reason: `the time does not exist in ${zone}` };
  return { ok: true, instant: { utcMs: local.utcMs, original, offsetMinutes: local.offsetMs / 60_000 } };
}

/**
 * A Unix time is absolute. The offset recorded with it is the case zone's offset at that instant, so the message
 * shows at the wall time everything else in the case is read in; `original` is the number as written.
 */
export function unixInstant(utcMs: number, original: string, zone: string): Instant {
  return { utcMs, original, offsetMinutes: Math.round(zoneOffsetMs(utcMs, zone) / 60_000) };
}

/** 10-digit Unix seconds or 13-digit milliseconds → epoch ms; null for anything else. */
export function unixMs(text: string): number | null {
  const t = text.trim();
  if (/^\d{9,10}$/.test(t)) return Number(t) * 1000;
  if (/^\d{12,13}$/.test(t)) return Number(t);
  return null;
}

/** A zone-less date-time text (`2024-01-01 00:01:40`, `2024/10/4 11:42`) read in the case zone. */
export function localTime(text: string, zone: string): WallRead {
  const parsed = parseDateTime(text, { zone, excelSerial: false });
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  if (parsed.dateOnly) return { ok: false, reason: 'no time of day' };
  return { ok: true, instant: { utcMs: parsed.utcMs, original: text, offsetMinutes: parsed.offsetMinutes } };
}
