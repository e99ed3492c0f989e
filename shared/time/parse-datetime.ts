import { foldWidth } from '../ids/fold-width';
import { validDate, validTime, wallToMs } from './civil';
import type { WallFields } from './civil';
import { excelSerialToWall } from './excel-serial';
import { DEFAULT_ZONE, isValidTimeZone, localToUtc } from './zone';
import type { Disambiguation } from './zone';

export type TimeFormatId =
  | 'compact-date'
  | 'compact-datetime'
  | 'separated'
  | 'db2'
  | 'chinese'
  | 'iso-offset'
  | 'java-date'
  | 'excel-serial'
  | 'split-columns';

export type TimeWarning =
  | 'time-zero-may-be-placeholder'
  | 'time-padded'
  | 'ambiguous-local-time'
  | 'nonexistent-local-time'
  | 'zone-abbreviation-assumed'
  | 'fraction-truncated'
  | 'excel-serial';

export type TimeErrorReason =
  | 'empty'
  | 'placeholder'
  | 'unrecognised'
  | 'bad-date'
  | 'bad-time'
  | 'bad-offset'
  | 'bad-zone'
  | 'ambiguous-local-time'
  | 'nonexistent-local-time'
  | 'excel-1900-02-29';

export interface ParsedTimeOk {
  ok: true;
  utcMs: number;
  /** Offset from UTC used for this value (+480 for China); from the text when it carried one, else from the zone. */
  offsetMinutes: number;
  original: string;
  /** The text had no time of day (or a 000000 placeholder): utcMs is local midnight. */
  dateOnly: boolean;
  /** The IANA zone applied, or null when the text carried its own offset. */
  zone: string | null;
  format: TimeFormatId;
  warnings: TimeWarning[];
}

export interface ParsedTimeError {
  ok: false;
  reason: TimeErrorReason;
  original: string;
}

export type ParsedTime = ParsedTimeOk | ParsedTimeError;

export interface ParseTimeOptions {
  /** IANA zone for texts without an offset. Default Asia/Shanghai. */
  zone?: string;
  disambiguation?: Disambiguation;
  /** Read 5-digit day counts such as `45366.4375` as Excel serial dates. Default true. */
  excelSerial?: boolean;
}

