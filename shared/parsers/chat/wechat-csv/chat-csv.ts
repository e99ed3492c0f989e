import { classifyWechatId } from '../../../ids/wechat';
import { headerDetection, rowsAfterHeader } from '../../tabular';
import type { Aliases, HeaderedRow } from '../../tabular';
import type { ConversationRef, DetectInput, Detection, FormatSpec, HandleRef, MapperOutput, MessageDraft, MessageType, ParseContext, SourceRecord } from '../../types';
import { IdentifiersOnce, capText, localTime, statedAmountMinor, tooLongRow, unixInstant, unixMs } from '../common/index';
import type { WallRead } from '../common/index';
import { typeOfCode, typeOfName } from './message-types';

/**
 * WeChat PC chats exported as CSV by PyWxDump and the tools built on it (WeClone, 留痕/MemoTrace): one row per
 * message with `type_name` (文本/图片/转账 …) or the database's `Type`/`SubType`, `is_sender`, `talker`,
 * `room_name` (the chat: a wxid or `…@chatroom`), the text in `msg` or in `content` as `{"src": "", "msg": "…"}`,
 * and `CreateTime` as a wall time or Unix seconds. Exported from a party's own PC: self-provided.
 */

const LABEL = '微信聊天记录 CSV';

type Field =
  | 'localId'
  | 'svrId'
  | 'typeName'
  | 'type'
  | 'subType'
  | 'isSender'
  | 'talker'
  | 'room'
  | 'content'
  | 'src'
  | 'time'
  | 'strTime'
  | 'nickname'
  | 'remark';

const ALIASES: Aliases<Field> = {
  localId: ['id', 'localId', 'local_id'],
  svrId: ['MsgSvrID', 'msg_svr_id'],
  typeName: ['type_name', '消息类型'],
  type: ['Type', 'msg_type'],
  subType: ['SubType', 'sub_type'],
  isSender: ['is_sender', 'IsSender', 'isSend', 'is_send'],
  talker: ['talker', 'Sender', 'sender_wxid'],
  room: ['room_name', 'StrTalker', 'room_id'],
  content: ['content', 'msg', 'StrContent', '消息内容'],
  src: ['src'],
  time: ['CreateTime', 'create_time'],
  strTime: ['StrTime', 'str_time'],
  nickname: ['NickName', 'nickname', '昵称'],
  remark: ['Remark', 'remark'],
};
const REQUIRED: readonly Field[] = ['content', 'isSender'];

const MEDIA: ReadonlySet<MessageType> = new Set<MessageType>(['image', 'video', 'voice', 'file', 'sticker']);

interface FileState {
  conversations: Map<string, ConversationRef>;
  owner: HandleRef | undefined;
  ids: IdentifiersOnce;
  context: ParseContext;
  rows: number;
}

/** The export's chat folder names its owner when it is a wxid (`聊天记录/微信/wxid_…/<chat>.csv`). */
function ownerFromPath(relPath: string): HandleRef | undefined {
  const parts = relPath.split('/').filter((part) => part !== '');
  const folder = parts.length >= 2 ? (parts[parts.length - 2] ?? '') : '';
  const id = classifyWechatId(folder);
  return id?.kind === 'wxid' ? { platform: 'wechat', id: id.normalized, name: folder } : undefined;
}

/** A chat keyed by the room column is a group (`…@chatroom`), an official account (`gh_…`) or a private chat;
 *  one named only by its file (留痕 writes no room column) is of unknown kind. */
function conversationFor(key: string, fromRoom: boolean, state: FileState): ConversationRef {
  let conversation = state.conversations.get(key);
  if (conversation === undefined) {
    const kind = key.endsWith('@chatroom') ? 'group' : key.startsWith('gh_') ? 'channel' : fromRoom ? 'private' : 'unknown';
    conversation = { platform: 'wechat', key, title: key, kind };
    if (state.owner !== undefined) conversation.owner = state.owner;
    state.conversations.set(key, conversation);
  }
  return conversation;
}

/** `{"src": "…", "msg": "…"}` (PyWxDump's content cell) → its parts; other text is the message itself. */
function contentParts(content: string, srcCell: string): { text: string; src: string } {
  const t = content.trim();
  if (t.startsWith('{') && t.endsWith('}') && /"msg"/.test(t)) {
    try {
      const parsed: unknown = JSON.parse(t);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        const fields = parsed as Record<string, unknown>;
        const text = typeof fields.msg === 'string' ? fields.msg : '';
        const src = typeof fields.src === 'string' ? fields.src : '';
        return { text, src: src || srcCell };
      }
    } catch {
      // not JSON after all: the cell is the text
    }
  }
  return { text: content, src: srcCell };
}

function outgoingOf(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (t === '1' || t === 'true' || t === '是') return true;
  if (t === '0' || t === 'false' || t === '否') return false;
  return null;
}

function readTime(row: HeaderedRow<Field>, zone: string): WallRead | null {
  const text = row.get('time') || row.get('strTime');
  if (text === '') return null;
  const ms = unixMs(text);
  // a Unix time is absolute: recorded with the case zone's offset at that instant, the number kept as written
  if (ms !== null) return { ok: true, instant: unixInstant(ms, text, zone) };
  return localTime(text, zone);
}

