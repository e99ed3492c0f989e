import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wechatEnMicroMsg } from '../../../../../shared/parsers/chat/wechat-db/enmicromsg';
import type { DetectInput, MessageDraft, SourceRecord } from '../../../../../shared/parsers/types';
import { CHAT_FIXTURES, atOffset, claimants, contextOf, mapRecords } from '../telegram/chat-test-kit';

/**
 * A decrypted EnMicroMsg.db, as the pipeline's SQLite reader hands it over: the named tables in order, each
 * table's first record its column names (line 0), then its rows (line = rowid order). The fixture holds a few
 * hand-built rows per table in the real column layout.
 */

interface Table {
  columns: string[];
  rows: string[][];
}
type Tables = Record<string, Table>;

const TABLES = JSON.parse(readFileSync(join(CHAT_FIXTURES, 'wechat-db/enmicromsg-tables.json'), 'utf8')) as Tables;
const REL = '手机/data/data/com.tencent.mm/MicroMsg/0123456789abcdef/EnMicroMsg.db';

function recordsOf(tables: Tables, names: readonly string[]): SourceRecord[] {
  return names.flatMap((name) => {
    const table = tables[name];
    if (table === undefined) return [];
    return [{ sheet: name, line: 0, cells: table.columns }, ...table.rows.map((cells, i) => ({ sheet: name, line: i + 1, cells }))];
  });
}

const tableOrder = wechatEnMicroMsg.input?.kind === 'sqlite' ? wechatEnMicroMsg.input.tables : [];
const readAll = (tables: Tables = TABLES) => mapRecords(wechatEnMicroMsg, recordsOf(tables, tableOrder), contextOf(REL, 'Asia/Shanghai'));

function byMsgId(messages: readonly MessageDraft[], msgId: string): MessageDraft {
  const found = messages.find((m) => m.raw.msgId === msgId);
  if (found === undefined) throw new Error(`no message ${msgId}`);
  return found;
}

