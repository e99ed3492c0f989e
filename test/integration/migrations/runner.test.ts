import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { AppError } from '@shared/api';
import { assertContiguous, checkSchema, migrate } from '../../../electron/core/db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../../electron/core/db/migrations/index';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not-app-error';
  }
  return undefined;
}

describe('migration runner', () => {
  it('ships a contiguous, numbered list whose names match their numbers', () => {
    expect(() => assertContiguous(MIGRATIONS)).not.toThrow();
    MIGRATIONS.forEach((m) => expect(m.name.startsWith(String(m.version).padStart(4, '0'))).toBe(true));
  });

  it('applies every migration once and records it', () => {
    const db = new Database(':memory:');
    expect(migrate(db, 'mem')).toEqual(MIGRATIONS.map((m) => m.version));
    expect(migrate(db, 'mem')).toEqual([]);
    const rows = db.prepare('SELECT version FROM schema_migration ORDER BY version').all() as { version: number }[];
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('refuses a case written by a newer Chainsight, naming both versions', () => {
    const db = new Database(':memory:');
    migrate(db, 'mem');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 3}`);
    expect(codeOf(() => checkSchema(db, 'newer-case'))).toBe('SCHEMA_TOO_NEW');
    expect(() => checkSchema(db, 'newer-case')).toThrow(new RegExp(`schema ${LATEST_SCHEMA_VERSION + 3}`));
  });

  it('refuses a schema history with a gap', () => {
    const two: Migration[] = [
      { version: 1, name: '0001-a', up: (d) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      { version: 2, name: '0002-b', up: (d) => d.exec('CREATE TABLE b (x INTEGER) STRICT') },
    ];
    const db = new Database(':memory:');
    migrate(db, 'mem', two);
    db.prepare('DELETE FROM schema_migration WHERE version = 1').run();
    expect(codeOf(() => checkSchema(db, 'gap-case', two))).toBe('SCHEMA_GAP');
    expect(() => migrate(db, 'gap-case', two)).toThrow(/migration 1 is missing/);
  });

  it('rejects a migration list with a hole', () => {
    const holed: Migration[] = [
      { version: 1, name: '0001-a', up: () => undefined },
      { version: 3, name: '0003-c', up: () => undefined },
    ];
    expect(() => assertContiguous(holed)).toThrow(/not contiguous/);
  });
});
