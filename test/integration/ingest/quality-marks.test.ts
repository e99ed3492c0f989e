import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { caseStats } from '../../../electron/core/cases/case-stats';
import type { Db } from '../../../electron/core/db/connection';
import { checkBalances, linkMirrorPairs, markDuplicates, markReversals } from '../../../electron/core/ingest/quality';
import { useTempDirs } from '../../support/temp-dir';

/**
 * The quality marks straight on the tables, with the rows an investigator would look at: which row is marked a
 * duplicate of which, which legs pair up. (The import pipeline tests cover the same rules end to end.)
 */

interface Row {
  source: number;
  account: number;
  line: number;
  ts?: number | null;
  amount: number;
  direction?: 'in' | 'out' | null;
  balance?: number | null;
  cp?: string | null;
  cpName?: string | null;
  summary?: string | null;
  txnNo?: string | null;
  succeeded?: 0 | 1;
}

function setup(tempDir: () => string): { session: CaseSession; db: Db; add: (row: Row) => number } {
  const session = CaseSession.create(join(tempDir(), 'case'), { caseName: '质量' }, { host: 'cli', operator: 't' });
  const db = session.db;
  db.exec(`INSERT INTO import_job (id, started_at, finished_at, operator, params) VALUES (1, 't', 't', 't', '{}'), (2, 't', 't', 't', '{}')`);
  // job 1: sources 1 and 2; job 2: source 3 (a bank's return) and source 4 (a statement a party handed over)
  const sources = [
    { id: 1, job: 1, grade: 'official' },
    { id: 2, job: 1, grade: 'official' },
    { id: 3, job: 2, grade: 'official' },
    { id: 4, job: 2, grade: 'self-provided' },
  ];
  for (const { id, job, grade } of sources) {
    db.prepare(
      `INSERT INTO source (id, job_id, file_name, rel_path, size, sha256, sm3, stored_path, format_id, format_version, kind, grade, confidence,
         detect_reason, encoding, time_zone, rows_read, imported, rejected, warnings, acq_method, acq_unit, acq_request_no, acq_by, acq_at, imported_at)
       VALUES (?, ?, ?, ?, 0, ?, 's', 'o', 'f', 1, 'transactions', ?, 1, '', 'utf-8', 'Asia/Shanghai', 0, 0, 0, '[]', '', '', '', '', '', '')`,
    ).run(id, job, `s${id}.csv`, `s${id}.csv`, `hash${id}`, grade);
  }
  const account = db.prepare("INSERT INTO account (id, kind, number, sub_account, card_number) VALUES (?, 'bank', ?, '', ?)");
  account.run(1, 'A100', null);
  account.run(2, 'B200', '6222000011112222');
  const insert = db.prepare(
    `INSERT INTO txn (source_id, sheet, line, row_hash, raw, account_id, ts_utc, ts_text, amount_minor, currency, direction, direction_raw,
       balance_minor, cp_account, cp_name, summary, txn_no, succeeded)
     VALUES (?, '', ?, 'h', '{}', ?, ?, '', ?, 'CNY', ?, '', ?, ?, ?, ?, ?, ?)`,
  );
  const add = (row: Row): number =>
    Number(
      insert.run(row.source, row.line, row.account, row.ts === undefined ? 1_700_000_000_000 : row.ts, row.amount, row.direction === undefined ? 'out' : row.direction,
        row.balance ?? null, row.cp ?? null, row.cpName ?? null, row.summary ?? null, row.txnNo ?? null, row.succeeded ?? 1).lastInsertRowid,
    );
  return { session, db, add };
}

