import { foldWidth } from '../ids/fold-width';
import { parseBankAmount, parseFenAmount } from '../money/parse-amount';
import type { AmountResult } from '../money/types';

/**
 * The unit an amount column's header states in brackets: `交易金额(元)`, `交易金额(分)`, `金额（单位：万元）`,
 * `余额(美元)`. 元 is what a header without one means. A unit is never dropped silently: amounts in 分, 角 or a
 * multiple of 元 (万元 …) are converted exactly, by moving the decimal point of the text; amounts in another currency
 * cannot be read as 人民币 at all (fenDigits null), and the caller rejects them naming the header.
 */
export interface MoneyUnit {
  /** the unit as printed, for messages: 元, 分, 万元, 美元 */
  name: string;
  /** decimal places from one of this unit down to 分: 2 for 元, 0 for 分, 6 for 万元; null for a currency other than 人民币 */
  fenDigits: number | null;
}

export const YUAN: MoneyUnit = { name: '元', fenDigits: 2 };

/** Multiples of 元, by the places they move the point: 万元 = 10⁴ 元 = 10⁶ 分. `(万)` alone means 万元. */
const MULTIPLES: Readonly<Record<string, number>> = { 十: 3, 百: 4, 千: 5, 万: 6, 十万: 7, 百万: 8, 千万: 9, 亿: 10 };
const FOREIGN_WORDS = /^(?:十|百|千|万|百万|亿)?(?:美元|美金|港元|港币|澳门元|澳门币|欧元|日元|英镑|澳元|加元|新加坡元|新台币|台币|韩元|卢布|法郎|瑞士法郎|外币|外汇|[A-Z]{0,2}\$|€|£)$/;
const FOREIGN_CODES = new Set(['USD', 'HKD', 'MOP', 'EUR', 'JPY', 'GBP', 'AUD', 'CAD', 'SGD', 'TWD', 'KRW', 'RUB', 'CHF', 'NZD', 'THB', 'MYR', 'USDT']);
const YUAN_WORDS = new Set(['', '元', '¥', '￥', 'RMB', 'CNY']);

/** Bracket text → the unit it names, or null when it names none (a legend such as `0-借;1-贷`, `+`, `IPv4/IPv6`). */
export function unitOfBracket(content: string): MoneyUnit | null {
  const text = foldWidth(content).replace(/[\s\u00a0\u3000]+/g, '').toUpperCase();
  const name = text.replace(/^单位[:：]?/, '');
  const rest = name.replace(/^(?:人民币|RMB|CNY)/, '');
  // `人民币`, `人民币元`, `RMB`, `元`, `¥`: the default unit, named
  if (name !== '' && YUAN_WORDS.has(rest)) return YUAN;
  if (rest === '分') return { name, fenDigits: 0 };
  if (rest === '角') return { name, fenDigits: 1 };
  const multiple = /^(十万|百万|千万|十|百|千|万|亿)元?$/.exec(rest);
  if (multiple) return { name, fenDigits: MULTIPLES[multiple[1] ?? ''] ?? null };
  if (FOREIGN_WORDS.test(rest) || FOREIGN_CODES.has(rest)) return { name, fenDigits: null };
  return null;
}

/** The unit an amount column's printed header states in its first bracket that names one; 元 when none does. */
export function headerUnit(header: string): MoneyUnit {
  for (const bracket of header.matchAll(/[(（[【]([^()（）[\]【】]*)[)）\]】]/g)) {
    const unit = unitOfBracket(bracket[1] ?? '');
    if (unit !== null) return unit;
  }
  return YUAN;
}

/** The number in an amount text with its decimal point moved `places` to the right, signs and marks around it kept. */
function shiftedText(text: string, places: number): { ok: true; text: string } | { ok: false; reason: 'exponent' | 'not-a-number' | 'bad-grouping' } {
  const s = foldWidth(text).trim();
  const m = /^([^\d.]*)(\d[\d,]*(?:\.\d*)?|\.\d+)(.*)$/s.exec(s);
  if (m === null) return { ok: true, text };
  const [, before = '', number = '', after = ''] = m;
  if (/[\deE]/.test(after)) return { ok: false, reason: /[eE]/.test(after) ? 'exponent' : 'not-a-number' };
  const [intRaw = '', frac = ''] = number.split('.');
  if (intRaw.includes(',') && !/^\d{1,3}(?:,\d{3})+$/.test(intRaw)) return { ok: false, reason: 'bad-grouping' };
  return { ok: true, text: `${before}${movePoint(intRaw.replace(/,/g, ''), frac, places)}${after}` };
}

/**
 * An amount cell written in `unit`, rewritten as the same amount in 元 for mappers that read 元 text: `1.5` in 万元
 * → `15000`, `1250` in 分 → `12.50` (`12.5` in 分 becomes `0.125`, which a 元 reader refuses: no rounding). null when
 * the unit is another currency or the number cannot be moved exactly (a grouping error, an exponent).
 */
export function amountTextInYuan(text: string, unit: MoneyUnit): string | null {
  if (unit.fenDigits === null) return null;
  if (unit.fenDigits === 2) return text;
  const shifted = shiftedText(text, unit.fenDigits - 2);
  return shifted.ok ? shifted.text : null;
}

/**
 * An amount cell in `unit` → 分, exactly: 元 through `readYuan` (parseBankAmount unless a format has its own), 分
 * as a whole number only (`12.5` is an error, not a guess), other units by moving the decimal point of the text
 * (1.5 万元 → 15000 元 → 1,500,000 分) and then reading it as 元, so a 万元 value with more than six decimals is an
 * error rather than a rounding. `unit.fenDigits` must not be null.
 */
export function parseAmountIn(text: string, unit: MoneyUnit, readYuan: (text: string) => AmountResult = parseBankAmount): AmountResult {
  const digits = unit.fenDigits ?? 2;
  if (digits === 2) return readYuan(text);
  if (digits === 0) return parseFenAmount(text);
  const shifted = shiftedText(text, digits - 2);
  if (!shifted.ok) return { ok: false, reason: shifted.reason, raw: text };
  return { ...readYuan(shifted.text), raw: text };
}

/** `int.frac` with its point moved `places` to the right (left when negative), as text. */
export function movePoint(int: string, frac: string, places: number): string {
  let all = `${int}${frac}`;
  let point = int.length + places;
  if (point <= 0) {
    all = `${'0'.repeat(1 - point)}${all}`;
    point = 1;
  }
  if (point > all.length) all = all.padEnd(point, '0');
  const head = all.slice(0, point);
  const tail = all.slice(point);
  return tail === '' ? head : `${head}.${tail}`;
}
