import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qceHtml } from '../../../../../shared/parsers/chat/qq-structured/qce-html';
import { CHAT_FIXTURES, CORPUS_DIR, atOffset, claimants, corpusHas, documentDetectInput, mapDocument, readText } from '../telegram/chat-test-kit';

/** QQChatExporter (QCE) HTML pages: the classic template (the exporter's snapshot) and V5's modern one. */

const MODERN = join(CHAT_FIXTURES, 'qq-structured/qce-modern.html');
const SNAPSHOT = join(CORPUS_DIR, 'chat-qq/qq-chat-exporter/HtmlExporter.groupMixedMedia.snap.html');

describe('qq.qce-html: the modern template', () => {
  it('reads sender, QQ number, the wall time in the case zone, and the owner’s side from self/other', async () => {
    const out = await mapDocument(qceHtml, readText(MODERN), 'QQ/张三.html', 'Asia/Shanghai');
    expect(out.messages.map((m) => [m.externalId, m.line, m.sender?.id ?? null, m.sender?.name ?? null, m.outgoing, m.messageType])).toEqual([
      ['7300000000000000001', 23, '10001', '李四', true, 'text'],
      ['7300000000000000002', 38, '20002', '张三', false, 'text'],
      ['7300000000000000003', 59, '20002', '张三', false, 'image'],
      ['7300000000000000004', 73, '10001', '李四', true, 'voice'],
      ['7300000000000000005', 87, '20002', '张三', false, 'file'],
      ['7300000000000000006', 101, null, null, null, 'system'],
    ]);
    expect(out.messages[0]?.time).toEqual({ utcMs: atOffset('2024-03-01 10:00:00', 480), original: '2024/03/01 10:00:00', offsetMinutes: 480 });
    expect(out.messages[0]?.conversation).toEqual({ platform: 'qq', key: '张三', title: '张三', kind: 'unknown' });
  });

  it('leaves the quoted reply and badges out of the text, and names the exported files', async () => {
    const out = await mapDocument(qceHtml, readText(MODERN), 'QQ/张三.html');
    const [, reply, image, voice, file, system] = out.messages;
    expect([reply?.text, reply?.replyTo, reply?.sender?.name]).toEqual(['到了，5000', '7300000000000000001', '张三']);
    expect(image?.attachments).toEqual([{ name: './resources/images/receipt.jpg', kind: 'image' }]);
    expect(voice?.attachments).toEqual([{ name: './resources/audios/voice_1.amr', kind: 'voice' }]);
    expect([file?.text, file?.attachments]).toEqual(['合同发你📎 借款合同.pdf', [{ name: './resources/files/借款合同.pdf', kind: 'file' }]]);
    expect(system?.text).toBe('张三 撤回了一条消息');
  });

  it('rejects an impossible time and keeps the rest', async () => {
    const out = await mapDocument(qceHtml, readText(MODERN), 'QQ/张三.html');
    expect(out.errors).toEqual([{ type: 'error', sheet: '', line: 115, code: 'BAD_TIME', message: "message 7300000000000000007: its time '2024/13/45 10:06:00' is not a calendar date" }]);
    expect(out.identifiers.map((i) => [i.identifierType, i.value, i.role])).toEqual([
      ['qq', '10001', 'contact'],
      ['qq', '20002', 'contact'],
    ]);
  });

  it('is what detection picks', () => {
    expect(claimants(documentDetectInput(readText(MODERN), '张三.html'))).toEqual(['qq.qce-html']);
  });
});

describe.skipIf(!corpusHas('chat-qq/qq-chat-exporter'))('qq.qce-html: the exporter’s own snapshot (shared corpus)', () => {
  it('reads the same 7 messages as the JSON export, by name and wall time only', async () => {
    const out = await mapDocument(qceHtml, readText(SNAPSHOT), 'QQ/QCE Testing Group.html', 'UTC');
    expect(out.errors).toEqual([]);
    expect(out.messages.map((m) => [m.externalId, m.sender?.name, m.messageType, m.text, m.attachments.map((a) => a.name).join()])).toEqual([
      ['m_1', 'Alice (PM)', 'text', 'Anyone seen the build break?', ''],
      ['m_2', 'Bob (Eng)', 'text', 'Looking now [[微笑]]', ''],
      ['m_3', 'Bob (Eng)', 'image', '[图片: screenshot.png]', 'screenshot.png'],
      ['m_4', 'Charlie', 'text', '@Alice sentry has the trace, sending now', ''],
      ['m_5', 'Charlie', 'file', '[文件: trace.json]', 'trace.json'],
      ['m_6', 'Alice (PM)', 'text', '[回复 Alice (PM): Anyone seen the build break?]\nthanks team, fix incoming', ''],
      ['m_7', 'Alice (PM)', 'voice', '[语音 7秒]', 'voice_msg.silk'],
    ]);
    // read in UTC, the page's wall times give the JSON export's instants
    expect(out.messages.map((m) => m.time.utcMs)).toEqual([1704067300000, 1704067360000, 1704067365000, 1704067400000, 1704067410000, 1704067440000, 1704067500000]);
    expect(out.messages[0]?.conversation).toEqual({ platform: 'qq', key: 'QCE Testing Group', title: 'QCE Testing Group', kind: 'group' });
    expect(out.messages.every((m) => m.sender?.id === '' && m.outgoing === null)).toBe(true);
    expect(claimants(documentDetectInput(readText(SNAPSHOT), 'x.html'))).toEqual(['qq.qce-html']);
  });
});
