import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wechatChatCsv } from '../../../../../shared/parsers/chat/wechat-csv/chat-csv';
import { typeOfCode, typeOfName } from '../../../../../shared/parsers/chat/wechat-csv/message-types';
import { BUILT_IN_FORMATS, detectFormats } from '../../../../../shared/parsers/registry';
import type { MessageDraft } from '../../../../../shared/parsers/types';
import { CHAT_FIXTURES, chatContext, chatDetectInput, csvRecords, readChatFile, runChat, shanghaiMs } from '../../../../support/chat-records';
import type { ChatRun } from '../../../../support/chat-records';
import { CORPUS_DIR } from '../../../../support/parser-records';

function at(run: ChatRun, line: number): MessageDraft {
  const message = run.messages.find((m) => m.line === line);
  if (message === undefined) throw new Error(`no message at line ${line}`);
  return message;
}

async function importCsv(path: string, root: string): Promise<ChatRun> {
  const file = readChatFile(path, root);
  const ranked = detectFormats(chatDetectInput(file), BUILT_IN_FORMATS);
  expect(ranked[0]?.format.id).toBe('wechat.chat-csv');
  expect(ranked[0]?.confidence).toBeGreaterThan(0.9);
  return runChat(wechatChatCsv, csvRecords(file.text), chatContext(file));
}

const WECLONE = join(CORPUS_DIR, 'chat-wechat/WeClone');

describe.skipIf(!existsSync(WECLONE))('corpus: WeClone / PyWxDump chat CSV (wechat.chat-csv)', () => {
  it("example_chat.csv ('content' as {\"src\", \"msg\"}): 35 messages, 我 is the owner's side", async () => {
    const run = await importCsv(join(WECLONE, 'example_chat.csv'), CORPUS_DIR);
    expect(run.errors).toEqual([]);
    expect(run.warnings).toEqual([]);
    expect(run.messages).toHaveLength(35);
    expect(run.messages.filter((m) => m.outgoing === true)).toHaveLength(20);
    expect(run.messages.map((m) => m.messageType).filter((t) => t !== 'text')).toEqual(['system', 'sticker', 'sticker', 'sticker', 'image', 'image', 'sticker', 'image', 'sticker']);
    expect(at(run, 2)).toMatchObject({
      sender: null,
      outgoing: false,
      messageType: 'system',
      text: '你已添加了白桃乌龙，现在可以开始聊天了。',
      externalId: '953020244103908134',
      time: { utcMs: shanghaiMs('2023-08-12 23:22:41'), original: '2023-08-12 23:22:41', offsetMinutes: 480 },
    });
    expect(at(run, 3)).toMatchObject({ sender: { platform: 'wechat', id: '', name: '我' }, outgoing: true, text: '哦吼' });
    expect(at(run, 7)).toMatchObject({ sender: { platform: 'wechat', id: 'xinglaifaxianzhe', name: 'xinglaifaxianzhe' }, outgoing: false, text: '是耶' });
    expect(at(run, 16)).toMatchObject({
      messageType: 'image',
      text: '图片',
      attachments: [{ name: 'FileStorage\\MsgAttach\\ec71e3b5cc65b1713665080d0f1939e5\\Image\\2023-08\\82332bbba85f6bb3cf85823037f3a99e.dat', kind: 'image' }],
    });
    expect(run.messages[0]?.conversation).toEqual({ platform: 'wechat', key: 'xinglaifaxianzhe', title: 'xinglaifaxianzhe', kind: 'private' });
    expect(run.messages[run.messages.length - 1]).toMatchObject({ line: 36, text: '哈哈哈好像是', sender: { id: 'xinglaifaxianzhe' } });
    expect(run.identifiers.map((i) => [i.identifierType, i.value, i.role])).toEqual([['wechat_id', 'xinglaifaxianzhe', 'contact']]);
    // the embedded JSON stays in the raw row as written
    expect(at(run, 3).raw.content).toBe('{"src": "", "msg": "哦吼"}');
  });

  it('test_person_0_730.csv (msg, src; times without seconds; a quoted multi-line reply): 96 messages', async () => {
    const run = await importCsv(join(WECLONE, 'test_person_0_730.csv'), CORPUS_DIR);
    expect(run.errors).toEqual([]);
    expect(run.messages).toHaveLength(96);
    expect(at(run, 2).time).toEqual({ utcMs: shanghaiMs('2024-10-04 11:42'), original: '2024/10/4 11:42', offsetMinutes: 480 });
    expect(at(run, 50)).toMatchObject({ messageType: 'text', text: '（我们两个人骑）\n\n[引用](2024-10-04 21:25:04)小虫:我之前租的时候 人家说这个没劲儿 租了个大的' });
    // the rows after the three-line cell keep their physical line numbers
    expect(at(run, 53)).toMatchObject({ text: 'hh', externalId: '7804635386065632983' });
    expect(at(run, 56)).toMatchObject({ messageType: 'recalled', text: '你撤回了一条消息', outgoing: true, sender: { id: '12345iru2zsmo22' } });
    expect(run.messages.filter((m) => m.messageType === 'recalled')).toHaveLength(2);
    expect(run.messages.filter((m) => m.messageType === 'sticker')).toHaveLength(23);
    expect(run.messages[run.messages.length - 1]).toMatchObject({ line: 99, messageType: 'sticker', time: { utcMs: shanghaiMs('2024-12-30 21:28') } });
    expect(at(run, 8).text).toBe('');
  });
});

