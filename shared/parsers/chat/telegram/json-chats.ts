import type { ConversationRef, HandleRef } from '../../types';
import { isRecord, scalarText, stringOf } from './json-document';

/**
 * The two shapes of Telegram Desktop's "Export chat history" JSON: one chat (`{name, type, id, messages[]}`, the
 * older minimal files have only `messages`) and the whole account (`{personal_information, contacts, chats:{list},
 * left_chats:{list}}`), each chat then with its own messages.
 */

export interface TelegramChat {
  conversation: ConversationRef;
  messages: readonly unknown[];
  type: string;
  /** the chat's numeric id as written, '' when the export names none */
  chatId: string;
  /** the owner's id when known (full export, saved messages, or a private chat's outgoing side) */
  ownerId: string;
}

export interface TelegramExport {
  chats: TelegramChat[];
  owner: HandleRef | undefined;
  /** the account holder's record (full export) */
  personal: Record<string, unknown> | undefined;
  /** the account's contact list (full export) */
  contacts: Record<string, unknown>[];
}

const KINDS: Record<string, ConversationRef['kind']> = {
  personal_chat: 'private',
  bot_chat: 'private',
  saved_messages: 'private',
  private_group: 'group',
  private_supergroup: 'group',
  public_supergroup: 'group',
  private_channel: 'channel',
  public_channel: 'channel',
};

const CHANNEL_TYPES = new Set(['private_channel', 'public_channel']);
const ONE_TO_ONE = new Set(['personal_chat', 'bot_chat']);
const ID_TEXT = /^[A-Za-z0-9_]{1,64}$/;

/**
 * A sender id as the current exports write it: `user123` (and `channel123` for posts signed by a channel). The 2020
 * layout wrote a bare number; it becomes `user<n>`, or `channel<n>` when a channel posts as itself (the number is
 * the chat's own id). Anything else is not an id (undefined).
 */
export function telegramId(value: unknown, chat: { type: string; chatId: string }): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    const digits = String(value);
    return CHANNEL_TYPES.has(chat.type) && digits === chat.chatId ? `channel${digits}` : `user${digits}`;
  }
  if (typeof value !== 'string' || !ID_TEXT.test(value)) return undefined;
  return /^\d+$/.test(value) ? telegramId(Number(value), chat) : value;
}

function fullName(record: Record<string, unknown>): string {
  return [stringOf(record.first_name), stringOf(record.last_name)]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(' ');
}

function fromIdOf(message: unknown, chat: { type: string; chatId: string }): { id: string; name: string } | undefined {
  if (!isRecord(message)) return undefined;
  const id = telegramId(message.from_id, chat);
  return id === undefined ? undefined : { id, name: stringOf(message.from) ?? '' };
}

/**
 * Whose side a single-chat export shows: saved messages are the owner's own chat (its id is the owner's); a
 * private or bot chat's id is the other party's, so the first sender with another id is the owner.
 */
function singleChatOwner(type: string, chatId: string, chatName: string, messages: readonly unknown[]): HandleRef | undefined {
  if (chatId === '') return undefined;
  const chat = { type, chatId };
  const peer = `user${chatId}`;
  if (type === 'saved_messages') {
    const own = messages.map((m) => fromIdOf(m, chat)).find((from) => from?.id === peer);
    return { platform: 'telegram', id: peer, name: own?.name ?? '' };
  }
  if (!ONE_TO_ONE.has(type)) return undefined;
  let owner: HandleRef | undefined;
  for (const message of messages) {
    const from = fromIdOf(message, chat);
    if (from === undefined || from.id === peer) continue;
    // the chat is named after the other party: someone else writing under that name means the ids do not say who is who
    if (chatName !== '' && from.name === chatName) return undefined;
    owner ??= { platform: 'telegram', ...from };
  }
  return owner;
}

function chatOf(record: Record<string, unknown>, fallbackTitle: string, owner: HandleRef | undefined): TelegramChat | undefined {
  const messages = record.messages;
  if (!Array.isArray(messages)) return undefined;
  const type = stringOf(record.type) ?? '';
  const chatId = scalarText(record.id) ?? '';
  const name = stringOf(record.name);
  const title = name !== undefined && name !== '' ? name : type === 'saved_messages' ? 'Saved Messages' : fallbackTitle;
  const chatOwner = owner ?? singleChatOwner(type, chatId, name ?? '', messages);
  const conversation: ConversationRef = {
    platform: 'telegram',
    key: chatId !== '' ? chatId : title,
    title,
    kind: KINDS[type] ?? 'unknown',
    ...(chatOwner === undefined ? {} : { owner: chatOwner }),
  };
  return { conversation, messages, type, chatId, ownerId: chatOwner?.id ?? '' };
}

function listOf(section: unknown): unknown[] {
  return isRecord(section) && Array.isArray(section.list) ? section.list : [];
}

/** The export's chats, or the reason the JSON is not a Telegram export. */
export function readTelegramExport(root: unknown, fallbackTitle: string): TelegramExport | { error: string } {
  if (!isRecord(root)) return { error: `not a Telegram Desktop export: the JSON holds ${Array.isArray(root) ? 'a list' : 'a single value'}, not an object` };
  if (Array.isArray(root.messages)) {
    const chat = chatOf(root, fallbackTitle, undefined);
    return { chats: chat === undefined ? [] : [chat], owner: chat?.conversation.owner, personal: undefined, contacts: [] };
  }
  const chatLists = [...listOf(root.chats), ...listOf(root.left_chats)];
  if (chatLists.length === 0 && !isRecord(root.chats)) {
    return { error: "not a Telegram Desktop export: the top level has neither 'messages' nor 'chats'" };
  }
  const personal = isRecord(root.personal_information) ? root.personal_information : undefined;
  const userId = personal === undefined ? undefined : scalarText(personal.user_id);
  const owner: HandleRef | undefined = personal === undefined || userId === undefined ? undefined : { platform: 'telegram', id: `user${userId}`, name: fullName(personal) };
  const chats = chatLists.filter(isRecord).flatMap((record) => chatOf(record, fallbackTitle, owner) ?? []);
  return { chats, owner, personal, contacts: listOf(root.contacts).filter(isRecord) };
}

/** Names in the contact list are written as first and last name. */
export function contactName(record: Record<string, unknown>): string {
  return fullName(record);
}
