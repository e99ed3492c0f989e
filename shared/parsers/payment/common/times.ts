import { parseDateTime } from '../../../time/index';
import { tidyTimeText } from '../../time-text';
import { badTimeMessage } from '../../reasons';
import type { FileWarning, Instant, ParseContext, RowError, SourceRecord } from '../../types';
import { clean, rowError } from './cells';

export type TimeRead = { ok: true; instant: Instant } | { ok: false; error: RowError };

/**
 * A required time cell. Empty → MISSING_FIELD; a placeholder (`0000-00-00 …`) is kept as a time-less instant, the way
 * the contract keeps bank placeholders; anything unreadable → BAD_TIME naming the field and the reason. The exact
 * rewrites of time-text.ts apply first (`下午2:30`, `20240315 093012` …); the instant keeps the cell as written.
 */
export function readTime(record: SourceRecord, field: string, text: string, context: ParseContext): TimeRead {
  const t = clean(text);
  if (t === '') return { ok: false, error: rowError(record, 'MISSING_FIELD', `${field}为空`) };
  const parsed = parseDateTime(tidyTimeText(t, { excelSerial: record.sheet !== '' }), { zone: context.timeZone });
  if (parsed.ok) return { ok: true, instant: { utcMs: parsed.utcMs, original: t, offsetMinutes: parsed.offsetMinutes } };
  if (parsed.reason === 'placeholder') return { ok: true, instant: { utcMs: null, original: t, offsetMinutes: null } };
  return { ok: false, error: rowError(record, 'BAD_TIME', badTimeMessage(field, t, parsed.reason)) };
}

/** An optional time cell: null when empty, otherwise as readTime. */
export function readOptionalTime(record: SourceRecord, field: string, text: string, context: ParseContext): TimeRead | null {
  return clean(text) === '' ? null : readTime(record, field, text, context);
}

/**
 * For facts that stay usable without their time (a registration, a bound card): the unreadable time is reported as a
 * warning naming the line, the row is kept and the text stays in its attributes/raw values.
 */
export function timeKeptAsText(error: RowError): FileWarning {
  const sheet = error.sheet === '' ? '' : `工作表“${error.sheet}”`;
  return { type: 'warning', code: 'TIME_KEPT_AS_TEXT', message: `${sheet}第 ${error.line} 行：${error.message}；该行照常导入，只是没有这个时间（原文保留在原始数据中）` };
}