describe('hand-written PyWxDump group export in its owner folder (wxid_k3m9x2p7q1/20881234567@chatroom.csv)', () => {
  async function importGroup(): Promise<ChatRun> {
    return importCsv(join(CHAT_FIXTURES, 'wechat/wxid_k3m9x2p7q1/20881234567@chatroom.csv'), CHAT_FIXTURES);
  }

  it('a group conversation keyed by the chatroom, owned by the folder wxid', async () => {
    const run = await importGroup();
    expect(run.messages[0]?.conversation).toEqual({
      platform: 'wechat',
      key: '20881234567@chatroom',
      title: '20881234567@chatroom',
      kind: 'group',
      owner: { platform: 'wechat', id: 'wxid_k3m9x2p7q1', name: 'wxid_k3m9x2p7q1' },
    });
    expect(run.messages).toHaveLength(11);
  });

  it('types by type_name, amounts of transfers, media paths, recall notices', async () => {
    const run = await importGroup();
    expect(run.messages.map((m) => [m.line, m.messageType])).toEqual([
      [2, 'system'],
      [3, 'text'],
      [4, 'transfer'],
      [5, 'red-packet'],
      [6, 'voice'],
      [7, 'video'],
      [8, 'location'],
      [9, 'file'],
      [10, 'recalled'],
      [11, 'text'],
      [15, 'sticker'],
    ]);
    expect(at(run, 2)).toMatchObject({ sender: null, text: '"老王"邀请"小美"加入了群聊' });
    expect(at(run, 4)).toMatchObject({ amountMinor: 200000, outgoing: true, sender: { id: 'wxid_k3m9x2p7q1' }, text: '[转账]￥2,000.00 佣金' });
    // a red packet states no amount: none is made up
    expect(at(run, 5).amountMinor).toBeUndefined();
    expect(at(run, 6).attachments).toEqual([{ name: 'FileStorage\\MsgAttach\\9f2c\\Voice\\2024-05\\1714529220.silk', kind: 'voice' }]);
    expect(at(run, 9).attachments).toEqual([{ name: 'FileStorage\\File\\2024-05\\刷单返利明细.xlsx', kind: 'file' }]);
    expect(at(run, 11)).toMatchObject({ text: '明天继续\n名额有限', time: { utcMs: shanghaiMs('2024-05-01 11:00'), original: '2024/5/1 11:00' } });
  });

  it('rejects rows without a usable time, by line, and keeps going', async () => {
    const run = await importGroup();
    expect(run.errors).toEqual([
      { type: 'error', sheet: '', line: 13, code: 'BAD_TIME', message: "微信聊天记录 CSV: CreateTime '2024-13-01 10:00:00' is not a date-time (bad-date)" },
      { type: 'error', sheet: '', line: 14, code: 'MISSING_FIELD', message: '微信聊天记录 CSV: CreateTime is empty' },
    ]);
  });

  it("states the members' wxids as identifiers, not the owner's own", async () => {
    const run = await importGroup();
    expect(run.identifiers.map((i) => [i.line, i.value, i.role])).toEqual([
      [3, 'wxid_aaaa1111bbbb', 'contact'],
      [6, 'wxid_cccc2222dddd', 'contact'],
    ]);
  });
});

