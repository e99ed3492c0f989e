import { deriveAmountDirection } from '../../money/direction';
import type { DerivedAmount } from '../../money/direction';
import { parseBankAmount } from '../../money/parse-amount';
import type { AmountErrorReason } from '../../money/types';

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

/** True when the row has any amount at all (a row without one is feedback or damage, decided by the caller). */
export function hasAmount(cells: AmountCells): boolean {
  return [cells.amount, cells.outAmount, cells.inAmount].some((cell) => cell.trim() !== '');
}

/**
 * Amount and direction under the three conventions of DOMAIN.md §1.1. Split 支出/存入 columns win when either holds
 * a value; otherwise 交易金额 is read with the flag column when the layout has one, else as a signed amount.
 *
 * With a flag: the flag decides and a negative amount is taken as its magnitude (money/direction.ts). A blank or
 * unknown flag (the stray `O`, DOMAIN.md) leaves the direction unknown and the amount unsigned, except that a
 * negative amount is read as 出: every convention we know of writes outflows, never inflows, with a minus.
 */
export function readBankAmount(cells: AmountCells): AmountOutcome {
  if (cells.outAmount.trim() !== '' || cells.inAmount.trim() !== '') {
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
    const derived = deriveAmountDirection({ kind: 'flag', amount: cells.amount, flag: cells.flag });
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

/** 交易余额: null when blank; 'bad' when present but unreadable (the row is kept, the file warned). */
export function readBalance(cell: string): number | null | 'bad' {
  const parsed = parseBankAmount(cell);
  if (parsed.ok) return parsed.minor;
  return parsed.reason === 'empty' ? null : 'bad';
}
