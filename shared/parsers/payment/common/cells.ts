import { digitsToMinor, parseBankAmount } from '../../../money/index';
import type { AmountResult } from '../../../money/index';
import { cellText } from '../../tabular';
import { movePoint } from '../../money-unit';
import type { RowError, SourceRecord } from '../../types';

/**
 * Cell helpers shared by the payment formats: platform exports write "no value" as '/', 'null', '--' or nothing,
 * and spreadsheet re-saves turn amounts into binary floats.
 */

const EMPTY_MARKERS = new Set(['', '/', '-', '--', '—', 'null', 'NULL', 'Null', '<nil>', 'none', 'None', 'nan', 'NaN']);

/** The cell's text, or '' when it is one of the platforms' "no value" markers. */
export function clean(text: string | undefined): string {
  const t = cellText(text);
  return EMPTY_MARKERS.has(t) ? '' : t;
}

/** `clean` as an optional draft field. */
export function opt(text: string | undefined): string | undefined {
  const t = clean(text);
  return t === '' ? undefined : t;
}

/** Non-empty parts joined for a memo; undefined when nothing is left. */
export function joinParts(parts: readonly (string | undefined)[], separator = '; '): string | undefined {
  const kept = parts.map((part) => clean(part)).filter((part) => part !== '');
  return kept.length === 0 ? undefined : kept.join(separator);
}

export function rowError(record: SourceRecord, code: RowError['code'], message: string): RowError {
  return { type: 'error', sheet: record.sheet, line: record.line, code, message };
}

/**
 * An amount in 元. Besides everything parseBankAmount accepts, the float noise of a number re-saved by a spreadsheet
 * (`548.58000000000004`, `7.0000000000000007E-2`) is read back to its two decimals, exactly and only when the digits
 * beyond the second decimal are such noise (a run of at least six 0s or 9s); anything else stays an error.
 */
export function parseYuan(text: string): AmountResult {
  const t = clean(text);
  const direct = parseBankAmount(t);
  if (direct.ok || (direct.reason !== 'too-many-decimals' && direct.reason !== 'exponent')) return { ...direct, raw: text };
  const noise = spreadsheetNoise(t);
  return noise === null ? { ...direct, raw: text } : { ok: true, minor: noise, raw: text };
}

function spreadsheetNoise(text: string): number | null {
  const m = /^([-+]?)(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d{1,3}))?$/.exec(text);
  if (!m) return null;
  const [intPart = '', frac = ''] = movePoint(m[2] ?? '', m[3] ?? '', Number(m[4] ?? '0')).split('.');
  const tail = frac.slice(2);
  let roundUp = false;
  if (tail !== '' && !/^0{6,}\d*$/.test(tail)) {
    if (!/^9{6,}\d*$/.test(tail)) return null;
    roundUp = true;
  }
  const minor = digitsToMinor(intPart, frac.slice(0, 2));
  if (minor === null) return null;
  const magnitude = roundUp ? minor + 1 : minor;
  return m[1] === '-' && magnitude !== 0 ? -magnitude : magnitude;
}

/** ISO code for the currency words of 币种 columns; the text itself (upper-cased) when unknown. */
export function currencyCode(text: string): string {
  const t = clean(text).toUpperCase();
  if (t === '' || t === '人民币' || t === 'RMB' || t === 'CNY' || t === '156' || t === '人民币元') return 'CNY';
  if (t === '美元' || t === 'USD' || t === '840') return 'USD';
  if (t === '港币' || t === '港元' || t === 'HKD' || t === '344') return 'HKD';
  if (t === '欧元' || t === 'EUR' || t === '978') return 'EUR';
  return t;
}

/** Transaction states that mean the money did not move (closed, failed, cancelled, never paid). */
const NOT_DONE = /关闭|失败|取消|撤销|撤回|未付款|等待付款|待付款|未完成|未支付|拒绝|超时|冲正/;

/**
 * Whether a platform's 交易状态/当前状态 says the transaction went through. Refunded payments did happen (the refund
 * is its own row); only explicit failure words make a row unsuccessful, so unknown states stay successful.
 */
export function statusSucceeded(status: string): boolean {
  return !NOT_DONE.test(clean(status));
}

/** A magnitude signed by direction (negative = out of the account); never -0. */
export function signedMinor(direction: 'in' | 'out' | null, magnitude: number): number {
  return direction === 'out' && magnitude !== 0 ? -magnitude : magnitude;
}
