import type { ChatPlatform, ConversationRef, HandleRef, MapperOutput, MessageDraft, MessageType, ParseContext, RowError } from '../../types';
import { normaliseIdentifier } from '../../payment/common/identifiers';
import type { IdentifierCollector } from '../../payment/common/identifiers';
import { headerName } from './fields';
import { readForensicTime } from './forensic-time';
import { conversationKind, isSelfWord, looksLikeId, nameAndId, platformIn, platformOfId, splitNameAndId } from './handles';
import type { NameAndId } from './handles';
import { amountOf, attachmentsFrom, kindOfPath, typeFromContent, typeFromWord } from './message-kinds';
import type { ReportRow } from './report-rows';

/** One message row of a forensic chat table → the message, plus the accounts it states (wxid, QQ number). */

export const MAX_TEXT = 1_000_000;

const OUT_WORDS = /^(?:(?:我方|本方|本机|机主)?(?:发送|发出|送出|已发送|发)(?:的)?|send|sent|outgoing|out)$/i;
const IN_WORDS = /^(?:对方发送|对方发出|接收|已接收|接收的|收到|收|receive|received|incoming|in)$/i;
const SYSTEM_SENDER = /^(?:系统|系统消息|系统提示|system)$/i;

/** 收发 words → outgoing (true), incoming (false) or unknown (null). */
export function outgoingFrom(text: string): boolean | null {
  const t = text.trim();
  if (IN_WORDS.test(t)) return false;
  if (OUT_WORDS.test(t)) return true;
  return null;
}

/** 删除状态/数据状态 words → whether the row was recovered from deleted records. */
export function recoveredFrom(text: string): boolean {
  const t = text.trim();
  if (/^(?:是|y|yes|true|1)$/i.test(t)) return true;
  if (/未删除|未恢复|正常|否|^(?:n|no|false|0)$/i.test(t)) return false;
  return /删除|恢复|deleted|recovered/i.test(t);
}

/** Sheet names that name no conversation: the tools' default and section names. */
const GENERIC_SHEET = /^$|sheet|^table \d+$|工作表|聊天|消息|记录|通讯|会话|报告|信息|微信|QQ|whatsapp|telegram/i;

export interface FileState {
  ids: IdentifierCollector;
  /** the first row whose conversation nothing named (it is filed under the file's name) */
  unnamedConversation: { sheet: string; line: number } | null;
}

interface ResolvedConversation {
  ref: Pick<ConversationRef, 'key' | 'title' | 'kind'>;
  /** the other party of a private chat, as the table or title wrote it */
  peer: NameAndId | null;
  named: boolean;
}