describe('wechat.enmicromsg', () => {
  it('asks the reader for the owner, contacts and rooms before the messages', () => {
    expect(wechatEnMicroMsg.input).toEqual({ kind: 'sqlite', tables: ['userinfo', 'rcontact', 'chatroom', 'message'] });
  });

  it('reads each message row with its chat, sender, direction and time', async () => {
    const out = await readAll();
    expect(out.messages).toHaveLength(21);
    expect(out.messages.map((m) => [m.raw.msgId, m.line, m.conversation.title, m.sender?.name ?? null, m.outgoing, m.messageType])).toEqual([
      ['1', 1, '王伟-卡商', '王伟-卡商', false, 'text'],
      ['2', 2, '王伟-卡商', '老周', true, 'text'],
      ['3', 3, '王伟-卡商', '老周', true, 'transfer'],
      ['4', 4, '王伟-卡商', '王伟-卡商', false, 'transfer'],
      ['5', 5, '资金对接群', 'Anna', false, 'red-packet'],
      ['6', 6, '资金对接群', '王伟-卡商', false, 'text'],
      ['7', 7, '资金对接群', '陌生人甲', false, 'text'],
      ['8', 8, '王伟-卡商', '王伟-卡商', false, 'image'],
      ['9', 9, '王伟-卡商', '王伟-卡商', false, 'voice'],
      ['10', 10, '资金对接群', 'Anna', false, 'file'],
      ['11', 11, '王伟-卡商', '王伟-卡商', false, 'link'],
      ['12', 12, '王伟-卡商', '老周', true, 'text'],
      ['13', 13, '王伟-卡商', '王伟-卡商', false, 'location'],
      ['14', 14, '资金对接群', null, null, 'system'],
      ['15', 15, '王伟-卡商', '王伟-卡商', false, 'recalled'],
      ['16', 16, '王伟-卡商', '王伟-卡商', false, 'contact'],
      ['17', 17, '王伟-卡商', '老周', true, 'call'],
      ['20', 20, '老周、Anna', '老周', true, 'text'],
      ['21', 21, '资金对接群', 'Anna', false, 'sticker'],
      ['22', 22, '某某银行', '某某银行', false, 'text'],
      ['23', 23, '王伟-卡商', '老周', true, 'text'],
    ]);
    const first = byMsgId(out.messages, '1');
    expect(first.time).toEqual({ utcMs: atOffset('2024-03-01 10:00:00', 480), original: '1709258400000', offsetMinutes: 480 });
    expect(first.sender).toEqual({ platform: 'wechat', id: 'wxid_peer0001', name: '王伟-卡商' });
    expect(first.conversation).toEqual({ platform: 'wechat', key: 'wxid_peer0001', title: '王伟-卡商', kind: 'private', owner: { platform: 'wechat', id: 'wxid_owner001', name: '老周' } });
    expect(byMsgId(out.messages, '5').conversation).toMatchObject({ key: '12345678901@chatroom', kind: 'group' });
    expect(byMsgId(out.messages, '22').conversation.kind).toBe('channel');
  });

  it('splits the sender off a room message and keeps the text without it', async () => {
    const out = await readAll();
    expect(byMsgId(out.messages, '6')).toMatchObject({ text: '今晚对账', sender: { id: 'wxid_peer0001', name: '王伟-卡商' } });
    expect(byMsgId(out.messages, '7')).toMatchObject({ text: '我是新来的', sender: { id: 'wxid_nocontact9', name: '陌生人甲' } });
    expect(byMsgId(out.messages, '6').raw.content).toBe('wxid_peer0001:\n今晚对账');
  });

  it('reads transfers with their stated amount, red packets, files, links, quotes, places, cards and calls from the XML', async () => {
    const out = await readAll();
    const pick = (id: string) => {
      const m = byMsgId(out.messages, id);
      return [m.text, m.amountMinor, m.attachments, m.replyTo];
    };
    expect(pick('3')).toEqual(['微信转账 ￥5000.00 发起转账 货款', 500000, [], '']);
    expect(pick('4')).toEqual(['微信转账 ￥5000.00 已收款', 500000, [], '']);
    expect(pick('5')).toEqual(['微信红包 恭喜发财，大吉大利', undefined, [], '']);
    expect(pick('8')).toEqual(['', undefined, [{ name: 'THUMBNAIL_DIRPATH://th_0123456789abcdef', kind: 'image' }], '']);
    expect(pick('9')).toEqual(['', undefined, [{ name: 'a1b2c3d4e5f60718293a4b5c', kind: 'voice' }], '']);
    expect(pick('10')).toEqual(['流水.xlsx', undefined, [{ name: '流水.xlsx', kind: 'file' }], '']);
    expect(pick('11')).toEqual(['贷款秒批，当天到账\n点击领取额度\nhttp://loan.example/apply?a=1&b=2', undefined, [], '']);
    expect(pick('12')).toEqual(['就是这张卡', undefined, [], '6000000000000000001']);
    expect(pick('13')).toEqual(['人民广场 上海市黄浦区人民大道 (31.230400, 121.473700)', undefined, [], '']);
    expect(pick('14')).toEqual(['"王伟-卡商"邀请"Anna"加入了群聊', undefined, [], '']);
    expect(pick('15')).toEqual(['"王伟" 撤回了一条消息', undefined, [], '']);
    expect(pick('16')).toEqual(['刘洋 liuyang_pay wxid_card777', undefined, [], '']);
    expect(pick('17')).toEqual(['通话时长 00:42', undefined, [], '']);
  });

  it('uses the server id as the message id, the local one for rows never sent', async () => {
    const out = await readAll();
    expect(byMsgId(out.messages, '1').externalId).toBe('6000000000000000001');
    expect(byMsgId(out.messages, '23').externalId).toBe('local:23');
  });

  it('rejects rows without a chat or a time and keeps the rest', async () => {
    const out = await readAll();
    expect(out.errors).toEqual([
      { type: 'error', sheet: 'message', line: 18, code: 'MISSING_FIELD', message: 'message 18 has no talker (the chat it belongs to)' },
      { type: 'error', sheet: 'message', line: 19, code: 'BAD_TIME', message: "message 19: createTime 'abc' is not an epoch time" },
    ]);
  });

  it('states the owner’s and contacts’ WeChat IDs, the owner’s mobile and shared cards as identifiers', async () => {
    const out = await readAll();
    expect(out.identifiers.map((i) => [i.sheet, i.line, i.identifierType, i.value, i.role])).toEqual([
      ['userinfo', 1, 'wechat_id', 'wxid_owner001', 'owner'],
      ['userinfo', 3, 'phone', '13800138000', 'owner'],
      ['rcontact', 1, 'wechat_id', 'zhou_lao', 'contact'],
      ['rcontact', 1, 'wechat_id', 'wxid_owner001', 'contact'],
      ['rcontact', 2, 'wechat_id', 'wangwei88', 'contact'],
      ['rcontact', 2, 'wechat_id', 'wxid_peer0001', 'contact'],
      ['rcontact', 3, 'wechat_id', 'wxid_member002', 'contact'],
      ['message', 16, 'wechat_id', 'liuyang_pay', 'contact'],
    ]);
    expect(out.identifiers[4]?.raw).toEqual({ username: 'wxid_peer0001', alias: 'wangwei88', conRemark: '王伟-卡商', nickname: '王伟', type: '3' });
  });

  it('without a userinfo table, marks the owner’s messages as 我 and says why', async () => {
    const { userinfo: _left, ...rest } = TABLES;
    const out = await readAll(rest);
    expect(byMsgId(out.messages, '2').sender).toEqual({ platform: 'wechat', id: '', name: '我' });
    expect(byMsgId(out.messages, '2').conversation.owner).toBeUndefined();
    expect(out.warnings).toEqual(["OWNER_UNKNOWN: EnMicroMsg.db: the userinfo table was not read, so the phone owner's messages are attributed to '我' without a WeChat id"]);
  });

  it('refuses a message table that lacks its columns, once', async () => {
    const broken: Tables = { message: { columns: ['msgId', 'text'], rows: [['1', 'x']] } };
    const out = await readAll(broken);
    expect(out.all).toEqual([{ type: 'error', sheet: 'message', line: 0, code: 'MISSING_FIELD', message: 'the message table has no talker, createTime, type, content column: it is not an EnMicroMsg.db message table' }]);
  });

  it('keeps an XML body nested 100,000 deep as text instead of hanging on it', async () => {
    const deep = `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`;
    const table = TABLES.message;
    if (table === undefined) throw new Error('fixture without message table');
    const row = [...(table.rows[10] ?? [])];
    row[8] = deep;
    const out = await readAll({ message: { columns: table.columns, rows: [row] } });
    expect(out.messages.map((m) => [m.messageType, m.text.length])).toEqual([['other', deep.length]]);
  });

  it('is recognised by its tables, and only as a database', () => {
    const input: DetectInput = { fileName: 'EnMicroMsg.db', relPath: REL, head: [], text: '', container: 'sqlite', entries: ['AppMessage', 'chatroom', 'message', 'rcontact', 'userinfo'] };
    expect(claimants(input)).toEqual(['wechat.enmicromsg']);
    expect(wechatEnMicroMsg.detect({ ...input, entries: ['message', 'contacts'] })).toBeNull();
    expect(wechatEnMicroMsg.detect({ ...input, container: 'text', text: 'message,rcontact' })).toBeNull();
  });
});
