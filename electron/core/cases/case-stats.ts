import type { CaseStats } from '@shared/domain';
import type { CaseSession } from './case-session';

/** Identifiers found in message text, counted under the names the identifier table uses for the same things. */
const MENTION_TYPE: Readonly<Record<string, string>> = {
  mobile: 'phone',
  landline: 'phone',
  'resident-id': 'id_card',
  'bank-card': 'bank_card',
  'bank-account': 'bank_account',
  'alipay-uid': 'alipay_uid',
  'wechat-id': 'wechat_id',
  'credit-code': 'credit_code',
  ipv4: 'ip',
  ipv6: 'ip',
};

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
  const mentioned = session.db.prepare("SELECT kind, count(*) AS n FROM mention WHERE kind <> 'amount' GROUP BY kind").all() as { kind: string; n: number }[];
  const identifierCounts: Record<string, number> = Object.fromEntries(identifiers.map((row) => [row.type, row.n]));
  for (const row of mentioned) {
    const type = MENTION_TYPE[row.kind] ?? row.kind.replace(/-/g, '_');
    identifierCounts[type] = (identifierCounts[type] ?? 0) + row.n;
  }
  const lexiconHits = session.db.prepare('SELECT group_id AS "group", count(*) AS n FROM lexicon_hit GROUP BY group_id ORDER BY group_id').all() as {
    group: string;
    n: number;
  }[];
  return {
    sources: count(session, 'SELECT count(*) AS n FROM source'),
    transactions: count(session, 'SELECT count(*) AS n FROM txn'),
    messages: count(session, 'SELECT count(*) AS n FROM message'),
    // an account record merged into another (a wallet's login trail) is part of that account, not one more
    accounts: count(session, 'SELECT count(*) AS n FROM account WHERE merged_into IS NULL'),
    conversations: count(session, 'SELECT count(*) AS n FROM conversation'),
    handles: count(session, 'SELECT count(*) AS n FROM handle'),
    failed: count(session, 'SELECT count(*) AS n FROM txn WHERE succeeded = 0'),
    rejected: count(session, 'SELECT count(*) AS n FROM row_error'),
    duplicates: count(session, 'SELECT count(*) AS n FROM txn WHERE dup_of IS NOT NULL'),
    mirrorPairs: count(session, 'SELECT count(*) AS n FROM txn WHERE mirror_id IS NOT NULL AND id < mirror_id'),
    balanceBreaks: count(session, 'SELECT count(*) AS n FROM txn WHERE balance_expected IS NOT NULL'),
    sumInMinor: byCurrency(session, 'in'),
    sumOutMinor: byCurrency(session, 'out'),
    audit: session.audit.verify(),
    lexiconHits: Object.fromEntries(lexiconHits.map((row) => [row.group, row.n])),
    identifiers: Object.fromEntries(Object.entries(identifierCounts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}
