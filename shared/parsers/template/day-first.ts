import { foldWidth } from '../../ids/fold-width';
import { parseDateTime, parseSplitDateTime } from '../../time/parse-datetime';
import type { ParsedTime, ParseTimeOptions } from '../../time/parse-datetime';

/** `15/03/2024`, `15.03.2024`, `15-03-2024`, each with an optional time of day (and offset) after a space or `T`. */
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:(\s+|T)(.+))?$/;

/** A date that starts with its four-digit year cannot be read day-first by mistake (a workbook's own date cells). */
const YEAR_FIRST = /^\d{4}[-/.年]/;

/** Day-first text rewritten year-first for the shared reader; null when it is not day-first. */
function yearFirst(text: string): string | null {
  const m = DAY_FIRST.exec(foldWidth(text).trim());
  if (!m) return null;
  const [, day = '', , month = '', year = '', , time] = m;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}${time === undefined ? '' : ` ${time.trim()}`}`;
}

function withOriginal(parsed: ParsedTime, original: string): ParsedTime {
  return { ...parsed, original };
}

/**
 * Reads the day-first dates of European and many Asian exports (DD/MM/YYYY, DD.MM.YYYY, DD-MM-YYYY, optionally
 * with HH:mm[:ss]) through the shared date-time reader, keeping the text as written. Year-first values are still
 * read (they are unambiguous); anything else is 'unrecognised' rather than guessed month-first.
 */
export function parseDayFirst(text: string, options: ParseTimeOptions = {}): ParsedTime {
  const rewritten = yearFirst(text);
  if (rewritten !== null) return withOriginal(parseDateTime(rewritten, options), text);
  const plain = parseDateTime(text, { ...options, excelSerial: false });
  if (plain.ok && !YEAR_FIRST.test(foldWidth(text).trim())) return { ok: false, reason: 'unrecognised', original: text };
  return plain;
}

/** A day-first date column beside a time-of-day column. */
export function parseDayFirstSplit(dateText: string, timeText: string, options: ParseTimeOptions = {}): ParsedTime {
  const original = `${dateText} ${timeText}`.trim();
  const rewritten = yearFirst(dateText);
  if (rewritten !== null && !rewritten.includes(' ')) return withOriginal(parseSplitDateTime(rewritten, timeText, options), original);
  if (rewritten !== null) return { ok: false, reason: 'unrecognised', original };
  const plain = parseSplitDateTime(dateText, timeText, options);
  if (plain.ok && !YEAR_FIRST.test(foldWidth(dateText).trim())) return { ok: false, reason: 'unrecognised', original };
  return plain;
}
