/**
 * Findings in the case file (tables finding and finding_item, migrations 0004 and 0007): each hit stored with its
 * rule, version, canonical parameters, title (Chinese, and English in title_en), score and detail, and the rows and
 * accounts behind it. A new run of a rule with the same parameters replaces that rule's earlier findings; a finding
 * about the same subject account (or, for hits without one — a cycle, a shared device — about the same set of
 * accounts) keeps its id, so tags and notes on it stay attached when new statements change its figures or a new
 * version words its title differently; the others are removed.
 */
import { canonicalJson } from '@shared/util/canonical-json';
import type { Hit, ParamValues } from '@shared/analytics/detectors';
import type { Db } from '../../db/connection';

export interface SaveResult {
  saved: number;
  /** findings of the earlier run with these parameters that are gone or were rewritten */
  replaced: number;
  /** of the removed ones, how many carried a tag or a note (those stay in their tables) */
  removedWithNotes: number;
  ids: number[];
}

/** What makes a new hit the same finding as an earlier one of the rule: its subject account, else the accounts it names, else its title. */
function identityOf(subject: number | null, accounts: readonly number[], title: string): string {
  if (subject !== null) return `subject:${subject}`;
  if (accounts.length > 0) return `accounts:${[...new Set(accounts)].sort((a, b) => a - b).join(',')}`;
  return `title:${title}`;
}

/** Stores one rule's hits in the caller's transaction. */
export function saveRuleFindings(db: Db, rule: { rule: string; version: number; params: ParamValues; hits: readonly Hit[] }, operator: string, at: string): SaveResult {
  const params = canonicalJson(rule.params);
  const previous = db
    .prepare(
      `SELECT f.id, f.title, (SELECT min(i.item_id) FROM finding_item i WHERE i.finding_id = f.id AND i.item_type = 'account' AND i.role = 'subject') AS subject,
         (SELECT json_group_array(DISTINCT i.item_id) FROM finding_item i WHERE i.finding_id = f.id AND i.item_type = 'account') AS accounts
       FROM finding f WHERE f.rule = ? AND f.params = ? ORDER BY f.id`,
    )
    .all(rule.rule, params) as { id: number; title: string; subject: number | null; accounts: string }[];
  const byKey = new Map<string, number[]>();
  for (const old of previous) {
    const key = identityOf(old.subject, JSON.parse(old.accounts) as number[], old.title);
    byKey.set(key, [...(byKey.get(key) ?? []), old.id]);
  }
  const insert = db.prepare('INSERT INTO finding (rule, version, params, title, title_en, score, detail, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const update = db.prepare('UPDATE finding SET version = ?, title = ?, title_en = ?, score = ?, detail = ?, created_at = ?, created_by = ? WHERE id = ?');
  const clearItems = db.prepare('DELETE FROM finding_item WHERE finding_id = ?');
  const item = db.prepare('INSERT OR IGNORE INTO finding_item (finding_id, item_type, item_id, role) VALUES (?, ?, ?, ?)');
  const ids: number[] = [];
  const kept = new Set<number>();
  for (const hit of rule.hits) {
    const detail = JSON.stringify(hit.detail);
    const reuse = byKey.get(identityOf(hit.subject, hit.accounts.map((account) => account.id), hit.title))?.shift();
    let id: number;
    if (reuse !== undefined) {
      update.run(rule.version, hit.title, hit.titleEn, hit.score, detail, at, operator, reuse);
      clearItems.run(reuse);
      kept.add(reuse);
      id = reuse;
    } else {
      id = Number(insert.run(rule.rule, rule.version, params, hit.title, hit.titleEn, hit.score, detail, at, operator).lastInsertRowid);
    }
    ids.push(id);
    if (hit.subject !== null) item.run(id, 'account', hit.subject, 'subject');
    for (const account of hit.accounts) item.run(id, 'account', account.id, account.role);
    for (const txn of hit.txns) item.run(id, 'txn', txn.id, txn.role);
  }
  const removed = previous.filter((old) => !kept.has(old.id)).map((old) => old.id);
  let removedWithNotes = 0;
  const noted = db.prepare(`SELECT (EXISTS (SELECT 1 FROM tag_link WHERE item_type = 'finding' AND item_id = ?) OR EXISTS (SELECT 1 FROM note WHERE item_type = 'finding' AND item_id = ?)) AS n`);
  const remove = db.prepare('DELETE FROM finding WHERE id = ?');
  for (const id of removed) {
    if ((noted.get(id, id) as { n: number }).n === 1) removedWithNotes++;
    clearItems.run(id);
    remove.run(id);
  }
  return { saved: ids.length, replaced: previous.length, removedWithNotes, ids };
}
