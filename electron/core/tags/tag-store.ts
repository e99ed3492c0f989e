import { AppError } from '@shared/api';
import { ITEM_TYPES } from '@shared/api/tag-schemas';
import type { Tag, TagBrief, TagCounts } from '@shared/domain';
import type { Db } from '../db/connection';
import { ensurePresets, FIRST_FREE_TAG_ID, FREE_TAG_COLORS, PRESET_CREATOR, presetOf, TYPOLOGY_PRESETS } from './presets';

interface TagRow {
  id: number;
  name: string;
  kind: 'typology' | 'free';
  color: string;
  created_at: string;
  created_by: string;
}

const emptyCounts = (): TagCounts => ({ txn: 0, message: 0, account: 0, person: 0, finding: 0 });

function brief(row: Pick<TagRow, 'id' | 'name' | 'kind' | 'color'>): TagBrief {
  return { id: row.id, name: row.name, nameEn: row.kind === 'typology' ? (presetOf(row.id)?.nameEn ?? null) : null, kind: row.kind, color: row.color };
}

function toTag(row: TagRow, counts: TagCounts): Tag {
  const total = ITEM_TYPES.reduce((sum, type) => sum + counts[type], 0);
  return { ...brief(row), createdAt: row.created_at, createdBy: row.created_by, counts, total };
}

function countsByTag(db: Db, tagId?: number): Map<number, TagCounts> {
  const rows = db
    .prepare(`SELECT tag_id AS tagId, item_type AS type, count(*) AS n FROM tag_link ${tagId === undefined ? '' : 'WHERE tag_id = ?'} GROUP BY tag_id, item_type`)
    .all(...(tagId === undefined ? [] : [tagId])) as { tagId: number; type: keyof TagCounts; n: number }[];
  const out = new Map<number, TagCounts>();
  for (const row of rows) {
    const counts = out.get(row.tagId) ?? emptyCounts();
    counts[row.type] = row.n;
    out.set(row.tagId, counts);
  }
  return out;
}

/** Every tag with its counts per item type: typology presets first (in their fixed order), then free tags as created. */
export function listTags(db: Db): Tag[] {
  ensurePresets(db);
  const rows = db.prepare('SELECT * FROM tag ORDER BY id').all() as TagRow[];
  const counts = countsByTag(db);
  const present = new Set(rows.map((row) => row.id));
  // a case opened read-only before it ever used tags: the presets it will get, with nothing tagged yet
  const virtual: TagRow[] = TYPOLOGY_PRESETS.filter((preset) => !present.has(preset.id)).map((preset) => ({
    id: preset.id,
    name: preset.name,
    kind: 'typology',
    color: preset.color,
    created_at: '',
    created_by: PRESET_CREATOR,
  }));
  const all = [...rows, ...virtual].sort((a, b) => (a.kind === b.kind ? a.id - b.id : a.kind === 'typology' ? -1 : 1));
  return all.map((row) => toTag(row, counts.get(row.id) ?? emptyCounts()));
}

export function getTag(db: Db, tagId: number): Tag {
  ensurePresets(db);
  const row = db.prepare('SELECT * FROM tag WHERE id = ?').get(tagId) as TagRow | undefined;
  if (!row) throw new AppError('BAD_INPUT', `No tag #${tagId} in this case.`, { details: { reason: 'no-such-tag', tagId } });
  return toTag(row, countsByTag(db, tagId).get(tagId) ?? emptyCounts());
}

/** A tag by its exact name, or — for scripts — a typology preset by its English label (any case). */
export function findTagByName(db: Db, name: string): Tag | null {
  ensurePresets(db);
  const trimmed = name.trim();
  const row = db.prepare('SELECT id FROM tag WHERE name = ?').get(trimmed) as { id: number } | undefined;
  if (row) return getTag(db, row.id);
  const preset = TYPOLOGY_PRESETS.find((p) => p.nameEn.toLowerCase() === trimmed.toLowerCase());
  return preset ? getTag(db, preset.id) : null;
}

function assertNameFree(db: Db, name: string, exceptId?: number): void {
  const clash = db.prepare('SELECT id, kind FROM tag WHERE name = ?').get(name) as { id: number; kind: string } | undefined;
  if (clash && clash.id !== exceptId) {
    throw new AppError('BAD_INPUT', `A tag named “${name}” already exists (#${clash.id}).`, { details: { reason: 'tag-exists', tagId: clash.id } });
  }
}

/** A free tag (presets are created with the case). Its colour, when none is given, is the next of the palette. */
export function createTag(db: Db, input: { name: string; color?: string | undefined }, by: string): Tag {
  ensurePresets(db);
  const name = input.name.trim();
  assertNameFree(db, name);
  const next = db.transaction(() => {
    const max = (db.prepare('SELECT max(id) AS id FROM tag').get() as { id: number | null }).id ?? 0;
    const id = Math.max(FIRST_FREE_TAG_ID, max + 1);
    const freeCount = (db.prepare("SELECT count(*) AS n FROM tag WHERE kind = 'free'").get() as { n: number }).n;
    const color = input.color ?? FREE_TAG_COLORS[freeCount % FREE_TAG_COLORS.length] ?? '#4b5563';
    db.prepare("INSERT INTO tag (id, name, kind, color, created_at, created_by) VALUES (?, ?, 'free', ?, ?, ?)").run(id, name, color.toLowerCase(), new Date().toISOString(), by);
    return id;
  })();
  return getTag(db, next);
}

function requireFree(tag: Tag, action: string): void {
  if (tag.kind === 'typology') {
    throw new AppError('BAD_INPUT', `“${tag.name}” is a typology preset and cannot be ${action}; create a free tag instead.`, {
      details: { reason: 'preset', tagId: tag.id },
    });
  }
}

/** Give a free tag a new name (and colour); presets keep the names of the typologies they stand for. */
export function renameTag(db: Db, input: { tagId: number; name: string; color?: string | undefined }): Tag {
  const tag = getTag(db, input.tagId);
  const name = input.name.trim();
  if (name !== tag.name) requireFree(tag, 'renamed');
  assertNameFree(db, name, tag.id);
  db.prepare('UPDATE tag SET name = ?, color = ? WHERE id = ?').run(name, (input.color ?? tag.color).toLowerCase(), tag.id);
  return getTag(db, tag.id);
}

/** Delete a free tag and every link to it (the items themselves stay). */
export function deleteTag(db: Db, tagId: number): { name: string; links: number } {
  const tag = getTag(db, tagId);
  requireFree(tag, 'deleted');
  return db.transaction(() => {
    const links = db.prepare('DELETE FROM tag_link WHERE tag_id = ?').run(tagId).changes;
    db.prepare('DELETE FROM tag WHERE id = ?').run(tagId);
    return { name: tag.name, links };
  })();
}
