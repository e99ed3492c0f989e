import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';

function chatDb(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 'mem', MIGRATIONS.slice(0, 3));
  db.prepare("INSERT INTO import_job (started_at, finished_at, operator, params) VALUES ('t', 't', 'o', '{}')").run();
  db.prepare(
    `INSERT INTO source (job_id, file_name, rel_path, size, sha256, sm3, stored_path, format_id, format_version, kind, grade, confidence,
       detect_reason, encoding, time_zone, rows_read, imported, rejected, warnings, imported_at)
     VALUES (1, 'f', 'f', 1, 'h', 's', 'p', 'x', 1, 'messages', 'self-provided', 1, 'r', 'utf-8', 'Asia/Shanghai', 0, 0, 0, '[]', 't')`,
  ).run();
  db.prepare("INSERT INTO conversation (platform, conv_key, owner_key, title, kind) VALUES ('wechat', 'r1@chatroom', '', '群', 'group')").run();
  return db;
}

const insertMessage = (db: Database.Database, text: string): number =>
  Number(
    db
      .prepare(
        `INSERT INTO message (conversation_id, ts_text, msg_type, text, ext_id, reply_to, source_id, sheet, line, row_hash, raw)
         VALUES (1, '2025-01-01 10:00', 'text', ?, '', '', 1, '', 2, 'h', '{}')`,
      )
      .run(text).lastInsertRowid,
  );

describe('migration 0003-chat', () => {
  it('adds STRICT chat tables with their foreign keys', () => {
    const db = chatDb();
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[];
    for (const name of ['handle', 'handle_name', 'conversation', 'conversation_member', 'message', 'attachment', 'mention', 'lexicon', 'lexicon_hit', 'dup_cluster']) {
      expect(tables.find((t) => t.name === name)?.sql, name).toMatch(/STRICT/);
    }
    expect(() => db.prepare("INSERT INTO conversation (platform, conv_key, owner_key, title, kind) VALUES ('qq', 'x', '', 't', 'crowd')").run()).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO message (conversation_id, ts_text, msg_type, text, ext_id, reply_to, source_id, sheet, line, row_hash, raw)
           VALUES (99, 't', 'text', 'x', '', '', 1, '', 1, 'h', '{}')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('indexes message text with trigrams so Chinese phrases of three or more characters are found', () => {
    const db = chatDb();
    const hit = insertMessage(db, '帮你全额退保，不成功不收费');
    insertMessage(db, '今天天气不错');
    db.prepare("INSERT INTO message_fts (rowid, text) SELECT id, text FROM message").run();
    const found = db.prepare("SELECT rowid FROM message_fts WHERE message_fts MATCH ?").all('"全额退保"') as { rowid: number }[];
    expect(found.map((row) => row.rowid)).toEqual([hit]);
    // two characters are below the trigram size: those go through LIKE on the message table instead
    expect(db.prepare("SELECT count(*) AS n FROM message_fts WHERE message_fts MATCH ?").get('"退保"')).toEqual({ n: 0 });
  });
});
