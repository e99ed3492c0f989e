import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Open a case database with the settings every connection needs (WAL, foreign keys, a busy timeout). */
export function openDatabase(file: string, options: { readonly: boolean; create: boolean }): Db {
  const db = new Database(file, { readonly: options.readonly, fileMustExist: !options.create });
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  return db;
}
