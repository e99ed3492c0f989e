import ExcelJS from 'exceljs';
import type { MessageType } from '../../../../../shared/parsers/types';

/**
 * One seized phone's WeChat chats, written out the way two forensic tools export them: a 美亚柏科-like sheet (title
 * rows, one table per conversation, each under a 会话：/群聊： title) and a 火眼-like sheet (key/value title cells, one
 * table whose columns name the conversation, zone in the time header, Excel date cells). The HTML fixture
 * test/fixtures/chat/forensic/meiya-report.html holds the same chats as an HTML report.
 */

export const CASE_NO = 'A3301062023050012';
export const EVIDENCE_NO = 'JC-2023-017-01';
export const OWNER = { id: 'wxid_lisi2023', name: '李四' };

export interface Conversation {
  id: string;
  name: string;
  kind: 'private' | 'group';
}

export const PRIVATE: Conversation = { id: 'wxid_zhangsan88', name: '张三', kind: 'private' };
export const GROUP: Conversation = { id: '20230514888@chatroom', name: '鑫盛投资交流群', kind: 'group' };

export interface ChatMessage {
  conversation: Conversation;
  /** wall-clock time in UTC+8 */
  wall: string;
  /** null for a system line */
  sender: { id: string; name: string } | null;
  outgoing: boolean | null;
  type: MessageType;
  typeWord: string;
  text: string;
  attachment: string;
  hash: string;
  amountMinor?: number;
  recovered: boolean;
  statusWord: string;
}

const ZHANG = { id: PRIVATE.id, name: PRIVATE.name };
const WANG = { id: 'wxid_wangwu01', name: '王五' };
const ZHAO = { id: 'wxid_zhaoliu9', name: '赵六' };

function message(partial: Partial<ChatMessage> & Pick<ChatMessage, 'conversation' | 'wall' | 'sender' | 'text'>): ChatMessage {
  return {
    outgoing: partial.sender?.id === OWNER.id ? true : partial.sender === null ? null : false,
    type: 'text',
    typeWord: '文本',
    attachment: '',
    hash: '',
    recovered: false,
    statusWord: '正常',
    ...partial,
  };
}

export const MESSAGES: readonly ChatMessage[] = [
  message({ conversation: PRIVATE, wall: '2023-05-14 10:22:33', sender: ZHANG, text: '在吗？\n明天的钱准备好了没' }),
  message({ conversation: PRIVATE, wall: '2023-05-14 10:23:05', sender: OWNER, text: '准备好了，晚上转你' }),
  message({
    conversation: PRIVATE,
    wall: '2023-05-14 10:25:40',
    sender: ZHANG,
    type: 'image',
    typeWord: '图片',
    text: '[图片]',
    attachment: 'Tencent/MicroMsg/image2/ab/cd/abcd1234.jpg',
    hash: '0f343b0931126a20f133d67c2b018a3b',
  }),
  message({
    conversation: PRIVATE,
    wall: '2023-05-14 21:30:00',
    sender: OWNER,
    type: 'transfer',
    typeWord: '转账',
    text: '[转账]¥5,000.00 转账说明：第一期',
    amountMinor: 500000,
  }),
  message({
    conversation: PRIVATE,
    wall: '2023-05-14 21:31:12',
    sender: ZHANG,
    type: 'voice',
    typeWord: '语音',
    text: '[语音]12"',
    attachment: 'Tencent/MicroMsg/voice2/12/msg_2131.amr',
    hash: '9b1d3e0a55c2f4d6e8a0b2c4d6e8f0a1',
    recovered: true,
    statusWord: '已删除',
  }),
  message({ conversation: GROUP, wall: '2023-05-15 09:00:00', sender: WANG, text: '今天的收益大家都收到了吧' }),
  message({ conversation: GROUP, wall: '2023-05-15 09:01:30', sender: null, type: 'system', typeWord: '系统消息', text: '"王五"邀请"赵六"加入了群聊' }),
  message({
    conversation: GROUP,
    wall: '2023-05-15 09:02:00',
    sender: OWNER,
    type: 'red-packet',
    typeWord: '红包',
    text: '[红包]恭喜发财，大吉大利 ¥88.00',
    amountMinor: 8800,
  }),
  message({
    conversation: GROUP,
    wall: '2023-05-15 09:05:45',
    sender: ZHAO,
    type: 'file',
    typeWord: '文件',
    text: '[文件]投资协议.pdf',
    attachment: 'Tencent/MicroMsg/Download/投资协议.pdf',
    hash: 'd2c4e6f8a0b1c3d5e7f9a1b3c5d7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3',
  }),
  message({
    conversation: GROUP,
    wall: '2023-05-15 09:10:00',
    sender: WANG,
    text: '下个月返点提高到3个点 <b>别外传</b>',
    recovered: true,
    statusWord: '已恢复',
  }),
];

