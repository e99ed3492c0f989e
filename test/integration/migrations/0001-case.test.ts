import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';

describe('migration 0001-case', () => {
  it('creates STRICT meta and audit tables whose audit rows cannot be updated or deleted', () => {
    const db = new Database(':memory:');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 1));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.prepare("INSERT INTO meta (key, value) VALUES ('k', 'v')").run();
    expect(() => db.prepare("INSERT INTO meta (key, value) VALUES ('n', ?)").run(Buffer.from('x'))).toThrow(/cannot store BLOB/);
    db.prepare(
      "INSERT INTO audit (seq, at, operator, action, params, params_digest, prev_hash, hash) VALUES (1, 't', 'o', 'a', '{}', 'd', 'p', 'h')",
    ).run();
    expect(() => db.prepare("UPDATE audit SET action = 'b'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    db.close();
  });
});
