import { foldWidth } from '../../../ids/fold-width';
import { parseDateTime, zoneOffsetMs } from '../../../time/index';
import type { Instant } from '../../types';

/**
 * Times in forensic chat tables: `2023-05-14 10:22:33`, `2023/5/14 10:22`, with a zone note (`(UTC+8)`, `UTC+08:00`,
 * `GMT+8`, `(北京时间)`) or an ISO offset (`+08:00`), Excel serial days where an XLSX cell lost its date format, and
 * now and then Unix seconds or milliseconds.
 */

export type ForensicTime = { ok: true; instant: Instant } | { ok: false; reason: string };

const ZONE_NOTE = /\s*[(（]?\s*(?:UTC|GMT)(?:\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?)?\s*[)）]?\s*$/i;
const BEIJING_NOTE = /\s*[(（]?\s*北京时间\s*[)）]?\s*$/;
const UNIX_SECONDS = /^1\d{9}$/;
const UNIX_MILLISECONDS = /^1\d{12}$/;

/** The offset a header states (`时间(UTC+8)`), in minutes; null when it states none. */
export function offsetInHeader(header: string): number | null {
  const t = foldWidth(header);
  if (BEIJING_NOTE.test(t)) return 480;
  const m = ZONE_NOTE.exec(t);
  if (!m) return null;
  if (m[1] === undefined) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * One time cell. A zone note in the cell wins over the header's, which wins over `zone` (the case's zone for times
 * written without one). Unix timestamps are absolute; they are given the zone's offset at that instant so the
 * timeline shows them in the case's local time, and `original` keeps the number as written.
 */
export function readForensicTime(text: string, zone: string, headerOffset: number | null): ForensicTime {
  const original = text.trim();
  let t = foldWidth(original).trim();
  if (UNIX_SECONDS.test(t) || UNIX_MILLISECONDS.test(t)) {
    const utcMs = t.length === 10 ? Number(t) * 1000 : Number(t);
    return { ok: true, instant: { utcMs, original, offsetMinutes: zoneOffsetMs(utcMs, zone) / 60_000 } };
  }
  let offset: number | null = headerOffset;
  const note = ZONE_NOTE.exec(t);
  if (note) {
    offset = offsetInHeader(note[0]);
    t = t.slice(0, note.index).trim();
  } else if (BEIJING_NOTE.test(t)) {
    offset = 480;
    t = t.replace(BEIJING_NOTE, '').trim();
  }
  if (offset === null) {
    const parsed = parseDateTime(t, { zone });
    if (parsed.ok) return { ok: true, instant: { utcMs: parsed.utcMs, original, offsetMinutes: parsed.offsetMinutes } };
    return failed(parsed.reason, original);
  }
  // read as wall time first (UTC as the zone), then move it by the stated offset unless the text carried its own
  const parsed = parseDateTime(t, { zone: 'UTC' });
  if (!parsed.ok) return failed(parsed.reason, original);
  if (parsed.zone === null) return { ok: true, instant: { utcMs: parsed.utcMs, original, offsetMinutes: parsed.offsetMinutes } };
  return { ok: true, instant: { utcMs: parsed.utcMs - offset * 60_000, original, offsetMinutes: offset } };
}

function failed(reason: string, original: string): ForensicTime {
  if (reason === 'placeholder') return { ok: true, instant: { utcMs: null, original, offsetMinutes: null } };
  return { ok: false, reason };
}
