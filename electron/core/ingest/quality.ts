import type { Db } from '../db/connection';

/**
 * Data-quality marks set after each import (DOMAIN.md §2 重复去重, 余额连续性; UX "never delete"): each mark names
 * the rule that set it and points at the row it relates to. Rows are never removed.
 */
export const QUALITY_VERSION = 1;

export interface QualityParams {
  /** two legs of one transfer may be stamped this far apart by the two banks */
  mirrorWindowMs: number;
}

export const DEFAULT_QUALITY: QualityParams = { mirrorWindowMs: 15 * 60 * 1000 };

/** The accounts a job touched, as a temp table the checks join against. */
function useAffectedAccounts(db: Db, accountIds: readonly number[]): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS affected_account (id INTEGER PRIMARY KEY); DELETE FROM affected_account;');
  const add = db.prepare('INSERT OR IGNORE INTO affected_account (id) VALUES (?)');
  for (const id of accountIds) add.run(id);
}

/**
 * Duplicates across overlapping statements. Rule `txn-no`: same account, 交易流水号 and amount. Rule `fingerprint`
 * (rows without a 流水号): same account, time, amount, direction, counterparty, balance and summary. The earliest
 * imported row stays the original; later ones point at it.
 */
export function markDuplicates(db: Db, accountIds: readonly number[]): { txnNo: number; fingerprint: number } {
  if (accountIds.length === 0) return { txnNo: 0, fingerprint: 0 };
  useAffectedAccounts(db, accountIds);
  // only groups with more than one row are joined back (through the (account, amount) index): the window-function
  // form ranked and joined every row of every affected account
  const byTxnNo = db
    .prepare(
      `WITH dup AS (
         SELECT account_id, txn_no, amount_minor, MIN(id) AS first_id FROM txn
         WHERE account_id IN (SELECT id FROM affected_account) AND txn_no IS NOT NULL
         GROUP BY account_id, txn_no, amount_minor HAVING COUNT(*) > 1)
       UPDATE txn SET dup_of = dup.first_id, dup_rule = 'txn-no'
       FROM dup WHERE txn.account_id = dup.account_id AND txn.amount_minor = dup.amount_minor AND txn.txn_no = dup.txn_no
         AND txn.id <> dup.first_id AND txn.dup_of IS NULL`,
    )
    .run().changes;
  const byFingerprint = db
    .prepare(
      `WITH dup AS (
         SELECT account_id, ts_utc, amount_minor, direction, IFNULL(cp_account, '') AS cp_key, IFNULL(balance_minor, '') AS balance_key,
           IFNULL(summary, '') AS summary_key, MIN(id) AS first_id FROM txn
         WHERE account_id IN (SELECT id FROM affected_account) AND txn_no IS NULL AND ts_utc IS NOT NULL
         GROUP BY account_id, ts_utc, amount_minor, direction, cp_key, balance_key, summary_key HAVING COUNT(*) > 1)
       UPDATE txn SET dup_of = dup.first_id, dup_rule = 'fingerprint'
       FROM dup WHERE txn.account_id = dup.account_id AND txn.amount_minor = dup.amount_minor AND txn.ts_utc = dup.ts_utc
         AND txn.direction IS dup.direction AND IFNULL(txn.cp_account, '') = dup.cp_key
         AND IFNULL(txn.balance_minor, '') = dup.balance_key AND IFNULL(txn.summary, '') = dup.summary_key AND txn.txn_no IS NULL AND txn.id <> dup.first_id AND txn.dup_of IS NULL`,
    )
    .run().changes;
  return { txnNo: byTxnNo, fingerprint: byFingerprint };
}

/**
 * The two legs of one transfer between subjects whose statements are both in the case (A出 = B进): linked, not
 * duplicates. An out-leg of A naming B's number is paired with the nearest in-time in-leg of B naming A (or naming
 * nobody) for the same amount, within the window; each leg pairs once.
 */