/** Wall time in UTC+8 → UTC epoch ms. */
export function utcOf(wall: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(wall);
  if (!m) throw new Error(`bad wall time ${wall}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]) - 8, Number(m[5]), Number(m[6]));
}

/** The wall time as a Date whose UTC fields are the wall clock: how exceljs stores an Excel date cell. */
function excelDate(wall: string): Date {
  return new Date(utcOf(wall) + 8 * 3_600_000);
}

/** Excel serial days of a wall time (1900 date system). */
function excelSerial(wall: string): number {
  return (excelDate(wall).getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

const MEIYA_HEADER = ['序号', '发送人', '发送人账号', '接收人', '发送时间', '消息类型', '消息内容', '附件路径', 'MD5', '删除状态'];

/** 美亚柏科-like: title rows, then per conversation a 会话：/群聊： title, the header and its rows; a footer note. */
export async function writeMeiyaWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('微信聊天记录');
  sheet.addRow(['微信聊天记录']);
  sheet.mergeCells('A1:J1');
  sheet.addRow([`案件编号：${CASE_NO}`]);
  sheet.addRow([`检材编号：${EVIDENCE_NO}`]);
  sheet.addRow([`机主账号：${OWNER.name}(${OWNER.id})`]);
  sheet.addRow(['导出时间：2023-06-01 09:12:45']);
  sheet.addRow([]);
  let serial = 0;
  for (const conversation of [PRIVATE, GROUP]) {
    const label = conversation.kind === 'group' ? '群聊' : '会话';
    const title = sheet.addRow([`${label}：${conversation.name}(${conversation.id})`]);
    sheet.mergeCells(title.number, 1, title.number, MEIYA_HEADER.length);
    sheet.addRow(MEIYA_HEADER);
    for (const m of MESSAGES.filter((item) => item.conversation === conversation)) {
      serial += 1;
      const mine = m.sender?.id === OWNER.id;
      // own messages are written 我 in the private chat and with the owner's name and account in the group
      const sender = m.sender === null ? '系统' : mine && conversation.kind === 'private' ? '我' : m.sender.name;
      const senderId = m.sender === null || (mine && conversation.kind === 'private') ? '' : m.sender.id;
      const receiver = conversation.kind === 'group' ? conversation.name : mine ? conversation.name : '我';
      sheet.addRow([serial, sender, senderId, receiver, m.wall, m.typeWord, m.text, m.attachment, m.hash, m.statusWord]);
    }
    sheet.addRow([]);
  }
  sheet.addRow([`共 ${serial} 条记录`]);
  await workbook.xlsx.writeFile(file);
}

const HUOYAN_HEADER = ['编号', '会话ID', '会话名称', '发送者ID', '发送者昵称', '收发类型', '消息时间(UTC+8)', '内容类型', '消息', '文件路径', '哈希', '数据状态', '金额', '应用'];

/**
 * 火眼-like: key/value title cells, then one table for every conversation, named by its 会话ID/会话名称 columns;
 * times as Excel date cells, one as a bare serial number (a cell that lost its date format) and one as text.
 */
export async function writeHuoyanWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('即时通讯-微信');
  sheet.addRow(['即时通讯 - 微信 - 聊天记录']);
  sheet.addRow(['案件编号', CASE_NO, '检材编号', EVIDENCE_NO]);
  sheet.addRow(['本机账号', OWNER.id, '本机昵称', OWNER.name]);
  sheet.addRow(HUOYAN_HEADER);
  MESSAGES.forEach((m, index) => {
    const time = index === 3 ? excelSerial(m.wall) : index === 7 ? m.wall.replace(/^(\d{4})-0?(\d+)-0?(\d+) 0?(\d+):(\d{2}):00$/, '$1/$2/$3 $4:$5') : excelDate(m.wall);
    const direction = m.sender === null ? '' : m.outgoing === true ? '发送' : '接收';
    const amount = m.amountMinor === undefined ? '' : (m.amountMinor / 100).toFixed(2);
    sheet.addRow([
      index + 1,
      m.conversation.id,
      m.conversation.name,
      m.sender?.id ?? '',
      m.sender?.name ?? '',
      direction,
      time,
      m.typeWord,
      m.text,
      m.attachment,
      m.hash,
      m.statusWord,
      amount,
      '微信',
    ]);
  });
  await workbook.xlsx.writeFile(file);
}