export function* mapMessageRow(item: ReportRow, context: ParseContext, state: FileState): Iterable<MapperOutput> {
  const { row, header, report } = item;
  const record = row.record;
  const timeField = headerName(header, 'time') || '时间';
  const timeText = row.get('time');
  if (timeText === '') {
    yield error(record.sheet, record.line, 'MISSING_FIELD', `${timeField} is empty`);
    return;
  }
  const time = readForensicTime(timeText, context.timeZone, item.headerOffset);
  if (!time.ok) {
    yield error(record.sheet, record.line, 'BAD_TIME', `${timeField} '${timeText}' is not a date-time (${time.reason})`);
    return;
  }

  let text = row.get('content');
  const typeCell = row.get('messageType');
  const senderCell = row.get('sender');
  let outgoing = outgoingFrom(row.get('direction')) ?? outgoingFrom(typeCell);
  const messageType = messageTypeOf(typeCell, text, row.get('attachment'), senderCell);
  const attachments = attachmentsFrom(row.get('attachment'), messageType);
  if (text === '' && messageType === 'text' && attachments.length === 0) {
    yield error(record.sheet, record.line, 'MISSING_FIELD', `${headerName(header, 'content') || '内容'} is empty`);
    return;
  }
  if (text.length > MAX_TEXT) {
    yield error(record.sheet, record.line, 'TOO_LONG', `the message is ${text.length} characters long; the first ${MAX_TEXT} are kept`);
    text = text.slice(0, MAX_TEXT);
  }

  const ownerSplit = nameAndId(row.get('ownerName') || report.ownerName, row.get('owner') || report.ownerId);
  const self = isSelfWord(senderCell);
  const senderSplit = self || SYSTEM_SENDER.test(senderCell) ? nameAndId('', row.get('senderId')) : nameAndId(senderCell, row.get('senderId'));
  if (self) outgoing ??= true;
  if (outgoing === null && ownerSplit.id !== '' && senderSplit.id !== '') outgoing = senderSplit.id === ownerSplit.id;

  const resolved = conversationOf(item, ownerSplit, outgoing, senderSplit, context);
  if (!resolved.named) state.unnamedConversation ??= { sheet: record.sheet, line: record.line };
  const platform = platformOf(item, context, [senderSplit.id, resolved.peer?.id ?? '', resolved.ref.key, ownerSplit.id]);
  const owner = handle(platform, ownerSplit);
  const conversation: ConversationRef = { platform, ...resolved.ref };
  const sender = senderOf(platform, senderSplit, owner, outgoing, messageType, resolved.peer, self ? senderCell.trim() : '');
  const raw = rawOf(item);

  const draft: MessageDraft = {
    type: 'message',
    sheet: record.sheet,
    line: record.line,
    raw,
    conversation: owner === undefined ? conversation : { ...conversation, owner },
    sender,
    outgoing,
    time: time.instant,
    messageType,
    text,
    attachments,
    externalId: row.get('messageId'),
    replyTo: '',
  };
  if (messageType === 'transfer' || messageType === 'red-packet') {
    const amount = amountOf(row.get('amount'), text);
    if (amount !== undefined) draft.amountMinor = amount;
  }
  if (recoveredFrom(row.get('status'))) draft.recovered = true;
  yield draft;
  yield* identifiersOf(item, raw, platform, owner, sender, resolved.peer, state);
}

function messageTypeOf(typeCell: string, content: string, attachmentCell: string, senderCell: string): MessageType {
  const fromColumn = typeFromWord(typeCell);
  if (fromColumn !== null) return fromColumn;
  const fromMarker = typeFromContent(content);
  if (fromMarker !== null) return fromMarker;
  if (SYSTEM_SENDER.test(senderCell.trim())) return 'system';
  // a word this format does not know is 'other'; a bare number is a database type code, read from the content instead
  if (typeCell !== '' && !/^\d+$/.test(typeCell) && outgoingFrom(typeCell) === null) return 'other';
  const firstPath = attachmentsFrom(attachmentCell, 'other')[0];
  if (content === '' && firstPath !== undefined) return kindOfPath(firstPath.name);
  return 'text';
}

function platformOf(item: ReportRow, context: ParseContext, ids: readonly string[]): ChatPlatform {
  const fromIds = ids.map(platformOfId).find((platform) => platform !== null);
  return (
    platformIn(item.row.get('app')) ??
    item.report.platform ??
    platformIn(item.row.record.sheet) ??
    fromIds ??
    platformIn(`${context.relPath}/${context.fileName}`) ??
    'other'
  );
}

function handle(platform: ChatPlatform, split: NameAndId): HandleRef | undefined {
  return split.id === '' && split.name === '' ? undefined : { platform, id: split.id, name: split.name };
}

/**
 * The conversation a row belongs to: its own 会话/群名称/好友账号 columns, else the title row above it, else a sheet
 * named after the conversation, else — for two-party tables with a 接收人 column — the other party.
 */
