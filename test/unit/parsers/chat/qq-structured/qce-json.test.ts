import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qceJson } from '../../../../../shared/parsers/chat/qq-structured/qce-json';
import { CHAT_FIXTURES, CORPUS_DIR, atOffset, claimants, corpusHas, documentDetectInput, mapDocument, readText } from '../telegram/chat-test-kit';

/** QQChatExporter (QCE) V5 JSON exports. */

const PRIVATE = join(CHAT_FIXTURES, 'qq-structured/qce-private.json');
const SNAPSHOT = join(CORPUS_DIR, 'chat-qq/qq-chat-exporter/JsonExporter.groupMixedMedia.snap.json');

describe('qq.qce-json: a private chat whose export names its owner', () => {
  it('reads senders by QQ number, the owner’s side as outgoing, and the machine’s offset from time beside timestamp', async () => {
    const out = await mapDocument(qceJson, readText(PRIVATE), 'QQ/张三.json', 'Europe/London');
    expect(out.messages.map((m) => [m.externalId, m.sender?.id ?? null, m.sender?.name ?? null, m.outgoing, m.messageType])).toEqual([
      ['7300000000000000001', '10001', '李四', true, 'text'],
      ['7300000000000000002', '20002', '张三', false, 'text'],
      ['7300000000000000003', '20002', '张三', false, 'image'],
      ['7300000000000000004', '10001', '李四', true, 'sticker'],
      ['7300000000000000005', '20002', '张三', false, 'video'],
      ['7300000000000000006', '20002', '张三', false, 'recalled'],
      ['7300000000000000007', null, null, null, 'system'],
      ['7300000000000000008', '20002', '张三', false, 'link'],
      ['7300000000000000009', '20002', '张三', false, 'location'],
      ['7300000000000000011', '20002', '张三', false, 'text'],
      ['7300000000000000012', 'u_stranger', '路人', false, 'text'],
    ]);
    // the case zone (London) does not matter: the export's own wall time says UTC+8
    expect(out.messages[0]?.time).toEqual({ utcMs: atOffset('2024-03-01 10:00:00', 480), original: '2024-03-01 10:00:00', offsetMinutes: 480 });
    expect(out.messages[9]?.time).toEqual({ utcMs: Date.UTC(2024, 2, 1, 3), original: '2024-03-01T03:00:00.000Z', offsetMinutes: 0 });
    expect(out.messages[0]?.conversation).toEqual({ platform: 'qq', key: '张三', title: '张三', kind: 'private', owner: { platform: 'qq', id: '10001', name: '李四' } });
  });

  it('keeps the exported text, replies, resources and the fields as written', async () => {
    const out = await mapDocument(qceJson, readText(PRIVATE), 'QQ/张三.json');
    const [, reply, image, , video, , system] = out.messages;
    expect([reply?.text, reply?.replyTo]).toEqual(['[回复 李四: 钱到了吗？]\n到了，5000', '7300000000000000001']);
    expect(image?.attachments).toEqual([{ kind: 'image', name: 'resources/images/receipt.jpg' }]);
    expect(video?.attachments).toEqual([{ kind: 'video', name: 'proof.mp4' }]);
    expect(system?.text).toBe('张三 拍了拍 李四');
    expect(reply?.raw).toMatchObject({ id: '7300000000000000002', seq: '102', timestamp: '1709258460000', 'sender.uin': '20002', 'sender.nickname': '三哥', '@index': '1' });
  });

  it('rejects a message with no time and states the QQ numbers it saw, each once', async () => {
    const out = await mapDocument(qceJson, readText(PRIVATE), 'QQ/张三.json');
    expect(out.errors).toEqual([{ type: 'error', sheet: '', line: 0, code: 'MISSING_FIELD', message: 'message 7300000000000000010 has no timestamp or time' }]);
    expect(out.identifiers.map((i) => [i.identifierType, i.value, i.role, i.observedAt?.original ?? null])).toEqual([
      ['qq', '10001', 'owner', null],
      ['qq', '10001', 'contact', '2024-03-01 10:00:00'],
      ['qq', '20002', 'contact', '2024-03-01 10:01:00'],
    ]);
  });

  it('reports a file that is not JSON, or JSON without messages, in one line', async () => {
    expect((await mapDocument(qceJson, '{"chatInfo": {"name": "x"}', 'x.json')).errors.map((e) => e.message)).toEqual([
      'not valid JSON: Unexpected end of JSON input at position 26 (line 1, column 27)',
    ]);
    expect((await mapDocument(qceJson, '{"chatInfo": {"name": "x"}}', 'x.json')).errors.map((e) => e.message)).toEqual([
      "not a QQChatExporter JSON export: the top level has no 'messages' list",
    ]);
    const deep = `{"chatInfo": {"name": "x"}, "messages": [${'['.repeat(100_000)}${']'.repeat(100_000)}]}`;
    expect((await mapDocument(qceJson, deep, 'x.json')).errors.map((e) => e.message)).toEqual(['message #1 is a list, not a message object']);
  });

  it('is what detection picks, and Telegram does not claim it', () => {
    expect(claimants(documentDetectInput(readText(PRIVATE), '张三.json'))).toEqual(['qq.qce-json']);
  });
});

describe.skipIf(!corpusHas('chat-qq/qq-chat-exporter'))('qq.qce-json: the exporter’s own test snapshot (shared corpus)', () => {
  it('reads the 7 messages of the group with their senders, types and resources', async () => {
    const out = await mapDocument(qceJson, readText(SNAPSHOT), 'QQ/QCE Testing Group.json');
    expect(out.errors).toEqual([]);
    expect(out.messages.map((m) => [m.externalId, m.sender?.id, m.sender?.name, m.messageType, m.attachments.map((a) => a.name).join()])).toEqual([
      ['1001', '11111', 'Alice (PM)', 'text', ''],
      ['1002', '22222', 'Bob (Eng)', 'text', ''],
      ['1003', '22222', 'Bob (Eng)', 'image', 'screenshot.png'],
      ['1004', '33333', 'Charlie', 'text', ''],
      ['1005', '33333', 'Charlie', 'file', 'trace.json'],
      ['1006', '11111', 'Alice (PM)', 'text', ''],
      ['1007', '11111', 'Alice (PM)', 'voice', 'voice_msg.silk'],
    ]);
    // the snapshot was written on a UTC machine: time and timestamp agree at offset 0
    expect(out.messages[0]?.time).toEqual({ utcMs: 1704067300000, original: '2024-01-01 00:01:40', offsetMinutes: 0 });
    expect(out.messages[5]?.replyTo).toBe('m_1');
    expect(out.messages[0]?.conversation).toEqual({ platform: 'qq', key: 'QCE Testing Group', title: 'QCE Testing Group', kind: 'group' });
    expect(out.messages.every((m) => m.outgoing === null)).toBe(true);
    expect(out.identifiers.map((i) => i.value)).toEqual(['11111', '22222', '33333']);
    expect(claimants(documentDetectInput(readText(SNAPSHOT), 'x.json'))).toEqual(['qq.qce-json']);
  });
});
