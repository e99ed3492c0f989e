import { deriveAmountDirection, normaliseDirection } from '../../money/direction';
import type { DerivedAmount } from '../../money/direction';
import { formatMinor } from '../../money/format';
import type { AmountErrorReason } from '../../money/types';
import { flagAsExtra } from '../direction-words';
import type { DirectionCodes } from '../direction-words';
import { parseAmountIn, YUAN } from '../money-unit';
import { AMOUNT_REASONS } from '../reasons';
import type { MoneyUnit } from '../money-unit';

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
  /** the 交易金额 column's header as printed, named when its unit is the problem (default 交易金额) */
  amountHeader?: string;
  /** the unit each amount column's header states (`交易金额(分)`, `支出金额(万元)`); 元 when absent */
  units?: Partial<Readonly<Record<AmountColumn, MoneyUnit>>>;
}

type AmountColumn = 'amount' | 'outAmount' | 'inAmount';

const REASONS: Readonly<Record<AmountErrorReason | 'both-columns' | 'no-amount', string>> = {
  ...AMOUNT_REASONS,
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
 * Amount cells in 元 as the conventions below read them: a column in another unit is turned into the same value in
 * 元, exactly (分 as a whole number only: `12.5` in a 分 column is an error, not a guess; 万元 by moving the point).
 * Otherwise the message for the failing column, which names its printed header and unit.
 */
function inYuan(cells: AmountCells): AmountCells | { message: string } {
  const units = cells.units;
  if (units === undefined) return cells;
  const converted = { ...cells };
  for (const column of ['amount', 'outAmount', 'inAmount'] as const) {
    const unit = units[column] ?? YUAN;
    const text = cells[column];
    if (unit.fenDigits === YUAN.fenDigits || isEmptyAmount(text)) continue;
    const header = column === 'outAmount' ? cells.outHeader : column === 'inAmount' ? cells.inHeader : (cells.amountHeader ?? '交易金额');
    if (unit.fenDigits === null) return { message: `${header}“${text.trim()}”的单位是“${unit.name}”，不是人民币元，无法换算，未导入` };
    const parsed = parseAmountIn(text, unit);
    if (!parsed.ok) {
      if (unit.fenDigits === 0) return { message: `${column === 'amount' ? '交易金额' : header}“${text.trim()}”不是以分为单位的整数` };
      return { message: `${header}“${text.trim()}”按${unit.name}换算为元后${REASONS[parsed.reason]}` };
    }
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
  if ('message' in cells) return { ok: false, message: cells.message };
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

/**
 * 交易余额 in the unit its header states: null when blank, or when the unit is no 人民币 unit (the file is warned
 * once, by header); 'bad' when present but unreadable (the row is kept, the file warned).
 */
export function readBalance(cell: string, unit: MoneyUnit = YUAN): number | null | 'bad' {
  if (unit.fenDigits === null) return null;
  const parsed = parseAmountIn(cell, unit);
  if (parsed.ok) return parsed.minor;
  return parsed.reason === 'empty' ? null : 'bad';
}