describe('hand-written 留痕 (MemoTrace) export (memotrace/张三_utf8.csv: Type/SubType codes, Unix CreateTime, BOM, CRLF)', () => {
  async function importMemo(): Promise<ChatRun> {
    return importCsv(join(CHAT_FIXTURES, 'wechat/memotrace/张三_utf8.csv'), CHAT_FIXTURES);
  }

  it('names the chat by its file, reads Unix times as instants, names senders by Remark or NickName', async () => {
    const run = await importMemo();
    expect(run.errors).toEqual([]);
    expect(run.messages).toHaveLength(9);
    expect(run.messages[0]?.conversation).toEqual({ platform: 'wechat', key: '张三', title: '张三', kind: 'unknown' });
    expect(at(run, 3)).toMatchObject({
      sender: { platform: 'wechat', id: 'wxid_zhangsan001', name: '张三' },
      outgoing: false,
      text: '晚上吃饭吗',
      externalId: '2',
      time: { utcMs: shanghaiMs('2024-05-01 10:00'), original: '1714528800', offsetMinutes: 480 },
    });
    expect(at(run, 4)).toMatchObject({ sender: { id: 'wxid_k3m9x2p7q1', name: '阿明' }, outgoing: true });
  });

  it('maps type codes: 10000 system, 3 image, 49/2000 transfer with its amount, 10002 recall, 34 voice, 49/6 file, 50 call', async () => {
    const run = await importMemo();
    expect(run.messages.map((m) => m.messageType)).toEqual(['system', 'text', 'text', 'image', 'transfer', 'recalled', 'voice', 'file', 'call']);
    expect(at(run, 6).amountMinor).toBe(50000);
    expect(at(run, 2).sender).toBeNull();
  });

  it('the owner side is an identifier of its own role', async () => {
    const run = await importMemo();
    expect(run.identifiers.map((i) => [i.line, i.value, i.role])).toEqual([
      [3, 'wxid_zhangsan001', 'contact'],
      [4, 'wxid_k3m9x2p7q1', 'owner'],
    ]);
  });
});

describe('WeChat type vocabulary', () => {
  it.each([
    [1, 0, 'text'],
    [3, 0, 'image'],
    [34, 0, 'voice'],
    [43, 0, 'video'],
    [47, 0, 'sticker'],
    [48, 0, 'location'],
    [49, 5, 'link'],
    [49, 6, 'file'],
    [49, 57, 'text'],
    [49, 2000, 'transfer'],
    [49, 2001, 'red-packet'],
    [10000, 0, 'system'],
    [10002, 0, 'recalled'],
    [436207665, 0, 'red-packet'],
    [99999, 0, null],
  ])('Type %i / SubType %i → %s', (type, sub, expected) => {
    expect(typeOfCode(type, sub)).toBe(expected);
  });

  it.each([
    ['文本', 'text'],
    ['图片', 'image'],
    ['语音', 'voice'],
    ['语音通话', 'call'],
    ['视频', 'video'],
    ['(分享)视频号视频', 'link'],
    ['动画表情', 'sticker'],
    ['转账', 'transfer'],
    ['红包', 'red-packet'],
    ['赠送红包封面', 'other'],
    ['系统通知', 'system'],
    ['撤回消息', 'recalled'],
    ['引用回复', 'text'],
    ['合并转发的聊天记录', 'other'],
    ['(分享)卡片式链接', 'link'],
  ])('type_name %s → %s', (name, expected) => {
    expect(typeOfName(name)).toBe(expected);
  });
});