describe('quality marks', () => {
  const tempDir = useTempDirs();

  it('marks repeated rows of overlapping statements against the earliest, by 流水号 or else by fingerprint', () => {
    const { session, db, add } = setup(tempDir);
    const t1 = add({ source: 1, account: 1, line: 2, amount: -100, txnNo: 'T1' });
    const t1Again = add({ source: 2, account: 1, line: 2, amount: -100, txnNo: 'T1' });
    // same 流水号, another amount: a different transaction
    add({ source: 2, account: 1, line: 3, amount: -101, txnNo: 'T1' });
    // no 流水号: the fingerprint decides; a blank direction and summary match blank ones
    const f1 = add({ source: 1, account: 1, line: 3, amount: 500, direction: null, balance: 900, cp: 'X1' });
    const f1Again = add({ source: 2, account: 1, line: 4, amount: 500, direction: null, balance: 900, cp: 'X1' });
    const f1Third = add({ source: 2, account: 1, line: 5, amount: 500, direction: null, balance: 900, cp: 'X1' });
    // another balance (or summary, or counterparty) is another row
    add({ source: 2, account: 1, line: 6, amount: 500, direction: null, balance: 901, cp: 'X1' });
    add({ source: 2, account: 1, line: 7, amount: 500, direction: null, balance: 900, cp: 'X1', summary: '转账' });
    add({ source: 2, account: 1, line: 8, amount: 500, direction: null, balance: 900, cp: null });
    // rows without a time never match by fingerprint
    add({ source: 1, account: 1, line: 9, ts: null, amount: 7 });
    add({ source: 2, account: 1, line: 9, ts: null, amount: 7 });
    // the same row on another account is not a duplicate
    add({ source: 2, account: 2, line: 10, amount: -100, txnNo: 'T1' });

    expect(markDuplicates(db, [1, 2])).toMatchObject({ txnNo: 1, fingerprint: 2, outranked: 0, repointed: 0 });
    const marked = db.prepare('SELECT id, dup_of, dup_rule FROM txn WHERE dup_of IS NOT NULL ORDER BY id').all();
    expect(marked).toEqual([
      { id: t1Again, dup_of: t1, dup_rule: 'txn-no' },
      { id: f1Again, dup_of: f1, dup_rule: 'fingerprint' },
      { id: f1Third, dup_of: f1, dup_rule: 'fingerprint' },
    ]);
    // a second pass (the next job) changes nothing already marked
    expect(markDuplicates(db, [1, 2])).toMatchObject({ txnNo: 0, fingerprint: 0, outranked: 0, repointed: 0, promoted: 0 });
    session.close();
  });

  it('keeps the most complete row of a group as the original, then the earliest', () => {
    const { session, db, add } = setup(tempDir);
    // a balance-ledger view first (no counterparty name), the full row later: the full row is the original
    const ledger = add({ source: 1, account: 1, line: 2, amount: -643, balance: 5000, cp: '2088510159128115', summary: '在线支付', txnNo: 'T9' });
    const full = add({ source: 2, account: 1, line: 2, amount: -643, cp: '2088510159128115', cpName: '锦江康民大药房', summary: '生活缴费', txnNo: 'T9' });
    // no direction loses to a direction, whatever else it names
    const noDirection = add({ source: 1, account: 1, line: 3, amount: 800, direction: null, cp: 'X1', cpName: '某', summary: '转账', txnNo: 'T8' });
    const withDirection = add({ source: 2, account: 1, line: 3, amount: 800, direction: 'in', txnNo: 'T8' });
    // equally complete: the earliest stays
    const first = add({ source: 1, account: 1, line: 4, amount: 5, cp: 'X2', txnNo: 'T7' });
    const second = add({ source: 2, account: 1, line: 4, amount: 5, cp: 'X2', txnNo: 'T7' });
    // the fingerprint rule ranks the same way
    const plain = add({ source: 1, account: 1, line: 5, amount: 70, balance: 10, cp: 'X3' });
    const named = add({ source: 2, account: 1, line: 5, amount: 70, balance: 10, cp: 'X3', cpName: '张三' });

    expect(markDuplicates(db, [1])).toMatchObject({ txnNo: 3, fingerprint: 1, outranked: 3, repointed: 0 });
    expect(db.prepare('SELECT id, dup_of FROM txn WHERE dup_of IS NOT NULL ORDER BY id').all()).toEqual([
      { id: ledger, dup_of: full },
      { id: noDirection, dup_of: withDirection },
      { id: second, dup_of: first },
      { id: plain, dup_of: named },
    ]);
    session.close();
  });

  it('moves the original to a more complete row of a later job: its duplicates, mirror leg and reversal follow', () => {
    const { session, db, add } = setup(tempDir);
    const at = 1_700_000_000_000;
    // job 1: a poor out-leg of A naming B, repeated by an overlapping statement, B's in-leg, and a reversal of the out-leg
    const poor = add({ source: 1, account: 1, line: 2, ts: at, amount: -2000, cp: 'B200', txnNo: 'Q1' });
    const repeat = add({ source: 2, account: 1, line: 2, ts: at, amount: -2000, cp: 'B200', txnNo: 'Q1' });
    const inLeg = add({ source: 2, account: 2, line: 3, ts: at + 60_000, amount: 2000, direction: 'in', cp: 'A100' });
    const reversal = add({ source: 2, account: 1, line: 4, ts: at + 3_600_000, amount: 2000, direction: 'in', summary: '冲正', txnNo: 'Q2' });
    markDuplicates(db, [1, 2]);
    markReversals(db, [1, 2]);
    expect(linkMirrorPairs(db)).toBe(1);
    expect(db.prepare('SELECT id, dup_of, mirror_id AS mirror, reversal_of AS reversalOf FROM txn WHERE id IN (?, ?, ?) ORDER BY id').all(poor, inLeg, reversal)).toEqual([
      { id: poor, dup_of: null, mirror: inLeg, reversalOf: null },
      { id: inLeg, dup_of: null, mirror: poor, reversalOf: null },
      { id: reversal, dup_of: null, mirror: null, reversalOf: poor },
    ]);

    // job 2: the same transfer with the counterparty's name
    const rich = add({ source: 3, account: 1, line: 9, ts: at, amount: -2000, cp: 'B200', cpName: '乙', summary: '转账', txnNo: 'Q1' });
    expect(markDuplicates(db, [1], 2)).toEqual({
      txnNo: 1,
      fingerprint: 0,
      outranked: 1,
      repointed: 1,
      promoted: 0,
      moved: { mirrorPairs: 1, reversals: 1, messages: 0 },
      // the rows of job 1 whose mark changed, and the links that followed the original
      changed: [
        { id: poor, before: null, after: rich },
        { id: repeat, before: poor, after: rich },
      ],
      links: [
        { link: 'mirror', before: [poor, inLeg], after: [rich, inLeg] },
        { link: 'reversal', before: [reversal, poor], after: [reversal, rich] },
      ],
    });
    const rows = db.prepare('SELECT id, dup_of, mirror_id AS mirror, reversal_of AS reversalOf FROM txn WHERE id IN (?, ?, ?, ?, ?) ORDER BY id');
    const expected = [
      { id: poor, dup_of: rich, mirror: null, reversalOf: null },
      { id: repeat, dup_of: rich, mirror: null, reversalOf: null },
      { id: inLeg, dup_of: null, mirror: rich, reversalOf: null },
      { id: reversal, dup_of: null, mirror: null, reversalOf: rich },
      { id: rich, dup_of: null, mirror: inLeg, reversalOf: null },
    ];
    expect(rows.all(poor, repeat, inLeg, reversal, rich)).toEqual(expected);
    // the next steps of the job find nothing left to do, and nothing is left on a duplicate
    expect(markReversals(db, [1])).toBe(0);
    expect(linkMirrorPairs(db)).toBe(0);
    expect(markDuplicates(db, [1], 2)).toMatchObject({ txnNo: 0, outranked: 0, repointed: 0, promoted: 0, changed: [], links: [] });
    expect(rows.all(poor, repeat, inLeg, reversal, rich)).toEqual(expected);
    expect(db.prepare('SELECT COUNT(*) FROM txn WHERE dup_of IS NOT NULL AND (mirror_id IS NOT NULL OR reversal_of IS NOT NULL)').pluck().get()).toBe(0);
    session.close();
  });

  it('a group marked under the earliest-row rule gets its most complete row as the original when its account is next imported', () => {
    const { session, db, add } = setup(tempDir);
    const poor = add({ source: 1, account: 1, line: 2, amount: -643, txnNo: 'T9' });
    const full = add({ source: 2, account: 1, line: 2, amount: -643, cp: '2088510159128115', cpName: '锦江康民大药房', txnNo: 'T9' });
    db.prepare("UPDATE txn SET dup_of = ?, dup_rule = 'txn-no' WHERE id = ?").run(poor, full);
    expect(markDuplicates(db, [1])).toMatchObject({ txnNo: 1, outranked: 1, promoted: 1 });
    expect(db.prepare('SELECT id, dup_of FROM txn ORDER BY id').all()).toEqual([
      { id: poor, dup_of: full },
      { id: full, dup_of: null },
    ]);
    expect(db.prepare('SELECT COUNT(*) FROM txn WHERE dup_of IS NOT NULL').pluck().get()).toBe(1);
    session.close();
  });

  it('pairs an out-leg naming the other subject by card number with its nearest in-leg, each leg once', () => {
    const { session, db, add } = setup(tempDir);
    const at = 1_700_000_000_000;
    const out = add({ source: 1, account: 1, line: 2, ts: at, amount: -2000, cp: '6222000011112222' });
    const near = add({ source: 2, account: 2, line: 2, ts: at + 60_000, amount: 2000, direction: 'in', cp: 'A100' });
    // a second in-leg further away, and one outside the 15-minute window, stay unpaired
    const far = add({ source: 2, account: 2, line: 3, ts: at + 300_000, amount: 2000, direction: 'in' });
    add({ source: 2, account: 2, line: 4, ts: at + 20 * 60_000, amount: 2000, direction: 'in' });
    // an in-leg naming a third party is not this transfer
    add({ source: 2, account: 2, line: 5, ts: at + 1000, amount: 2000, direction: 'in', cp: 'Z9' });
    const out2 = add({ source: 1, account: 1, line: 3, ts: at + 240_000, amount: -2000, cp: 'B200' });

    expect(linkMirrorPairs(db)).toBe(2);
    const pairs = db.prepare('SELECT id, mirror_id FROM txn WHERE mirror_id IS NOT NULL ORDER BY id').all();
    expect(pairs).toEqual([
      { id: out, mirror_id: near },
      { id: near, mirror_id: out },
      { id: far, mirror_id: out2 },
      { id: out2, mirror_id: far },
    ]);
    session.close();
  });

  it('finds a balance break in file order, skipping rows without a balance', () => {
    const { session, db, add } = setup(tempDir);
    add({ source: 1, account: 1, line: 2, amount: 100, direction: 'in', balance: 100 });
    add({ source: 1, account: 1, line: 3, amount: -30, balance: 70 });
    add({ source: 1, account: 1, line: 4, amount: -10, balance: null });
    const jump = add({ source: 1, account: 1, line: 5, amount: -20, balance: 40 });
    const result = checkBalances(db, [1]);
    expect(result).toMatchObject({ breaks: 1, checked: 3, orders: [{ sourceId: 1, accountId: 1, order: 'asc', breaks: 1 }] });
    expect(db.prepare('SELECT id, balance_expected FROM txn WHERE balance_expected IS NOT NULL').all()).toEqual([{ id: jump, balance_expected: 50 }]);
    session.close();
  });
});

