import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';

describe('migration 0006-account-merge', () => {
  it('gives every existing account an empty merge mark, and a mark must name an account', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 'mem', MIGRATIONS.slice(0, 5));
    db.prepare("INSERT INTO account (id, kind, number) VALUES (1, 'tenpay', 'WXID_A'), (2, 'tenpay', '13800138000')").run();
    migrate(db, 'mem', MIGRATIONS.slice(0, 6));
    expect(db.prepare('SELECT id, merged_into AS mergedInto, merge_rule AS rule FROM account ORDER BY id').all()).toEqual([
      { id: 1, mergedInto: null, rule: null },
      { id: 2, mergedInto: null, rule: null },
    ]);
    db.prepare("UPDATE account SET merged_into = 1, merge_rule = 'wallet-phone-record' WHERE id = 2").run();
    expect(() => db.prepare('UPDATE account SET merged_into = 99 WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
  });
});
