import { foldWidth } from '../ids/fold-width';
import { CURRENCY_PREFIXES, CURRENCY_SUFFIXES } from './currency-words';
import type { AmountErrorReason, AmountResult, CurrencyCode } from './types';

export interface BankAmountOptions {
  /**
   * `1234.5000` (extra decimals that are all zeros) is exact and common in database exports: accepted by default.
   * 'reject' treats it like any value with more than two decimals.
   */
  extraZeroDecimals?: 'accept' | 'reject';
}

/** Largest integer-part digit count whose value in 分 stays a safe integer (≤ 9,007,199,254,740,991). */
const MAX_INTEGER_DIGITS = 13;

/**
 * Bank amount text → integer minor units. Accepts `1,234.56`, `-1234.5`, `1234`, full-width digits, `¥`/`RMB`/`元`
 * markers, `(1,234.56)` and a trailing minus as negatives, `+500.00`, surrounding tabs and spaces. Never throws:
 * bad data comes back as `{ ok: false, reason }`.
 */
export function parseBankAmount(text: string, options: BankAmountOptions = {}): AmountResult {
  const raw = text;
  const fail = (reason: AmountErrorReason): AmountResult => ({ ok: false, reason, raw });
  let s = foldWidth(text).trim();
  if (s === '' || /^[-—–]+$/.test(s)) return fail('empty');

  let negatives = 0;
  let positives = 0;
  if (s.startsWith('(') && s.endsWith(')')) {
    negatives++;
    s = s.slice(1, -1).trim();
  }
  let currency: CurrencyCode | undefined;
  for (let pass = 0; pass < 2; pass++) {
    const sign = /^[-+−]/.exec(s);
    if (sign) {
      if (sign[0] === '+') positives++;
      else negatives++;
      s = s.slice(1).trim();
    }
    if (currency === undefined) {
      for (const [re, code] of CURRENCY_PREFIXES) {
        const m = re.exec(s);
        if (m) {
          currency = code;
          s = s.slice(m[0].length).trim();
          break;
        }
      }
    }
  }
  for (const [re, code] of CURRENCY_SUFFIXES) {
    const m = re.exec(s);
    if (m) {
      if (currency !== undefined && currency !== code) return fail('not-a-number');
      currency = code;
      s = s.slice(0, s.length - m[0].length).trim();
      break;
    }
  }
  if (/^[\d.,]+-$/.test(s)) {
    negatives++;
    s = s.slice(0, -1);
  }
  if (negatives > 1 || (negatives > 0 && positives > 0) || positives > 1) return fail('conflicting-signs');
  if (/^[\d.,]*\d[eE][-+]?\d+$/.test(s)) return fail('exponent');
  if (!/^[\d,]*(?:\.\d*)?$/.test(s) || !/\d/.test(s)) return fail('not-a-number');

  const [intPartRaw = '', fracRaw = ''] = s.split('.');
  if (intPartRaw.includes(',') && !/^\d{1,3}(?:,\d{3})+$/.test(intPartRaw)) return fail('bad-grouping');
  const intPart = intPartRaw.replace(/,/g, '');
  let frac = fracRaw;
  if (frac.length > 2) {
    const extra = frac.slice(2);
    if (options.extraZeroDecimals === 'reject' || /[1-9]/.test(extra)) return fail('too-many-decimals');
    frac = frac.slice(0, 2);
  }
  const minor = digitsToMinor(intPart, frac);
  if (minor === null) return fail('too-large');
  const signed = negatives > 0 && minor !== 0 ? -minor : minor;
  return currency === undefined ? { ok: true, minor: signed, raw } : { ok: true, minor: signed, currency, raw };
}

/**
 * An integer field already in 分 (Tenpay 交易金额(分), 账户余额(分)): optional sign, digits, optional thousands
 * commas. A decimal point is refused (`not-integer`) rather than guessed at.
 */
export function parseFenAmount(text: string): AmountResult {
  const raw = text;
  const s = foldWidth(text).trim();
  if (s === '' || /^[-—–]+$/.test(s)) return { ok: false, reason: 'empty', raw };
  const m = /^([-+−]?)(\d{1,3}(?:,\d{3})+|\d+)$/.exec(s);
  if (!m) return { ok: false, reason: /^[-+−]?[\d,]*\.\d*$/.test(s) ? 'not-integer' : 'not-a-number', raw };
  const digits = (m[2] ?? '').replace(/,/g, '');
  const stripped = digits.replace(/^0+(?=\d)/, '');
  if (stripped.length > 15) return { ok: false, reason: 'too-large', raw };
  let minor = 0;
  for (let i = 0; i < stripped.length; i++) minor = minor * 10 + (stripped.charCodeAt(i) - 48);
  if (!Number.isSafeInteger(minor)) return { ok: false, reason: 'too-large', raw };
  return { ok: true, minor: m[1] !== '' && m[1] !== '+' && minor !== 0 ? -minor : minor, raw };
}

/** Digits of the integer part and up to two fraction digits → minor units, exactly; null beyond the safe range. */
export function digitsToMinor(intPart: string, frac: string): number | null {
  const integer = intPart.replace(/^0+(?=\d)/, '');
  if (integer.length > MAX_INTEGER_DIGITS) return null;
  const all = `${integer}${frac.padEnd(2, '0')}`;
  let minor = 0;
  for (let i = 0; i < all.length; i++) minor = minor * 10 + (all.charCodeAt(i) - 48);
  return Number.isSafeInteger(minor) ? minor : null;
}
