import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/api';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { LOCK_FILE } from '../../../electron/core/cases/case-lock';
import { useTempDirs } from '../../support/temp-dir';

const owner = { host: 'cli' as const, operator: '张警官（经侦支队，警号 012345）' };

describe('case file', () => {
  const tempDir = useTempDirs();

  it('creates <name>.chainsight with case.sqlite (WAL, foreign keys, STRICT tables), originals/ and exports/', () => {
    const dir = tempDir();
    const session = CaseSession.create(join(dir, 'c'), { caseName: '某某代理退保案', caseNumber: 'A2025-001' }, owner);
    expect(session.caseDir).toBe(join(dir, 'c.chainsight'));
    expect(session.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(session.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = session.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
      sql: string;
    }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['audit', 'meta', 'schema_migration', 'source', 'txn']));
    // every table of ours is STRICT; FTS5 keeps its index in shadow tables of its own (message_fts_*)
    for (const table of tables.filter((t) => !t.name.startsWith('message_fts'))) expect(table.sql, table.name).toMatch(/STRICT(, WITHOUT ROWID)?\s*$/);
    expect(existsSync(join(session.caseDir, 'originals'))).toBe(true);
    expect(existsSync(join(session.caseDir, 'exports'))).toBe(true);
    const meta = session.meta();
    expect(meta).toMatchObject({ caseName: '某某代理退保案', caseNumber: 'A2025-001', timeZone: 'Asia/Shanghai' });
    expect(Date.parse(meta.createdAt)).not.toBeNaN();
    session.close();
  });

  it('refuses a second writer with a message naming the holder, and lets readers in', () => {
    const dir = tempDir();
    const first = CaseSession.create(join(dir, 'locked'), { caseName: 'L' }, { host: 'serve', operator: '李四' });
    let caught: unknown;
    try {
      CaseSession.open(first.caseDir, owner, 'write');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('CASE_LOCKED');
    expect((caught as AppError).message).toContain('chainsight serve');
    expect((caught as AppError).message).toContain('李四');
    expect((caught as AppError).message).toContain(`pid ${process.pid}`);

    const reader = CaseSession.open(first.caseDir, owner, 'read');
    expect(reader.readOnly).toBe(true);
    expect(reader.meta().caseName).toBe('L');
    reader.close();

    first.close();
    expect(existsSync(join(first.caseDir, LOCK_FILE))).toBe(false);
    const second = CaseSession.open(first.caseDir, owner, 'write');
    expect(second.readOnly).toBe(false);
    second.close();
  });

  it('takes over a lock left by a process that no longer exists on this machine', () => {
    const dir = tempDir();
    const session = CaseSession.create(join(dir, 'stale'), { caseName: 'S' }, owner);
    session.close();
    const lock = { host: 'electron', pid: 2147483646, hostname: hostname(), operator: 'x', since: '2025-01-01T00:00:00Z' };
    writeFileSync(join(session.caseDir, LOCK_FILE), JSON.stringify(lock));
    const reopened = CaseSession.open(session.caseDir, owner, 'write');
    expect(JSON.parse(readFileSync(join(session.caseDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, host: 'cli' });
    reopened.close();
  });

  it('refuses to create over a non-empty folder and to open a folder that is not a case', () => {
    const dir = tempDir();
    const session = CaseSession.create(join(dir, 'x.chainsight'), { caseName: 'X' }, owner);
    session.close();
    expect(() => CaseSession.create(join(dir, 'x'), { caseName: 'X' }, owner)).toThrow(/already exists/);
    expect(() => CaseSession.open(dir, owner, 'write')).toThrow(/No Chainsight case/);
  });

  it('records creation, opening and closing in the audit chain with the operator', () => {
    const dir = tempDir();
    const session = CaseSession.create(join(dir, 'a'), { caseName: 'A' }, owner);
    session.close();
    const reopened = CaseSession.open(join(dir, 'a.chainsight'), owner, 'write');
    reopened.close();
    const db = new Database(join(dir, 'a.chainsight', 'case.sqlite'), { readonly: true });
    const actions = db.prepare('SELECT action, operator FROM audit ORDER BY seq').all() as { action: string; operator: string }[];
    db.close();
    expect(actions.map((a) => a.action)).toEqual(['case.created', 'case.closed', 'case.opened', 'case.closed']);
    expect(new Set(actions.map((a) => a.operator))).toEqual(new Set([owner.operator]));
  });

  it('rejects an unknown time zone', () => {
    const dir = tempDir();
    expect(() => CaseSession.create(join(dir, 'tz'), { caseName: 'T', timeZone: 'Mars/Olympus' }, owner)).toThrow(/time zone/);
  });
});
