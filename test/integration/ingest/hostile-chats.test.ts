import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { caseStats } from '../../../electron/core/cases/case-stats';
import { runImport } from '../../../electron/core/ingest/run-import';
import { useTempDirs } from '../../support/temp-dir';

/**
 * Seized chat exports are hostile (ISSUE 5 §6): each of these imports what can be read, reports the rest with the
 * file and line, and never crashes, hangs or leaves a partial job.
 */
describe('hostile chat exports', () => {
  const tempDir = useTempDirs();

  function setup() {
    const dir = tempDir();
    const session = CaseSession.create(join(dir, 'case'), { caseName: '恶意输入' }, { host: 'cli', operator: 't' });
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox, { recursive: true });
    const run = (name: string) => runImport(session.db, { caseDir: session.caseDir, paths: [join(inbox, name)], operator: 't', timeZone: 'Asia/Shanghai' });
    return { session, inbox, run };
  }

  it('keeps markup and direction overrides as the characters they are', async () => {
    const { session, inbox, run } = setup();
    const evil = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    writeFileSync(join(inbox, 'WhatsApp Chat with 张三.txt'), `05/03/2024, 09:15 - 张\u202e三: ${evil}\n05/03/2024, 09:16 - 李四: 好\n`);
    const report = await run('WhatsApp Chat with 张三.txt');
    expect(report.files[0]).toMatchObject({ format: 'whatsapp.txt', imported: 2 });
    const rows = session.db.prepare('SELECT m.text, m.raw, h.name FROM message m JOIN handle h ON h.id = m.sender_id ORDER BY m.id').all() as { text: string; raw: string; name: string }[];
    expect(rows[0]?.text).toBe(evil);
    // WhatsApp wraps names in direction marks: the handle's name drops them, the raw line keeps every character
    expect(rows[0]?.name).toBe('张三');
    expect(rows[0]?.raw).toContain('张\u202e三');
    session.close();
  });

  it('cuts a gigantic message to the limit and says so with its line', async () => {
    const { session, inbox, run } = setup();
    const huge = '退'.repeat(3_000_000);
    writeFileSync(join(inbox, 'WhatsApp Chat with 王五.txt'), `05/03/2024, 09:15 - 王五: ${huge}\n05/03/2024, 09:16 - 李四: 收到\n`);
    const report = await run('WhatsApp Chat with 王五.txt');
    const file = report.files[0];
    expect(file?.imported).toBe(2);
    expect(file?.errors.some((error) => error.code === 'TOO_LONG' && error.line === 1)).toBe(true);
    expect(session.db.prepare('SELECT length(text) FROM message ORDER BY id LIMIT 1').pluck().get()).toBe(1_000_000);
    session.close();
  });

  it('reports invalid and absurdly nested JSON as a row error of the file, without crashing', async () => {
    const { session, inbox, run } = setup();
    writeFileSync(join(inbox, 'result.json'), '{"name": "群", "type": "private_group", "id": 1, "messages": [{"id": 1, "type": "message", "date": "2024-03-05T09:15:00", "from": "张三", "text": "定金');
    const broken = await run('result.json');
    expect(broken.files[0]).toMatchObject({ format: 'telegram.json', imported: 0, rejected: 1 });
    expect(broken.files[0]?.errors[0]?.message).toMatch(/not valid JSON/);
    mkdirSync(join(inbox, 'deep'));
    writeFileSync(join(inbox, 'deep', 'result.json'), `{"name": "群", "type": "personal_chat", "id": 2, "messages": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const deep = await run('deep/result.json');
    expect(deep.files[0]?.status).toBe('imported');
    expect(deep.files[0]?.imported).toBe(0);
    session.close();
  });

  it('reads a file with invalid UTF-8 bytes without losing the rest of it', async () => {
    const { session, inbox, run } = setup();
    const text = Buffer.concat([
      Buffer.from('05/03/2024, 09:15 - 张三: 先交定金\n05/03/2024, 09:16 - 李四: '),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('\n05/03/2024, 09:17 - 张三: 好的\n'),
    ]);
    writeFileSync(join(inbox, 'WhatsApp Chat with 张三.txt'), text);
    const report = await run('WhatsApp Chat with 张三.txt');
    expect(report.files[0]).toMatchObject({ format: 'whatsapp.txt', imported: 3 });
    expect(caseStats(session).messages).toBe(3);
    session.close();
  });
});
