import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';

const OLD_TITLE = '疑似快进快出：王五 6222…0001 1 次资金转入后 30 分钟内转出（转入 ¥6万，转出 ¥5.8万）';

describe('migration 0007-finding-title-en', () => {
  it('keeps every earlier finding and its Chinese title with no English one, and stores the English title of new findings', () => {
    const db = new Database(':memory:');
    migrate(db, 'mem', MIGRATIONS.slice(0, 6));
    db.prepare(
      `INSERT INTO finding (id, rule, version, params, title, score, detail, created_at, created_by)
       VALUES (1, 'fast-in-fast-out', 1, '{}', ?, 0.7, '{}', '2024-06-03T00:00:00.000Z', '张警官')`,
    ).run(OLD_TITLE);
    migrate(db, 'mem', MIGRATIONS.slice(0, 7));
    expect(db.prepare('SELECT id, title, title_en AS titleEn FROM finding').all()).toEqual([{ id: 1, title: OLD_TITLE, titleEn: null }]);
    db.prepare(
      `INSERT INTO finding (id, rule, version, params, title, title_en, score, detail, created_at, created_by)
       VALUES (2, 'fast-in-fast-out', 1, '{}', '疑似快进快出：王五', 'Suspected fast in, fast out: 王五', 0.7, '{}', '2024-06-03T00:00:00.000Z', '张警官')`,
    ).run();
    expect(db.prepare('SELECT title_en AS titleEn FROM finding WHERE id = 2').get()).toEqual({ titleEn: 'Suspected fast in, fast out: 王五' });
    // a text column like the table's others (the table is STRICT)
    expect(() => db.prepare('UPDATE finding SET title_en = ? WHERE id = 1').run(Buffer.from('x'))).toThrow(/cannot store BLOB/);
  });
});
