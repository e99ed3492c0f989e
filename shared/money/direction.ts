import { foldWidth } from '../ids/fold-width';
import { parseBankAmount } from './parse-amount';
import type { AmountErrorReason, CurrencyCode } from './types';

export type Direction = 'in' | 'out';

export interface DirectionResult {
  /** null when the value is blank, unknown (stray codes such as `O`) or neither way (支付宝 不计收支). */
  direction: Direction | null;
  raw: string;
  reason?: 'empty' | 'unknown' | 'neutral';
}

/**
 * Direction words of 查控 returns (收付标志 / 借贷标志), Alipay (收/支) and Tenpay (借贷类型 出/入), upper-cased.
 * 借/贷 are from the bank's books: a debit (借, D) takes money out of the customer's account.
 */
const IN_WORDS = ['进', '入', '收', '收入', '贷', '贷方', '存', '存入', '转入', '入账', '进账', '来账', '收款', 'C', 'CR', 'CREDIT', 'IN', '+'];
const OUT_WORDS = ['出', '付', '支', '支出', '借', '借方', '取', '取出', '转出', '出账', '往账', '付款', '支付', 'D', 'DR', 'DEBIT', 'OUT', '-'];
const NEUTRAL_WORDS = ['不计收支'];

const TABLE = new Map<string, Direction>([
  ...IN_WORDS.map((w) => [w, 'in'] as const),
  ...OUT_WORDS.map((w) => [w, 'out'] as const),
]);

/**
 * Normalises a direction flag, keeping the raw value. `extra` adds a source's own codes (for example a bank whose
 * flag is `1`/`2`), checked first; nothing is guessed.
 */
export function normaliseDirection(raw: string, extra?: Readonly<Record<string, Direction>>): DirectionResult {
  const key = foldWidth(raw).trim().toUpperCase();
  if (key === '') return { direction: null, raw, reason: 'empty' };
  const custom = extra?.[key] ?? extra?.[raw.trim()];
  if (custom) return { direction: custom, raw };
  const known = TABLE.get(key);
  if (known) return { direction: known, raw };
  if (NEUTRAL_WORDS.includes(key)) return { direction: null, raw, reason: 'neutral' };
  return { direction: null, raw, reason: 'unknown' };
}

/** The three ways banks state direction: a flag column, a signed amount, or separate 支出/存入 columns. */
export type AmountConvention =
  | { kind: 'flag'; amount: string; flag: string; extraFlags?: Readonly<Record<string, Direction>> }
  | { kind: 'signed'; amount: string }
  | { kind: 'split'; outAmount: string; inAmount: string };

export type AmountWarning =
  | 'unknown-direction'
  | 'neutral-direction'
  | 'negative-amount-with-flag'
  | 'negative-in-split-column'
  | 'zero-amount';

export type DerivedAmount =
  | {
      ok: true;
      /** Magnitude in minor units (≥ 0). */
      amountMinor: number;
      direction: Direction | null;
      /** + in / − out; null when the direction is unknown. */
      signedMinor: number | null;
      currency?: CurrencyCode;
      /** The flag as written, for 'flag' rows. */
      rawDirection: string | null;
      warnings: AmountWarning[];
    }
  | { ok: false; reason: AmountErrorReason | 'both-columns' | 'no-amount'; column?: 'amount' | 'out' | 'in' };

/**
 * Amount and direction from any of the three conventions. With a flag and a negative amount the flag wins, the
 * magnitude is used and the row is warned about (some banks sign outflows redundantly, others mark reversals so:
 * balance continuity tells them apart). Split columns: a value in both is an error; a negative value is netted
 * (存入 − 支出) and warned about.
 */
export function deriveAmountDirection(input: AmountConvention): DerivedAmount {
  if (input.kind === 'flag') {
    const amount = parseBankAmount(input.amount);
    if (!amount.ok) return { ok: false, reason: amount.reason, column: 'amount' };
    const dir = normaliseDirection(input.flag, input.extraFlags);
    const warnings: AmountWarning[] = [];
    if (dir.direction === null) warnings.push(dir.reason === 'neutral' ? 'neutral-direction' : 'unknown-direction');
    if (amount.minor < 0) warnings.push('negative-amount-with-flag');
    const magnitude = Math.abs(amount.minor);
    if (magnitude === 0) warnings.push('zero-amount');
    const signedMinor = dir.direction === null ? null : dir.direction === 'in' ? magnitude : -magnitude;
    return withCurrency({ ok: true, amountMinor: magnitude, direction: dir.direction, signedMinor, rawDirection: input.flag, warnings }, amount.currency);
  }
  if (input.kind === 'signed') {
    const amount = parseBankAmount(input.amount);
    if (!amount.ok) return { ok: false, reason: amount.reason, column: 'amount' };
    return withCurrency(fromSigned(amount.minor, []), amount.currency);
  }
  const out = parseOptional(input.outAmount);
  const inn = parseOptional(input.inAmount);
  if (out !== null && !out.ok) return { ok: false, reason: out.reason, column: 'out' };
  if (inn !== null && !inn.ok) return { ok: false, reason: inn.reason, column: 'in' };
  if (out === null && inn === null) return { ok: false, reason: 'no-amount' };
  const outMinor = out?.minor ?? 0;
  const inMinor = inn?.minor ?? 0;
  if (outMinor !== 0 && inMinor !== 0) return { ok: false, reason: 'both-columns' };
  const warnings: AmountWarning[] = outMinor < 0 || inMinor < 0 ? ['negative-in-split-column'] : [];
  return withCurrency(fromSigned(inMinor - outMinor, warnings), inn?.currency ?? out?.currency);
}

function fromSigned(signed: number, warnings: AmountWarning[]): Extract<DerivedAmount, { ok: true }> {
  if (signed === 0) {
    return { ok: true, amountMinor: 0, direction: null, signedMinor: 0, rawDirection: null, warnings: [...warnings, 'zero-amount'] };
  }
  return { ok: true, amountMinor: Math.abs(signed), direction: signed > 0 ? 'in' : 'out', signedMinor: signed, rawDirection: null, warnings };
}

function withCurrency(result: Extract<DerivedAmount, { ok: true }>, currency: CurrencyCode | undefined): DerivedAmount {
  return currency === undefined ? result : { ...result, currency };
}

function parseOptional(text: string): ReturnType<typeof parseBankAmount> | null {
  const result = parseBankAmount(text);
  return !result.ok && result.reason === 'empty' ? null : result;
}
