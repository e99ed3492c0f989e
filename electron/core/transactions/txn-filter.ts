import type { TxnFilter, TxnFlag, TxnSort } from '@shared/domain';
import type { CounterpartyMatch } from './counterparty-match';

/** A WHERE clause over `txn t` with its positional parameters. */
export interface SqlWhere {
  sql: string;
  params: (string | number)[];
}

/**
 * Each mark as SQL over `txn t`. Reversal covers both rows of a pair: the reversal points at its original, and the
 * original is found among the rows pointed at (a subquery SQLite computes once per statement, not per row).
 */
export const FLAG_SQL: Readonly<Record<TxnFlag, string>> = {
  duplicate: 't.dup_of IS NOT NULL',
  mirror: 't.mirror_id IS NOT NULL',
  failed: 't.succeeded = 0',
  balanceBreak: 't.balance_expected IS NOT NULL',
  reversal: '(t.reversal_of IS NOT NULL OR t.id IN (SELECT reversal_of FROM txn WHERE reversal_of IS NOT NULL))',
  linkedChat: 't.id IN (SELECT txn_id FROM message WHERE txn_id IS NOT NULL)',
};

/** `%text%` for LIKE with the user's own % and _ taken literally (ESCAPE '\'). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** How counterparty texts are looked up in the case (without it, the filter is plain SQL: LIKE and equality). */
export interface CounterpartyLookup {
  /** the counterparties whose number or name contains the text; null = too many to list, scan instead */
  containing(text: string): CounterpartyMatch | null;
  /** some row has this exact counterparty number */
  isNumber(text: string): boolean;
}

/**
 * The filter as SQL over `txn t`. Every clause is written so SQLite can use an index where one exists: own
 * accounts by id (txn_account_time, txn_account_amount), counterparties as the list of numbers and names the text
 * stands for (txn_cp_account, and an index on cp_name where the case has one), time ranges (txn_time); amounts are
 * compared on both signs of the stored signed value rather than through abs().
 */
export function whereOf(filter: TxnFilter, counterparties?: CounterpartyLookup): SqlWhere {
  const clauses: string[] = [];
  const params: (string | number)[] = [];

  if (filter.accountIds !== undefined) {
    if (filter.accountIds.length === 0) clauses.push('0');
    else {
      clauses.push(`t.account_id IN (${filter.accountIds.map(() => '?').join(',')})`);
      params.push(...filter.accountIds);
    }
  }
  if (filter.account !== undefined) {
    clauses.push('t.account_id IN (SELECT coalesce(merged_into, id) FROM account WHERE number = ? OR card_number = ? OR account_number = ?)');
    params.push(filter.account, filter.account, filter.account);
  }
  if (filter.counterparty !== undefined) {
    const exact = filter.counterpartyExact === true;
    const match = exact ? null : (counterparties?.containing(filter.counterparty) ?? null);
    if (match) {
      const parts: string[] = [];
      if (match.accounts.length > 0) parts.push(`t.cp_account IN (${match.accounts.map(() => '?').join(',')})`);
      if (match.names.length > 0) parts.push(`t.cp_name IN (${match.names.map(() => '?').join(',')})`);
      clauses.push(parts.length > 0 ? `(${parts.join(' OR ')})` : '0');
      params.push(...match.accounts, ...match.names);
    } else if (exact && counterparties) {
      // an exact text that is some row's counterparty number is that number (one index probe to know); anything
      // else is a name: one column each, so each can use its own index
      clauses.push(counterparties.isNumber(filter.counterparty) ? 't.cp_account = ?' : 't.cp_name = ?');
      params.push(filter.counterparty);
    } else if (exact) {
      clauses.push('(t.cp_account = ? OR t.cp_name = ?)');
      params.push(filter.counterparty, filter.counterparty);
    } else {
      clauses.push("(t.cp_account LIKE ? ESCAPE '\\' OR t.cp_name LIKE ? ESCAPE '\\')");
      const pattern = likeContains(filter.counterparty);
      params.push(pattern, pattern);
    }
  }
  const min = filter.amountMinMinor;
  const max = filter.amountMaxMinor;
  if (min !== undefined || max !== undefined) {
    const low = min ?? 0;
    if (max !== undefined) {
      clauses.push('(t.amount_minor BETWEEN ? AND ? OR t.amount_minor BETWEEN ? AND ?)');
      params.push(low, max, -max, -low);
    } else {
      clauses.push('(t.amount_minor >= ? OR t.amount_minor <= ?)');
      params.push(low, -low);
    }
  }
  if (filter.fromUtc !== undefined) {
    clauses.push('t.ts_utc >= ?');
    params.push(filter.fromUtc);
  }
  if (filter.toUtc !== undefined) {
    clauses.push('t.ts_utc < ?');
    params.push(filter.toUtc);
  }
  if (filter.direction !== undefined) {
    clauses.push('t.direction = ?');
    params.push(filter.direction);
  }
  for (const [flag, wanted] of Object.entries(filter.flags ?? {}) as [TxnFlag, boolean | undefined][]) {
    if (wanted === undefined) continue;
    clauses.push(wanted ? FLAG_SQL[flag] : `NOT ${FLAG_SQL[flag]}`);
  }
  if (filter.sourceId !== undefined) {
    clauses.push('t.source_id = ?');
    params.push(filter.sourceId);
  }
  if (filter.tagId !== undefined) {
    clauses.push("t.id IN (SELECT item_id FROM tag_link WHERE tag_id = ? AND item_type = 'txn')");
    params.push(filter.tagId);
  }
  if (filter.quick !== undefined && filter.quick !== '') {
    const pattern = likeContains(filter.quick);
    clauses.push("(t.summary LIKE ? ESCAPE '\\' OR t.cp_name LIKE ? ESCAPE '\\' OR t.txn_no LIKE ? ESCAPE '\\')");
    params.push(pattern, pattern, pattern);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * The SQL each sortable column sorts by. Columns of the own account sort through a subquery on account (few rows,
 * one lookup by primary key). 'amount' is the size of the amount: `abs()` of the signed value.
 */
const SORT_SQL: Readonly<Record<TxnSort[number]['column'], string>> = {
  time: 't.ts_utc',
  amount: 'abs(t.amount_minor)',
  balance: 't.balance_minor',
  account: '(SELECT number FROM account WHERE id = t.account_id)',
  holder: '(SELECT holder_name FROM account WHERE id = t.account_id)',
  cpAccount: 't.cp_account',
  cpName: 't.cp_name',
  cpBank: 't.cp_bank',
  direction: 't.direction',
  summary: 't.summary',
  channel: 't.channel',
  ip: 't.ip',
  mac: 't.mac',
  txnNo: 't.txn_no',
  id: 't.id',
};

/** ORDER BY for a sort, with id as the last key so every order is total and pages never overlap. */
export function orderOf(sort: TxnSort): string {
  const keys = sort.filter((key) => key.column !== 'id').map((key) => `${SORT_SQL[key.column]} ${key.dir === 'desc' ? 'DESC' : 'ASC'}`);
  const idKey = sort.find((key) => key.column === 'id');
  // ties follow the first key's direction, so a descending sort lists the latest import of equal keys first
  const tieDir = (idKey ?? sort[0])?.dir === 'desc' ? 'DESC' : 'ASC';
  return `ORDER BY ${[...keys, `t.id ${tieDir}`].join(', ')}`;
}
