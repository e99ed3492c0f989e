import type { Db } from '../connection';

/**
 * Entity resolution that stays reversible (ARCHITECTURE.md §5.4: merges are marked, never deletions): an account
 * record may be marked as part of another (`merged_into`) by a named rule (`merge_rule`, e.g. a WeChat return's login
 * trail filed under the queried phone, folded into the wallet that lists that phone). The record, its identifiers and
 * every mark on it stay where they are; readers resolve `coalesce(merged_into, id)`. Clearing the column undoes it.
 */
export function up(db: Db): void {
  db.exec(`
    ALTER TABLE account ADD COLUMN merged_into INTEGER REFERENCES account(id);
    ALTER TABLE account ADD COLUMN merge_rule TEXT;
    CREATE INDEX account_merged_into ON account(merged_into) WHERE merged_into IS NOT NULL;
  `);
}
