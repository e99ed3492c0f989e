import { luhnValid } from '../../ids/bank-card';
import { foldWidth } from '../../ids/fold-width';
import type { AccountRef } from '../types';

/** An account or card number as the rows are keyed by, and the sub-account it named (DOMAIN.md §1.1). */
export interface SplitNumber {
  /** digits and letters (upper-cased); '' when the cell held nothing usable */
  number: string;
  /** the `_n` suffix without its underscore; '' when none */
  subAccount: string;
}

const EMPTY: SplitNumber = { number: '', subAccount: '' };

/** Cells banks fill in when they have no number: dashes, zeros, 无/空/null. */
const PLACEHOLDER = /^(?:[-—–_*\s]*|0+|无|空|null|none|n\/a)$/i;

/** `6.22202E+18`: Excel showed a long number in scientific notation and the digits after the sixth are gone. */
const EXPONENT = /^\d(?:\.\d+)?E\+\d{1,2}$/i;

/** The cell without the wrappers spreadsheets add to keep a number as text: `'6222…`, `="6222…"`, `6222….0`. */
function unwrapped(cell: string): string {
  let text = foldWidth(cell).trim();
  const formula = /^="(.*)"$/.exec(text);
  if (formula) text = (formula[1] ?? '').trim();
  text = text.replace(/^'/, '').trim();
  const float = /^(\d+)\.0+$/.exec(text);
  return float ? (float[1] ?? '') : text;
}

export type NumberDamage = 'exponent' | 'digits-lost';

/**
 * How a spreadsheet damaged a number, if it visibly did: `exponent` (`6.22202E+18`, unrecoverable: never used as a
 * number), `digits-lost` (a 17–19-digit number whose tail is what a floating-point number keeps of it: Excel's 15
 * significant digits followed by zeros, or JavaScript's shortest form of a double above 2^53; kept, but warned
 * about, since two cards may now read the same).
 */
export function numberDamage(cell: string): NumberDamage | null {
  const text = unwrapped(cell);
  if (EXPONENT.test(text)) return 'exponent';
  if (!/^\d{17,19}$/.test(text)) return null;
  if (/^0+$/.test(text.slice(15))) return 'digits-lost';
  const value = Number(text);
  return value > Number.MAX_SAFE_INTEGER && String(value) === text && text.endsWith('00') ? 'digits-lost' : null;
}

/**
 * A 卡号 cell holding what looks like a bank card (16–19 digits with a card scheme's first digit: 3 JCB/Amex,
 * 4 Visa, 5 Mastercard, 6 UnionPay) that fails the Luhn check; 账号 columns are never checked (DOMAIN.md §5).
 */
export function failsCardCheck(cell: string): boolean {
  const { number } = splitAccountNumber(cell);
  return /^[3-6]\d{15,18}$/.test(number) && !luhnValid(number);
}

/**
 * Normalises an account or card number cell: full-width digits folded, an Excel text apostrophe, `="…"` wrapper or
 * `.0` float tail dropped, a `_<n>` sub-account suffix split off (`6217…_1`), and `-` or spaces removed where they
 * only separate groups of digits and letters (`4563-5100-…`, `6222 0202 …`). A number Excel turned into scientific
 * notation gives nothing (see numberDamage). Anything else is kept as written (upper-cased) rather than mangled, so a
 * masked `6222****1234` never collapses into a different, real-looking number.
 */
export function splitAccountNumber(cell: string): SplitNumber {
  let text = unwrapped(cell);
  if (PLACEHOLDER.test(text) || EXPONENT.test(text)) return EMPTY;
  let subAccount = '';
  const suffix = /^(.*[0-9A-Za-z])_(\d{1,6})$/.exec(text);
  if (suffix) {
    text = suffix[1] ?? '';
    subAccount = suffix[2] ?? '';
  }
  if (/^[0-9A-Za-z]+(?:(?:-|\s+)[0-9A-Za-z]+)*$/.test(text)) text = text.replace(/[-\s]+/g, '');
  return { number: text.toUpperCase(), subAccount };
}

export interface AccountParts {
  card: string;
  account: string;
  /** a further fallback, e.g. 网银标准 查询卡号 (the number the request asked about) */
  fallback?: string;
  bankName?: string | undefined;
  holderName?: string | undefined;
  holderId?: string | undefined;
}

/**
 * The subject account of a row: keyed by the card number, else the account number, else the fallback; both
 * numbers are kept. The `_n` suffix of whichever carries one becomes `subAccount`. Null when no number is present.
 */
export function bankAccountRef(parts: AccountParts): AccountRef | null {
  const card = splitAccountNumber(parts.card);
  const account = splitAccountNumber(parts.account);
  const fallback = splitAccountNumber(parts.fallback ?? '');
  const number = card.number || account.number || fallback.number;
  if (number === '') return null;
  return {
    kind: 'bank',
    number,
    subAccount: card.subAccount || account.subAccount || (card.number || account.number ? '' : fallback.subAccount),
    cardNumber: card.number || undefined,
    accountNumber: account.number || undefined,
    bankName: parts.bankName || undefined,
    holderName: parts.holderName || undefined,
    holderId: parts.holderId || undefined,
  };
}

/** Distinct subjects one cache keeps before starting over (hostile files with a new number on every row). */
const MAX_CACHED_REFS = 10_000;

/**
 * The rows of one statement repeat the same subject (卡号, 账号, 户名, 证件号 …): the reference for the same cells is
 * built once and shared, frozen, by every row that names it.
 */
export class AccountRefCache {
  private readonly refs = new Map<string, AccountRef | null>();

  get(parts: AccountParts): AccountRef | null {
    const key = `${parts.card}\u0000${parts.account}\u0000${parts.fallback ?? ''}\u0000${parts.bankName ?? ''}\u0000${parts.holderName ?? ''}\u0000${parts.holderId ?? ''}`;
    let ref = this.refs.get(key);
    if (ref === undefined) {
      const built = bankAccountRef(parts);
      ref = built === null ? null : Object.freeze(built);
      if (this.refs.size >= MAX_CACHED_REFS) this.refs.clear();
      this.refs.set(key, ref);
    }
    return ref;
  }
}

/**
 * A counterparty number in the same form as `AccountRef.number` (suffix dropped) so that both legs of a transfer
 * between two queried accounts meet; the cell as written stays in the row's raw values.
 */
export function counterpartyNumber(cell: string): string | undefined {
  return splitAccountNumber(cell).number || undefined;
}

/** ID numbers: full-width folded, inner spaces removed, a lower-case check `x` upper-cased; undefined when blank. */
export function idNumber(cell: string): string | undefined {
  const text = foldWidth(cell).trim().replace(/\s+/g, '').toUpperCase();
  return PLACEHOLDER.test(text) ? undefined : text;
}

/** Names and other free text: trimmed (full-width brackets kept as written); undefined when blank or a dash. */
export function textOrUndefined(cell: string): string | undefined {
  const text = cell.trim();
  return text === '' || /^[-—–]+$/.test(text) ? undefined : text;
}
