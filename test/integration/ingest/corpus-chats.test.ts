import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { runImport } from '../../../electron/core/ingest/run-import';
import { useTempDirs } from '../../support/temp-dir';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');

/** Every chat export in the corpus goes through the real pipeline (readers, detection, mapping) as a user drops it. */
describe.skipIf(!existsSync(CORPUS))('the corpus chat exports, imported as dropped folders', () => {
  const tempDir = useTempDirs();

  it('detects each file as its format and imports its messages', async () => {
    const dir = tempDir();
    const session = CaseSession.create(join(dir, 'case'), { caseName: 'corpus chats' }, { host: 'cli', operator: 't' });
    const folders = ['chat-whatsapp', 'chat-telegram', 'chat-wechat', 'chat-qq'].map((name) => join(CORPUS, name));
    const report = await runImport(session.db, { caseDir: session.caseDir, paths: folders, operator: 't', timeZone: 'Asia/Shanghai' });
    const byFile = Object.fromEntries(report.files.map((file) => [file.file.split('/').slice(1).join('/'), file]));
    const expected: Record<string, string> = {
      'whatsapp-chat-parser-website/whatsapp-chat-parser-example.zip': 'whatsapp.zip',
      'whatstk/lorem.txt': 'whatsapp.txt',
      'chat-miner/test_unicode.txt': 'whatsapp.txt',
      'tele_dashboard/sample.json': 'telegram.json',
      'telegram-archive-viewer/messages.html': 'telegram.html',
      'telegram-chat-parser/public_supergroup.json': 'telegram.json',
      'WeClone/example_chat.csv': 'wechat.chat-csv',
      'qq-chat-exporter/TextExporter.groupMixedMedia.snap.txt': 'qq.exporter-txt',
      'qq-chat-exporter/JsonExporter.groupMixedMedia.snap.json': 'qq.qce-json',
      'qq-chat-exporter/HtmlExporter.groupMixedMedia.snap.html': 'qq.qce-html',
    };
    for (const [file, format] of Object.entries(expected)) {
      const found = byFile[file];
      expect(found?.format, file).toBe(format);
      expect(found?.imported, file).toBeGreaterThan(0);
    }
    // nothing chat-like is left unrecognised (the provenance notes are not chats)
    const skipped = report.files.filter((file) => file.status === 'skipped' && !/\.(md|png|jpe?g|mp4|opus|webp|zip)$/i.test(file.file));
    expect(skipped.map((file) => `${file.file}: ${file.reason ?? ''}`)).toEqual([]);
    session.close();
  }, 120_000);
});
