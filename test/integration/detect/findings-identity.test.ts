import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Hit } from '../../../shared/analytics/detectors';
import { saveRuleFindings } from '../../../electron/core/analysis/detect/findings-store';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';

function caseDb(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, 'mem', MIGRATIONS);
  db.prepare("INSERT INTO account (id, kind, number) VALUES (5, 'bank', '6222000000000005'), (6, 'bank', '6222000000000006')").run();
  return db;
}

const hit = (subject: number | null, title: string): Hit => ({ title, titleEn: title, score: 0.9, subject, accounts: [], txns: [], detail: {} });
const rule = (hits: Hit[]) => ({ rule: 'pass-through', version: 1, params: { maxImbalance: 0.05 }, hits });

describe('a re-run keeps a finding the investigator marked', () => {
  it('when new statements change its figures (same subject, new title): same id, new title, tag and note still on it', () => {
    const db = caseDb();
    const [first] = saveRuleFindings(db, rule([hit(5, '疑似过渡账户：转入 ¥2.01万')]), 't', 'then').ids;
    db.prepare("INSERT INTO tag (id, name, kind, color, created_at, created_by) VALUES (1, '重点', 'free', '#c00', 't', 't')").run();
    db.prepare("INSERT INTO tag_link (tag_id, item_type, item_id, created_at, created_by) VALUES (1, 'finding', ?, 't', 't')").run(first);
    const again = saveRuleFindings(db, rule([hit(5, '疑似过渡账户：转入 ¥3.50万'), hit(6, '疑似过渡账户：转入 ¥1万')]), 't', 'now');
    expect(again.ids[0]).toBe(first);
    expect(again.removedWithNotes).toBe(0);
    expect(db.prepare('SELECT title FROM finding WHERE id = ?').pluck().get(first)).toBe('疑似过渡账户：转入 ¥3.50万');
    expect(db.prepare("SELECT item_id FROM tag_link WHERE item_type = 'finding'").pluck().all()).toEqual([first]);
    expect(db.prepare('SELECT count(*) FROM finding').pluck().get()).toBe(2);
  });

  it('a hit without a subject (a cycle) is the same finding when it names the same accounts, whatever its new figures', () => {
    const db = caseDb();
    const ring = (title: string): Hit => ({ ...hit(null, title), accounts: [{ id: 6, role: 'member' }, { id: 5, role: 'member' }] });
    const [first] = saveRuleFindings(db, rule([ring('资金闭环 A → B → A，1 轮（合计 ¥5万）')]), 't', 'then').ids;
    const again = saveRuleFindings(db, rule([ring('资金闭环 A → B → A，2 轮（合计 ¥9万）')]), 't', 'now');
    expect(again.ids).toEqual([first]);
  });

  it('a hit without a subject is the same finding only with the same title; one whose subject is gone is removed', () => {
    const db = caseDb();
    const [loop, gone] = saveRuleFindings(db, rule([hit(null, '资金闭环 A → B → A'), hit(6, '疑似过渡账户')]), 't', 'then').ids;
    const again = saveRuleFindings(db, rule([hit(null, '资金闭环 A → B → A'), hit(null, '资金闭环 C → D → C')]), 't', 'now');
    expect(again.ids[0]).toBe(loop);
    expect(again.ids[1]).not.toBe(gone);
    expect(db.prepare('SELECT id FROM finding WHERE id = ?').get(gone)).toBeUndefined();
  });
});
