/**
 * Wall-clock time in Asia/Shanghai as whole seconds since 1970-01-01 00:00:00 *local*. China has no DST, so the
 * UTC instant is always local − 8 h. Working in local seconds keeps generation free of the host's time zone.
 */

export const DAY = 86_400;
export const HOUR = 3_600;
export const MINUTE = 60;
export const SHANGHAI_OFFSET = 8 * HOUR;

export function localSeconds(year: number, month: number, day: number, h = 0, m = 0, s = 0): number {
  return Date.UTC(year, month - 1, day, h, m, s) / 1000;
}

export function dayStart(t: number): number {
  return t - (((t % DAY) + DAY) % DAY);
}

export interface Parts {
  y: string;
  mo: string;
  d: string;
  h: string;
  mi: string;
  s: string;
}

// Rows are written in time order, so the date part of the last timestamp is cached.
let cachedDay = Number.NaN;
let cachedDate: [string, string, string] = ['', '', ''];

export function parts(t: number): Parts {
  const day = Math.floor(t / DAY);
  if (day !== cachedDay) {
    const iso = new Date(day * DAY * 1000).toISOString();
    cachedDate = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
    cachedDay = day;
  }
  const sec = t - day * DAY;
  const h = Math.floor(sec / HOUR);
  const mi = Math.floor((sec % HOUR) / MINUTE);
  const s = sec % MINUTE;
  return { y: cachedDate[0], mo: cachedDate[1], d: cachedDate[2], h: pad2(h), mi: pad2(mi), s: pad2(s) };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** 2024-01-05 14:03:22 */
export function fmtDateTime(t: number): string {
  const p = parts(t);
  return `${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}:${p.s}`;
}

/** 2024-01-05 */
export function fmtDate(t: number): string {
  const p = parts(t);
  return `${p.y}-${p.mo}-${p.d}`;
}

/** 20240105 */
export function fmtCompactDate(t: number): string {
  const p = parts(t);
  return `${p.y}${p.mo}${p.d}`;
}

/** 140322 */
export function fmtCompactTime(t: number): string {
  const p = parts(t);
  return `${p.h}${p.mi}${p.s}`;
}

/** ISO 8601 with the Shanghai offset, as the ground truth states instants */
export function fmtIso(t: number): string {
  const p = parts(t);
  return `${p.y}-${p.mo}-${p.d}T${p.h}:${p.mi}:${p.s}+08:00`;
}

/** seconds since the Unix epoch (UTC) for a local time */
export function unixSeconds(t: number): number {
  return t - SHANGHAI_OFFSET;
}

/** the first second of the month containing t */
export function monthStart(t: number): number {
  const d = new Date(t * 1000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
}

/** the same day and time n months later (day 31 spills into the next month, like Date) */
export function addMonths(t: number, n: number): number {
  const d = new Date(t * 1000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()) / 1000;
}
