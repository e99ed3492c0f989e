import type { Db } from '../connection';

/**
 * A finding's title in English beside the Chinese one (the screen shows the one of its language): the detectors
 * and saved traces word each finding in both from the same figures. Findings stored before have NULL and are shown
 * with their Chinese title; `title` itself is unchanged (it is what a re-run matches and what scripts read).
 */
export function up(db: Db): void {
  db.exec('ALTER TABLE finding ADD COLUMN title_en TEXT;');
}
