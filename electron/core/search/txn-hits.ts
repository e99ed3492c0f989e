import type { TxnHit } from '@shared/domain';
import type { Db } from '../db/connection';
import { fieldsOf, HitsBuilder, inList, type HitQuery } from './hit-query';
import type { SearchTerms } from './read-query';

/**
 * Where the terms occur in transactions: the own account or card (and its holder's ID or name), the counterparty's
 * account, name and ID, the 交易流水号 and 日志号, IP and MAC, 摘要 and 附言, and the exact amount (either
 * direction). Indexed columns are looked up; the rest share one scan.
 */
export function txnHits(terms: SearchTerms): HitQuery | null {
  const hits = new HitsBuilder('txn', 't');
  const exact = JSON.stringify(terms.exact);
  if (terms.exact.length > 0) {
    hits.branch('cpAccount', `FROM txn t WHERE ${inList('t.cp_account')}`, [exact]);
    hits.branch(
      'ownAccount',
      `FROM txn t WHERE t.account_id IN (SELECT coalesce(merged_into, id) FROM account WHERE ${inList('number')} OR ${inList('card_number')} OR ${inList('account_number')})`,
      [exact, exact, exact],
    );
    hits.branch('ownHolder', `FROM txn t WHERE t.account_id IN (SELECT id FROM account WHERE ${inList('holder_id')})`, [exact]);
    for (const [field, column] of [
      ['cpId', 't.cp_id'],
      ['txnNo', 't.txn_no'],
      ['logNo', 't.log_no'],
      ['ip', 't.ip'],
      ['mac', 't.mac'],
    ] as const) {
      hits.scan(field, inList(column), [exact]);
    }
  }
  if (terms.text !== null) {
    hits.branch('ownHolder', 'FROM txn t WHERE t.account_id IN (SELECT id FROM account WHERE holder_name = ?)', [terms.text]);
    hits.scan('cpName', [...terms.text].length >= 2 ? 'instr(t.cp_name, ?) > 0' : 't.cp_name = ?', [terms.text]);
  }
  for (const needle of terms.contains) {
    hits.scan('summary', 'instr(t.summary, ?) > 0', [needle]);
    hits.scan('memo', 'instr(t.memo, ?) > 0', [needle]);
  }
  for (const amount of terms.amounts) {
    // through the (account, amount) index: every account, then the two signed amounts in each
    hits.branch('amount', 'FROM txn t WHERE t.account_id IN (SELECT id FROM account) AND t.amount_minor IN (?, ?) AND t.currency = ?', [
      amount.minor,
      -amount.minor,
      amount.currency,
    ]);
  }
  return hits.build();
}

interface TxnRow {
  id: number;
  utcMs: number | null;
  timeText: string;
  accountId: number;
  number: string;
  sub: string;
  holder: string | null;
  amountMinor: number;
  currency: string;
  direction: 'in' | 'out' | null;
  cpAccount: string | null;
  cpName: string | null;
  summary: string | null;
  fields: string | null;
  total: number;
}

/** The first `limit` matching transactions in time order, with the total and what matched in each. */
export function searchTxns(db: Db, terms: SearchTerms, limit: number): { total: number; items: TxnHit[] } {
  const hits = txnHits(terms);
  if (hits === null) return { total: 0, items: [] };
  const rows = db
    .prepare(
      `WITH hits(id, field) AS (${hits.sql}), matched AS (SELECT id, group_concat(field) AS fields FROM hits GROUP BY id)
       SELECT t.id, t.ts_utc AS utcMs, t.ts_text AS timeText, t.account_id AS accountId, a.number, a.sub_account AS sub, a.holder_name AS holder,
         t.amount_minor AS amountMinor, t.currency, t.direction, t.cp_account AS cpAccount, t.cp_name AS cpName, t.summary,
         matched.fields, count(*) OVER () AS total
       FROM matched JOIN txn t ON t.id = matched.id JOIN account a ON a.id = t.account_id
       ORDER BY t.ts_utc IS NULL, t.ts_utc, t.id
       LIMIT ?`,
    )
    .all(...hits.params, limit) as TxnRow[];
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((row) => ({
      id: row.id,
      utcMs: row.utcMs,
      timeText: row.timeText,
      accountId: row.accountId,
      account: row.sub ? `${row.number}_${row.sub}` : row.number,
      holder: row.holder,
      amountMinor: row.amountMinor,
      currency: row.currency,
      direction: row.direction,
      cpAccount: row.cpAccount,
      cpName: row.cpName,
      summary: row.summary,
      matched: fieldsOf(row.fields),
    })),
  };
}

/** Every matching transaction id (for tagging the whole result). */
export function allTxnIds(db: Db, terms: SearchTerms): number[] {
  const hits = txnHits(terms);
  if (hits === null) return [];
  return db.prepare(`WITH hits(id, field) AS (${hits.sql}) SELECT DISTINCT id FROM hits ORDER BY id`).pluck().all(...hits.params) as number[];
}