export function linkMirrorPairs(db: Db, params: QualityParams = DEFAULT_QUALITY): number {
  // every number an account is known by, so a counterparty column finds it by card or account number
  db.exec(`
    DROP TABLE IF EXISTS temp.account_alias;
    CREATE TEMP TABLE account_alias (alias TEXT NOT NULL, id INTEGER NOT NULL);
    INSERT INTO account_alias SELECT number, id FROM account;
    INSERT INTO account_alias SELECT card_number, id FROM account WHERE card_number IS NOT NULL AND card_number <> number;
    INSERT INTO account_alias SELECT account_number, id FROM account WHERE account_number IS NOT NULL AND account_number <> number;
    CREATE INDEX temp.account_alias_by_alias ON account_alias(alias);
    CREATE INDEX temp.account_alias_by_id ON account_alias(id);
  `);
  // from the accounts to the rows naming them (CROSS JOIN fixes that order): left to itself SQLite walked every
  // transaction in time order and looked each counterparty up
  const candidates = db
    .prepare(
      `SELECT o.id AS out_id, i.id AS in_id, ABS(o.ts_utc - i.ts_utc) AS gap
       FROM account_alias b
       CROSS JOIN txn o INDEXED BY txn_cp_account ON o.cp_account = b.alias
       CROSS JOIN txn i INDEXED BY txn_account_amount ON i.account_id = b.id AND i.amount_minor = -o.amount_minor
       WHERE o.direction = 'out' AND i.direction = 'in' AND o.succeeded = 1 AND i.succeeded = 1
         AND o.dup_of IS NULL AND i.dup_of IS NULL AND o.mirror_id IS NULL AND i.mirror_id IS NULL
         AND o.ts_utc IS NOT NULL AND i.ts_utc IS NOT NULL AND ABS(o.ts_utc - i.ts_utc) <= @window
         AND (i.cp_account IS NULL OR i.cp_account IN (SELECT alias FROM account_alias WHERE id = o.account_id))
       ORDER BY gap, o.id, i.id`,
    )
    .all({ window: params.mirrorWindowMs }) as { out_id: number; in_id: number; gap: number }[];
  const used = new Set<number>();
  const link = db.prepare('UPDATE txn SET mirror_id = ? WHERE id = ?');
  let pairs = 0;
  for (const { out_id: outId, in_id: inId } of candidates) {
    if (used.has(outId) || used.has(inId)) continue;
    used.add(outId);
    used.add(inId);
    link.run(inId, outId);
    link.run(outId, inId);
    pairs += 1;
  }
  return pairs;
}

export interface BalanceResult {
  breaks: number;
  checked: number;
  /** per (source, account): the row order that made the balances follow ('asc' = file order, 'desc' = newest first) */
  orders: { sourceId: number; accountId: number; order: 'asc' | 'desc'; breaks: number }[];
}

interface BalanceRow {
  id: number;
  account_id: number;
  amount_minor: number;
  balance_minor: number;
}

/**
 * 余额连续性 per account within each statement, in original row order (same-second rows keep their order): each
 * balance must equal the previous balance plus this row's signed amount. Bank-failed rows and rows without a balance
 * are skipped. Statements listed newest first are read backwards when that makes the balances follow. A break is
 * marked on the row where the balance jumps, with the balance that was expected.
 */
export function checkBalances(db: Db, sourceIds: readonly number[]): BalanceResult {
  // rows as arrays (better-sqlite3 raw mode), one statement's at a time: a third less time than an object per row
  const rows = db
    .prepare(
      `SELECT id, account_id, amount_minor, balance_minor FROM txn
       WHERE source_id = ? AND succeeded = 1 AND balance_minor IS NOT NULL ORDER BY account_id, sheet, line`,
    )
    .raw(true);
  const mark = db.prepare('UPDATE txn SET balance_expected = ? WHERE id = ?');
  const result: BalanceResult = { breaks: 0, checked: 0, orders: [] };
  for (const sourceId of sourceIds) {
    const groups = new Map<number, BalanceRow[]>();
    for (const [id, accountId, amount, balance] of rows.all(sourceId) as [number, number, number, number][]) {
      let group = groups.get(accountId);
      if (!group) groups.set(accountId, (group = []));
      group.push({ id, account_id: accountId, amount_minor: amount, balance_minor: balance });
    }
    for (const [accountId, group] of groups) {
      const ascending = findBreaks(group);
      const descending = findBreaks([...group].reverse());
      const [order, breaks] = descending.length < ascending.length ? (['desc', descending] as const) : (['asc', ascending] as const);
      for (const found of breaks) mark.run(found.expected, found.id);
      result.breaks += breaks.length;
      result.checked += group.length;
      result.orders.push({ sourceId, accountId, order, breaks: breaks.length });
    }
  }
  return result;
}

