import { parseDateTime, parseSplitDateTime } from '../../time/parse-datetime';
import type { ParsedTime } from '../../time/parse-datetime';
import { tidyDateText, tidyTimeText } from '../time-text';
import type { Instant } from '../types';

export type TimeNote = 'missing' | 'midnight';

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

/** 交易时间 holding only a time of day: `HHmmss`, `HmmSS` (Excel dropped the zero), `HH:mm[:ss[.ffffff]]`. */
const TIME_OF_DAY = /^(?:\d{5,6}|\d{1,2}[:.]\d{1,2}(?:[:.]\d{1,2}(?:[.,]\d{1,12})?)?)$/;

const REASONS: Readonly<Record<string, string>> = {
  unrecognised: '格式无法识别',
  'bad-date': '日期不存在',
  'bad-time': '时刻不存在',
  'bad-offset': '时区偏移无效',
  'bad-zone': '时区无效',
  'ambiguous-local-time': '当地时间有歧义',
  'nonexistent-local-time': '当地时间不存在',
  'excel-1900-02-29': 'Excel 1900-02-29 不存在',
};

/**
 * The instant of a row from one 交易时间 column or a 交易日期 + 交易时间 pair (DOMAIN.md §1.1: `yyyyMMdd` +
 * `HHmmss`, DB2 `2024-01-01-10.00.00.000000`, placeholders `00000000`/`000000`), after the exact rewrites of
 * time-text.ts (12-hour clocks, `20240315 093012`, workbook serials and the dates Excel gives time-only cells). Blank
 * and placeholder values give an unknown time (utcMs null) rather than an error: the bank had no time to give. A
 * `000000` time of day is read as midnight and noted. Text that is no time at all is an error for the row. The
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
    parsed = parseSplitDateTime(date, time, options);
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
    return parsed.warnings.includes('time-zero-may-be-placeholder') ? { ok: true, instant, note: 'midnight' } : { ok: true, instant };
  }
  if (parsed.reason === 'empty' || parsed.reason === 'placeholder') return missing(original);
  return { ok: false, message: `交易时间“${original}”无法读取：${REASONS[parsed.reason] ?? parsed.reason}` };
}

function missing(original: string): TimeOutcome {
  return { ok: true, instant: { utcMs: null, original, offsetMinutes: null }, note: 'missing' };
}
