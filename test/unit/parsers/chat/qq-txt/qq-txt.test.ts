import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qqClassicTxt, splitClassicSender } from '../../../../../shared/parsers/chat/qq-txt/classic-txt';
import { qqExporterTxt } from '../../../../../shared/parsers/chat/qq-txt/exporter-txt';
import { qqMessageType } from '../../../../../shared/parsers/chat/qq-txt/markers';
import { BUILT_IN_FORMATS, detectFormats } from '../../../../../shared/parsers/registry';
import type { MessageDraft } from '../../../../../shared/parsers/types';
import { CHAT_FIXTURES, chatContext, chatDetectInput, readChatFile, runChat, shanghaiMs, textLines } from '../../../../support/chat-records';
import type { ChatRun } from '../../../../support/chat-records';
import { CORPUS_DIR } from '../../../../support/parser-records';

function at(run: ChatRun, line: number): MessageDraft {
  const message = run.messages.find((m) => m.line === line);
  if (message === undefined) throw new Error(`no message at line ${line}`);
  return message;
}

const QCE = join(CORPUS_DIR, 'chat-qq/qq-chat-exporter/TextExporter.groupMixedMedia.snap.txt');

describe.skipIf(!existsSync(QCE))('corpus: QQChatExporter V5 text export (qq.exporter-txt)', () => {
  async function importQce(): Promise<ChatRun> {
    const file = readChatFile(QCE, CORPUS_DIR);
    const ranked = detectFormats(chatDetectInput(file), BUILT_IN_FORMATS);
    expect(ranked.map((r) => r.format.id)).toEqual(['qq.exporter-txt']);
    return runChat(qqExporterTxt, textLines(file.text), chatContext(file));
  }

  it('reads the 7 messages the header states, in the group the header names', async () => {
    const run = await importQce();
    expect(run.errors).toEqual([]);
    expect(run.warnings).toEqual([]);
    expect(run.messages.map((m) => [m.line, m.sender?.name, m.messageType])).toEqual([
      [16, 'Alice (PM)', 'text'],
      [21, 'Bob (Eng)', 'text'],
      [26, 'Bob (Eng)', 'image'],
      [33, 'Charlie', 'text'],
      [39, 'Charlie', 'file'],
      [46, 'Alice (PM)', 'text'],
      [53, 'Alice (PM)', 'voice'],
    ]);
    expect(run.messages[0]?.conversation).toEqual({ platform: 'qq', key: 'QCE Testing Group', title: 'QCE Testing Group', kind: 'group' });
    expect(at(run, 16).time).toEqual({ utcMs: shanghaiMs('2024-01-01 00:01:40'), original: '2024-01-01 00:01:40', offsetMinutes: 480 });
  });

  it('keeps inline faces as text, takes files from the 资源 lines, leaves 提及/回复 lines out of the text', async () => {
    const run = await importQce();
    expect(at(run, 21).text).toBe('Looking now [[微笑]]');
    expect(at(run, 26)).toMatchObject({ text: '[图片: screenshot.png]', attachments: [{ name: 'screenshot.png', kind: 'image' }] });
    expect(at(run, 33).text).toBe('@Alice sentry has the trace, sending now');
    expect(at(run, 39).attachments).toEqual([{ name: 'trace.json', kind: 'file' }]);
    expect(at(run, 46).text).toBe('[回复 Alice (PM): Anyone seen the build break?]\nthanks team, fix incoming');
    expect((at(run, 46).raw.line ?? '').split('\n')).toEqual([
      'Alice (PM):',
      '时间: 2024-01-01 00:04:00',
      '内容: [回复 Alice (PM): Anyone seen the build break?]',
      'thanks team, fix incoming',
      '回复: 01-01 00:01 Alice (PM) - Anyone seen the build break?',
    ]);
    expect(at(run, 53)).toMatchObject({ text: '[语音 7秒]', attachments: [{ name: 'voice_msg.silk', kind: 'voice' }] });
  });
});

describe('QQChatExporter text: a private chat written by hand', () => {
  const text = [
    '[QQChatExporter V5 / https://github.com/shuakami/qq-chat-exporter]',
    '',
    '聊天名称: 小王',
    '聊天类型: 私聊',
    '消息总数: 4',
    '',
    '',
    '系统消息:',
    '时间: 2024-05-01 08:00:00',
    '内容: [系统消息]',
    '',
    '',
    '小王:',
    '时间: 2024-05-01 08:01:00',
    '内容: [QQ红包]恭喜发财',
    '',
    '',
    '小王:',
    '时间: 2024-05-01 08:02:00',
    '内容: 小王撤回了一条消息',
    '',
    '===============================================',
    '              导出完成',
    '===============================================',
    '总计导出 3 条消息',
  ].join('\n');

  it('system messages have no sender, a recall notice is recalled, the stated total is checked', async () => {
    const run = await runChat(qqExporterTxt, textLines(text), { fileName: '小王.txt', relPath: 'QQ/小王.txt', timeZone: 'Asia/Shanghai' });
    expect(run.messages.map((m) => [m.line, m.sender, m.messageType])).toEqual([
      [8, null, 'system'],
      [13, { platform: 'qq', id: '', name: '小王' }, 'red-packet'],
      [18, { platform: 'qq', id: '', name: '小王' }, 'recalled'],
    ]);
    expect(run.messages[0]?.conversation.kind).toBe('private');
    expect(at(run, 18).text).toBe('小王撤回了一条消息');
    expect(run.warnings).toEqual([{ type: 'warning', code: 'RECORD_COUNT_MISMATCH', message: 'QQ (QQChatExporter): the export states 4 messages but 3 were read' }]);
  });
});

