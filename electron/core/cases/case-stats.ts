import type { CaseStats } from '@shared/domain';
import type { CaseSession } from './case-session';

const count = (session: CaseSession, sql: string): number => (session.db.prepare(sql).get() as { n: number }).n;

function byCurrency(session: CaseSession, direction: 'in' | 'out'): Record<string, number> {
  const rows = session.db
    .prepare(
      `SELECT currency, SUM(ABS(amount_minor)) AS total FROM txn
       WHERE succeeded = 1 AND dup_of IS NULL AND direction = ? GROUP BY currency ORDER BY currency`,
    )
    .all(direction) as { currency: string; total: number }[];
  return Object.fromEntries(rows.map((row) => [row.currency, row.total]));
}

/**
 * The figures of `chainsight stats` and the dashboard (ARCHITECTURE.md §6). `transactions` counts every imported
 * row, bank-failed and duplicate ones included; sums count successful, non-duplicate rows, each in its own
 * account's statement (a transfer between two subjects is an outflow of one and an inflow of the other).
 */
export function caseStats(session: CaseSession): CaseStats {
  const identifiers = session.db.prepare('SELECT type, count(*) AS n FROM identifier GROUP BY type ORDER BY type').all() as {
    type: string;
    n: number;
  }[];
  return {
    sources: count(session, 'SELECT count(*) AS n FROM source'),
    transactions: count(session, 'SELECT count(*) AS n FROM txn'),
    messages: 0,
    accounts: count(session, 'SELECT count(*) AS n FROM account'),
    conversations: 0,
    handles: 0,
    failed: count(session, 'SELECT count(*) AS n FROM txn WHERE succeeded = 0'),
    rejected: count(session, 'SELECT count(*) AS n FROM row_error'),
    duplicates: count(session, 'SELECT count(*) AS n FROM txn WHERE dup_of IS NOT NULL'),
    mirrorPairs: count(session, 'SELECT count(*) AS n FROM txn WHERE mirror_id IS NOT NULL AND id < mirror_id'),
    balanceBreaks: count(session, 'SELECT count(*) AS n FROM txn WHERE balance_expected IS NOT NULL'),
    sumInMinor: byCurrency(session, 'in'),
    sumOutMinor: byCurrency(session, 'out'),
    audit: session.audit.verify(),
    lexiconHits: {},
    identifiers: Object.fromEntries(identifiers.map((row) => [row.type, row.n])),
  };
}
