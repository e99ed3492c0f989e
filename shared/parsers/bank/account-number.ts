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

/**
 * Normalises an account or card number cell: full-width digits folded, an Excel text apostrophe dropped, a `_<n>`
 * sub-account suffix split off (`6217…_1`), and `-` or spaces removed where they only separate groups of digits and
 * letters (`4563-5100-…`, `6222 0202 …`). Anything else is kept as written (upper-cased) rather than mangled, so a
 * masked `6222****1234` never collapses into a different, real-looking number.
 */
export function splitAccountNumber(cell: string): SplitNumber {
  let text = foldWidth(cell).trim().replace(/^'/, '').trim();
  if (PLACEHOLDER.test(text)) return EMPTY;
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