describe('a later job re-ranks duplicate groups', () => {
  const tempDir = useTempDirs();
  const at = 1_700_000_000_000;
  const links = (db: Db, ids: number[]) =>
    db.prepare(`SELECT id, dup_of AS dupOf, mirror_id AS mirror, reversal_of AS reversalOf FROM txn WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`).all(...ids);

  it('both legs of a transfer outranked at once: the new originals are each other\'s mirror, the old legs carry nothing', () => {
    const { session, db, add } = setup(tempDir);
    // job 1: A's out-leg and B's in-leg of one transfer, paired
    const outLeg = add({ source: 1, account: 1, line: 2, ts: at, amount: -2000, cp: 'B200', txnNo: 'M1' });
    const inLeg = add({ source: 2, account: 2, line: 2, ts: at + 60_000, amount: 2000, direction: 'in', cp: 'A100', txnNo: 'N1' });
    expect(linkMirrorPairs(db)).toBe(1);
    // job 2: both legs again, with the counterparty's name
    const richOut = add({ source: 3, account: 1, line: 2, ts: at, amount: -2000, cp: 'B200', cpName: '乙', txnNo: 'M1' });
    const richIn = add({ source: 3, account: 2, line: 3, ts: at + 60_000, amount: 2000, direction: 'in', cp: 'A100', cpName: '甲', txnNo: 'N1' });
    const result = markDuplicates(db, [1, 2], 2);
    expect(result.moved).toEqual({ mirrorPairs: 1, reversals: 0, messages: 0 });
    expect(links(db, [outLeg, inLeg, richOut, richIn])).toEqual([
      { id: outLeg, dupOf: richOut, mirror: null, reversalOf: null },
      { id: inLeg, dupOf: richIn, mirror: null, reversalOf: null },
      { id: richOut, dupOf: null, mirror: richIn, reversalOf: null },
      { id: richIn, dupOf: null, mirror: richOut, reversalOf: null },
    ]);
    // the step can say which rows lost their place and where the pair went
    expect(result.changed).toEqual([
      { id: outLeg, before: null, after: richOut },
      { id: inLeg, before: null, after: richIn },
    ]);
    expect(result.links).toEqual([{ link: 'mirror', before: [outLeg, inLeg], after: [richOut, richIn] }]);
    expect(linkMirrorPairs(db)).toBe(0);
    session.close();
  });

  it('a transfer and its reversal outranked at once: the new reversal points at the new original, which no detector counts alone', () => {
    const { session, db, add } = setup(tempDir);
    const original = add({ source: 1, account: 1, line: 2, ts: at, amount: -5000, cp: 'X1', txnNo: 'R1' });
    const reversal = add({ source: 1, account: 1, line: 3, ts: at + 3_600_000, amount: 5000, direction: 'in', cp: 'X1', summary: '冲正', txnNo: 'R2' });
    expect(markReversals(db, [1])).toBe(1);
    const richOriginal = add({ source: 3, account: 1, line: 2, ts: at, amount: -5000, cp: 'X1', cpName: '丙', summary: '转账', txnNo: 'R1' });
    const richReversal = add({ source: 3, account: 1, line: 3, ts: at + 3_600_000, amount: 5000, direction: 'in', cp: 'X1', cpName: '丙', summary: '冲正', txnNo: 'R2' });
    const result = markDuplicates(db, [1], 2);
    expect(result.moved).toEqual({ mirrorPairs: 0, reversals: 1, messages: 0 });
    // the pair the grid and the detectors read: both ends originals
    const pairs = db
      .prepare('SELECT r.id AS reversal, o.id AS original FROM txn r JOIN txn o ON o.id = r.reversal_of WHERE r.dup_of IS NULL AND o.dup_of IS NULL')
      .all();
    expect(pairs).toEqual([{ reversal: richReversal, original: richOriginal }]);
    expect(links(db, [original, reversal])).toEqual([
      { id: original, dupOf: richOriginal, mirror: null, reversalOf: null },
      { id: reversal, dupOf: richReversal, mirror: null, reversalOf: null },
    ]);
    expect(result.links).toEqual([{ link: 'reversal', before: [reversal, original], after: [richReversal, richOriginal] }]);
    // nothing left for the reversal step of the job
    expect(markReversals(db, [1])).toBe(0);
    session.close();
  });

  it('a reversal mark that cannot follow its original (the new one is undone already) is cleared and recorded', () => {
    const { session, db, add } = setup(tempDir);
    const original = add({ source: 1, account: 1, line: 2, ts: at, amount: -5000, txnNo: 'R1' });
    const reversal = add({ source: 1, account: 1, line: 3, ts: at + 60_000, amount: 5000, direction: 'in', summary: '冲正', txnNo: 'R2' });
    const rich = add({ source: 2, account: 1, line: 2, ts: at, amount: -5000, cp: 'X1', cpName: '丙', txnNo: 'R1' });
    const ownReversal = add({ source: 2, account: 1, line: 4, ts: at + 120_000, amount: 5000, direction: 'in', summary: '退回', txnNo: 'R3' });
    // as a case marked under the earliest-row rule may hold it: the richer row a duplicate with a reversal of its own
    db.prepare("UPDATE txn SET dup_of = ?, dup_rule = 'txn-no' WHERE id = ?").run(original, rich);
    db.prepare('UPDATE txn SET reversal_of = ? WHERE id = ?').run(original, reversal);
    db.prepare('UPDATE txn SET reversal_of = ? WHERE id = ?').run(rich, ownReversal);
    const result = markDuplicates(db, [1], 2);
    expect(links(db, [reversal, ownReversal])).toEqual([
      { id: reversal, dupOf: null, mirror: null, reversalOf: null },
      { id: ownReversal, dupOf: null, mirror: null, reversalOf: rich },
    ]);
    expect(result.moved.reversals).toBe(0);
    expect(result.links).toEqual([{ link: 'reversal', before: [reversal, original], after: null }]);
    expect(result.changed).toEqual([
      { id: original, before: null, after: rich },
      { id: rich, before: original, after: null },
    ]);
    session.close();
  });

  it('repairs the links an earlier version left on duplicates when their accounts are next imported', () => {
    const { session, db, add } = setup(tempDir);
    const outLeg = add({ source: 1, account: 1, line: 2, ts: at, amount: -2000, cp: 'B200', txnNo: 'M1' });
    const inLeg = add({ source: 1, account: 2, line: 2, ts: at + 60_000, amount: 2000, direction: 'in', cp: 'A100', txnNo: 'N1' });
    const original = add({ source: 1, account: 1, line: 3, ts: at, amount: -5000, txnNo: 'R1' });
    const reversal = add({ source: 1, account: 1, line: 4, ts: at + 60_000, amount: 5000, direction: 'in', summary: '冲正', txnNo: 'R2' });
    const richOut = add({ source: 2, account: 1, line: 2, ts: at, amount: -2000, cp: 'B200', cpName: '乙', txnNo: 'M1' });
    const richIn = add({ source: 2, account: 2, line: 2, ts: at + 60_000, amount: 2000, direction: 'in', cp: 'A100', cpName: '甲', txnNo: 'N1' });
    const richOriginal = add({ source: 2, account: 1, line: 3, ts: at, amount: -5000, cpName: '丙', txnNo: 'R1' });
    const richReversal = add({ source: 2, account: 1, line: 4, ts: at + 60_000, amount: 5000, direction: 'in', cpName: '丙', summary: '冲正', txnNo: 'R2' });
    // what quality version 2 left when both ends of a link were outranked in one job
    const set = db.prepare('UPDATE txn SET dup_of = ?, dup_rule = ?, mirror_id = ?, reversal_of = ? WHERE id = ?');
    set.run(richOut, 'txn-no', richIn, null, outLeg);
    set.run(richIn, 'txn-no', null, null, inLeg);
    set.run(null, null, inLeg, null, richOut);
    set.run(null, null, outLeg, null, richIn);
    set.run(richOriginal, 'txn-no', null, null, original);
    set.run(richReversal, 'txn-no', null, null, reversal);
    set.run(null, null, null, original, richReversal);
    markDuplicates(db, [1, 2], 2);
    expect(links(db, [outLeg, inLeg, original, reversal, richOut, richIn, richOriginal, richReversal])).toEqual([
      { id: outLeg, dupOf: richOut, mirror: null, reversalOf: null },
      { id: inLeg, dupOf: richIn, mirror: null, reversalOf: null },
      { id: original, dupOf: richOriginal, mirror: null, reversalOf: null },
      { id: reversal, dupOf: richReversal, mirror: null, reversalOf: null },
      { id: richOut, dupOf: null, mirror: richIn, reversalOf: null },
      { id: richIn, dupOf: null, mirror: richOut, reversalOf: null },
      { id: richOriginal, dupOf: null, mirror: null, reversalOf: null },
      { id: richReversal, dupOf: null, mirror: null, reversalOf: richOriginal },
    ]);
    session.close();
  });

  it('a succeeded row, then a row of an official return, is the original before a more complete one', () => {
    const { session, db, add } = setup(tempDir);
    // a bank-failed twin with every column filled, and the succeeded row
    const failedRich = add({ source: 1, account: 1, line: 2, amount: -8800, cp: 'X1', cpName: '丁', summary: '转账', balance: 100, txnNo: 'S1', succeeded: 0 });
    const succeeded = add({ source: 3, account: 1, line: 2, amount: -8800, txnNo: 'S1' });
    // a statement a party handed over names more than the bank's return of the same transfer
    const official = add({ source: 1, account: 1, line: 3, amount: -1200, txnNo: 'S2' });
    const handedOver = add({ source: 4, account: 1, line: 3, amount: -1200, cp: 'X2', cpName: '戊', summary: '货款', txnNo: 'S2' });
    markDuplicates(db, [1], 2);
    expect(db.prepare('SELECT id, dup_of AS dupOf FROM txn WHERE dup_of IS NOT NULL ORDER BY id').all()).toEqual([
      { id: failedRich, dupOf: succeeded },
      { id: handedOver, dupOf: official },
    ]);
    // the money is in the case's totals once
    expect(caseStats(session).sumOutMinor).toEqual({ CNY: 8800 + 1200 });
    session.close();
  });

  it('pairs an out-leg naming a wallet by the phone record folded into it with the wallet\'s in-leg', () => {
    const { session, db, add } = setup(tempDir);
    // the login trail filed under the phone, marked as part of B's wallet (migration 0006)
    db.prepare("INSERT INTO account (id, kind, number, sub_account, merged_into, merge_rule) VALUES (3, 'bank', '13800138000', '', 2, 'wallet-phone-record')").run();
    const out = add({ source: 1, account: 1, line: 2, ts: at, amount: -3000, cp: '13800138000' });
    const inLeg = add({ source: 2, account: 2, line: 2, ts: at + 30_000, amount: 3000, direction: 'in', cp: 'A100' });
    expect(linkMirrorPairs(db)).toBe(1);
    expect(db.prepare('SELECT id, mirror_id AS mirror FROM txn ORDER BY id').all()).toEqual([
      { id: out, mirror: inLeg },
      { id: inLeg, mirror: out },
    ]);
    session.close();
  });
});
