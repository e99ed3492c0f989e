import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { FormatInput, SourceRecord } from '@shared/parsers/types';
import { detectInputOf, openSourceFile } from '../../../electron/core/ingest/read/open-source-file';
import { useTempDirs } from '../../support/temp-dir';

async function read(path: string, input?: FormatInput): Promise<SourceRecord[]> {
  const file = await openSourceFile(path, path.split('/').pop() ?? path);
  const out: SourceRecord[] = [];
  for await (const record of file.read(input)) out.push(record);
  return out;
}

describe('readers for chat exports', () => {
  const tempDir = useTempDirs();

  it('reads the rows of every HTML table as text: entities decoded, <br> as a line break, scripts and styles ignored', async () => {
    const path = join(tempDir(), 'report.html');
    writeFileSync(
      path,
      `<!DOCTYPE html><html><head><style>td{color:red}</style><script>document.write('<table><tr><td>x</td></tr></table>')</script></head><body>
       <h1>微信聊天记录</h1><table><tr><th>发送人</th><th>内容</th></tr>
       <tr><td>张三</td><td>第一行<br>第二行 &lt;script&gt;alert(1)&lt;/script&gt;</td></tr>
       <tr><td>李四<table><tr><td>inner</td></tr></table></td><td><b>加粗</b> &amp; 普通</td></tr></table></body></html>`,
    );
    const records = await read(path);
    expect(records.filter((r) => r.sheet === 'table 1').map((r) => r.cells)).toEqual([
      ['发送人', '内容'],
      ['张三', '第一行\n第二行 <script>alert(1)</script>'],
      ['李四', '加粗 & 普通'],
    ]);
    expect(records.filter((r) => r.sheet === 'table 2').map((r) => r.cells)).toEqual([['inner']]);
    expect(records.find((r) => r.cells.includes('x'))).toBeUndefined();
  });

  it('reads text line by line, whatever the line endings, and keeps a 10 MB line whole', async () => {
    const path = join(tempDir(), 'chat.txt');
    const long = '退'.repeat(10 * 1024 * 1024);
    writeFileSync(path, `第一行\r\n第二行\n${long}\n最后一行`);
    const records = await read(path, { kind: 'lines' });
    expect(records.map((r) => [r.line, (r.cells[0] ?? '').length])).toEqual([[1, 3], [2, 3], [3, long.length], [4, 4]]);
  });

  it('hands a JSON export over whole, as one document', async () => {
    const path = join(tempDir(), 'result.json');
    writeFileSync(path, '\ufeff{"name": "群", "messages": []}');
    const records = await read(path, { kind: 'document' });
    expect(records).toEqual([{ sheet: '', line: 1, cells: ['{"name": "群", "messages": []}'] }]);
  });

  it('reads named tables of an SQLite database from a scratch copy, header first, and lists its tables for detection', async () => {
    const dir = tempDir();
    const path = join(dir, 'EnMicroMsg.db');
    const db = new Database(path);
    db.exec("CREATE TABLE rcontact (username TEXT, nickname TEXT); INSERT INTO rcontact VALUES ('wxid_a', '张三');");
    db.exec("CREATE TABLE message (msgId INTEGER, content TEXT, createTime INTEGER); INSERT INTO message VALUES (1, '你好', 1700000000000), (6000000000000000001, NULL, 1700000001000);");
    db.close();
    const file = await openSourceFile(path, 'EnMicroMsg.db');
    expect(await detectInputOf(file, 'EnMicroMsg.db', 'EnMicroMsg.db')).toMatchObject({ container: 'sqlite', entries: ['message', 'rcontact'], text: '' });
    const records = await read(path, { kind: 'sqlite', tables: ['rcontact', 'message', 'chatroom'] });
    expect(records).toEqual([
      { sheet: 'rcontact', line: 0, cells: ['username', 'nickname'] },
      { sheet: 'rcontact', line: 1, cells: ['wxid_a', '张三'] },
      { sheet: 'message', line: 0, cells: ['msgId', 'content', 'createTime'] },
      { sheet: 'message', line: 1, cells: ['1', '你好', '1700000000000'] },
      // 64-bit ids keep every digit
      { sheet: 'message', line: 2, cells: ['6000000000000000001', '', '1700000001000'] },
    ]);
  });

  it('refuses a damaged database with the file named', async () => {
    const path = join(tempDir(), 'broken.db');
    writeFileSync(path, Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(2000, 0x41)]));
    await expect(openSourceFile(path, 'broken.db')).rejects.toMatchObject({ code: 'IMPORT_UNREADABLE', message: expect.stringMatching(/broken\.db: not a readable SQLite database/) as unknown });
  });
});