function messageTypeOf(row: HeaderedRow<Field>, text: string): MessageType {
  const code = row.get('type');
  const byCode = /^\d+$/.test(code) ? typeOfCode(Number(code), Number(row.get('subType') || '0')) : null;
  const type = byCode ?? typeOfName(row.get('typeName')) ?? typeOfName(code) ?? 'text';
  if (/<revokemsg>/.test(text) || ((type === 'system' || type === 'text') && /^(?:.{0,40}撤回了一条消息|你撤回了一条消息)$/.test(text.trim()))) return 'recalled';
  return type;
}

function* mapRow(row: HeaderedRow<Field>, state: FileState): Iterable<MapperOutput> {
  const { sheet, line } = row.record;
  const raw = row.raw();
  const time = readTime(row, state.context.timeZone);
  if (time === null) {
    yield { type: 'error', sheet, line, code: 'MISSING_FIELD', message: `${LABEL}: CreateTime is empty` };
    return;
  }
  if (!time.ok) {
    yield { type: 'error', sheet, line, code: 'BAD_TIME', message: `${LABEL}: CreateTime '${row.get('time') || row.get('strTime')}' is not a date-time (${time.reason})` };
    return;
  }
  const parts = contentParts(row.get('content'), row.get('src'));
  const messageType = messageTypeOf(row, parts.text);
  const revoke = /<revokemsg>([\s\S]*?)<\/revokemsg>/.exec(parts.text);
  const text = revoke ? (revoke[1] ?? '').trim() : parts.text;
  const outgoing = outgoingOf(row.get('isSender'));
  const talker = row.get('talker');
  const room = row.get('room');
  const key = room || state.context.fileName.replace(/(?:_utf8)?\.csv$/i, '');
  let sender: HandleRef | null = null;
  if (messageType !== 'system') {
    const name = row.get('remark') || row.get('nickname');
    if (talker === '我' || (talker === '' && outgoing === true)) sender = { platform: 'wechat', id: state.owner?.id ?? '', name: name || '我' };
    else sender = { platform: 'wechat', id: talker, name: name || talker };
  }
  const capped = capText(text);
  if (capped.cutFrom !== null) yield tooLongRow(sheet, line, LABEL, capped.cutFrom);
  const draft: MessageDraft = {
    type: 'message',
    sheet,
    line,
    raw,
    conversation: conversationFor(key, room !== '', state),
    sender,
    outgoing,
    time: time.instant,
    messageType,
    text: capped.text,
    attachments: parts.src !== '' && MEDIA.has(messageType) ? [{ name: parts.src, kind: messageType }] : [],
    externalId: row.get('svrId') || row.get('localId'),
    replyTo: '',
  };
  if (messageType === 'transfer' || messageType === 'red-packet') draft.amountMinor = statedAmountMinor(text);
  state.rows++;
  yield draft;
  const stated: [string, string][] = [];
  if (sender !== null && sender.id !== '' && sender.id !== state.owner?.id) stated.push([sender.id, outgoing === true ? 'owner' : 'contact']);
  if (room !== '' && !room.endsWith('@chatroom')) stated.push([room, 'contact']);
  for (const [id, role] of stated) {
    const wechatId = classifyWechatId(id);
    const identifier = wechatId === null ? null : state.ids.make(draft, 'wechat_id', wechatId.normalized, role, time.instant);
    if (identifier !== null) yield identifier;
  }
}

async function* mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  const state: FileState = { conversations: new Map(), owner: ownerFromPath(context.relPath), ids: new IdentifiersOnce(), context, rows: 0 };
  let missingHeader = false;
  for await (const row of rowsAfterHeader(records, ALIASES, REQUIRED, () => (missingHeader = true))) yield* mapRow(row, state);
  if (missingHeader) {
    yield { type: 'warning', code: 'NO_HEADER', message: `${LABEL}: no header row with is_sender and msg/content columns was found` };
  }
}

const PATH_HINT = /微信|wechat|weixin|聊天记录|wxid_|@chatroom/i;

function detect(input: DetectInput): Detection | null {
  const base = headerDetection(input.head, ALIASES, REQUIRED, LABEL);
  if (base === null) return null;
  const header = input.head.find((record) => record.cells.some((cell) => /^(?:is_?sender|issend|is_send)$/i.test(cell.trim())));
  const names = new Set((header?.cells ?? []).map((cell) => cell.trim().toLowerCase()));
  const typed = names.has('type_name') || names.has('type');
  const timed = names.has('createtime') || names.has('create_time') || names.has('strtime');
  // is_sender + content alone could be any message log; the WeChat type and time columns make it this export
  if (!typed || !timed) return { confidence: Math.min(base.confidence, 0.5), reason: `${base.reason}；无 type_name/Type 或 CreateTime 列：可信度低` };
  let confidence = base.confidence + 0.1;
  const reasons = [base.reason];
  if (PATH_HINT.test(`${input.relPath}/${input.fileName}`)) {
    confidence += 0.05;
    reasons.push('文件名/路径表明是微信聊天记录');
  }
  return { confidence: Math.min(0.98, confidence), reason: reasons.join('；') };
}

export const wechatChatCsv: FormatSpec = {
  id: 'wechat.chat-csv',
  version: 1,
  name: { zh: '微信聊天记录 CSV（PyWxDump / 留痕 / WeClone 导出）', en: 'WeChat chat CSV (PyWxDump / MemoTrace / WeClone export)' },
  kind: 'messages',
  grade: 'self-provided',
  input: { kind: 'table' },
  detect,
  mapRows,
};
