import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QQ_TXT_FORMATS } from '../../../../../shared/parsers/chat/qq-txt/index';
import { WECHAT_CSV_FORMATS } from '../../../../../shared/parsers/chat/wechat-csv/index';
import { WHATSAPP_FORMATS } from '../../../../../shared/parsers/chat/whatsapp/index';
import { BUILT_IN_FORMATS, detectFormats } from '../../../../../shared/parsers/registry';
import { CHAT_FIXTURES, chatDetectInput, readChatFile } from '../../../../support/chat-records';
import { CORPUS_DIR } from '../../../../support/parser-records';

/** The text chat formats win on their own files and claim nobody else's. */

const MINE = [...WHATSAPP_FORMATS, ...QQ_TXT_FORMATS, ...WECHAT_CSV_FORMATS];
const FIXTURES = resolve(CHAT_FIXTURES, '..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

describe('text chat formats in the registry', () => {
  it('are listed once each, self-provided messages read as lines or tables', () => {
    expect(MINE.map((f) => [f.id, f.kind, f.grade, f.input?.kind])).toEqual([
      ['whatsapp.txt', 'messages', 'self-provided', 'lines'],
      ['whatsapp.zip', 'messages', 'self-provided', 'lines'],
      ['qq.exporter-txt', 'messages', 'self-provided', 'lines'],
      ['qq.classic-txt', 'messages', 'self-provided', 'lines'],
      ['wechat.chat-csv', 'messages', 'self-provided', 'table'],
    ]);
    for (const format of MINE) expect(BUILT_IN_FORMATS.filter((f) => f.id === format.id)).toEqual([format]);
  });

  it.each([
    ['whatsapp/与李四的WhatsApp聊天.txt', 'whatsapp.txt'],
    ['whatsapp/WhatsApp Chat with Hotel Group.txt', 'whatsapp.txt'],
    ['whatsapp/WhatsApp Chat - 王五/_chat.txt', 'whatsapp.txt'],
    ['qq/消息记录-张三.txt', 'qq.classic-txt'],
    ['wechat/wxid_k3m9x2p7q1/20881234567@chatroom.csv', 'wechat.chat-csv'],
    ['wechat/memotrace/张三_utf8.csv', 'wechat.chat-csv'],
  ])('%s is detected as %s', (relative, id) => {
    const ranked = detectFormats(chatDetectInput(readChatFile(join(CHAT_FIXTURES, relative), CHAT_FIXTURES)), BUILT_IN_FORMATS);
    expect(ranked[0]?.format.id).toBe(id);
    expect(ranked.filter((r) => MINE.includes(r.format)).map((r) => r.format.id)).toEqual([id]);
  });

  it('claims no bank return, payment return or other chat fixture of the project', () => {
    const others = walk(FIXTURES).filter((path) => /\.(csv|txt|html|json)$/i.test(path) && !MINE_FIXTURE.test(path));
    expect(others.length).toBeGreaterThan(10);
    for (const path of others) {
      const input = chatDetectInput(readChatFile(path, FIXTURES));
      for (const format of MINE) expect({ path, format: format.id, detection: format.detect(input) }).toEqual({ path, format: format.id, detection: null });
    }
  });

  it.skipIf(!existsSync(CORPUS_DIR))('claims no corpus file outside its families (banks, payment bills, Telegram, QQ JSON/HTML)', () => {
    const others = walk(CORPUS_DIR).filter((path) => /\.(csv|txt|html|json|tsv)$/i.test(path) && !/chat-whatsapp|TextExporter|chat-wechat/.test(path));
    expect(others.length).toBeGreaterThan(50);
    for (const path of others) {
      const input = chatDetectInput(readChatFile(path, CORPUS_DIR));
      for (const format of MINE) expect({ path, format: format.id, detection: format.detect(input) }).toEqual({ path, format: format.id, detection: null });
    }
  });

  it('a zip without a WhatsApp chat text is not a WhatsApp export', () => {
    const input = { fileName: 'photos.zip', relPath: 'x/photos.zip', head: [], text: '', container: 'zip' as const, entries: ['a.jpg', 'notes.txt'] };
    for (const format of MINE) expect(format.detect(input)).toBeNull();
    const macOnly = { ...input, entries: ['__MACOSX/._chat.txt', 'a.jpg'] };
    for (const format of MINE) expect(format.detect(macOnly)).toBeNull();
  });
});

const MINE_FIXTURE = /fixtures\/chat\/(?:whatsapp|qq|wechat)\//;
