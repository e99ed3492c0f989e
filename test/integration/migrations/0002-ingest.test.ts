import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { migrate } from '../../../electron/core/db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/core/db/migrations/index';
import { useTempDirs } from '../../support/temp-dir';

describe('migration 0002-ingest', () => {
  const tempDir = useTempDirs();

  it('adds STRICT evidence tables that refuse values outside their domain', () => {
    const db = new Database(':memory:');
    migrate(db, 'mem', MIGRATIONS.slice(0, 2));
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[];
    for (const name of ['import_job', 'source', 'row_error', 'account', 'account_record', 'person', 'identifier', 'txn', 'cleaning_step']) {
      const table = tables.find((t) => t.name === name);
      expect(table?.sql, name).toMatch(/STRICT\s*$/);
    }
    db.prepare("INSERT INTO import_job (started_at, finished_at, operator, params) VALUES ('t', 't', 'o', '{}')").run();
    const source = (grade: string) =>
      db
        .prepare(
          `INSERT INTO source (job_id, file_name, rel_path, size, sha256, sm3, stored_path, format_id, format_version, kind, grade, confidence,
             detect_reason, encoding, time_zone, rows_read, imported, rejected, warnings, imported_at)
           VALUES (1, 'f', 'f', 1, ?, 's', 'p', 'x', 1, 'transactions', ?, 1, 'r', 'utf-8', 'Asia/Shanghai', 0, 0, 0, '[]', 't')`,
        )
        .run(`h-${grade}`, grade);
    expect(() => source('official')).not.toThrow();
    expect(() => source('rumour')).toThrow(/CHECK constraint/);
    db.prepare("INSERT INTO account (kind, number) VALUES ('bank', '6222')").run();
    const txn = (direction: string, amount: unknown) =>
      db
        .prepare(
          `INSERT INTO txn (source_id, sheet, line, row_hash, raw, account_id, ts_text, amount_minor, currency, direction, direction_raw, succeeded)
           VALUES (1, '', 2, 'h', '{}', 1, 't', ?, 'CNY', ?, '进', 1)`,
        )
        .run(amount, direction);
    expect(() => txn('in', 12345)).not.toThrow();
    expect(() => txn('sideways', 1)).toThrow(/CHECK constraint/);
    expect(() => txn('in', 12.5)).toThrow(/cannot store REAL value in INTEGER column/);
    expect(() => txn('in', '100')).not.toThrow(); // STRICT converts lossless text, as SQLite documents
    expect(() => db.prepare("INSERT INTO txn (source_id, sheet, line, row_hash, raw, account_id, ts_text, amount_minor, currency, direction_raw, succeeded) VALUES (1, '', 2, 'h', '{}', 99, 't', 1, 'CNY', '', 1)").run()).toThrow(/FOREIGN KEY/);
  });

  it('upgrades a case created at schema 1 when it is next opened for writing, and records that in the audit log', () => {
    const dir = tempDir();
    const owner = { host: 'cli' as const, operator: 'x' };
    const session = CaseSession.create(join(dir, 'old'), { caseName: 'old' }, owner);
    session.close();
    // roll the file back to how schema 1 left it
    const raw = new Database(join(dir, 'old.chainsight', 'case.sqlite'));
    for (const table of ['finding_item', 'finding', 'saved_view', 'note', 'tag_link', 'tag', 'message_fts', 'dup_cluster', 'lexicon_hit', 'lexicon', 'mention', 'attachment', 'message', 'conversation_member', 'conversation', 'handle_name', 'handle']) raw.exec(`DROP TABLE ${table}`);
    for (const table of ['cleaning_step', 'txn', 'identifier', 'person', 'account_record', 'account', 'row_error', 'source', 'import_job']) raw.exec(`DROP TABLE ${table}`);
    raw.exec('DELETE FROM schema_migration WHERE version >= 2; PRAGMA user_version = 1;');
    raw.close();
    const reopened = CaseSession.open(join(dir, 'old.chainsight'), owner, 'write');
    expect(reopened.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    const actions = reopened.audit.list(0, 10).entries.map((e) => e.action);
    expect(actions).toContain('case.migrated');
    expect(reopened.audit.verify().ok).toBe(true);
    reopened.close();
  });
});
