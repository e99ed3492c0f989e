import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';
import { markDuplicates } from '../../../electron/core/ingest/quality';

/** The lookups of the two duplicate rules: a `txn-no` group's rows by its whole key, the rows the fingerprint rule ranks. */
const GROUP_ROWS = 'SELECT id FROM txn WHERE account_id = 1 AND txn_no = ? AND amount_minor = ?';
const WITHOUT_TXN_NO = 'SELECT id FROM txn WHERE account_id = 1 AND txn_no IS NULL';

describe('migration 0008-duplicate-keys', () => {
  it('keeps every row of an existing case and looks the duplicate rules\' rows up by their whole key', () => {
    const db = new Database(':memory:');
    migrate(db, 'mem', MIGRATIONS.slice(0, 7));
    db.exec(`
      INSERT INTO import_job (id, started_at, finished_at, operator, params) VALUES (1, 't', 't', 'o', '{}');
      INSERT INTO source (id, job_id, file_name, rel_path, size, sha256, sm3, stored_path, format_id, format_version, kind, grade, confidence,
        detect_reason, encoding, time_zone, rows_read, imported, rejected, warnings, imported_at)
      VALUES (1, 1, 'f', 'f', 1, 'h', 's', 'p', 'x', 1, 'transactions', 'official', 1, 'r', 'utf-8', 'Asia/Shanghai', 0, 0, 0, '[]', 't');
      INSERT INTO account (id, kind, number) VALUES (1, 'bank', '6222');
    `);
    const add = db.prepare(
      `INSERT INTO txn (source_id, sheet, line, row_hash, raw, account_id, ts_utc, ts_text, amount_minor, currency, direction, direction_raw, txn_no, succeeded)
       VALUES (1, '', ?, 'h', '{}', 1, 1700000000000, 't', -10000, 'CNY', 'out', '出', ?, 1)`,
    );
    // a statement and an overlapping one repeating its 流水号 T1, and a row without one
    for (const [line, txnNo] of [[2, 'T1'], [3, 'T2'], [4, 'T1'], [5, null]] as const) add.run(line, txnNo);
    const plan = (sql: string, ...params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join(' | ');
    // before: the (account, amount) index, so every row of that amount is read and its 流水号 compared
    expect(plan(GROUP_ROWS, 'T1', -10000)).not.toMatch(/txn_account_txn_no/);
    const rows = db.prepare('SELECT * FROM txn ORDER BY id').all();

    migrate(db, 'mem', MIGRATIONS.slice(0, 8));
    expect(db.prepare('SELECT * FROM txn ORDER BY id').all()).toEqual(rows);
    expect(plan(GROUP_ROWS, 'T1', -10000)).toMatch(/USING (COVERING )?INDEX txn_account_txn_no \(account_id=\? AND txn_no=\? AND amount_minor=\?\)/);
    expect(plan(WITHOUT_TXN_NO)).toMatch(/USING (COVERING )?INDEX txn_account_txn_no \(account_id=\? AND txn_no=\?\)/);
    expect(db.prepare(GROUP_ROWS).pluck().all('T1', -10000)).toEqual([1, 3]);
    // the duplicate step, which names the index, runs on the upgraded case
    expect(markDuplicates(db, [1])).toMatchObject({ txnNo: 1, fingerprint: 0 });
    expect(db.prepare('SELECT id, dup_of AS dupOf FROM txn WHERE dup_of IS NOT NULL').all()).toEqual([{ id: 3, dupOf: 1 }]);
  });
});
