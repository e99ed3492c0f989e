import type { Db } from '../db/connection';

/**
 * Data-quality marks set after each import (DOMAIN.md §2 重复去重, 余额连续性; UX "never delete"): each mark names
 * the rule that set it and points at the row it relates to. Rows are never removed. Version 3: a duplicate group's
 * original is its succeeded row, then its row from an official return, then its most complete row (version 2: the
 * most complete; version 1: the earliest).
 */
export const QUALITY_VERSION = 3;

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
 * How complete a row is, best first: the third part of ORIGINAL_RANK (after whether the row succeeded and how official
 * its source is), before the earliest imported (docs/decisions.md "Quality marks"). First what lets a row be counted at
 * all (a direction and a time: the flow graph, the timeline and the detectors leave rows without them out), then who
 * the other side is (the counterparty's account, then its name: the flow graph's edge and the grid's 对方), then how
 * much else the row tells. Alipay's 余额明细 repeats 账户明细 under the same 交易号 without the counterparty's name, goods
 * name or channel, so the 账户明细 row is the original whichever file came first. Empty cells are stored as NULL,
 * never ''.
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

/**
 * Which row of a duplicate group is its original, best first (then the earliest imported): a row the bank carried out
 * (a failed twin is in no sum, so making it the original takes the money out of every total), then a row of an
 * official return (`source.grade` 'official': a bank's or platform's answer to a request) over one a party provided
 * ('self-provided'), then the most complete (COMPLETENESS_RANK). `t` is the row and `s` its source.
 */
export const ORIGINAL_RANK: readonly { what: string; sql: string }[] = [
  { what: 'succeeded (a bank-failed row is in no sum)', sql: 't.succeeded = 1' },
  { what: 'from an official return (before one a party provided)', sql: "s.grade = 'official'" },
  ...COMPLETENESS_RANK,
];
const ORIGINAL_FIRST = `${ORIGINAL_RANK.map((rank) => `(${rank.sql}) DESC`).join(', ')}, t.id`;

/**
 * Rule `txn-no`: the groups are read off the (account, 流水号, amount) index in its order and each group's rows looked
 * up by the whole key (migration 0008). Through the (account, amount) index every row of that amount was read per
 * group: quadratic on an account repeating one amount (10,000 duplicated pairs took 19 s).
 */
const PLAN_BY_TXN_NO = `
  WITH g AS (
    SELECT account_id, txn_no, amount_minor FROM txn INDEXED BY txn_account_txn_no
    WHERE account_id IN (SELECT id FROM affected_account) AND txn_no IS NOT NULL
    GROUP BY account_id, txn_no, amount_minor HAVING COUNT(*) > 1)
  INSERT INTO dup_plan (id, best, prev, rule, known)
  SELECT t.id, first_value(t.id) OVER (PARTITION BY t.account_id, t.txn_no, t.amount_minor ORDER BY ${ORIGINAL_FIRST}), t.dup_of, 'txn-no',
    s.job_id IS NOT @job
  FROM g
  CROSS JOIN txn t INDEXED BY txn_account_txn_no
    ON t.account_id = g.account_id AND t.txn_no = g.txn_no AND t.amount_minor = g.amount_minor AND t.txn_no IS NOT NULL
  JOIN source s ON s.id = t.source_id`;

/**
 * Rule `fingerprint` (rows without a 流水号, with a time): one ordered pass over those rows of the affected accounts
 * (the `txn_no IS NULL` range of the same index), each fingerprint a window whose first row is the original. (Looking
 * each group's rows up through the (account, amount) index was quadratic on an account repeating one amount.)
 */
const PLAN_BY_FINGERPRINT = `
  INSERT INTO dup_plan (id, best, prev, rule, known)
  SELECT id, best, prev, 'fingerprint', known FROM (
    SELECT t.id, t.dup_of AS prev, s.job_id IS NOT @job AS known, COUNT(*) OVER w AS size, first_value(t.id) OVER w AS best
    FROM txn t INDEXED BY txn_account_txn_no JOIN source s ON s.id = t.source_id
    WHERE t.account_id IN (SELECT id FROM affected_account) AND t.txn_no IS NULL AND t.ts_utc IS NOT NULL
    WINDOW w AS (
      PARTITION BY t.account_id, t.amount_minor, t.ts_utc, t.direction, IFNULL(t.cp_account, ''), IFNULL(t.balance_minor, ''), IFNULL(t.summary, '')
      ORDER BY ${ORIGINAL_FIRST} ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))
  WHERE size > 1`;

/** A row of an earlier job whose mark changed: the original it pointed at before and after (null: it is the original). */
export interface DuplicateChange {
  id: number;
  before: number | null;
  after: number | null;
}

/**
 * A link that only originals carry, moved to the new originals or cleared (`after` null): mirror [leg, leg] and
 * reversal [reversal, reversed] between transactions, message [message, transaction].
 */
export interface LinkChange {
  link: 'mirror' | 'reversal' | 'message';
  before: [number, number];
  after: [number, number] | null;
}

export interface DuplicateResult {
  /** rows newly marked as duplicates by 流水号 (txn-no) and by fingerprint; includes the outranked ones */
  txnNo: number;
  fingerprint: number;
  /** earlier rows that a better later row replaced as the original (the earliest-row rule kept them) */
  outranked: number;
  /** duplicates of a replaced original, now pointing at the new one */
  repointed: number;
  /** rows marked as duplicates before that are now their group's original (a group ranked by an earlier rule) */
  promoted: number;
  /** links moved to the new originals of their ends: mirror pairs (one per transfer), reversals, chat transfer messages */
  moved: { mirrorPairs: number; reversals: number; messages: number };
  /** each row of an earlier job whose mark changed (outranked, promoted, repointed); new duplicates are only counted */
  changed: DuplicateChange[];
  /** each link moved or cleared */
  links: LinkChange[];
}

/**
 * Duplicates across overlapping statements. Rule `txn-no`: same account, 交易流水号 and amount. Rule `fingerprint`
 * (rows without a 流水号): same account, time, amount, direction, counterparty, balance and summary. The group's best
 * row (ORIGINAL_RANK), then its earliest, is the original; the others point at it. A later job that brings a better
 * row makes it the original: the former original and every row that pointed at it point at the new one, and the links
 * only originals carry (mirror pair, reversal, chat message) go to the originals of their ends. Nothing is removed.
 * `jobId` names the job being imported: the rows of earlier jobs whose mark changes are listed one by one (without it,
 * every row counts as earlier).
 */
export function markDuplicates(db: Db, accountIds: readonly number[], jobId?: number): DuplicateResult {
  const result: DuplicateResult = {
    txnNo: 0,
    fingerprint: 0,
    outranked: 0,
    repointed: 0,
    promoted: 0,
    moved: { mirrorPairs: 0, reversals: 0, messages: 0 },
    changed: [],
    links: [],
  };
  if (accountIds.length === 0) return result;
  useAffectedAccounts(db, accountIds);
  // every row of a group of more than one row: its group's original (best), its mark before (prev), the rule, and
  // whether it was in the case before this job (known)
  db.exec(`DROP TABLE IF EXISTS temp.dup_plan;
    CREATE TEMP TABLE dup_plan (id INTEGER PRIMARY KEY, best INTEGER NOT NULL, prev INTEGER, rule TEXT NOT NULL, known INTEGER NOT NULL);`);
  const job = { job: jobId ?? null };
  db.prepare(PLAN_BY_TXN_NO).run(job);
  db.prepare(PLAN_BY_FINGERPRINT).run(job);
  const counts = db
    .prepare(
      `SELECT rule, COUNT(*) FILTER (WHERE id <> best AND prev IS NULL) AS marked,
              COUNT(*) FILTER (WHERE id < best AND prev IS NULL) AS outranked,
              COUNT(*) FILTER (WHERE id <> best AND prev IS NOT NULL AND prev <> best) AS repointed,
              COUNT(*) FILTER (WHERE id = best AND prev IS NOT NULL) AS promoted
       FROM dup_plan GROUP BY rule`,
    )
    .all() as { rule: 'txn-no' | 'fingerprint'; marked: number; outranked: number; repointed: number; promoted: number }[];
  for (const count of counts) {
    if (count.rule === 'txn-no') result.txnNo = count.marked;
    else result.fingerprint = count.marked;
    result.outranked += count.outranked;
    result.repointed += count.repointed;
    result.promoted += count.promoted;
  }
  result.changed = db
    .prepare(
      `SELECT id, prev AS before, after FROM (SELECT id, prev, known, CASE WHEN id = best THEN NULL ELSE best END AS after FROM dup_plan)
       WHERE CASE WHEN prev IS NULL THEN after IS NOT NULL AND known ELSE prev IS NOT after END
       ORDER BY id`,
    )
    .all() as DuplicateChange[];
  moveMirrorPairs(db, result);
  moveReversals(db, result);
  moveMessages(db, result);
  db.exec(`UPDATE txn SET dup_of = p.best, dup_rule = p.rule FROM dup_plan p
    WHERE txn.id = p.id AND p.id <> p.best AND (txn.dup_of IS NOT p.best OR txn.dup_rule IS NOT p.rule)`);
  db.exec('UPDATE txn SET dup_of = NULL, dup_rule = NULL FROM dup_plan p WHERE txn.id = p.id AND p.id = p.best AND txn.dup_of IS NOT NULL');
  db.exec('DELETE FROM dup_plan');
  return result;
}

/**
 * Mirror links touching a planned row go to the originals of their two legs (the mirror step only pairs originals):
 * the links are taken off both old legs, then the two originals are linked when neither has a partner of its own. A
 * leg left without its partner is free for the mirror step that runs next. One moved pair per transfer.
 */
function moveMirrorPairs(db: Db, result: DuplicateResult): void {
  const rows = db
    .prepare(
      `SELECT t.id AS a, t.mirror_id AS b, p.best AS toA, coalesce(q.best, t.mirror_id) AS toB
       FROM dup_plan p CROSS JOIN txn t ON t.id = p.id LEFT JOIN dup_plan q ON q.id = t.mirror_id
       WHERE t.mirror_id IS NOT NULL AND (p.best <> t.id OR q.best <> t.mirror_id)
       ORDER BY min(t.id, t.mirror_id), max(t.id, t.mirror_id)`,
    )
    .all() as { a: number; b: number; toA: number; toB: number }[];
  if (rows.length === 0) return;
  // a pair appears once per leg in the plan: keyed by its lower id
  const pairs = new Map<string, { a: number; b: number; toA: number; toB: number }>();
  for (const row of rows) {
    const pair = row.a < row.b ? row : { a: row.b, b: row.a, toA: row.toB, toB: row.toA };
    if (!pairs.has(`${pair.a}:${pair.b}`)) pairs.set(`${pair.a}:${pair.b}`, pair);
  }
  const unlink = db.prepare('UPDATE txn SET mirror_id = NULL WHERE id = ? AND mirror_id = ?');
  for (const { a, b } of pairs.values()) {
    unlink.run(a, b);
    unlink.run(b, a);
  }
  const partnerOf = db.prepare('SELECT mirror_id FROM txn WHERE id = ?').pluck();
  const link = db.prepare('UPDATE txn SET mirror_id = ? WHERE id = ?');
  for (const { a, b, toA, toB } of pairs.values()) {
    const partners = [partnerOf.get(toA) as number | null, partnerOf.get(toB) as number | null];
    if (toA !== toB && partners[0] === null && partners[1] === null) {
      link.run(toB, toA);
      link.run(toA, toB);
      result.moved.mirrorPairs += 1;
      result.links.push({ link: 'mirror', before: [a, b], after: [toA, toB] });
    } else if (toA !== toB && partners[0] === toB && partners[1] === toA) {
      // the same transfer, linked already through another of its old links
      result.links.push({ link: 'mirror', before: [a, b], after: [toA, toB] });
    } else result.links.push({ link: 'mirror', before: [a, b], after: null });
  }
}

/**
 * Reversal marks with either end a planned row point from the original of the reversal to the original of the row it
 * undoes: each row undoes at most one and is undone at most once, so a mark that finds either taken is cleared (and
 * listed) and the reversal step may match the row again.
 */
function moveReversals(db: Db, result: DuplicateResult): void {
  const rows = db
    .prepare(
      `WITH touched (id) AS (
         SELECT t.id FROM dup_plan p CROSS JOIN txn t ON t.id = p.id WHERE t.reversal_of IS NOT NULL
         UNION SELECT r.id FROM dup_plan p CROSS JOIN txn r INDEXED BY txn_reversal_of ON r.reversal_of = p.id AND r.reversal_of IS NOT NULL)
       SELECT r.id AS r, r.reversal_of AS o, coalesce(pr.best, r.id) AS toR, coalesce(po.best, r.reversal_of) AS toO
       FROM touched CROSS JOIN txn r ON r.id = touched.id LEFT JOIN dup_plan pr ON pr.id = r.id LEFT JOIN dup_plan po ON po.id = r.reversal_of
       WHERE coalesce(pr.best, r.id) <> r.id OR coalesce(po.best, r.reversal_of) <> r.reversal_of
       ORDER BY r.id`,
    )
    .all() as { r: number; o: number; toR: number; toO: number }[];
  if (rows.length === 0) return;
  const unmark = db.prepare('UPDATE txn SET reversal_of = NULL WHERE id = ?');
  for (const { r } of rows) unmark.run(r);
  const undoes = db.prepare('SELECT reversal_of FROM txn WHERE id = ?').pluck();
  const undone = db.prepare('SELECT EXISTS (SELECT 1 FROM txn WHERE reversal_of = ?)').pluck();
  const mark = db.prepare('UPDATE txn SET reversal_of = ? WHERE id = ?');
  for (const { r, o, toR, toO } of rows) {
    const marked = undoes.get(toR) as number | null;
    if (toR !== toO && marked === null && undone.get(toO) === 0) {
      mark.run(toO, toR);
      result.moved.reversals += 1;
      result.links.push({ link: 'reversal', before: [r, o], after: [toR, toO] });
    } else if (toR !== toO && marked === toO) {
      result.links.push({ link: 'reversal', before: [r, o], after: [toR, toO] });
    } else result.links.push({ link: 'reversal', before: [r, o], after: null });
  }
}

/** A chat transfer message linked to a row that is no longer its group's original goes to the original, unless it has one. */
function moveMessages(db: Db, result: DuplicateResult): void {
  const rows = db
    .prepare(
      `SELECT m.id, m.txn_id AS txn, p.best FROM dup_plan p CROSS JOIN message m INDEXED BY message_txn ON m.txn_id = p.id AND m.txn_id IS NOT NULL
       WHERE p.id <> p.best ORDER BY m.txn_id, m.id`,
    )
    .all() as { id: number; txn: number; best: number }[];
  const claimed = db.prepare('SELECT EXISTS (SELECT 1 FROM message WHERE txn_id = ?)').pluck();
  const move = db.prepare('UPDATE message SET txn_id = ? WHERE id = ?');
  for (const { id, txn, best } of rows) {
    if (claimed.get(best) === 1) continue;
    move.run(best, id);
    result.moved.messages += 1;
    result.links.push({ link: 'message', before: [id, txn], after: [id, best] });
  }
}

/**
 * The two legs of one transfer between subjects whose statements are both in the case (A出 = B进): linked, not
 * duplicates. An out-leg of A naming B's number is paired with the nearest in-time in-leg of B naming A (or naming
 * nobody) for the same amount, within the window; each leg pairs once. An account record marked as part of another
 * (`account.merged_into`, migration 0006: a wallet's login trail filed under its phone) is that account: its numbers
 * name it and its rows are its legs.
 */
export function linkMirrorPairs(db: Db, params: QualityParams = DEFAULT_QUALITY): number {
  // every number an account is known by, so a counterparty column finds it by card or account number, and the
  // records each account stands for
  db.exec(`
    DROP TABLE IF EXISTS temp.account_alias;
    DROP TABLE IF EXISTS temp.account_member;
    CREATE TEMP TABLE account_member (id INTEGER PRIMARY KEY, account INTEGER NOT NULL);
    INSERT INTO account_member SELECT id, coalesce(merged_into, id) FROM account;
    CREATE INDEX temp.account_member_by_account ON account_member(account);
    CREATE TEMP TABLE account_alias (alias TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (alias, id)) WITHOUT ROWID;
    INSERT OR IGNORE INTO account_alias SELECT number, coalesce(merged_into, id) FROM account;
    INSERT OR IGNORE INTO account_alias SELECT card_number, coalesce(merged_into, id) FROM account WHERE card_number IS NOT NULL;
    INSERT OR IGNORE INTO account_alias SELECT account_number, coalesce(merged_into, id) FROM account WHERE account_number IS NOT NULL;
    CREATE INDEX temp.account_alias_by_id ON account_alias(id);
  `);
  // from the accounts to the rows naming them (CROSS JOIN fixes that order): left to itself SQLite walked every
  // transaction in time order and looked each counterparty up
  const candidates = db
    .prepare(
      `SELECT o.id AS out_id, i.id AS in_id, ABS(o.ts_utc - i.ts_utc) AS gap
       FROM account_alias b
       CROSS JOIN txn o INDEXED BY txn_cp_account ON o.cp_account = b.alias
       CROSS JOIN account_member m ON m.account = b.id
       CROSS JOIN txn i INDEXED BY txn_account_amount ON i.account_id = m.id AND i.amount_minor = -o.amount_minor
       WHERE o.direction = 'out' AND i.direction = 'in' AND o.succeeded = 1 AND i.succeeded = 1
         AND o.dup_of IS NULL AND i.dup_of IS NULL AND o.mirror_id IS NULL AND i.mirror_id IS NULL
         AND o.ts_utc IS NOT NULL AND i.ts_utc IS NOT NULL AND ABS(o.ts_utc - i.ts_utc) <= @window
         AND (i.cp_account IS NULL OR i.cp_account IN (
           SELECT alias FROM account_alias WHERE id = (SELECT account FROM account_member WHERE id = o.account_id)))
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
