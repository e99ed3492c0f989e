import type { AttachmentRef, ConversationRef, HandleRef, MapperOutput, MessageDraft, MessageType, RowError, SourceRecord } from '../../types';
import { capText, tooLongRow, unixInstant } from '../common/index';
import type { WechatDirectory } from './directory';
import type { MessageContent } from './message-xml';
import { appMessage, callMessage, contactCard, locationMessage, systemXml } from './message-xml';

/**
 * One row of EnMicroMsg.db's `message` table → a MessageDraft. `createTime` is epoch ms; `isSend` 1 = the owner
 * sent it; `talker` is the peer's username or the room (`…@chatroom`), and a room's received messages begin with
 * the sender's username and a line break (`wxid_xxx:\n…`), which is split off.
 */

const RED_PACKET = 436207665;
const TRANSFER = 419430449;
const RECALLED_TEXT = 268445456;
const RECALL_WORDS = /撤回了一条消息|recalled a message/;

/** `wxid_xxx:\n…` (any WeChat username, `…@openim` for WeCom users); older voice rows are `wxid_xxx:3000:0\n`. */
const SENDER_PREFIX = /^([A-Za-z][\w-]{2,63}(?:@[A-Za-z]+)?):\n/;
const VOICE_PREFIX = /^([A-Za-z][\w-]{2,63}):\d+:\d+\n?/;

export interface RowContext {
  directory: WechatDirectory;
  zone: string;
  conversations: Map<string, ConversationRef>;
  /** the owner's handle; '我' (me) with no id when the database's userinfo was not read */
  me: HandleRef;
}

function isSystemCode(type: number): boolean {
  return type === 10000 || type === 10002 || type === 570425393;
}

function classify(type: number, content: string): MessageContent {
  if (type === 1) return { messageType: 'text', text: content };
  if (type === RED_PACKET) return appMessage(content, 'red-packet');
  if (type === TRANSFER) return appMessage(content, 'transfer');
  if (type === RECALLED_TEXT) return { messageType: 'recalled', text: content };
  // the "app" family: 49 and the high-bit variants (0x…0031) newer clients write for links, files, quotes
  if ((type & 0xffff) === 49) return appMessage(content);
  switch (type) {
    case 3:
      return { messageType: 'image', text: '' };
    case 34:
      return { messageType: 'voice', text: '' };
    case 43:
    case 62:
      return { messageType: 'video', text: '' };
    case 47:
      return { messageType: 'sticker', text: '' };
    case 48:
      return locationMessage(content);
    case 42:
    case 66:
      return contactCard(content);
    case 50:
    case 64:
      return callMessage(content);
    case 10000:
      return { messageType: RECALL_WORDS.test(content) ? 'recalled' : 'system', text: content };
    case 10002:
    case 570425393:
      return systemXml(content);
    case 37:
    case 40:
    case 65:
      return { messageType: 'system', text: content.startsWith('<') ? '' : content };
    default:
      return { messageType: 'other', text: content.startsWith('<') ? '' : content };
  }
}

const FILE_KINDS = new Set<MessageType>(['image', 'voice', 'video']);

export interface MappedRow {
  outputs: MapperOutput[];
  /** a WeChat id a shared contact card states */
  cardId?: string | undefined;
}

export function mapMessageRow(row: Readonly<Record<string, string>>, record: SourceRecord, context: RowContext): MappedRow {
  const error = (code: RowError['code'], message: string): MappedRow => ({ outputs: [{ type: 'error', sheet: record.sheet, line: record.line, code, message }] });
  const msgId = row.msgId ?? '';
  const label = `message ${msgId !== '' ? msgId : `row ${record.line}`}`;
  const talker = row.talker ?? '';
  if (talker === '') return error('MISSING_FIELD', `${label} has no talker (the chat it belongs to)`);
  const typeText = (row.type ?? '').trim();
  if (!/^-?\d+$/.test(typeText)) return error('BAD_ROW', `${label} has no message type (type '${typeText}')`);
  const type = Number(typeText);
  const created = (row.createTime ?? '').trim();
  if (!/^\d{9,13}$/.test(created) || Number(created) <= 0) return error('BAD_TIME', `${label}: createTime '${created}' is not an epoch time`);
  // createTime is milliseconds; a 9–10 digit value can only be seconds
  const utcMs = created.length <= 10 ? Number(created) * 1000 : Number(created);

  const group = talker.endsWith('@chatroom');
  const isSend = row.isSend ?? '';
  const outgoing = isSend === '1' ? true : isSend === '0' ? false : null;
  let content = row.content ?? '';
  let sender: HandleRef | null;
  if (isSystemCode(type)) {
    sender = null;
  } else if (outgoing === true) {
    sender = context.me;
  } else if (group) {
    const prefix = SENDER_PREFIX.exec(content) ?? (type === 34 ? VOICE_PREFIX.exec(content) : null);
    if (prefix?.[1] !== undefined) {
      sender = context.directory.sender(prefix[1], talker);
      if (prefix[0].endsWith(':\n')) content = content.slice(prefix[0].length);
    } else {
      sender = { platform: 'wechat', id: '', name: '' };
    }
  } else {
    sender = context.directory.sender(talker, null);
  }

  const meaning = classify(type, content);
  const attachments: AttachmentRef[] = [];
  const imgPath = row.imgPath ?? '';
  if (FILE_KINDS.has(meaning.messageType) && imgPath !== '') attachments.push({ name: imgPath, kind: meaning.messageType });
  if (meaning.fileName !== undefined && meaning.fileName !== '') attachments.push({ name: meaning.fileName, kind: 'file' });
  // a recall notice is the owner's (isSend) or, in a private chat, the peer's; in a room it names the person in words
  if (meaning.messageType === 'recalled') {
    if (outgoing === true) sender = context.me;
    else if (!group) sender = context.directory.sender(talker, null);
  }

  let conversation = context.conversations.get(talker);
  if (conversation === undefined) {
    conversation = context.directory.conversation(talker);
    context.conversations.set(talker, conversation);
  }
  const svrId = (row.msgSvrId ?? '').trim();
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(row)) if (value !== '') raw[key] = value;
  const capped = capText(meaning.text);
  const draft: MessageDraft = {
    type: 'message',
    sheet: record.sheet,
    line: record.line,
    raw,
    conversation,
    sender,
    outgoing: sender === null ? null : outgoing,
    time: unixInstant(utcMs, created, context.zone),
    messageType: meaning.messageType,
    text: capped.text,
    attachments,
    // the server id is what quotes (refermsg/svrid) and recalls point at; rows never sent have only the local id
    externalId: svrId !== '' && svrId !== '0' ? svrId : msgId !== '' ? `local:${msgId}` : '',
    replyTo: meaning.replyTo ?? '',
    ...(meaning.amountMinor === undefined ? {} : { amountMinor: meaning.amountMinor }),
  };
  const outputs: MapperOutput[] = [draft];
  if (capped.cutFrom !== null) outputs.push(tooLongRow(record.sheet, record.line, `WeChat ${label}`, capped.cutFrom));
  return { outputs, cardId: meaning.cardId };
}
