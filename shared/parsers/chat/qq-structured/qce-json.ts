import { isQqNumber } from '../../../ids/index';
import type { ConversationRef, DetectInput, Detection, FormatSpec, HandleRef, Instant, MapperOutput, MessageDraft, ParseContext, RowError, SourceRecord } from '../../types';
import { IdentifiersOnce, capText, tooLongRow } from '../common/index';
import { localInstant, timeReason, unixWithWallInstant } from '../telegram/chat-draft';
import { flatRaw, isRecord, parseJsonDocument, scalarText, stringOf } from '../telegram/json-document';
import { describeJson } from '../telegram/json-text';
import { qceContent } from './qce-elements';

/**
 * QQChatExporter V5 (shuakami/qq-chat-exporter, "QCE") JSON export of one QQ chat, self-provided:
 * `{metadata, chatInfo{name, type, selfUid?, selfUin?, selfName?}, statistics, messages[]}` with each message's
 * `timestamp` (epoch ms), `time` (the exporting machine's wall time), `sender{uid 'u_…', uin (QQ number), name,
 * nickname, groupCard, remark}`, `content{text, elements[], resources[]}`, `recalled`, `system`.
 */

function detect(input: DetectInput): Detection | null {
  const text = (input.text ?? '').replace(/^\ufeff/, '').trimStart();
  if (!text.startsWith('{') || !/"chatInfo"\s*:/.test(text)) return null;
  if (/QQChatExporter|qq-chat-exporter/i.test(text)) return { confidence: 0.95, reason: 'QQChatExporter JSON 导出（metadata 与 chatInfo）' };
  if (/"messages"\s*:\s*\[/.test(text) && /"sender"\s*:\s*\{/.test(text) && /"(?:uin|uid)"\s*:/.test(text)) {
    return { confidence: 0.8, reason: 'QQ 聊天导出 JSON（chatInfo, messages, sender.uin/uid）' };
  }
  return null;
}

const KINDS: Record<string, ConversationRef['kind']> = { group: 'group', private: 'private', friend: 'private', temp: 'private', 群聊: 'group', 私聊: 'private' };

interface ChatState {
  conversation: ConversationRef;
  selfUin: string;
  selfUid: string;
  zone: string;
}

function conversationOf(chatInfo: Record<string, unknown>, context: ParseContext): { conversation: ConversationRef; selfUin: string; selfUid: string } {
  const name = stringOf(chatInfo.name) ?? '';
  const title = name !== '' ? name : context.fileName;
  const selfUin = scalarText(chatInfo.selfUin) ?? '';
  const selfUid = stringOf(chatInfo.selfUid) ?? '';
  const selfId = isQqNumber(selfUin) ? selfUin : selfUid;
  const owner: HandleRef | undefined = selfId === '' ? undefined : { platform: 'qq', id: selfId, name: stringOf(chatInfo.selfName) ?? '' };
  const conversation: ConversationRef = {
    platform: 'qq',
    key: title,
    title,
    kind: KINDS[stringOf(chatInfo.type) ?? ''] ?? 'unknown',
    ...(owner === undefined ? {} : { owner }),
  };
  return { conversation, selfUin, selfUid };
}

type TimeResult = { ok: true; instant: Instant } | { ok: false; code: RowError['code']; message: string };

function messageTime(message: Record<string, unknown>, label: string, zone: string): TimeResult {
  const stamp = scalarText(message.timestamp);
  const wall = stringOf(message.time);
  if (stamp !== undefined && /^\d{9,13}$/.test(stamp.trim()) && Number(stamp) > 0) {
    // QCE writes milliseconds; a 9–10 digit number is seconds (its older raw `msgTime`)
    const ms = stamp.trim().length <= 10 ? Number(stamp) * 1000 : Number(stamp);
    return { ok: true, instant: unixWithWallInstant(ms, stamp, wall, zone) };
  }
  if (wall === undefined || wall.trim() === '') return { ok: false, code: 'MISSING_FIELD', message: `${label} has no timestamp or time` };
  const local = localInstant(wall, zone);
  return local.ok ? { ok: true, instant: local.instant } : { ok: false, code: 'BAD_TIME', message: `${label}: its time '${wall.slice(0, 40)}' ${timeReason(local.reason)}` };
}

function senderOf(sender: Record<string, unknown>): HandleRef {
  const uin = scalarText(sender.uin) ?? '';
  const uid = stringOf(sender.uid) ?? '';
  const name = ['name', 'groupCard', 'remark', 'nickname'].map((key) => stringOf(sender[key]) ?? '').find((n) => n !== '') ?? uin;
  return { platform: 'qq', id: isQqNumber(uin) ? uin : uid, name };
}

function mapMessage(value: unknown, index: number, chat: ChatState): MapperOutput[] {
  const error = (code: RowError['code'], message: string): RowError => ({ type: 'error', sheet: '', line: 0, code, message });
  if (!isRecord(value)) return [error('BAD_ROW', `message #${index + 1} is ${describeJson(value)}, not a message object`)];
  const id = scalarText(value.id) ?? '';
  const seq = scalarText(value.seq) ?? '';
  const externalId = id !== '' ? id : seq;
  const label = externalId !== '' ? `message ${externalId}` : `message #${index + 1}`;
  const time = messageTime(value, label, chat.zone);
  if (!time.ok) return [error(time.code, time.message)];
  if (!isRecord(value.content)) return [error('MISSING_FIELD', `${label} has no content`)];
  const content = qceContent(value.content);
  const system = value.system === true || content.messageType === 'system';
  const recalled = value.recalled === true;
  const sender = system || !isRecord(value.sender) ? null : senderOf(value.sender);
  const senderUin = isRecord(value.sender) ? (scalarText(value.sender.uin) ?? '') : '';
  const senderUid = isRecord(value.sender) ? (stringOf(value.sender.uid) ?? '') : '';
  const known = chat.selfUin !== '' || chat.selfUid !== '';
  const outgoing = sender === null || !known ? null : (chat.selfUin !== '' && senderUin === chat.selfUin) || (chat.selfUid !== '' && senderUid === chat.selfUid);
  const raw = flatRaw(value);
  raw['@index'] = String(index);
  const capped = capText(content.text);
  const draft: MessageDraft = {
    type: 'message',
    sheet: '',
    line: 0,
    raw,
    conversation: chat.conversation,
    sender,
    outgoing,
    time: time.instant,
    messageType: recalled ? 'recalled' : system ? 'system' : content.messageType,
    text: capped.text,
    attachments: content.attachments,
    externalId,
    replyTo: content.replyTo,
  };
  return capped.cutFrom === null ? [draft] : [draft, tooLongRow('', 0, `QQ ${label}`, capped.cutFrom)];
}

async function* mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  for await (const record of records) {
    const fail = (message: string): RowError => ({ type: 'error', sheet: record.sheet, line: record.line, code: 'BAD_ROW', message });
    const parsed = parseJsonDocument(record.cells[0] ?? '');
    if (!parsed.ok) {
      yield fail(parsed.message);
      continue;
    }
    const root = parsed.value;
    if (!isRecord(root) || !Array.isArray(root.messages)) {
      yield fail("not a QQChatExporter JSON export: the top level has no 'messages' list");
      continue;
    }
    const chatInfo = isRecord(root.chatInfo) ? root.chatInfo : {};
    const chat: ChatState = { ...conversationOf(chatInfo, context), zone: context.timeZone };
    // the QQ numbers the export states: the owner's and each sender's, once per file
    const ids = new IdentifiersOnce();
    const ownerId = chat.conversation.owner?.id ?? '';
    const owner = isQqNumber(ownerId) ? ids.make({ sheet: record.sheet, line: 0, raw: flatRaw(chatInfo) }, 'qq', ownerId, 'owner', null) : null;
    if (owner !== null) yield owner;
    for (let index = 0; index < root.messages.length; index++) {
      for (const item of mapMessage(root.messages[index], index, chat)) {
        yield item;
        const sender = item.type === 'message' ? item.sender : null;
        if (item.type !== 'message' || sender === null || !isQqNumber(sender.id)) continue;
        const identifier = ids.make(item, 'qq', sender.id, 'contact', item.time);
        if (identifier !== null) yield identifier;
      }
    }
  }
}

export const qceJson: FormatSpec = {
  id: 'qq.qce-json',
  version: 1,
  name: { zh: 'QQ 聊天记录导出工具（QCE）JSON', en: 'QQChatExporter (QCE) JSON export' },
  kind: 'messages',
  grade: 'self-provided',
  input: { kind: 'document' },
  detect,
  mapRows,
};
