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

interface Scratch {
  db: Database.Database;
  dispose: () => Promise<void>;
}

/**
 * Open a seized database (a decrypted EnMicroMsg.db …) without touching the kept original: a scratch copy is opened
 * read-only with untrusted-schema protections (no triggers, views or functions of the file's schema run); dispose()
 * closes and deletes it.
 */
async function openScratch(options: { file: string; displayName: string }): Promise<Scratch> {
  const dir = await mkdtemp(join(tmpdir(), 'chainsight-sqlite-'));
  const remove = (): Promise<void> => rm(dir, { recursive: true, force: true });
  const copy = join(dir, 'evidence.sqlite');
  try {
    await copyFile(options.file, copy);
    const db = new Database(copy, { readonly: true, fileMustExist: true });
    try {
      db.pragma('trusted_schema = OFF');
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      db.close();
      throw error;
    }
    return {
      db,
      dispose: async () => {
        db.close();
        await remove();
      },
    };
  } catch (error) {
    await remove();
    throw unreadable(
      options.displayName,
      `not a readable SQLite database (${error instanceof Error ? error.message : 'unknown error'}); an encrypted EnMicroMsg.db must be decrypted first`,
    );
  }
}

/** The table names of a database, for detection. */
export async function listSqliteTables(options: { file: string; displayName: string }): Promise<string[]> {
  const scratch = await openScratch(options);
  try {
    return (scratch.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
  } finally {
    await scratch.dispose();
  }
}

/** The rows of the named tables in that order; each table's first record (line 0) holds its column names. */
export async function* readSqliteTables(options: SqliteTablesOptions): AsyncIterable<SourceRecord> {
  const { db, dispose } = await openScratch(options);
  try {
    const present = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name));
    for (const table of options.tables) {
      if (!present.has(table)) continue;
      const quoted = `"${table.replace(/"/g, '""')}"`;
      const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((row) => row.name);
      yield { sheet: table, line: 0, cells: columns };
      let line = 0;
      let statement: Database.Statement;
      try {
        statement = db.prepare(`SELECT * FROM ${quoted} ORDER BY rowid`);
      } catch {
        // WITHOUT ROWID tables
        statement = db.prepare(`SELECT * FROM ${quoted}`);
      }
      // 64-bit ids (WeChat msgSvrId) must keep every digit: read integers as BigInt, written out in full
      statement.raw(true).safeIntegers(true);
      try {
        for (const row of statement.iterate() as Iterable<unknown[]>) {
          line += 1;
          if (line % 1000 === 0 && options.signal?.aborted) throw options.signal.reason;
          yield { sheet: table, line, cells: row.map(cellText) };
        }
      } catch (error) {
        if (options.signal?.aborted) throw error;
        throw unreadable(options.displayName, `table ${table} could not be read (${error instanceof Error ? error.message : 'unknown error'})`, line + 1);
      }
    }
  } finally {
    await dispose();
  }
}
