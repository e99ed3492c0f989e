import type { ItemMarks, ItemRef, ItemType, TagBrief } from '@shared/domain';
import type { Db } from '../db/connection';
import { assertItemsExist, idsByType } from './items';
import { presetOf } from './presets';
import { getTag } from './tag-store';

export interface ApplyResult {
  /** links made by this call */
  applied: number;
  /** items that already carried the tag */
  already: number;
}

/**
 * Tag items, in bulk and idempotently: items that already carry the tag are counted, not linked twice. Every item
 * must exist in the case; nothing is linked otherwise.
 */
export function applyTag(db: Db, tagId: number, items: readonly ItemRef[], by: string): ApplyResult {
  getTag(db, tagId);
  assertItemsExist(db, items);
  const insert = db.prepare(
    'INSERT OR IGNORE INTO tag_link (tag_id, item_type, item_id, created_at, created_by) SELECT ?, ?, j.value, ?, ? FROM json_each(?) j',
  );
  const at = new Date().toISOString();
  return db.transaction(() => {
    let applied = 0;
    let distinct = 0;
    for (const [type, ids] of idsByType(items)) {
      distinct += ids.length;
      applied += insert.run(tagId, type, at, by, JSON.stringify(ids)).changes;
    }
    return { applied, already: distinct - applied };
  })();
}

/** Take the tag off items; items without it are ignored. Returns how many links were removed. */
export function removeTag(db: Db, tagId: number, items: readonly ItemRef[]): { removed: number } {
  getTag(db, tagId);
  const remove = db.prepare('DELETE FROM tag_link WHERE tag_id = ? AND item_type = ? AND item_id IN (SELECT value FROM json_each(?))');
  return db.transaction(() => {
    let removed = 0;
    for (const [type, ids] of idsByType(items)) removed += remove.run(tagId, type, JSON.stringify(ids)).changes;
    return { removed };
  })();
}

/** The tags, note and star of each item, in the order asked for (for grid columns and detail panels). */
export function marksOfItems(db: Db, items: readonly ItemRef[]): ItemMarks[] {
  const tagsOf = new Map<string, TagBrief[]>();
  const notesOf = new Map<string, { text: string; starred: number }>();
  const tagQuery = db.prepare(
    `SELECT l.item_id AS itemId, t.id, t.name, t.kind, t.color FROM tag_link l JOIN tag t ON t.id = l.tag_id
     WHERE l.item_type = ? AND l.item_id IN (SELECT value FROM json_each(?))
     ORDER BY CASE t.kind WHEN 'typology' THEN 0 ELSE 1 END, t.id`,
  );
  const noteQuery = db.prepare('SELECT item_id AS itemId, text, starred FROM note WHERE item_type = ? AND item_id IN (SELECT value FROM json_each(?))');
  for (const [type, ids] of idsByType(items)) {
    const json = JSON.stringify(ids);
    for (const row of tagQuery.all(type, json) as { itemId: number; id: number; name: string; kind: 'typology' | 'free'; color: string }[]) {
      const key = keyOf(type, row.itemId);
      tagsOf.set(key, [
        ...(tagsOf.get(key) ?? []),
        { id: row.id, name: row.name, nameEn: row.kind === 'typology' ? (presetOf(row.id)?.nameEn ?? null) : null, kind: row.kind, color: row.color },
      ]);
    }
    for (const row of noteQuery.all(type, json) as { itemId: number; text: string; starred: number }[]) notesOf.set(keyOf(type, row.itemId), row);
  }
  return items.map((item) => {
    const key = keyOf(item.type, item.id);
    const note = notesOf.get(key);
    return { type: item.type, id: item.id, tags: tagsOf.get(key) ?? [], note: note && note.text !== '' ? note.text : null, starred: note?.starred === 1 };
  });
}

function keyOf(type: ItemType, id: number): string {
  return `${type}:${id}`;
}
