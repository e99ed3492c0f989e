import { foldWidth } from '../ids/fold-width';
import { excelSerialToWall } from '../time/excel-serial';

/**
 * Date-time cells of exported tables in forms shared/time does not read as they stand, rewritten to forms it does.
 * Each rewrite is exact (no field is guessed): 12-hour clocks with 上午/下午/AM/PM, `20240315 093012` (and the same
 * number short of its leading zeros, padded back: `20240315 123` is 00:01:23), milliseconds
 * after a colon, and the marks spreadsheets leave: a time-only cell read as `1899-12-30 09:30:12`, a date cell read as
 * `2024-03-15 00:00:00` beside its own time column, Excel serial days and fractions. Text that matches none is
 * returned unchanged, for the parser to accept or reject.
 */

const PAD = (n: number): string => String(n).padStart(2, '0');

/** `20240315 9:30:12`, `20240315T09:30`: a compact date, a space or T, a clock time. */
const COMPACT_CLOCK = /^(\d{4})(\d{2})(\d{2})(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?([.,]\d{1,9})?$/;
/**
 * `20240315 093012`, `20240315 93012`: a compact date, a space, an HHmmss number. Fewer than six digits are the
 * number with its leading zeros lost (Excel), so `20240315 123` is 00:01:23, never 01:23 — the same reading as a
 * separate time column. After a T (ISO 8601 basic) the time is `hhmm` or `hhmmss` and nothing else.
 */
const COMPACT_DIGITS = /^(\d{4})(\d{2})(\d{2})(\s+|T)(\d{1,6})([.,]\d{1,9})?$/;
/** `20240315093012.123`: the fraction of a compact date-time written after a point. */
const COMPACT_FRACTION = /^(\d{14})[.,](\d{1,9})$/;
/** `2024-03-15 09:30:12:123`: milliseconds after a third colon. */
const COLON_MILLIS = /^(.*\d{1,2}:\d{2}:\d{2}):(\d{3})$/;
/** The day Excel counts from, which a time-only cell carries as its date. */
const EXCEL_EPOCH_DAY = /^(?:1899-12-3[01]|1900-01-0[01])[\sT]+(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;
const MERIDIEM = /上午|早上|早晨|凌晨|中午|下午|傍晚|晚上|夜里|夜间|(?<![A-Za-z])(?:A\.?M\.?|P\.?M\.?)(?![A-Za-z])/i;

/** An hour on a 12-hour clock → 0–23 for the marker it was written with; null when the pair is no clock time. */
function hourOf(marker: string, hour: number): number | null {
  const afternoon = /^(?:下午|傍晚|P\.?M\.?)$/i.test(marker);
  const evening = /^(?:晚上|夜里|夜间)$/.test(marker);
  const noon = marker === '中午';
  // a 24-hour time with a marker that agrees with it (下午 14:30) is kept; 上午 14:30 contradicts itself
  if (hour > 12) return hour < 24 && (afternoon || evening || noon) ? hour : null;
  if (afternoon) return hour === 12 ? 12 : hour + 12;
  // 晚上 1 点 / 晚上 12 点 may mean either end of the night: not guessed
  if (evening) return hour >= 6 && hour < 12 ? hour + 12 : null;
  if (noon) return hour < 11 ? hour + 12 : hour;
  return hour === 12 ? 0 : hour;
}

/** `2024/3/15 下午2:30`, `2024-03-15 02:30:12 PM`, `2024年3月15日下午2时30分` → the same on a 24-hour clock. */
function twentyFourHour(text: string): string {
  const marker = MERIDIEM.exec(text);
  if (marker === null) return text;
  const rest = `${text.slice(0, marker.index)} ${text.slice(marker.index + marker[0].length)}`.replace(/\s+/g, ' ').trim();
  const clock = /(^|[^\d])(\d{1,2})(\s*[:时点]\s*\d)/.exec(rest);
  if (clock === null) return text;
  const hour = hourOf(marker[0].toUpperCase(), Number(clock[2]));
  if (hour === null) return text;
  const at = clock.index + (clock[1] ?? '').length;
  return `${rest.slice(0, at)}${PAD(hour)}${rest.slice(at + (clock[2] ?? '').length)}`;
}

/** An Excel fraction of a day (`0.3958333`) → `HH:mm:ss`, rounded to the second; null when it is none. */
function dayFraction(text: string): string | null {
  if (!/^0?\.\d+$|^0$/.test(text)) return null;
  const seconds = Math.round(Number(text) * 86_400);
  if (seconds >= 86_400) return null;
  return `${PAD(Math.floor(seconds / 3600))}:${PAD(Math.floor((seconds % 3600) / 60))}:${PAD(seconds % 60)}`;
}

export interface TidyOptions {
  /** the cell came from a workbook: serial days and day fractions are Excel's, not digits of a date or time */
  excelSerial: boolean;
}

/** The common forms, which need nothing (most cells): `2024-03-15 09:30:12`, `2024/3/15 9:30`, `20240315093012`. */
const PLAIN = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?|\d{6,14})$/;
/** The same for a date column: a date without a time of day. */
const PLAIN_DATE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{8})$/;

