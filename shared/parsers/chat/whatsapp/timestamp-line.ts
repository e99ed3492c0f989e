/**
 * The line that starts a WhatsApp message: a date and a time, bracketed (iOS: `[20.06.19, 15:58:47] Name: text`) or
 * followed by a dash (Android: `20/06/2019, 15:58 - Name: text`). Phones write the date in the locale's order and
 * separators (DD/MM/YY, MM/DD/YYYY, YYYY/MM/DD, dots, dashes), 12- or 24-hour clocks with locale markers (`PM`,
 * `p. m.` with NBSP or U+202F inside, `上午`/`下午` before the time), seconds optional, and invisible direction marks.
 */

/** Invisible direction and format marks WhatsApp puts around names, numbers and system texts. */
export const DIRECTION_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export type Meridiem = 'am' | 'pm';

export interface StampLine {
  bracketed: boolean;
  /** the three date fields as written, in file order */
  fields: readonly [string, string, string];
  hour: number;
  minute: number;
  second: number;
  meridiem: Meridiem | null;
  /** an English `AM`/`PM` (US locales) rather than `a. m.`, `p.m.` or 上午/下午 */
  englishMeridiem: boolean;
  /** the date and time as written (brackets and the dash left out) */
  stamp: string;
  /** everything after the time: `Name: text` or a system text */
  rest: string;
}

const DATE = String.raw`(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})\.?`;
const CN_MERIDIEM = '上午|下午|凌晨|早上|中午|晚上';
const TIME = String.raw`(?:(${CN_MERIDIEM})\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\.?(?:\s*([aApP]\s?\.?\s?[mM]\.?)|\s*(${CN_MERIDIEM}))?`;
const BRACKETED = new RegExp(String.raw`^\[${DATE},?\s*${TIME}\]\s?(.*)$`, 's');
const DASHED = new RegExp(String.raw`^${DATE},?\s+${TIME}\s*[-–]\s(.*)$`, 's');

function meridiemOf(latin: string | undefined, chinese: string | undefined): Meridiem | null {
  if (latin !== undefined) return latin.toLowerCase().startsWith('a') ? 'am' : 'pm';
  if (chinese === undefined) return null;
  return chinese === '上午' || chinese === '凌晨' || chinese === '早上' ? 'am' : 'pm';
}

/** The stamp of a line that starts a message, or null for a continuation line. */
export function readStampLine(line: string): StampLine | null {
  const text = line.replace(/^[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/, '');
  if (!/^\[?\d/.test(text)) return null;
  const bracketed = text.startsWith('[');
  const m = (bracketed ? BRACKETED : DASHED).exec(text);
  if (!m) return null;
  const [a = '', , b = '', c = '', cnBefore, h = '', mi = '', s, latin, cnAfter, rest = ''] = m.slice(1);
  if (a.length === 3 || (a.length !== 4 && c.length !== 2 && c.length !== 4) || (a.length === 4 && c.length > 2)) return null;
  const meridiem = meridiemOf(latin, cnBefore ?? cnAfter);
  const stampEnd = text.length - rest.length;
  const stamp = text
    .slice(bracketed ? 1 : 0, stampEnd)
    .replace(/\]\s?$/, '')
    .replace(/\s*[-–]\s$/, '');
  return {
    bracketed,
    fields: [a, b, c],
    hour: Number(h),
    minute: Number(mi),
    second: s === undefined ? 0 : Number(s),
    meridiem,
    englishMeridiem: latin !== undefined && /^[ap]m$/i.test(latin),
    stamp,
    rest,
  };
}

/** The hour on a 24-hour clock; a 12-hour marker on an hour past 12 (`13:37:00 p.m.`) is ignored. */
export function hour24(line: Pick<StampLine, 'hour' | 'meridiem'>): number {
  if (line.meridiem === null || line.hour > 12) return line.hour;
  return line.meridiem === 'pm' ? (line.hour % 12) + 12 : line.hour % 12;
}
