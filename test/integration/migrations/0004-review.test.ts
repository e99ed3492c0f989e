import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';

describe('migration 0004-review', () => {
  it('adds STRICT tag, note, saved-view and finding tables that refuse unknown item types', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 'mem', MIGRATIONS.slice(0, 4));
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[];
    for (const name of ['tag', 'tag_link', 'note', 'saved_view', 'finding', 'finding_item']) expect(tables.find((t) => t.name === name)?.sql, name).toMatch(/STRICT/);
    db.prepare("INSERT INTO tag (name, kind, color, created_at, created_by) VALUES ('代理退保', 'typology', '#c00', 't', 'o')").run();
    expect(() => db.prepare("INSERT INTO tag_link (tag_id, item_type, item_id, created_at, created_by) VALUES (1, 'txn', 5, 't', 'o')").run()).not.toThrow();
    expect(() => db.prepare("INSERT INTO tag_link (tag_id, item_type, item_id, created_at, created_by) VALUES (1, 'rumour', 5, 't', 'o')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO tag_link (tag_id, item_type, item_id, created_at, created_by) VALUES (9, 'txn', 5, 't', 'o')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO finding (rule, version, params, title, detail, created_at, created_by) VALUES ('fast-in-fast-out', 1, '{}', 't', '{}', 't', 'o')").run();
    db.prepare("INSERT INTO finding_item (finding_id, item_type, item_id, role) VALUES (1, 'txn', 7, 'evidence')").run();
    db.prepare('DELETE FROM finding WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM finding_item').pluck().get()).toBe(0);
  });
});
