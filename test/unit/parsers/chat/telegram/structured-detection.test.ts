import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { QQ_STRUCTURED_FORMATS } from '../../../../../shared/parsers/chat/qq-structured/index';
import { TELEGRAM_FORMATS } from '../../../../../shared/parsers/chat/telegram/index';
import { WECHAT_DB_FORMATS } from '../../../../../shared/parsers/chat/wechat-db/index';
import { CHAT_FORMATS } from '../../../../../shared/parsers/chat/index';
import { CORPUS_DIR, corpusHas, documentDetectInput } from './chat-test-kit';

/** The structured chat formats claim their own files and leave every other family's alone. */

const OURS = [...TELEGRAM_FORMATS, ...QQ_STRUCTURED_FORMATS, ...WECHAT_DB_FORMATS];
const OTHER_FAMILIES = ['cn-payments', 'cn-bank', 'intl-bank', 'chat-whatsapp', 'chat-wechat', 'chat-qq', 'aml-labelled'];
const TEXT_FILES = new Set(['.csv', '.txt', '.json', '.html', '.htm', '.xml', '.ofx', '.qfx', '.qif', '.sta', '.mt940', '.940', '']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function decoded(path: string): string {
  const bytes = readFileSync(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}

describe('structured chat formats', () => {
  it('are registered among the chat formats with unique ids', () => {
    const ids = CHAT_FORMATS.map((f) => f.id);
    for (const format of OURS) expect(ids).toContain(format.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(OURS.every((f) => f.kind === 'messages' && f.grade === 'self-provided')).toBe(true);
  });

  it('claim nothing without the markers of their exports', () => {
    const plain = ['', 'id,MsgSvrID,type_name,is_sender,talker', '{"data": [1, 2]}', '<html><body><div class="message">hi</div></body></html>'];
    for (const text of plain) for (const format of OURS) expect(format.detect(documentDetectInput(text, 'x.txt')), `${format.id} on ${text}`).toBeNull();
  });

  it.skipIf(!corpusHas('cn-payments'))('leave bank, payment and other chat families’ corpus files alone', () => {
    let checked = 0;
    for (const family of OTHER_FAMILIES.filter((f) => corpusHas(f))) {
      for (const file of filesUnder(join(CORPUS_DIR, family)).filter((f) => TEXT_FILES.has(extname(f).toLowerCase()))) {
        const rel = relative(CORPUS_DIR, file);
        const input = documentDetectInput(decoded(file), rel);
        if (family === 'chat-qq' && rel.endsWith('.txt') === false) continue; // the QCE JSON/HTML snapshots are ours
        for (const format of OURS) expect(format.detect(input), `${format.id} claimed ${rel}`).toBeNull();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