function findBreaks(rows: readonly BalanceRow[]): { id: number; expected: number }[] {
  const breaks: { id: number; expected: number }[] = [];
  for (let i = 1; i < rows.length; i += 1) {
    const previous = rows[i - 1];
    const row = rows[i];
    if (!previous || !row) continue;
    const expected = previous.balance_minor + row.amount_minor;
    if (row.balance_minor !== expected) breaks.push({ id: row.id, expected });
  }
  return breaks;
}

/** Summaries banks and platforms give a reversal or a refund of an earlier transaction. */
const REVERSAL_TERMS = ['冲正', '冲账', '冲销', '撤销', '抹账', '退回', '退款', '退汇', 'reversal', 'refund'] as const;
export const REVERSAL_WORDS = new RegExp(REVERSAL_TERMS.join('|'), 'i');

export interface ReversalParams {
  /** how long after the original a reversal may come */
  windowMs: number;
}

export const DEFAULT_REVERSAL: ReversalParams = { windowMs: 7 * 24 * 60 * 60 * 1000 };

/**
 * Reversals (冲正/撤销/退回 …): a row whose summary says so and that undoes an earlier row of the same account — same
 * amount, opposite direction, within the window — points at it (the nearest earlier one, each original once). Both rows
 * stay; the mark lets totals and the balance check be read with the pair in mind.
 */
export function markReversals(db: Db, accountIds: readonly number[], params: ReversalParams = DEFAULT_REVERSAL): number {
  if (accountIds.length === 0) return 0;
  useAffectedAccounts(db, accountIds);
  // first the rows whose summary says reversal (few), then each one's original through the (account, amount)
  // index: one joined query let SQLite walk a time window per row, quadratic on a long single-account statement
  const worded = REVERSAL_TERMS.map((term) => `summary LIKE '%${term}%'`).join(' OR ');
  const reversals = db
    .prepare(
      `SELECT id, account_id, amount_minor, ts_utc, summary FROM txn
       WHERE account_id IN (SELECT id FROM affected_account) AND (${worded})
         AND reversal_of IS NULL AND dup_of IS NULL AND succeeded = 1 AND ts_utc IS NOT NULL AND direction IS NOT NULL
       ORDER BY id`,
    )
    .all() as { id: number; account_id: number; amount_minor: number; ts_utc: number; summary: string }[];
  const originals = db.prepare(
    `SELECT id FROM txn INDEXED BY txn_account_amount
     WHERE account_id = @account AND amount_minor = @amount AND id <> @id AND dup_of IS NULL AND succeeded = 1
       AND ts_utc IS NOT NULL AND ts_utc <= @at AND ts_utc >= @from
     ORDER BY ts_utc DESC, id DESC`,
  );
  const mark = db.prepare('UPDATE txn SET reversal_of = ? WHERE id = ?');
  const taken = new Set<number>();
  let marked = 0;
  for (const row of reversals) {
    if (!REVERSAL_WORDS.test(row.summary)) continue;
    const candidates = originals.all({ account: row.account_id, amount: -row.amount_minor, id: row.id, at: row.ts_utc, from: row.ts_utc - params.windowMs }) as { id: number }[];
    const original = candidates.find((candidate) => !taken.has(candidate.id));
    if (!original) continue;
    mark.run(original.id, row.id);
    taken.add(original.id);
    marked += 1;
  }
  return marked;
}
