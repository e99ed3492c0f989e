import { AppError } from '@shared/api';
import type { SavedView } from '@shared/domain';
import type { Db } from '../db/connection';

/** A view's state (filters, sort, columns) is small; this keeps a hostile or broken client from storing megabytes. */
const MAX_STATE_CHARS = 100_000;

interface ViewRow {
  id: number;
  page: string;
  name: string;
  state: string;
  savedAt: string;
  savedBy: string;
}

function toView(row: ViewRow): SavedView {
  let state: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(row.state);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) state = parsed as Record<string, unknown>;
  } catch {
    // a state that no longer parses opens as an empty view rather than failing the list
  }
  return { id: row.id, page: row.page, name: row.name, state, savedAt: row.savedAt, savedBy: row.savedBy };
}

const COLUMNS = 'id, page, name, state, saved_at AS savedAt, saved_by AS savedBy';

/** Saved views of one page (table saved_view), by name. */
export function listViews(db: Db, page: string): SavedView[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM saved_view WHERE page = ? ORDER BY name`).all(page) as ViewRow[]).map(toView);
}

/** Save a view under a name; saving the same name on the same page again replaces its state. */
export function saveView(db: Db, input: { page: string; name: string; state: Record<string, unknown> }, operator: string): SavedView {
  const state = JSON.stringify(input.state);
  if (state.length > MAX_STATE_CHARS) throw new AppError('BAD_INPUT', `A saved view's state is limited to ${MAX_STATE_CHARS} characters.`);
  db.prepare(
    `INSERT INTO saved_view (page, name, state, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (page, name) DO UPDATE SET state = excluded.state, saved_at = excluded.saved_at, saved_by = excluded.saved_by`,
  ).run(input.page, input.name, state, new Date().toISOString(), operator);
  return toView(db.prepare(`SELECT ${COLUMNS} FROM saved_view WHERE page = ? AND name = ?`).get(input.page, input.name) as ViewRow);
}

export function deleteView(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM saved_view WHERE id = ?').run(id).changes > 0;
}