describe('QQ 消息管理器 classic export (qq.classic-txt, GB18030, CRLF, two chats)', () => {
  async function importClassic(): Promise<ChatRun> {
    const file = readChatFile(join(CHAT_FIXTURES, 'qq/消息记录-张三.txt'), CHAT_FIXTURES);
    const ranked = detectFormats(chatDetectInput(file), BUILT_IN_FORMATS);
    expect(ranked.map((r) => r.format.id)).toEqual(['qq.classic-txt']);
    return runChat(qqClassicTxt, textLines(file.text), chatContext(file));
  }

  it('one conversation per 消息对象, a group when its 消息分组 is a QQ group', async () => {
    const run = await importClassic();
    expect(run.messages.map((m) => [m.line, m.conversation.title, m.conversation.kind])).toEqual([
      [9, '张三', 'private'],
      [12, '张三', 'private'],
      [16, '张三', 'private'],
      [19, '张三', 'private'],
      [28, '兼职刷单群', 'group'],
      [31, '兼职刷单群', 'group'],
      [35, '兼职刷单群', 'group'],
      [41, '兼职刷单群', 'group'],
    ]);
  });

  it('senders carry their QQ number or e-mail; 系统消息 has none; group badges are not names', async () => {
    const run = await importClassic();
    expect(at(run, 9).sender).toEqual({ platform: 'qq', id: '123456789', name: '张三' });
    expect(at(run, 28)).toMatchObject({ sender: null, messageType: 'system', text: '王五加入本群。' });
    expect(at(run, 31)).toMatchObject({ sender: { platform: 'qq', id: 'wangwu@example.com', name: '王五' }, text: '新人看群公告\n[表情]', messageType: 'text' });
    expect(run.identifiers.map((i) => [i.line, i.identifierType, i.value])).toEqual([
      [9, 'qq', '123456789'],
      [12, 'qq', '987654321'],
      [31, 'email', 'wangwu@example.com'],
    ]);
  });

  it('multi-line text, markers as types, the transfer amount, a bad time reported by line', async () => {
    const run = await importClassic();
    expect(at(run, 12)).toMatchObject({ text: '在，什么事\n下午见面说', time: { utcMs: shanghaiMs('2016-03-01 09:06:40'), original: '2016-03-01 9:06:40', offsetMinutes: 480 } });
    expect(at(run, 16).messageType).toBe('image');
    expect(at(run, 19)).toMatchObject({ messageType: 'transfer', amountMinor: 120000 });
    expect(at(run, 35).messageType).toBe('recalled');
    expect(at(run, 41).messageType).toBe('voice');
    expect(run.errors.map((e) => [e.line, e.code])).toEqual([[38, 'BAD_TIME']]);
    expect(run.errors[0]?.message).toMatch(/'2016-03-02 25:00:00' cannot be read/);
    expect(run.messages).toHaveLength(8);
  });

  it('reads a 12-hour clock where QQ wrote AM/PM', async () => {
    const text = '消息记录（此消息记录为文本格式，不支持重新导入）\n消息对象:测试群\n2019-09-23 8:43:38 PM 骰娘-Roll100(87200175)\n1\n2019-09-24 12:05:00 AM 暗夜(28084825)\n2\n';
    const run = await runChat(qqClassicTxt, textLines(text), { fileName: 'a.txt', relPath: 'a.txt', timeZone: 'Asia/Shanghai' });
    expect(run.messages.map((m) => m.time.utcMs)).toEqual([shanghaiMs('2019-09-23 20:43:38'), shanghaiMs('2019-09-24 00:05:00')]);
    expect(run.messages[0]?.sender).toEqual({ platform: 'qq', id: '87200175', name: '骰娘-Roll100' });
  });
});

describe('QQ helpers', () => {
  it.each([
    ['[图片]', 'image'],
    ['[图片: a.png]', 'image'],
    ['[图片: a.png][图片: b.png]', 'image'],
    ['[[微笑]]', 'sticker'],
    ['[表情]', 'sticker'],
    ['[语音 7秒]', 'voice'],
    ['[视频]', 'video'],
    ['[文件: a.docx]', 'file'],
    ['[转账]¥500.00', 'transfer'],
    ['[QQ红包]恭喜发财', 'red-packet'],
    ['张三撤回了一条消息', 'recalled'],
    ['看这个[图片]', 'text'],
    ['[捂脸]好的', 'text'],
    ['[不知道]', 'text'],
  ])('%s → %s', (text, type) => {
    expect(qqMessageType(text)).toBe(type);
  });

  it.each([
    ['张三(123456789)', { name: '张三', id: '123456789', idType: 'qq' }],
    ['张三(小张)(123456789)', { name: '张三(小张)', id: '123456789', idType: 'qq' }],
    ['【群主】张三<Zs@Qq.com>', { name: '张三', id: 'zs@qq.com', idType: 'email' }],
    ['张三(备注)', { name: '张三(备注)', id: '', idType: null }],
  ])('%s', (text, sender) => {
    expect(splitClassicSender(text)).toEqual(sender);
  });
});
