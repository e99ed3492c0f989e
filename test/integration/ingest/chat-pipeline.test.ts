import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { caseStats } from '../../../electron/core/cases/case-stats';
import { runImport } from '../../../electron/core/ingest/run-import';
import { useTempDirs } from '../../support/temp-dir';
import { simpleChatFormat } from './simple-chat-format';
import { simpleFormat } from './simple-format';

const owner = { host: 'cli' as const, operator: '测试员' };
const CHAT = [
  '#chat 退保群',
  '2024-03-01 10:00|张三|text|先交2000定金，联系13812345678',
  '2024-03-01 10:05|李四|image||photo1.jpg|',
  '2024-03-01 10:06|李四|transfer|转账|| 50000',
  'garbage line',
  '2024-03-01 10:07||system|张三 邀请 王五 加入群聊||',
].join('\r\n');

function setup(tempDir: () => string) {
  const dir = tempDir();
  const session = CaseSession.create(join(dir, 'case'), { caseName: '聊天导入' }, owner);
  const inbox = join(dir, 'inbox');
  mkdirSync(inbox, { recursive: true });
  return { dir, session, inbox };
}

async function zipOf(path: string, entries: Record<string, Buffer>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of Object.entries(entries)) zip.addBuffer(bytes, name);
  zip.end();
  await new Promise<void>((resolve) => zip.outputStream.pipe(createWriteStream(path)).on('close', () => resolve()));
  // zip writers refuse names that climb out of the archive; hostile archives have them: patch them in afterwards
  const bytes = readFileSync(path);
  writeFileSync(path, Buffer.from(bytes.toString('latin1').replaceAll('aa/aa/evil.txt', '../../evil.txt'), 'latin1'));
}

describe('chat import pipeline', () => {
  const tempDir = useTempDirs();

  it('stores conversations, handles, messages with provenance, a searchable index and what the text mentions', async () => {
    const { session, inbox } = setup(tempDir);
    writeFileSync(join(inbox, 'chat.txt'), CHAT);
    writeFileSync(join(inbox, 'photo1.jpg'), 'jpeg bytes');
    const report = await runImport(session.db, { caseDir: session.caseDir, paths: [join(inbox, 'chat.txt')], operator: 't', timeZone: 'Asia/Shanghai', formats: [simpleChatFormat] });
    const file = report.files[0];
    expect(file).toMatchObject({ format: 'test.chat', imported: 4, rejected: 1 });
    expect(file?.errors[0]).toMatchObject({ line: 5, code: 'BAD_TIME' });
    expect(report.chats).toMatchObject({ messages: 3, identifiers: 1 });
    const stats = caseStats(session);
    expect(stats).toMatchObject({ messages: 4, conversations: 1, handles: 2 });
    const first = session.db.prepare('SELECT m.text, m.line, m.raw, h.name FROM message m JOIN handle h ON h.id = m.sender_id ORDER BY m.id LIMIT 1').get() as Record<string, unknown>;
    expect(first).toMatchObject({ line: 2, name: '张三' });
    // the survey pass saw the whole file before mapping
    expect(JSON.parse(String(first['raw']))).toMatchObject({ surveyedLines: '6' });
    const search = session.db.prepare("SELECT m.text FROM message_fts f JOIN message m ON m.id = f.rowid WHERE message_fts MATCH '\"2000定金\"'").all();
    expect(search).toEqual([{ text: '先交2000定金，联系13812345678' }]);
    expect(session.db.prepare("SELECT kind, value FROM mention ORDER BY start").all()).toEqual([
      { kind: 'amount', value: 'CNY:200000' },
      { kind: 'mobile', value: '13812345678' },
    ]);
    // the photo beside the export is hashed
    const attachment = session.db.prepare('SELECT name, sha256, size FROM attachment').get();
    expect(attachment).toEqual({ name: 'photo1.jpg', sha256: createHash('sha256').update('jpeg bytes').digest('hex'), size: 10 });
    session.close();
  });

  it('reads the chat text inside a zip and hashes the attachments it carries; names that climb out are never followed', async () => {
    const { session, inbox } = setup(tempDir);
    const path = join(inbox, 'export.zip');
    await zipOf(path, { '_chat.txt': Buffer.from(`\ufeff${CHAT}`), 'photo1.jpg': Buffer.from('jpeg bytes'), 'aa/aa/evil.txt': Buffer.from('x') });
    const report = await runImport(session.db, { caseDir: session.caseDir, paths: [path], operator: 't', timeZone: 'Asia/Shanghai', formats: [simpleChatFormat] });
    expect(report.files[0]).toMatchObject({ status: 'imported', imported: 4, encoding: 'utf-8' });
    expect(session.db.prepare('SELECT sha256 FROM attachment').pluck().get()).toBe(createHash('sha256').update('jpeg bytes').digest('hex'));
    // nothing was written outside the case: the archive is read in place, never extracted
    expect(existsSync(join(inbox, '..', '..', 'evil.txt'))).toBe(false);
    session.close();
  });

  it('links a transfer message to the trade of the same amount a few minutes away', async () => {
    const { session, inbox } = setup(tempDir);
    writeFileSync(join(inbox, 'chat.txt'), CHAT);
    const header = '账号,时间,金额,方向,余额,对手账号,流水号,成功';
    writeFileSync(join(inbox, 'bank.csv'), [header, 'A1,2024-03-01 10:09:00,500,出,100,B1,T1,是', 'A1,2024-03-01 10:30:00,500,出,100,B1,T2,是'].join('\n'));
    await runImport(session.db, { caseDir: session.caseDir, paths: [join(inbox, 'bank.csv')], operator: 't', timeZone: 'Asia/Shanghai', formats: [simpleFormat] });
    await runImport(session.db, { caseDir: session.caseDir, paths: [join(inbox, 'chat.txt')], operator: 't', timeZone: 'Asia/Shanghai', formats: [simpleChatFormat] });
    const linked = session.db.prepare('SELECT t.txn_no FROM message m JOIN txn t ON t.id = m.txn_id').all();
    expect(linked).toEqual([{ txn_no: 'T1' }]);
    session.close();
  });

  it('a failed chat job leaves nothing behind', async () => {
    const { session, inbox } = setup(tempDir);
    writeFileSync(join(inbox, 'chat.txt'), CHAT);
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(
      runImport(session.db, { caseDir: session.caseDir, paths: [join(inbox, 'chat.txt')], operator: 't', timeZone: 'Asia/Shanghai', formats: [simpleChatFormat], signal: controller.signal }),
    ).rejects.toThrow();
    expect(caseStats(session)).toMatchObject({ messages: 0, conversations: 0, handles: 0, sources: 0 });
    session.close();
  });
});
