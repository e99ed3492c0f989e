import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../electron/core/cases/case-session';
import type { Db } from '../../../electron/core/db/connection';
import { checkBalances, linkMirrorPairs, markDuplicates } from '../../../electron/core/ingest/quality';
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
  summary?: string | null;
  txnNo?: string | null;
}

function setup(tempDir: () => string): { session: CaseSession; db: Db; add: (row: Row) => number } {
  const session = CaseSession.create(join(tempDir(), 'case'), { caseName: '质量' }, { host: 'cli', operator: 't' });
  const db = session.db;
  db.exec(`INSERT INTO import_job (id, started_at, finished_at, operator, params) VALUES (1, 't', 't', 't', '{}')`);
  for (const id of [1, 2]) {
    db.prepare(
      `INSERT INTO source (id, job_id, file_name, rel_path, size, sha256, sm3, stored_path, format_id, format_version, kind, grade, confidence,
         detect_reason, encoding, time_zone, rows_read, imported, rejected, warnings, acq_method, acq_unit, acq_request_no, acq_by, acq_at, imported_at)
       VALUES (?, 1, ?, ?, 0, ?, 's', 'o', 'f', 1, 'transactions', 'official', 1, '', 'utf-8', 'Asia/Shanghai', 0, 0, 0, '[]', '', '', '', '', '', '')`,
    ).run(id, `s${id}.csv`, `s${id}.csv`, `hash${id}`);
  }
  const account = db.prepare("INSERT INTO account (id, kind, number, sub_account, card_number) VALUES (?, 'bank', ?, '', ?)");
  account.run(1, 'A100', null);
  account.run(2, 'B200', '6222000011112222');
  const insert = db.prepare(
    `INSERT INTO txn (source_id, sheet, line, row_hash, raw, account_id, ts_utc, ts_text, amount_minor, currency, direction, direction_raw,
       balance_minor, cp_account, summary, txn_no, succeeded)
     VALUES (?, '', ?, 'h', '{}', ?, ?, '', ?, 'CNY', ?, '', ?, ?, ?, ?, 1)`,
  );
  const add = (row: Row): number =>
    Number(
      insert.run(row.source, row.line, row.account, row.ts === undefined ? 1_700_000_000_000 : row.ts, row.amount, row.direction === undefined ? 'out' : row.direction,
        row.balance ?? null, row.cp ?? null, row.summary ?? null, row.txnNo ?? null).lastInsertRowid,
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

    expect(markDuplicates(db, [1, 2])).toEqual({ txnNo: 1, fingerprint: 2 });
    const marked = db.prepare('SELECT id, dup_of, dup_rule FROM txn WHERE dup_of IS NOT NULL ORDER BY id').all();
    expect(marked).toEqual([
      { id: t1Again, dup_of: t1, dup_rule: 'txn-no' },
      { id: f1Again, dup_of: f1, dup_rule: 'fingerprint' },
      { id: f1Third, dup_of: f1, dup_rule: 'fingerprint' },
    ]);
    // a second pass (the next job) changes nothing already marked
    expect(markDuplicates(db, [1, 2])).toEqual({ txnNo: 0, fingerprint: 0 });
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
