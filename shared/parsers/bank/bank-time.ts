import { foldWidth } from '../../ids/fold-width';
import { parseDateTime, parseSplitDateTime } from '../../time/parse-datetime';
import type { ParsedTime } from '../../time/parse-datetime';
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
 * `HHmmss`, DB2 `2024-01-01-10.00.00.000000`, placeholders `00000000`/`000000`). Blank and placeholder values
 * give an unknown time (utcMs null) rather than an error: the bank had no time to give. A `000000` time of day
 * is read as midnight and noted. Text that is no time at all is an error for the row.
 */
export function readBankTime(cells: TimeCells): TimeOutcome {
  const date = foldWidth(cells.date).trim();
  const time = foldWidth(cells.time).trim();
  const options = { zone: cells.zone, excelSerial: cells.excelSerial };
  let parsed: ParsedTime;
  if (cells.hasDateColumn && (TIME_OF_DAY.test(time) || time === '')) {
    if (date === '') return missing(cells.time.trim());
    parsed = parseSplitDateTime(cells.date, cells.time, options);
  } else if (time !== '') {
    parsed = parseDateTime(cells.time, options);
  } else if (date !== '') {
    parsed = parseDateTime(cells.date, options);
  } else {
    return missing('');
  }
  if (parsed.ok) {
    const instant: Instant = { utcMs: parsed.utcMs, original: parsed.original, offsetMinutes: parsed.offsetMinutes };
    return parsed.warnings.includes('time-zero-may-be-placeholder') ? { ok: true, instant, note: 'midnight' } : { ok: true, instant };
  }
  if (parsed.reason === 'empty' || parsed.reason === 'placeholder') return missing(parsed.original);
  return { ok: false, message: `交易时间“${parsed.original}”无法读取：${REASONS[parsed.reason] ?? parsed.reason}` };
}

function missing(original: string): TimeOutcome {
  return { ok: true, instant: { utcMs: null, original, offsetMinutes: null }, note: 'missing' };
}
