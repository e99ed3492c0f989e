import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { wechatEnMicroMsg } from '../../../../../shared/parsers/chat/wechat-db/enmicromsg';
import type { DetectInput, SourceRecord } from '../../../../../shared/parsers/types';
import { useTempDirs } from '../../../../support/temp-dir';
import { CHAT_FIXTURES, claimants, contextOf, mapRecords } from '../telegram/chat-test-kit';

/**
 * The same rows as enmicromsg.test.ts, written into a real SQLite file with EnMicroMsg.db's own table definitions and
 * read back by a minimal reader: proves the column names the mapper relies on are the database's.
 */

const SCHEMA = `
CREATE TABLE userinfo (id INTEGER PRIMARY KEY, type INT, value TEXT);
CREATE TABLE rcontact (username TEXT DEFAULT '' PRIMARY KEY, alias TEXT DEFAULT '', conRemark TEXT DEFAULT '', domainList TEXT DEFAULT '',
  nickname TEXT DEFAULT '', pyInitial TEXT DEFAULT '', quanPin TEXT DEFAULT '', showHead INTEGER DEFAULT '0', type INTEGER DEFAULT '0',
  weiboFlag INTEGER DEFAULT '0', weiboNickname TEXT DEFAULT '', conRemarkPYFull TEXT DEFAULT '', conRemarkPYShort TEXT DEFAULT '', lvbuff BLOB,
  verifyFlag INTEGER DEFAULT '0', encryptUsername TEXT DEFAULT '', chatroomFlag INTEGER, deleteFlag INTEGER DEFAULT '0', contactLabelIds TEXT DEFAULT '');
CREATE TABLE chatroom (chatroomname TEXT DEFAULT '' PRIMARY KEY, addtime INTEGER, memberlist TEXT, displayname TEXT, chatroomnick TEXT,
  roomflag INTEGER, roomowner TEXT, roomdata BLOB, isShowname INTEGER, selfDisplayName TEXT, style INTEGER, chatroomdataflag INTEGER,
  modifytime LONG, chatroomnotice TEXT, chatroomVersion INTEGER, chatroomnoticeEditor TEXT, chatroomnoticePublishTime LONG,
  chatroomLocalVersion LONG, chatroomStatus INTEGER, memberCount INTEGER DEFAULT '-1');
CREATE TABLE message (msgId INTEGER PRIMARY KEY, msgSvrId INTEGER, type INT, status INT, isSend INT, isShowTimer INTEGER, createTime INTEGER,
  talker TEXT, content TEXT, imgPath TEXT, reserved TEXT, lvbuffer BLOB, transContent TEXT, transBrandWording TEXT, talkerId INTEGER,
  bizClientMsgId TEXT, bizChatId INTEGER DEFAULT -1, bizChatUserId TEXT, msgSeq INTEGER, flag INT);
CREATE TABLE img_flag (username VARCHAR(40) PRIMARY KEY, imgflag int, lastupdatetime int, reserved1 text, reserved2 text, reserved3 int, reserved4 int);
`;

type Tables = Record<string, { columns: string[]; rows: string[][] }>;
const TABLES = JSON.parse(readFileSync(join(CHAT_FIXTURES, 'wechat-db/enmicromsg-tables.json'), 'utf8')) as Tables;
const BLOB_COLUMNS = new Set(['lvbuff', 'roomdata', 'lvbuffer']);

function buildDatabase(file: string): void {
  const db = new Database(file);
  db.exec(SCHEMA);
  for (const [name, table] of Object.entries(TABLES)) {
    const insert = db.prepare(`INSERT INTO ${name} (${table.columns.join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`);
    // text goes in as written; SQLite's column affinity stores numbers as integers, as WeChat's own rows are
    for (const row of table.rows) insert.run(row.map((cell, i) => (BLOB_COLUMNS.has(table.columns[i] ?? '') ? Buffer.from([1, 2, 3]) : cell)));
  }
  db.close();
}

/** The pipeline's reading in miniature: table names for detection, then the named tables' rows as text. */
function readDatabase(file: string, tables: readonly string[]): { entries: string[]; records: SourceRecord[] } {
  const db = new Database(file, { readonly: true });
  try {
    const entries = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    const records: SourceRecord[] = [];
    for (const table of tables.filter((t) => entries.includes(t))) {
      const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((r) => r.name);
      records.push({ sheet: table, line: 0, cells: columns });
      // 64-bit server ids exceed 2^53: read them as BigInt so no digit is lost
      const rows = db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw(true).safeIntegers(true).all() as unknown[][];
      rows.forEach((row, i) => {
        const cells = row.map((value) => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'bigint' ? String(value) : ''));
        records.push({ sheet: table, line: i + 1, cells });
      });
    }
    return { entries, records };
  } finally {
    db.close();
  }
}

const tempDir = useTempDirs();

describe('wechat.enmicromsg on a real SQLite file', () => {
  it('is detected from the table list and reads the same drafts as the hand-built records', async () => {
    const file = join(tempDir(), 'EnMicroMsg.db');
    buildDatabase(file);
    const tables = wechatEnMicroMsg.input?.kind === 'sqlite' ? wechatEnMicroMsg.input.tables : [];
    const { entries, records } = readDatabase(file, tables);
    const input: DetectInput = { fileName: 'EnMicroMsg.db', relPath: 'EnMicroMsg.db', head: [], text: '', container: 'sqlite', entries };
    expect(claimants(input)).toEqual(['wechat.enmicromsg']);

    const fromDb = await mapRecords(wechatEnMicroMsg, records, contextOf('EnMicroMsg.db'));
    const handBuilt = Object.keys(TABLES).flatMap((name) => {
      const table = TABLES[name];
      return table === undefined ? [] : [{ sheet: name, line: 0, cells: table.columns }, ...table.rows.map((cells, i) => ({ sheet: name, line: i + 1, cells }))];
    });
    const fromRecords = await mapRecords(wechatEnMicroMsg, handBuilt, contextOf('EnMicroMsg.db'));
    expect(fromDb.messages).toHaveLength(21);
    expect(fromDb.all).toEqual(fromRecords.all);
    expect(fromDb.messages[0]?.externalId).toBe('6000000000000000001');
  });
});
