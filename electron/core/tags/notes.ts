import type { ItemNote, ItemRef } from '@shared/domain';
import type { Db } from '../db/connection';
import { assertItemsExist } from './items';

interface NoteRow {
  text: string;
  starred: number;
  updated_at: string;
  updated_by: string;
}

export function getNote(db: Db, item: ItemRef): ItemNote {
  const row = db.prepare('SELECT text, starred, updated_at, updated_by FROM note WHERE item_type = ? AND item_id = ?').get(item.type, item.id) as NoteRow | undefined;
  if (!row) return { item, text: '', starred: false, updatedAt: null, updatedBy: null };
  return { item, text: row.text, starred: row.starred === 1, updatedAt: row.updated_at, updatedBy: row.updated_by };
}

/** Write an item's note and star; an empty note without a star removes the row (the router audits the call). */
export function setNote(db: Db, input: { item: ItemRef; text: string; starred: boolean }, by: string): ItemNote {
  assertItemsExist(db, [input.item]);
  const { item } = input;
  const text = input.text.trim() === '' ? '' : input.text;
  if (text === '' && !input.starred) {
    db.prepare('DELETE FROM note WHERE item_type = ? AND item_id = ?').run(item.type, item.id);
    return getNote(db, item);
  }
  db.prepare(
    `INSERT INTO note (item_type, item_id, text, starred, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (item_type, item_id) DO UPDATE SET text = excluded.text, starred = excluded.starred, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(item.type, item.id, text, input.starred ? 1 : 0, new Date().toISOString(), by);
  return getNote(db, item);
}
