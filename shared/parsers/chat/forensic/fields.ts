import { cellText, findHeader, normaliseHeader } from '../../tabular';
import type { Aliases, HeaderMatch } from '../../tabular';
import type { SourceRecord } from '../../types';

/**
 * The columns of the chat tables that phone-forensics reports (美亚柏科 取证大师/手机取证系统, 火眼证据分析, 盘古石, 效率源 …)
 * export as XLSX or HTML. Each tool words them its own way; the aliases below cover the common wordings, and a
 * header that carries a zone (`时间(UTC+8)`) is matched through its variants.
 */
export type Field =
  | 'serial'
  | 'conversation'
  | 'conversationId'
  | 'peerAccount'
  | 'sender'
  | 'senderId'
  | 'receiver'
  | 'receiverId'
  | 'time'
  | 'content'
  | 'messageType'
  | 'attachment'
  | 'hash'
  | 'status'
  | 'direction'
  | 'app'
  | 'owner'
  | 'ownerName'
  | 'amount'
  | 'messageId'
  | 'caseNo'
  | 'evidenceNo';

const TIME_WORDS = ['时间', '发送时间', '消息时间', '聊天时间', '创建时间', '日期时间', '发送日期', '接收时间', '时间戳'];
/** Zone notes that tools append to the time header; the offset they state is applied to zone-less cells. */
const TIME_SUFFIXES = ['', '(UTC+8)', '(UTC+08:00)', '(UTC+0800)', '(GMT+8)', '(GMT+08:00)', '(北京时间)'];

export const ALIASES: Aliases<Field> = {
  serial: ['序号', '编号', '行号', 'No', 'No.'],
  conversation: ['会话', '会话名称', '会话名', '会话对象', '聊天对象', '好友昵称', '群名称', '群聊名称', '群名', '群聊', '对话方', '聊天室', '联系人'],
  conversationId: ['会话ID', '会话账号', '群ID', '群号', '群账号', '群聊ID', '聊天室ID'],
  peerAccount: ['好友账号', '对方账号', '聊天对象账号', '好友ID', '对方ID', '好友微信号', '对方微信号', '好友QQ号', '对方QQ号', '联系人账号'],
  sender: ['发送人', '发送者', '发送方', '发言人', '发件人', '发送者昵称', '发送人昵称', '发送方昵称', '发言人昵称', '发送者名称', '发送人名称', '昵称'],
  senderId: ['发送人账号', '发送者账号', '发送方账号', '发言人账号', '发送方ID', '发送者ID', '发送人ID', '发送人微信号', '发送者微信号', '微信号', 'QQ号', '发送者QQ号', '发送人QQ号'],
  receiver: ['接收人', '接收者', '接收方', '收件人', '接收人昵称', '接收者昵称', '接收方昵称'],
  receiverId: ['接收人账号', '接收者账号', '接收方账号', '接收方ID', '接收者ID', '接收人ID'],
  time: TIME_WORDS.flatMap((word) => TIME_SUFFIXES.map((suffix) => `${word}${suffix}`)),
  content: ['内容', '消息内容', '聊天内容', '文本内容', '消息', '消息正文', '正文', '信息内容', '短信内容'],
  messageType: ['类型', '消息类型', '内容类型', '信息类型', '消息种类'],
  attachment: ['附件', '附件路径', '文件路径', '媒体路径', '附件名称', '附件文件', '媒体文件', '本地路径', '文件名'],
  hash: ['MD5', '哈希', '哈希值', 'SHA256', 'SHA-256', 'SHA1', '附件哈希', '附件MD5', '文件MD5', '附件SHA256', '校验值'],
  status: ['状态', '删除状态', '恢复状态', '数据状态', '是否删除', '删除标记', '删除恢复', '恢复标记', '记录状态'],
  direction: ['收发', '收发类型', '收发状态', '收/发', '方向', '消息方向', '发送状态'],
  app: ['来源', '数据来源', '应用', '应用名称', 'APP名称', 'APP', '软件名称', '应用程序'],
  owner: ['账号', '本机账号', '机主账号', '所属账号', '用户账号', '本机用户'],
  ownerName: ['机主', '机主姓名', '机主昵称', '本机昵称', '账号昵称'],
  amount: ['金额', '转账金额', '红包金额', '金额(元)'],
  messageId: ['消息ID', '消息编号', '服务器消息ID', 'MsgID', 'MsgSvrID'],
  caseNo: ['案件编号', '案件号'],
  evidenceNo: ['检材编号', '检材号', '物证编号'],
};

export const REQUIRED: readonly Field[] = ['time', 'content'];

/**
 * 时间 and 内容 alone are the words of any log; a chat table also names who spoke, which way or in which
 * conversation (SMS tables name the way through 类型 接收/发送).
 */
const CHAT_FIELDS: readonly Field[] = ['sender', 'senderId', 'receiver', 'receiverId', 'direction', 'conversation', 'conversationId', 'peerAccount', 'messageType'];

const TIME_KEYS = new Set(ALIASES.time.map(normaliseHeader));
const CONTENT_KEYS = new Set(ALIASES.content.map(normaliseHeader));

export type ChatHeader = HeaderMatch<Field>;

/**
 * The record as a chat table's header row, or null. Cheap for data rows: only a row holding both a time word and a
 * content word as whole cells goes through findHeader.
 */
export function chatHeaderOf(record: SourceRecord): ChatHeader | null {
  let time = false;
  let content = false;
  for (const cell of record.cells) {
    if (cell.length > 40) continue;
    const key = normaliseHeader(cell);
    time ||= TIME_KEYS.has(key);
    content ||= CONTENT_KEYS.has(key);
  }
  if (!time || !content) return null;
  const match = findHeader([record], ALIASES, REQUIRED);
  if (match === null || !CHAT_FIELDS.some((field) => match.columns.has(field))) return null;
  return settleAccountColumn(match);
}

/**
 * A bare 账号 column is the phone owner's account in tables that also have a sender-account column (火眼's 账号 next
 * to 发送者ID); without one, as in 时间 | 昵称 | 账号 | 内容, it is the sender's.
 */
function settleAccountColumn(match: ChatHeader): ChatHeader {
  const column = match.columns.get('owner');
  if (column === undefined || match.columns.has('senderId') || normaliseHeader(match.names[column] ?? '') !== normaliseHeader('账号')) return match;
  const columns = new Map(match.columns);
  columns.delete('owner');
  columns.set('senderId', column);
  return { ...match, columns };
}

/** The best chat header among the records (most fields matched), for detection. */
export function bestChatHeader(records: readonly SourceRecord[]): ChatHeader | null {
  let best: ChatHeader | null = null;
  for (const record of records) {
    const match = chatHeaderOf(record);
    if (match !== null && (best === null || match.matched > best.matched)) best = match;
  }
  return best;
}

/** The header text of a field's column, as written ('' when the table has no such column). */
export function headerName(header: ChatHeader, field: Field): string {
  const column = header.columns.get(field);
  return column === undefined ? '' : cellText(header.names[column]);
}

export const FIELD_COUNT = Object.keys(ALIASES).length;
