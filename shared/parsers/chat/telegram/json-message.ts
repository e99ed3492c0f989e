import type { HandleRef, Instant, MapperOutput, MessageDraft, MessageType, RowError } from '../../types';
import { capText, tooLongRow } from '../common/index';
import { localInstant, timeReason, unixWithWallInstant } from './chat-draft';
import type { TelegramChat } from './json-chats';
import { telegramId } from './json-chats';
import { flatRaw, isRecord, scalarText, stringOf } from './json-document';
import { telegramMedia } from './json-media';
import { describeJson, telegramText } from './json-text';

/**
 * One element of a Telegram `messages` array → a MessageDraft, or a row error naming what is wrong with it. JSON
 * messages have no line: the locator is line 0 plus the export's message id (externalId); `raw` also keeps the
 * element's position in the array ('@index'), because sanitised exports repeat ids and dates.
 */

export interface MessageContext {
  chat: TelegramChat;
  timeZone: string;
  /** called for a from_id that is not an id, so the file can be warned about once */
  onBadSenderId: (label: string) => void;
}

export interface MappedMessage {
  outputs: MapperOutput[];
  /** a phone number the message states (a shared contact), for an identifier */
  phone?: { value: string; name: string } | undefined;
}

const SHEET = '';
const LINE = 0;

function rowError(code: RowError['code'], message: string): RowError {
  return { type: 'error', sheet: SHEET, line: LINE, code, message };
}

type TimeResult = { ok: true; instant: Instant } | { ok: false; error: RowError };

/** `date_unixtime` is absolute; sanitised files write '0000000000' there, and then the wall `date` is read in the zone. */
function messageTime(message: Record<string, unknown>, label: string, zone: string): TimeResult {
  const unix = scalarText(message.date_unixtime);
  const wall = stringOf(message.date);
  if (unix !== undefined && /^\d{1,12}$/.test(unix.trim()) && Number(unix) > 0) {
    return { ok: true, instant: unixWithWallInstant(Number(unix) * 1000, unix, wall, zone) };
  }
  if (wall === undefined) {
    const what = unix === undefined ? 'has no date' : `has no usable date (date_unixtime '${unix}')`;
    return { ok: false, error: rowError(unix === undefined ? 'MISSING_FIELD' : 'BAD_TIME', `${label} ${what}`) };
  }
  const local = localInstant(wall, zone);
  if (!local.ok) return { ok: false, error: rowError('BAD_TIME', `${label}: its date '${wall.slice(0, 40)}' ${timeReason(local.reason)}`) };
  return { ok: true, instant: local.instant };
}

function serviceText(message: Record<string, unknown>, action: string, text: string): string {
  const parts = [[stringOf(message.actor), action].filter((p) => p !== undefined && p !== '').join(' ')];
  const title = stringOf(message.title);
  if (title !== undefined && title !== '') parts.push(`title: ${title}`);
  if (Array.isArray(message.members)) parts.push(`members: ${message.members.map((m) => scalarText(m) ?? '').join(', ')}`);
  const pinned = scalarText(message.message_id);
  if (pinned !== undefined) parts.push(`message: ${pinned}`);
  const duration = scalarText(message.duration_seconds);
  if (duration !== undefined) parts.push(`duration: ${duration} s`);
  const reason = stringOf(message.discard_reason);
  if (reason !== undefined) parts.push(`discard_reason: ${reason}`);
  if (text !== '') parts.push(text);
  return parts.join('; ');
}

export function mapTelegramMessage(value: unknown, index: number, context: MessageContext): MappedMessage {
  const { chat } = context;
  if (!isRecord(value)) return { outputs: [rowError('BAD_ROW', `message #${index + 1} is ${describeJson(value)}, not a message object`)] };
  const message = value;
  const id = scalarText(message.id) ?? '';
  const label = id !== '' ? `message ${id}` : `message #${index + 1}`;
  const kind = message.type;
  if (kind !== 'message' && kind !== 'service') {
    return { outputs: [rowError('BAD_ROW', `${label} has an unknown type '${scalarText(kind) ?? describeJson(kind)}'`)] };
  }
  const time = messageTime(message, label, context.timeZone);
  if (!time.ok) return { outputs: [time.error] };

  const textValue = message.text !== undefined ? message.text : message.text_entities;
  if (textValue === undefined) return { outputs: [rowError('MISSING_FIELD', `${label} has no text field`)] };
  const parsed = telegramText(textValue);
  if (!parsed.ok) return { outputs: [rowError('BAD_ROW', `${label}: ${parsed.reason}`)] };

  const raw = flatRaw(message);
  if (typeof message.text !== 'string') raw.text = parsed.text;
  if (parsed.links.length > 0) raw.links = parsed.links.join(' ');
  raw['@index'] = String(index);

  const chatIds = { type: chat.type, chatId: chat.chatId };
  let sender: HandleRef | null;
  let messageType: MessageType;
  let text: string;
  let replyTo = scalarText(message.reply_to_message_id) ?? '';
  let attachments: MessageDraft['attachments'] = [];
  let phone: MappedMessage['phone'];
  if (kind === 'service') {
    const action = stringOf(message.action);
    if (action === undefined || action === '') return { outputs: [rowError('BAD_ROW', `${label} is a service message that names no action`)] };
    text = serviceText(message, action, parsed.text);
    if (action === 'phone_call' || action === 'group_call') {
      messageType = 'call';
      sender = { platform: 'telegram', id: telegramId(message.actor_id, chatIds) ?? '', name: stringOf(message.actor) ?? '' };
    } else {
      messageType = 'system';
      sender = null;
    }
    if (action === 'pin_message' && replyTo === '') replyTo = scalarText(message.message_id) ?? '';
  } else {
    const fromId = message.from_id;
    const senderId = telegramId(fromId, chatIds);
    if (fromId !== undefined && fromId !== null && senderId === undefined) context.onBadSenderId(label);
    sender = { platform: 'telegram', id: senderId ?? '', name: stringOf(message.from) ?? '' };
    const media = telegramMedia(message);
    messageType = media.messageType;
    attachments = media.attachments;
    text = [parsed.text, media.detail].filter((part) => part !== '').join('\n');
    if (media.phone !== undefined && media.phone !== '') phone = { value: media.phone, name: media.detail };
  }

  const capped = capText(text);
  const outgoing = sender === null || sender.id === '' || chat.ownerId === '' ? null : sender.id === chat.ownerId;
  const draft: MessageDraft = {
    type: 'message',
    sheet: SHEET,
    line: LINE,
    raw,
    conversation: chat.conversation,
    sender,
    outgoing,
    time: time.instant,
    messageType,
    text: capped.text,
    attachments,
    externalId: id,
    replyTo,
  };
  const outputs: MapperOutput[] = [draft];
  if (capped.cutFrom !== null) outputs.push(tooLongRow(SHEET, LINE, `Telegram ${label}`, capped.cutFrom));
  return { outputs, phone };
}
