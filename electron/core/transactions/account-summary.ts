import type { AccountSummary, TxnFilter } from '@shared/domain';
import type { Db } from '../db/connection';
import { memoised } from './query-cache';
import { whereFor } from './txn-query';

interface SummaryRaw {
  accountId: number;
  account: string;
  holder: string | null;
  bank: string | null;
  currency: string;
  inMinor: number;
  outMinor: number;
  inCount: number;
  outCount: number;
  rows: number;
  failed: number;
  duplicates: number;
  firstUtc: number | null;
  lastUtc: number | null;
  balanceBreaks: number;
  withBalance: number;
}

/**
 * Per own account (and currency) over the rows the filter leaves: money in and out and the net, counted over
 * successful, non-duplicate rows as `chainsight stats` counts them; every row, with the failed and duplicate ones
 * among them; first and last time; and the balance check — breaks in balance continuity, or 'unchecked' when the
 * statement carries no balances.
 */
export function accountSummary(db: Db, filter: TxnFilter = {}): AccountSummary[] {
  return memoised(db, `accountSummary ${JSON.stringify(filter)}`, () => summarise(db, filter));
}

function summarise(db: Db, filter: TxnFilter): AccountSummary[] {
  const where = whereFor(db, filter);
  const counted = 't.succeeded = 1 AND t.dup_of IS NULL';
  const rows = db
    .prepare(
      `SELECT t.account_id AS accountId, a.number AS account, a.holder_name AS holder, coalesce(a.bank_name, a.bank_guess) AS bank,
         t.currency,
         coalesce(sum(CASE WHEN ${counted} AND t.direction = 'in' THEN abs(t.amount_minor) END), 0) AS inMinor,
         coalesce(sum(CASE WHEN ${counted} AND t.direction = 'out' THEN abs(t.amount_minor) END), 0) AS outMinor,
         count(CASE WHEN ${counted} AND t.direction = 'in' THEN 1 END) AS inCount,
         count(CASE WHEN ${counted} AND t.direction = 'out' THEN 1 END) AS outCount,
         count(*) AS rows,
         count(CASE WHEN t.succeeded = 0 THEN 1 END) AS failed,
         count(t.dup_of) AS duplicates,
         min(t.ts_utc) AS firstUtc, max(t.ts_utc) AS lastUtc,
         count(t.balance_expected) AS balanceBreaks,
         count(t.balance_minor) AS withBalance
       FROM txn t JOIN account a ON a.id = t.account_id
       ${where.sql}
       -- '+' keeps SQLite from walking an account index for the grouping: reading the table in order and sorting
       -- the groups is several times faster than fetching every wide row in index order
       GROUP BY +t.account_id, t.currency
       ORDER BY a.holder_name IS NULL, a.holder_name, a.number, t.currency`,
    )
    .all(...where.params) as SummaryRaw[];
  return rows.map(({ withBalance, ...row }) => ({
    ...row,
    netMinor: row.inMinor - row.outMinor,
    balanceCheck: withBalance === 0 ? 'unchecked' : row.balanceBreaks > 0 ? 'breaks' : 'ok',
  }));
}