interface Pieces {
  date: { year: number; month: number; day: number };
  time: { hour: number; minute: number; second: number; fraction: string } | null;
  /** Offset written in the text, in minutes; undefined when absent. */
  offsetMinutes?: number;
  format: TimeFormatId;
  warnings: TimeWarning[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const UTC_ABBREVIATIONS = new Set(['UTC', 'GMT', 'Z', 'UT']);

const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const COMPACT_DATETIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(\d{1,9})?$/;
const DB2 = /^(\d{4})-(\d{1,2})-(\d{1,2})-(\d{1,2})\.(\d{1,2})\.(\d{1,2})(?:\.(\d{1,12}))?$/;
const SEPARATED =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:\s+|T)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,12}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?(?:\s+\(?([A-Za-z]{1,5})\)?)?$/i;
const CHINESE =
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s*(\d{1,2})\s*(?::|时|点)\s*(\d{1,2})(?:\s*(?::|分)\s*(\d{1,2})\s*秒?|\s*分)?)?$/;
const JAVA_DATE = /^(?:mon|tue|wed|thu|fri|sat|sun)\s+([a-z]{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+([A-Za-z]{2,5})\s+(\d{4})$/i;
/**
 * Serials in text are taken only with a 5-digit day count (1927-05-18 … 2173-10-14): shorter or longer digit strings
 * are far more often times (`103000`), short dates or IDs. parseExcelSerial takes any serial from a numeric cell.
 */
const EXCEL_SERIAL = /^[1-9]\d{4}(?:\.\d+)?$/;

/**
 * Parses the date-time forms of bank and payment returns: `yyyyMMdd`, `yyyyMMddHHmmss[SSS]`, `yyyy-MM-dd HH:mm:ss`,
 * `yyyy/M/d H:mm`, DB2 `yyyy-MM-dd-HH.mm.ss.ffffff`, `yyyy年M月d日 HH:mm:ss`, ISO 8601 with `Z` or an offset, Go's
 * `2021-03-05 10:20:30 +0800 CST`, Java's `Fri Mar 05 10:20:30 CST 2021` and Excel serial days. A value without an
 * offset is read in `zone`. Never throws.
 */
export function parseDateTime(text: string, options: ParseTimeOptions = {}): ParsedTime {
  const original = text;
  const s = foldWidth(text).trim();
  if (s === '') return { ok: false, reason: 'empty', original };
  if (/^[0\s\-/.:年月日时分秒T]+$/.test(s)) return { ok: false, reason: 'placeholder', original };
  const pieces = recognise(s, options);
  if (pieces === null) return { ok: false, reason: 'unrecognised', original };
  if ('reason' in pieces) return { ok: false, reason: pieces.reason, original };
  return resolve(pieces, original, options);
}

/**
 * A date column and a time column (查控 `yyyyMMdd` + `HHmmss`). An empty time or the `000000` placeholder gives a
 * date-only value (the latter warned about: it may also be a real midnight); a 5-digit time lost its leading zero
 * to Excel and is padded.
 */
export function parseSplitDateTime(dateText: string, timeText: string, options: ParseTimeOptions = {}): ParsedTime {
  const original = `${dateText} ${timeText}`.trim();
  const d = foldWidth(dateText).trim();
  const t = foldWidth(timeText).trim();
  if (d === '') return { ok: false, reason: 'empty', original };
  if (/^[0\s\-/.年月日]+$/.test(d)) return { ok: false, reason: 'placeholder', original };
  const datePieces = recognise(d, { ...options, excelSerial: false });
  if (datePieces === null || 'reason' in datePieces) {
    return { ok: false, reason: datePieces === null ? 'unrecognised' : datePieces.reason, original };
  }
  if (datePieces.time !== null || datePieces.offsetMinutes !== undefined) return { ok: false, reason: 'unrecognised', original };
  const warnings: TimeWarning[] = [...datePieces.warnings];
  let time: Pieces['time'] = null;
  if (t !== '') {
    let digits = t;
    if (/^\d{5}$/.test(digits)) {
      digits = `0${digits}`;
      warnings.push('time-padded');
    }
    const m = /^(\d{2})(\d{2})(\d{2})$/.exec(digits) ?? /^(\d{1,2})[:.](\d{1,2})(?:[:.](\d{1,2})(?:[.,](\d{1,12}))?)?$/.exec(digits);
    if (!m) return { ok: false, reason: 'bad-time', original };
    time = { hour: Number(m[1]), minute: Number(m[2]), second: Number(m[3] ?? 0), fraction: m[4] ?? '' };
    if (time.hour === 0 && time.minute === 0 && time.second === 0 && /^0*$/.test(time.fraction)) {
      time = null;
      warnings.push('time-zero-may-be-placeholder');
    }
  }
  return resolve({ date: datePieces.date, time, format: 'split-columns', warnings }, original, options);
}

function recognise(s: string, options: ParseTimeOptions): Pieces | { reason: TimeErrorReason } | null {
  let m = COMPACT_DATE.exec(s);
  if (m) return { date: ymd(m[1], m[2], m[3]), time: null, format: 'compact-date', warnings: [] };
  m = COMPACT_DATETIME.exec(s);
  if (m) {
    return { date: ymd(m[1], m[2], m[3]), time: hms(m[4], m[5], m[6], m[7]), format: 'compact-datetime', warnings: [] };
  }
  m = DB2.exec(s);
  if (m) return { date: ymd(m[1], m[2], m[3]), time: hms(m[4], m[5], m[6], m[7]), format: 'db2', warnings: [] };
  m = SEPARATED.exec(s);
  if (m) {
    const pieces: Pieces = {
      date: ymd(m[1], m[3], m[4]),
      time: m[5] === undefined ? null : hms(m[5], m[6], m[7], m[8]),
      format: 'separated',
      warnings: [],
    };
    const offsetText = m[9];
    const abbreviation = m[10]?.toUpperCase();
    if (offsetText !== undefined) {
      const offset = parseOffset(offsetText);
      if (offset === null) return { reason: 'bad-offset' };
      pieces.offsetMinutes = offset;
      pieces.format = 'iso-offset';
    } else if (abbreviation !== undefined) {
      if (UTC_ABBREVIATIONS.has(abbreviation)) pieces.offsetMinutes = 0;
      else pieces.warnings.push('zone-abbreviation-assumed');
    }
    return pieces;
  }
  m = CHINESE.exec(s);
  if (m) {
    return { date: ymd(m[1], m[2], m[3]), time: m[4] === undefined ? null : hms(m[4], m[5], m[6], undefined), format: 'chinese', warnings: [] };
  }
  m = JAVA_DATE.exec(s);
  if (m) {
    const month = MONTHS.indexOf((m[1] ?? '').toLowerCase()) + 1;
    if (month === 0) return null;
    const pieces: Pieces = {
      date: { year: Number(m[7]), month, day: Number(m[2]) },
      time: hms(m[3], m[4], m[5], undefined),
      format: 'java-date',
      warnings: [],
    };
    // Java prints the JVM zone's abbreviation; "CST" there means China Standard Time, but abbreviations are
    // ambiguous (CST is also US Central), so the configured zone is used and the row is warned about.
    if (UTC_ABBREVIATIONS.has((m[6] ?? '').toUpperCase())) pieces.offsetMinutes = 0;
    else pieces.warnings.push('zone-abbreviation-assumed');
    return pieces;
  }
  if (options.excelSerial !== false && EXCEL_SERIAL.test(s)) {
    const wall = excelSerialToWall(s);
    return wall === null ? null : serialPieces(wall);
  }
  return null;
}

function serialPieces(wall: WallFields): Pieces {
  const hasTime = wall.hour !== 0 || wall.minute !== 0 || wall.second !== 0 || wall.millisecond !== 0;
  return {
    date: { year: wall.year, month: wall.month, day: wall.day },
    time: hasTime ? { hour: wall.hour, minute: wall.minute, second: wall.second, fraction: String(wall.millisecond).padStart(3, '0') } : null,
    format: 'excel-serial',
    warnings: ['excel-serial'],
  };
}

function ymd(y: string | undefined, m: string | undefined, d: string | undefined): Pieces['date'] {
  return { year: Number(y), month: Number(m), day: Number(d) };
}

function hms(h: string | undefined, mi: string | undefined, s: string | undefined, fraction: string | undefined): NonNullable<Pieces['time']> {
  return { hour: Number(h), minute: Number(mi), second: Number(s ?? 0), fraction: fraction ?? '' };
}

/** `Z`, `+08`, `+0800`, `+08:00` → minutes; null beyond ±18 h or with minutes ≥ 60. */
function parseOffset(text: string): number | null {
  if (/^z$/i.test(text)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (hours > 18 || minutes >= 60) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function resolve(p: Pieces, original: string, options: ParseTimeOptions): ParsedTime {
  const { year, month, day } = p.date;
  if (year === 9999 || year <= 1) return { ok: false, reason: 'placeholder', original };
  if (!validDate(year, month, day)) return { ok: false, reason: 'bad-date', original };
  const warnings = [...p.warnings];
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millisecond = 0;
  if (p.time) {
    ({ hour, minute, second } = p.time);
    if (!validTime(hour, minute, second)) return { ok: false, reason: 'bad-time', original };
    const fraction = p.time.fraction;
    millisecond = Number(fraction.slice(0, 3).padEnd(3, '0'));
    if (/[1-9]/.test(fraction.slice(3))) warnings.push('fraction-truncated');
  }
  const fields: WallFields = { year, month, day, hour, minute, second, millisecond };
  const dateOnly = p.time === null;
  if (p.offsetMinutes !== undefined) {
    const utcMs = wallToMs(fields) - p.offsetMinutes * 60_000;
    return { ok: true, utcMs, offsetMinutes: p.offsetMinutes, original, dateOnly, zone: null, format: p.format, warnings };
  }
  const zone = options.zone ?? DEFAULT_ZONE;
  if (!isValidTimeZone(zone)) return { ok: false, reason: 'bad-zone', original };
  const local = localToUtc(fields, zone, options.disambiguation ?? 'compatible');
  if (!local.ok) return { ok: false, reason: local.status === 'ambiguous' ? 'ambiguous-local-time' : 'nonexistent-local-time', original };
  if (local.status === 'ambiguous') warnings.push('ambiguous-local-time');
  if (local.status === 'nonexistent') warnings.push('nonexistent-local-time');
  return { ok: true, utcMs: local.utcMs, offsetMinutes: local.offsetMs / 60_000, original, dateOnly, zone, format: p.format, warnings };
}

/** An Excel serial date read from a numeric cell, read as wall time in `zone`. */
export function parseExcelSerial(serial: number, options: ParseTimeOptions = {}): ParsedTime {
  const original = String(serial);
  const wall = excelSerialToWall(serial);
  if (wall === null) {
    const reason: TimeErrorReason = Math.floor(serial) === 60 ? 'excel-1900-02-29' : 'bad-date';
    return { ok: false, reason, original };
  }
  return resolve(serialPieces(wall), original, options);
}
