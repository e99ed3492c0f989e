import { deriveAmountDirection, normaliseDirection } from '../../money/direction';
import type { DerivedAmount } from '../../money/direction';
import { formatMinor } from '../../money/format';
import { parseBankAmount, parseFenAmount } from '../../money/parse-amount';
import type { AmountErrorReason } from '../../money/types';
import { flagAsExtra } from '../direction-words';
import type { DirectionCodes } from '../direction-words';

export type AmountNote = 'unknown-direction' | 'direction-from-sign' | 'negative-with-flag';

export type AmountOutcome =
  | {
      ok: true;
      /** signed by direction (negative = out); the magnitude when the direction is unknown */
      amountMinor: number;
      direction: 'in' | 'out' | null;
      directionRaw: string;
      notes: AmountNote[];
    }
  | { ok: false; message: string };

export interface AmountCells {
  amount: string;
  outAmount: string;
  inAmount: string;
  flag: string;
  hasFlagColumn: boolean;
  /** the split columns' headers as printed, reported as the direction's raw text */
  outHeader: string;
  inHeader: string;
  /** the file's own flag codes, from a legend in the flag column's header (`借贷标志(0-借;1-贷)`) */
  codes?: DirectionCodes | undefined;
  /** the columns whose header says the amounts are in 分 (`交易金额(分)`) */
  inFen?: Partial<Readonly<Record<'amount' | 'outAmount' | 'inAmount', boolean>>>;
}

const REASONS: Readonly<Record<AmountErrorReason | 'both-columns' | 'no-amount', string>> = {
  empty: '为空',
  'not-a-number': '不是数字',
  'bad-grouping': '千分位分隔不正确',
  exponent: '是科学计数法（原值已失真）',
  'too-many-decimals': '小数超过两位',
  'not-integer': '不是整数',
  'conflicting-signs': '正负号矛盾',
  'too-large': '超出可精确表示的范围',
  'both-columns': '支出和存入两列都有金额',
  'no-amount': '支出和存入两列都为空',
};

/** Blank, or a dash placeholder (`-`, `--`, `——`) that banks print for no amount. */
function isEmptyAmount(cell: string): boolean {
  return /^[-—–\s]*$/.test(cell);
}

/**
 * True when the row has any amount at all (a row without one is feedback or damage, decided by the caller); a dash
 * in an amount column is no amount.
 */
export function hasAmount(cells: AmountCells): boolean {
  return [cells.amount, cells.outAmount, cells.inAmount].some((cell) => !isEmptyAmount(cell));
}

/**
 * Amount cells in 元 as the conventions below read them: a column in 分 is turned into the same value in 元 (a
 * whole number of 分 only; `12.5` in a 分 column is an error, not a guess). Otherwise the failing column and its text.
 */
function inYuan(cells: AmountCells): AmountCells | { column: 'amount' | 'outAmount' | 'inAmount'; text: string } {
  const fen = cells.inFen;
  if (fen === undefined || (fen.amount !== true && fen.outAmount !== true && fen.inAmount !== true)) return cells;
  const converted = { ...cells };
  for (const column of ['amount', 'outAmount', 'inAmount'] as const) {
    if (fen[column] !== true || isEmptyAmount(cells[column])) continue;
    const parsed = parseFenAmount(cells[column]);
    if (!parsed.ok) return { column, text: cells[column] };
    converted[column] = formatMinor(parsed.minor, { grouping: false });
  }
  return converted;
}

/**
 * Amount and direction under the three conventions of DOMAIN.md §1.1. Split 支出/存入 columns win when either holds
 * a value; otherwise 交易金额 is read with the flag column when the layout has one, else as a signed amount.
 *
 * With a flag: the flag decides and a negative amount is taken as its magnitude (money/direction.ts). A blank or
 * unknown flag (the stray `O`, DOMAIN.md) leaves the direction unknown and the amount unsigned, except that a
 * negative amount is read as 出: every convention we know of writes outflows, never inflows, with a minus.
 */
export function readBankAmount(given: AmountCells): AmountOutcome {
  const cells = inYuan(given);
  if ('column' in cells) {
    const name = cells.column === 'outAmount' ? given.outHeader : cells.column === 'inAmount' ? given.inHeader : '交易金额';
    return { ok: false, message: `${name}“${cells.text.trim()}”不是以分为单位的整数` };
  }
  if (!isEmptyAmount(cells.outAmount) || !isEmptyAmount(cells.inAmount)) {
    const derived = deriveAmountDirection({ kind: 'split', outAmount: cells.outAmount, inAmount: cells.inAmount });
    if (!derived.ok) {
      if (derived.column === 'out') return failure(derived, cells.outHeader, cells.outAmount);
      if (derived.column === 'in') return failure(derived, cells.inHeader, cells.inAmount);
      return failure(derived, `${cells.outHeader}/${cells.inHeader}`, `${cells.outAmount.trim()}/${cells.inAmount.trim()}`);
    }
    const raw = derived.direction === 'out' ? cells.outHeader : derived.direction === 'in' ? cells.inHeader : '';
    return { ok: true, amountMinor: derived.signedMinor ?? derived.amountMinor, direction: derived.direction, directionRaw: raw, notes: [] };
  }
  if (cells.hasFlagColumn) {
    // the plain words (进/出, 借/贷, D/C …) need no help; coded and bilingual flags get their direction from direction-words
    const plain = cells.codes === undefined && normaliseDirection(cells.flag).direction !== null;
    const extraFlags = plain ? undefined : flagAsExtra(cells.flag, cells.codes);
    const derived = deriveAmountDirection({ kind: 'flag', amount: cells.amount, flag: cells.flag, extraFlags });
    if (!derived.ok) return failure(derived, '交易金额', cells.amount);
    const negative = derived.warnings.includes('negative-amount-with-flag');
    const flag = cells.flag.trim();
    if (derived.direction === null) {
      if (negative) return { ok: true, amountMinor: -derived.amountMinor, direction: 'out', directionRaw: '-', notes: ['direction-from-sign'] };
      return { ok: true, amountMinor: derived.amountMinor, direction: null, directionRaw: flag, notes: ['unknown-direction'] };
    }
    return { ok: true, amountMinor: derived.signedMinor ?? derived.amountMinor, direction: derived.direction, directionRaw: flag, notes: negative ? ['negative-with-flag'] : [] };
  }
  const derived = deriveAmountDirection({ kind: 'signed', amount: cells.amount });
  if (!derived.ok) return failure(derived, '交易金额', cells.amount);
  const sign = derived.direction === 'out' ? '-' : derived.direction === 'in' ? '+' : '';
  return { ok: true, amountMinor: derived.signedMinor ?? derived.amountMinor, direction: derived.direction, directionRaw: sign, notes: [] };
}

function failure(derived: Extract<DerivedAmount, { ok: false }>, column: string, value: string): AmountOutcome {
  return { ok: false, message: `${column}“${value.trim()}”${REASONS[derived.reason]}` };
}

/** 交易余额: null when blank; 'bad' when present but unreadable (the row is kept, the file warned); `inFen` per its header. */
export function readBalance(cell: string, inFen = false): number | null | 'bad' {
  const parsed = inFen ? parseFenAmount(cell) : parseBankAmount(cell);
  if (parsed.ok) return parsed.minor;
  return parsed.reason === 'empty' ? null : 'bad';
}
