import { parseDateTime, parseSplitDateTime } from '../../time/parse-datetime';
import type { ParsedTime } from '../../time/parse-datetime';
import { TIME_REASONS } from '../reasons';
import { tidyDateText, tidyTimeText } from '../time-text';
import type { Instant } from '../types';

export type TimeNote = 'missing' | 'midnight' | 'date-only';

export type TimeOutcome = { ok: true; instant: Instant; note?: TimeNote } | { ok: false; message: string };

export interface TimeCells {
  /** 交易日期 when the layout splits date and time ('' otherwise) */
  date: string;
  /** 交易时间: a full date-time, or the time of day beside 交易日期 */
  time: string;
  hasDateColumn: boolean;
  zone: string;
  /** accept Excel serial days (cells read from a workbook); never for text files, where 103045 is a time of day */
  excelSerial: boolean;
}

/**
 * 交易时间 holding only a time of day: `HHmmss`, or fewer digits when Excel stored it as a number and dropped the
 * leading zeros (`93012` 09:30:12, `1234` 00:12:34, `5` 00:00:05, `0` midnight), or `HH:mm[:ss[.ffffff]]`.
 */
const TIME_OF_DAY = /^(?:\d{1,6}|\d{1,2}[:.]\d{1,2}(?:[:.]\d{1,2}(?:[.,]\d{1,12})?)?)$/;

/**
 * The instant of a row from one 交易时间 column or a 交易日期 + 交易时间 pair (DOMAIN.md §1.1: `yyyyMMdd` +
 * `HHmmss`, DB2 `2024-01-01-10.00.00.000000`, placeholders `00000000`/`000000`), after the exact rewrites of
 * time-text.ts (12-hour clocks, `20240315 093012`, workbook serials and the dates Excel gives time-only cells). Blank
 * and placeholder values give an unknown time (utcMs null) rather than an error: the bank had no time to give. A
 * `000000` time of day is read as midnight and noted; so is a date without any time of day (a 交易日期 column standing
 * in for the time, a blank 交易时间 beside one), noted apart. Text that is no time at all is an error for the row. The
 * instant's `original` is the cells as printed.
 */
export function readBankTime(cells: TimeCells): TimeOutcome {
  const tidy = { excelSerial: cells.excelSerial };
  const date = tidyDateText(cells.date, tidy);
  const time = tidyTimeText(cells.time, tidy);
  const options = { zone: cells.zone, excelSerial: cells.excelSerial };
  let parsed: ParsedTime;
  let original: string;
  if (cells.hasDateColumn && (TIME_OF_DAY.test(time) || time === '')) {
    original = `${cells.date} ${cells.time}`.trim();
    if (date === '') return missing(cells.time.trim());
    // an HHmmss number that lost its leading zeros is exact once they are put back; it is never read as HHmm
    parsed = parseSplitDateTime(date, /^\d{1,5}$/.test(time) ? time.padStart(6, '0') : time, options);
  } else if (time !== '') {
    original = cells.time;
    parsed = parseDateTime(time, options);
  } else if (date !== '') {
    original = cells.date;
    parsed = parseDateTime(date, options);
  } else {
    return missing('');
  }
  if (parsed.ok) {
    const instant: Instant = { utcMs: parsed.utcMs, original, offsetMinutes: parsed.offsetMinutes };
    if (parsed.warnings.includes('time-zero-may-be-placeholder')) return { ok: true, instant, note: 'midnight' };
    // a date without a time of day is read as its midnight: kept (the day is real) but never passed off as a time
    return parsed.dateOnly ? { ok: true, instant, note: 'date-only' } : { ok: true, instant };
  }
  if (parsed.reason === 'empty' || parsed.reason === 'placeholder') return missing(original);
  return { ok: false, message: `交易时间“${original}”无法读取：${TIME_REASONS[parsed.reason]}` };
}

function missing(original: string): TimeOutcome {
  return { ok: true, instant: { utcMs: null, original, offsetMinutes: null }, note: 'missing' };
}