/** A date-time (or time-of-day) cell in a form shared/time reads; the text itself when nothing applies. */
export function tidyTimeText(cell: string, options: TidyOptions): string {
  const epochDay = EXCEL_EPOCH_DAY.exec(cell.trim());
  if (epochDay) return epochDay[1] ?? cell;
  if (PLAIN.test(cell)) return cell;
  let text = foldWidth(cell).trim().replace(/\s+/g, ' ');
  if (options.excelSerial) {
    const fraction = dayFraction(text);
    if (fraction !== null) return fraction;
  }
  text = twentyFourHour(text);
  const clock = COMPACT_CLOCK.exec(text);
  if (clock) {
    const [, y, mo, d, h, mi, s, fraction] = clock;
    return `${y}-${mo}-${d} ${PAD(Number(h))}:${mi}:${s ?? '00'}${(fraction ?? '').replace(',', '.')}`;
  }
  const digits = COMPACT_DIGITS.exec(text);
  if (digits) {
    const [, y, mo, d, separator, time = '', fraction] = digits;
    const iso = separator === 'T';
    // ISO's hhmm takes no fraction of a second (a fraction there would be of the minute)
    if (iso && !(time.length === 6 || (time.length === 4 && fraction === undefined))) return text;
    const hms = iso ? time.padEnd(6, '0') : time.padStart(6, '0');
    return `${y}-${mo}-${d} ${hms.slice(0, 2)}:${hms.slice(2, 4)}:${hms.slice(4)}${(fraction ?? '').replace(',', '.')}`;
  }
  const compactFraction = COMPACT_FRACTION.exec(text);
  if (compactFraction) return `${compactFraction[1] ?? ''}${compactFraction[2] ?? ''}`;
  const colonMillis = COLON_MILLIS.exec(text);
  if (colonMillis) return `${colonMillis[1] ?? ''}.${colonMillis[2] ?? ''}`;
  return text;
}

/**
 * The date cell of a date + time pair: a workbook's serial day → `yyyy-MM-dd`, and the `00:00:00` a date-formatted
 * cell gains when read as a date-time dropped (its time of day is in the other column).
 */
export function tidyDateText(cell: string, options: TidyOptions): string {
  if (cell === '' || PLAIN_DATE.test(cell)) return cell;
  const text = foldWidth(cell).trim().replace(/\s+/g, ' ');
  if (options.excelSerial && /^\d{5}(?:\.0+)?$/.test(text)) {
    const wall = excelSerialToWall(Number(text));
    if (wall !== null) return `${wall.year}-${PAD(wall.month)}-${PAD(wall.day)}`;
  }
  const midnight = /^(\S+)[\sT]00:00(?::00(?:\.0+)?)?$/.exec(text);
  return midnight ? (midnight[1] ?? text) : text;
}
