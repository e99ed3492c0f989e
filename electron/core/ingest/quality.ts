import type { Db } from '../db/connection';

/**
 * Data-quality marks set after each import (DOMAIN.md §2 重复去重, 余额连续性; UX "never delete"): each mark names
 * the rule that set it and points at the row it relates to. Rows are never removed. Version 2: a duplicate group's
 * original is its most complete row (version 1: its earliest).
 */
export const QUALITY_VERSION = 2;

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
 * How complete a row is, best first: the original of a duplicate group is its most complete row, then its earliest
 * imported one (docs/decisions.md "Quality marks"). First what lets a row be counted at all (a direction and a time:
 * the flow graph, the timeline and the detectors leave rows without them out), then who the other side is (the
 * counterparty's account, then its name: the flow graph's edge and the grid's 对方), then how much else the row tells.
 * Alipay's 余额明细 repeats 账户明细 under the same 交易号 without the counterparty's name, goods name or channel, so the
 * 账户明细 row is the original whichever file came first. Empty cells are stored as NULL, never ''.
 */
export const COMPLETENESS_RANK: readonly { what: string; sql: string }[] = [
  { what: 'has a direction', sql: 't.direction IS NOT NULL' },
  { what: 'has a time', sql: 't.ts_utc IS NOT NULL' },
  { what: 'names the counterparty account', sql: 't.cp_account IS NOT NULL' },
  { what: 'names the counterparty', sql: 't.cp_name IS NOT NULL' },
  {
    what: 'more descriptive columns filled (summary, channel, merchant and its code, counterparty bank and ID, order number, memo, place, branch, balance, IP/MAC/device)',
    sql: ['summary', 'channel', 'merchant', 'merchant_code', 'cp_bank', 'cp_id', 'log_no', 'memo', 'location', 'branch', 'balance_minor', 'ip', 'mac', 'device']
      .map((column) => `(t.${column} IS NOT NULL)`)
      .join(' + '),
  },
];
const ORIGINAL_FIRST = `${COMPLETENESS_RANK.map((rank) => `(${rank.sql}) DESC`).join(', ')}, t.id`;

/** One duplicate rule: which rows it applies to and the key that groups them. */
interface DuplicateRule {
  name: 'txn-no' | 'fingerprint';
  where: string;
  /** the key, selected from txn and grouped by */
  select: string;
  groupBy: string;
  /** a row `t` of the group `g` (the (account, amount) index finds them) */
  join: string;
  partition: string;
}

const BY_TXN_NO: DuplicateRule = {
  name: 'txn-no',
  where: 'txn_no IS NOT NULL',
  select: 'account_id, amount_minor, txn_no',
  groupBy: 'account_id, amount_minor, txn_no',
  join: 't.account_id = g.account_id AND t.amount_minor = g.amount_minor AND t.txn_no = g.txn_no',
  partition: 't.account_id, t.amount_minor, t.txn_no',
};

const BY_FINGERPRINT: DuplicateRule = {
  name: 'fingerprint',
  where: 'txn_no IS NULL AND ts_utc IS NOT NULL',
  select: `account_id, amount_minor, ts_utc, direction, IFNULL(cp_account, '') AS cp_key, IFNULL(balance_minor, '') AS balance_key,
    IFNULL(summary, '') AS summary_key`,
  groupBy: 'account_id, amount_minor, ts_utc, direction, cp_key, balance_key, summary_key',
  join: `t.account_id = g.account_id AND t.amount_minor = g.amount_minor AND t.ts_utc = g.ts_utc AND t.direction IS g.direction
    AND IFNULL(t.cp_account, '') = g.cp_key AND IFNULL(t.balance_minor, '') = g.balance_key AND IFNULL(t.summary, '') = g.summary_key
    AND t.txn_no IS NULL`,
  partition: "t.account_id, t.amount_minor, t.ts_utc, t.direction, IFNULL(t.cp_account, ''), IFNULL(t.balance_minor, ''), IFNULL(t.summary, '')",
};

export interface DuplicateResult {
  /** rows newly marked as duplicates by 流水号 (txn-no) and by fingerprint; includes the outranked ones */
  txnNo: number;
  fingerprint: number;
  /** earlier rows that a more complete later row replaced as the original (the earliest-row rule kept them) */
  outranked: number;
  /** duplicates of a replaced original, now pointing at the new one */
  repointed: number;
  /** rows marked as duplicates before that are now their group's original (a group marked under the earliest-row rule) */
  promoted: number;
  /** links a replaced original had, moved to the new one: mirror legs, reversals (either end), chat transfer messages */
  moved: { mirrorPairs: number; reversals: number; messages: number };
}

/**
 * Duplicates across overlapping statements. Rule `txn-no`: same account, 交易流水号 and amount. Rule `fingerprint`
 * (rows without a 流水号): same account, time, amount, direction, counterparty, balance and summary. The group's most
 * complete row (COMPLETENESS_RANK), then its earliest, is the original; the others point at it. A later job that
 * brings a more complete row makes it the original: the former original and every row that pointed at it point at the
 * new one, and the links only originals carry (mirror pair, reversal, chat message) move with it. Nothing is removed.
 */
export function markDuplicates(db: Db, accountIds: readonly number[]): DuplicateResult {
  const result: DuplicateResult = { txnNo: 0, fingerprint: 0, outranked: 0, repointed: 0, promoted: 0, moved: { mirrorPairs: 0, reversals: 0, messages: 0 } };
  if (accountIds.length === 0) return result;
  useAffectedAccounts(db, accountIds);
  db.exec('CREATE TEMP TABLE IF NOT EXISTS dup_plan (id INTEGER PRIMARY KEY, best INTEGER NOT NULL, prev INTEGER)');
  for (const rule of [BY_TXN_NO, BY_FINGERPRINT]) {
    planGroups(db, rule);
    const counts = db
      .prepare(
        `SELECT COUNT(*) FILTER (WHERE id <> best AND prev IS NULL) AS marked,
                COUNT(*) FILTER (WHERE id < best AND prev IS NULL) AS outranked,
                COUNT(*) FILTER (WHERE id <> best AND prev IS NOT NULL AND prev <> best) AS repointed,
                COUNT(*) FILTER (WHERE id = best AND prev IS NOT NULL) AS promoted
         FROM dup_plan`,
      )
      .get() as { marked: number; outranked: number; repointed: number; promoted: number };
    moveOriginalLinks(db, result.moved);
    db.prepare(
      `UPDATE txn SET dup_of = p.best, dup_rule = ? FROM dup_plan p
       WHERE txn.id = p.id AND p.id <> p.best AND (txn.dup_of IS NOT p.best OR txn.dup_rule IS NOT ?)`,
    ).run(rule.name, rule.name);
    db.exec('UPDATE txn SET dup_of = NULL, dup_rule = NULL FROM dup_plan p WHERE txn.id = p.id AND p.id = p.best AND txn.dup_of IS NOT NULL');
    if (rule.name === 'txn-no') result.txnNo = counts.marked;
    else result.fingerprint = counts.marked;
    result.outranked += counts.outranked;
    result.repointed += counts.repointed;
    result.promoted += counts.promoted;
  }
  db.exec('DELETE FROM dup_plan');
  return result;
}

/**
 * Every row of the affected accounts' groups of more than one row, with the group's original. Only such groups are
 * joined back (through the (account, amount) index): ranking every row of every affected account costs a full pass.
 */
function planGroups(db: Db, rule: DuplicateRule): void {
  db.exec('DELETE FROM dup_plan');
  db.prepare(
    `WITH g AS (
       SELECT ${rule.select} FROM txn
       WHERE account_id IN (SELECT id FROM affected_account) AND ${rule.where}
       GROUP BY ${rule.groupBy} HAVING COUNT(*) > 1)
     INSERT INTO dup_plan (id, best, prev)
     SELECT t.id, first_value(t.id) OVER (PARTITION BY ${rule.partition} ORDER BY ${ORIGINAL_FIRST}), t.dup_of
     FROM g JOIN txn t ON ${rule.join}`,
  ).run();
}

/**
 * The mirror leg, the reversal link and the chat message that a row losing its place as original had (the steps that
 * set them only look at originals) go to the group's new original, unless it already has its own; a mirror leg left
 * without its partner is freed for the mirror step that runs next.
 */
function moveOriginalLinks(db: Db, moved: DuplicateResult['moved']): void {
  const losers = db
    .prepare(
      `SELECT p.id, p.best, t.mirror_id AS mirror, t.reversal_of AS reversalOf FROM dup_plan p JOIN txn t ON t.id = p.id
       WHERE p.id <> p.best AND t.dup_of IS NULL AND (t.mirror_id IS NOT NULL OR t.reversal_of IS NOT NULL
         OR EXISTS (SELECT 1 FROM txn r WHERE r.reversal_of = p.id) OR EXISTS (SELECT 1 FROM message m WHERE m.txn_id = p.id))`,
    )
    .all() as { id: number; best: number; mirror: number | null; reversalOf: number | null }[];
  if (losers.length === 0) return;
  const best = db.prepare('SELECT mirror_id AS mirror, reversal_of AS reversalOf FROM txn WHERE id = ?');
  const setMirror = db.prepare('UPDATE txn SET mirror_id = ? WHERE id = ?');
  const setReversal = db.prepare('UPDATE txn SET reversal_of = ? WHERE id = ?');
  const undoneBy = db.prepare('SELECT id FROM txn WHERE reversal_of = ? ORDER BY id').pluck();
  const claimed = db.prepare('SELECT EXISTS (SELECT 1 FROM message WHERE txn_id = ?)').pluck();
  const moveMessages = db.prepare('UPDATE message SET txn_id = ? WHERE txn_id = ?');
  for (const loser of losers) {
    const target = best.get(loser.best) as { mirror: number | null; reversalOf: number | null };
    if (loser.mirror !== null) {
      setMirror.run(null, loser.id);
      if (target.mirror === null) {
        setMirror.run(loser.mirror, loser.best);
        setMirror.run(loser.best, loser.mirror);
        moved.mirrorPairs += 1;
      } else setMirror.run(null, loser.mirror);
    }
    if (loser.reversalOf !== null) {
      setReversal.run(null, loser.id);
      if (target.reversalOf === null) {
        setReversal.run(loser.reversalOf, loser.best);
        moved.reversals += 1;
      }
    }
    const undoing = undoneBy.all(loser.id) as number[];
    // each original is undone once: the new original keeps a reversal of its own, else takes this one's
    const free = (undoneBy.all(loser.best) as number[]).length === 0;
    for (const [index, reversal] of undoing.entries()) {
      setReversal.run(free && index === 0 ? loser.best : null, reversal);
      if (free && index === 0) moved.reversals += 1;
    }
    if (claimed.get(loser.id) === 1 && claimed.get(loser.best) === 0) moved.messages += moveMessages.run(loser.best, loser.id).changes;
  }
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
