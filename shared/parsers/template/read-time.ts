import type { MappingRules, TemplateField } from '../../domain';
import { parseDateTime, parseSplitDateTime } from '../../time/parse-datetime';
import type { ParsedTime } from '../../time/parse-datetime';
import type { HeaderedRow } from '../tabular';
import type { Instant } from '../types';
import { TIME_REASONS } from '../reasons';
import { parseDayFirst, parseDayFirstSplit } from './day-first';

const FORM_NAMES: Readonly<Record<string, string>> = { 'day-first': 'DD/MM/YYYY' };

export type TimeRead = { ok: true; instant: Instant } | { ok: false; message: string };

/**
 * A row's time from its `time` column, or from `date` + `timeOfDay`, read the way the template's date rule says.
 * Empty cells and placeholders give an unknown instant (the caller counts them); anything else unreadable is an
 * error naming the text and why. `what` names the value in messages (交易时间, 发送时间).
 */
export function readTemplateTime(row: HeaderedRow<TemplateField>, rules: MappingRules, zone: string, excelSerial: boolean, what: string): TimeRead {
  const options = { zone, excelSerial };
  const dayFirst = rules.dateForm === 'day-first';
  let parsed: ParsedTime;
  if (row.has('time')) parsed = dayFirst ? parseDayFirst(row.get('time'), options) : parseDateTime(row.get('time'), options);
  else parsed = (dayFirst ? parseDayFirstSplit : parseSplitDateTime)(row.get('date'), row.get('timeOfDay'), options);
  if (!parsed.ok) {
    if (parsed.reason === 'empty' || parsed.reason === 'placeholder') {
      return { ok: true, instant: { utcMs: null, original: parsed.original, offsetMinutes: null } };
    }
    const reason = dayFirst && parsed.reason === 'unrecognised' ? `不是模板规定的格式（${FORM_NAMES['day-first'] ?? ''}）` : TIME_REASONS[parsed.reason];
    return { ok: false, message: `${what}“${parsed.original}”无法读取：${reason}` };
  }
  if (!dayFirst && rules.dateForm !== 'auto' && row.has('time') && parsed.format !== rules.dateForm) {
    return { ok: false, message: `${what}“${parsed.original}”不是模板规定的格式（${rules.dateForm}）` };
  }
  return { ok: true, instant: { utcMs: parsed.utcMs, original: parsed.original, offsetMinutes: parsed.offsetMinutes } };
}
