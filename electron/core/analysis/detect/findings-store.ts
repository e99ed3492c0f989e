/**
 * Findings in the case file (tables finding and finding_item, migration 0004): each hit stored with its rule,
 * version, canonical parameters, title, score and detail, and the rows and accounts behind it. A new run of a rule
 * with the same parameters replaces that rule's earlier findings; a finding whose title is unchanged keeps its id (so
 * tags and notes on it stay attached), the others are removed.
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

/** Stores one rule's hits in the caller's transaction. */
export function saveRuleFindings(db: Db, rule: { rule: string; version: number; params: ParamValues; hits: readonly Hit[] }, operator: string, at: string): SaveResult {
  const params = canonicalJson(rule.params);
  const previous = db.prepare('SELECT id, title FROM finding WHERE rule = ? AND params = ? ORDER BY id').all(rule.rule, params) as { id: number; title: string }[];
  const byTitle = new Map<string, number[]>();
  for (const old of previous) byTitle.set(old.title, [...(byTitle.get(old.title) ?? []), old.id]);
  const insert = db.prepare('INSERT INTO finding (rule, version, params, title, score, detail, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const update = db.prepare('UPDATE finding SET version = ?, score = ?, detail = ?, created_at = ?, created_by = ? WHERE id = ?');
  const clearItems = db.prepare('DELETE FROM finding_item WHERE finding_id = ?');
  const item = db.prepare('INSERT OR IGNORE INTO finding_item (finding_id, item_type, item_id, role) VALUES (?, ?, ?, ?)');
  const ids: number[] = [];
  const kept = new Set<number>();
  for (const hit of rule.hits) {
    const detail = JSON.stringify(hit.detail);
    const reuse = byTitle.get(hit.title)?.shift();
    let id: number;
    if (reuse !== undefined) {
      update.run(rule.version, hit.score, detail, at, operator, reuse);
      clearItems.run(reuse);
      kept.add(reuse);
      id = reuse;
    } else {
      id = Number(insert.run(rule.rule, rule.version, params, hit.title, hit.score, detail, at, operator).lastInsertRowid);
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