function conversationOf(
  item: ReportRow,
  owner: NameAndId,
  outgoing: boolean | null,
  sender: NameAndId,
  context: ParseContext,
): ResolvedConversation {
  const { row, header } = item;
  const byId = row.get('conversationId');
  const byPeer = row.get('peerAccount');
  const byName = row.get('conversation');
  if (byId !== '' || byPeer !== '' || byName !== '') {
    const split = nameAndId(byName, byId || byPeer);
    const label = byId !== '' ? `${headerName(header, 'conversationId')} ${headerName(header, 'conversation')}` : byPeer !== '' ? '好友' : headerName(header, 'conversation');
    return resolved(split, conversationKind(label, split.name, split.id));
  }
  if (item.conversation !== null) return resolved(item.conversation, item.conversation.kind);
  const sheet = row.record.sheet.trim();
  if (!GENERIC_SHEET.test(sheet)) {
    const split = splitNameAndId(sheet);
    return resolved(split, conversationKind('', split.name, split.id));
  }
  if (row.has('receiver') || row.has('receiverId')) {
    const receiver = nameAndId(row.get('receiver'), row.get('receiverId'));
    const peer = outgoing === true ? receiver : outgoing === false ? sender : null;
    if (peer !== null && (peer.id !== '' || peer.name !== '') && !(peer.id !== '' && peer.id === owner.id)) {
      return resolved(peer, 'private');
    }
  }
  const title = sheet === '' || GENERIC_SHEET.test(sheet) ? context.fileName : `${context.fileName} ${sheet}`;
  return { ref: { key: title, title, kind: 'unknown' }, peer: null, named: false };
}

function resolved(split: NameAndId, kind: ConversationRef['kind']): ResolvedConversation {
  return {
    ref: { key: split.id || split.name, title: split.name || split.id, kind },
    peer: kind === 'private' ? { name: split.name, id: split.id } : null,
    named: true,
  };
}

function senderOf(
  platform: ChatPlatform,
  split: NameAndId,
  owner: HandleRef | undefined,
  outgoing: boolean | null,
  messageType: MessageType,
  peer: NameAndId | null,
  selfWord: string,
): HandleRef | null {
  if (split.id !== '' || split.name !== '') {
    if (owner !== undefined && split.id !== '' && split.id === owner.id) return { ...owner, name: split.name || owner.name };
    return { platform, id: split.id, name: split.name };
  }
  if (outgoing === true) return owner ?? { platform, id: '', name: selfWord };
  if (messageType === 'system') return null;
  // an incoming message in a private chat that names no sender came from the other party
  if (outgoing === false && peer !== null) return { platform, id: peer.id, name: peer.name };
  return null;
}

/** The row as written, with the title rows that gave it its case and conversation (they are part of what it says). */
function rawOf(item: ReportRow): Record<string, string> {
  const raw = item.row.raw();
  const add = (key: string, value: string): void => {
    if (value !== '' && !(key in raw)) raw[key] = value;
  };
  add('标题行·会话', item.conversation?.text ?? '');
  add('标题行·案件编号', item.report.caseNo);
  add('标题行·检材编号', item.report.evidenceNo);
  add('标题行·本机账号', item.report.ownerId);
  return raw;
}

function* identifiersOf(
  item: ReportRow,
  raw: Record<string, string>,
  platform: ChatPlatform,
  owner: HandleRef | undefined,
  sender: HandleRef | null,
  peer: NameAndId | null,
  state: FileState,
): Iterable<MapperOutput> {
  const type = platform === 'wechat' ? 'wechat_id' : platform === 'qq' ? 'qq' : null;
  if (type === null) return;
  const candidates: [string, string][] = [];
  if (owner !== undefined) candidates.push([owner.id, 'owner']);
  if (sender !== null && sender.id !== owner?.id) candidates.push([sender.id, 'contact']);
  if (peer !== null) candidates.push([peer.id, 'contact']);
  for (const [id, role] of candidates) {
    if (!looksLikeId(id) || /@chatroom$/i.test(id) || normaliseIdentifier(type, id) === null) continue;
    const made = state.ids.make(item.row.record, raw, null, type, id, role);
    if (made !== null) yield made;
  }
}

function error(sheet: string, line: number, code: RowError['code'], message: string): RowError {
  return { type: 'error', sheet, line, code, message };
}
