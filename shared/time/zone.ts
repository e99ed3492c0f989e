import { msToWall, wallToMs } from './civil';
import type { WallFields } from './civil';

/**
 * IANA time-zone arithmetic on top of Intl.DateTimeFormat (present in Node and every browser, so shared/ needs no
 * zone database of its own). Offsets are looked up per instant, so historical rules apply: Asia/Shanghai kept
 * daylight saving time in 1986–1991, Europe/Berlin switches twice a year.
 */

export const DEFAULT_ZONE = 'Asia/Shanghai';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const hourCache = new Map<string, Map<number, number>>();
const MAX_CACHED_HOURS = 200_000;

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when the runtime knows the IANA zone name. */
export function isValidTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's UTC offset in ms at an instant, computed by Intl (second precision). Throws RangeError for a bad zone. */
function offsetFromIntl(utcMs: number, zone: string): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  const fields: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatter(zone).formatToParts(new Date(whole))) fields[part.type] = part.value;
  let year = Number(fields.year);
  if (fields.era === 'BC' || fields.era === 'B') year = 1 - year;
  const wall = wallToMs({
    year,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour) % 24,
    minute: Number(fields.minute),
    second: Number(fields.second),
    millisecond: 0,
  });
  return wall - whole;
}

/**
 * The zone's UTC offset in ms at an instant. Cached per hour when the offset is the same at both ends of the hour,
 * so imports of millions of rows do not format every timestamp.
 */
export function zoneOffsetMs(utcMs: number, zone: string): number {
  const bucket = Math.floor(utcMs / HOUR);
  let cache = hourCache.get(zone);
  const cached = cache?.get(bucket);
  if (cached !== undefined) return cached;
  const atStart = offsetFromIntl(bucket * HOUR, zone);
  const atEnd = offsetFromIntl(bucket * HOUR + HOUR - 1000, zone);
  if (atStart !== atEnd) return offsetFromIntl(utcMs, zone);
  if (!cache || cache.size > MAX_CACHED_HOURS) {
    cache = new Map();
    hourCache.set(zone, cache);
  }
  cache.set(bucket, atStart);
  return atStart;
}

/**
 * What to do with a wall time that occurs twice (the autumn hour) or never (the spring gap). 'compatible' is
 * Temporal's default: the earlier of two, and for a gap the time shifted forward by the gap's length.
 */
export type Disambiguation = 'compatible' | 'earlier' | 'later' | 'reject';

export type LocalToUtc =
  | { ok: true; utcMs: number; offsetMs: number; status: 'unique' | 'ambiguous' | 'nonexistent' }
  | { ok: false; status: 'ambiguous' | 'nonexistent' };

/** Wall-clock fields in a zone → the UTC instant. Throws RangeError for an unknown zone. */
export function localToUtc(fields: WallFields, zone: string, disambiguation: Disambiguation = 'compatible'): LocalToUtc {
  const wall = wallToMs(fields);
  const before = zoneOffsetMs(wall - DAY, zone);
  const after = zoneOffsetMs(wall + DAY, zone);
  const candidates = before === after ? [before] : [before, after];
  const valid = candidates.filter((o) => zoneOffsetMs(wall - o, zone) === o);
  if (valid.length === 0) {
    const self = zoneOffsetMs(wall, zone);
    if (zoneOffsetMs(wall - self, zone) === self) return { ok: true, utcMs: wall - self, offsetMs: self, status: 'unique' };
  }
  if (valid.length === 1) {
    const o = valid[0] ?? 0;
    return { ok: true, utcMs: wall - o, offsetMs: o, status: 'unique' };
  }
  if (valid.length === 2) {
    if (disambiguation === 'reject') return { ok: false, status: 'ambiguous' };
    const o = disambiguation === 'later' ? Math.min(before, after) : Math.max(before, after);
    return { ok: true, utcMs: wall - o, offsetMs: o, status: 'ambiguous' };
  }
  // A gap: the wall time never happened. Shift by the gap, reading the wall time with the offset from before it.
  if (disambiguation === 'reject') return { ok: false, status: 'nonexistent' };
  const o = disambiguation === 'earlier' ? after : before;
  const utcMs = wall - o;
  return { ok: true, utcMs, offsetMs: zoneOffsetMs(utcMs, zone), status: 'nonexistent' };
}

/** An instant's wall-clock fields in a zone. */
export function utcToZoned(utcMs: number, zone: string): { fields: WallFields; offsetMs: number } {
  const offsetMs = zoneOffsetMs(utcMs, zone);
  return { fields: msToWall(utcMs + offsetMs), offsetMs };
}
