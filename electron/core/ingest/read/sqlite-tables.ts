import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { SourceRecord } from '@shared/parsers/types';
import { unreadable } from './read-error';

export const SQLITE_MAGIC = 'SQLite format 3\u0000';

export interface SqliteTablesOptions {
  file: string;
  displayName: string;
  tables: readonly string[];
  signal?: AbortSignal | undefined;
}

const cellText = (value: unknown): string => {
  if (value === null || value === undefined || Buffer.isBuffer(value)) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return '';
};

/**
 * Open a seized database (a decrypted EnMicroMsg.db …) without touching the kept original: a scratch copy is opened
 * read-only with untrusted-schema protections (no triggers, views or functions of the file's schema run), then
 * deleted. Throws the file's error as an unreadable-file error.
 */
async function withScratchCopy<T>(options: { file: string; displayName: string }, use: (db: Database.Database) => T | Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'chainsight-sqlite-'));
  const copy = join(dir, 'evidence.sqlite');
  let db: Database.Database | null = null;
  try {
    await copyFile(options.file, copy);
    try {
      db = new Database(copy, { readonly: true, fileMustExist: true });
      db.pragma('trusted_schema = OFF');
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      throw unreadable(options.displayName, `not a readable SQLite database (${error instanceof Error ? error.message : String(error)}); an encrypted EnMicroMsg.db must be decrypted first`);
    }
    return await use(db);
  } finally {
    db?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The table names of a database, for detection. */
export function listSqliteTables(options: { file: string; displayName: string }): Promise<string[]> {
  return withScratchCopy(options, (db) =>
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((row) => row.name),
  );
}

/** The rows of the named tables in that order; each table's first record holds its column names. */
export async function* readSqliteTables(options: SqliteTablesOptions): AsyncIterable<SourceRecord> {
  const dir = await mkdtemp(join(tmpdir(), 'chainsight-sqlite-'));
  const copy = join(dir, 'evidence.sqlite');
  let db: Database.Database | null = null;
  try {
    await copyFile(options.file, copy);
    try {
      db = new Database(copy, { readonly: true, fileMustExist: true });
      db.pragma('trusted_schema = OFF');
    } catch (error) {
      throw unreadable(options.displayName, `not a readable SQLite database (${error instanceof Error ? error.message : String(error)})`);
    }
    const present = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name));
    for (const table of options.tables) {
      if (!present.has(table)) continue;
      const quoted = `"${table.replace(/"/g, '""')}"`;
      const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((row) => row.name);
      yield { sheet: table, line: 0, cells: columns };
      let line = 0;
      let statement: Database.Statement;
      try {
        statement = db.prepare(`SELECT * FROM ${quoted} ORDER BY rowid`).raw(true);
      } catch {
        statement = db.prepare(`SELECT * FROM ${quoted}`).raw(true);
      }
      try {
        for (const row of statement.iterate() as Iterable<unknown[]>) {
          line += 1;
          if (line % 1000 === 0 && options.signal?.aborted) throw options.signal.reason;
          yield { sheet: table, line, cells: row.map(cellText) };
        }
      } catch (error) {
        if (options.signal?.aborted) throw error;
        throw unreadable(options.displayName, `table ${table} could not be read (${error instanceof Error ? error.message : String(error)})`, line + 1);
      }
    }
  } finally {
    db?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export { withScratchCopy };
