import { normaliseMobile } from '../../../ids/index';
import type { DetectInput, Detection, FormatSpec, IdentifierDraft, Instant, MapperOutput, ParseContext, SourceRecord } from '../../types';
import { unixWithWallInstant, localInstant } from './chat-draft';
import { contactName, readTelegramExport } from './json-chats';
import type { TelegramChat } from './json-chats';
import { flatRaw, parseJsonDocument, scalarText, stringOf } from './json-document';
import { mapTelegramMessage } from './json-message';

/**
 * Telegram Desktop's JSON export (result.json), self-provided: a single chat or the whole account, in the 2020 layout
 * (`from_id` a number, `date` only) or the current one (`date_unixtime`, `text_entities`, `from_id: 'user123'`).
 */

const CHAT_TYPES = /"type"\s*:\s*"(?:personal_chat|private_group|private_supergroup|public_supergroup|private_channel|public_channel|bot_chat|saved_messages)"/;

function detect(input: DetectInput): Detection | null {
  const text = (input.text ?? '').replace(/^\ufeff/, '').trimStart();
  if (!text.startsWith('{')) return null;
  if (/"personal_information"\s*:/.test(text) && /"chats"\s*:/.test(text)) {
    return { confidence: 0.95, reason: 'Telegram 全部数据导出（personal_information + chats）' };
  }
  const hasMessages = /"messages"\s*:\s*\[/.test(text);
  if (hasMessages && CHAT_TYPES.test(text)) return { confidence: 0.95, reason: 'Telegram 聊天导出 JSON（会话类型与 messages）' };
  const telegramKeys = ['"date_unixtime"', '"from_id"', '"text_entities"', '"reply_to_message_id"'].filter((key) => text.includes(key));
  if (hasMessages && /"type"\s*:\s*"(?:message|service)"/.test(text) && telegramKeys.length > 0) {
    return { confidence: 0.8, reason: `Telegram 聊天导出 JSON（${telegramKeys.join(', ')}）` };
  }
  return null;
}

/** An international number as digits with '+'; a mainland mobile as its 11 digits (as identity linking compares). */
function phoneValue(text: string): string | null {
  const mobile = normaliseMobile(text);
  if (mobile !== null) return mobile.normalized;
  const compact = text.replace(/[\s\-().]/g, '');
  return /^\+?\d{7,15}$/.test(compact) ? `+${compact.replace(/^\+/, '')}` : null;
}

function contactAddedAt(contact: Record<string, unknown>, zone: string): Instant | null {
  const unix = scalarText(contact.date_unixtime);
  const wall = stringOf(contact.date);
  if (unix !== undefined && /^\d{1,12}$/.test(unix) && Number(unix) > 0) return unixWithWallInstant(Number(unix) * 1000, unix, wall, zone);
  if (wall === undefined) return null;
  const local = localInstant(wall, zone);
  return local.ok ? local.instant : null;
}

function identifier(raw: Record<string, string>, value: string, role: string, observedAt: Instant | null): IdentifierDraft {
  return { type: 'identifier', sheet: '', line: 0, raw, account: null, identifierType: 'phone', value, role, observedAt };
}

function folderTitle(context: ParseContext): string {
  const parts = context.relPath.split('/');
  return parts.length > 1 ? (parts[parts.length - 2] ?? context.fileName) : context.fileName;
}

function* mapChat(chat: TelegramChat, context: ParseContext, seenPhones: Set<string>): Generator<MapperOutput> {
  const badIds: string[] = [];
  const messageContext = { chat, timeZone: context.timeZone, onBadSenderId: (label: string) => badIds.push(label) };
  for (let index = 0; index < chat.messages.length; index++) {
    const mapped = mapTelegramMessage(chat.messages[index], index, messageContext);
    yield* mapped.outputs;
    const draft = mapped.outputs[0];
    const phone = mapped.phone === undefined ? null : phoneValue(mapped.phone.value);
    if (phone !== null && draft?.type === 'message' && !seenPhones.has(`contact|${phone}`)) {
      seenPhones.add(`contact|${phone}`);
      yield identifier(draft.raw, phone, 'contact', draft.time);
    }
  }
  if (badIds.length > 0) {
    yield {
      type: 'warning',
      code: 'BAD_SENDER_ID',
      message: `${chat.conversation.title}: ${badIds.length} message(s) give a sender id that is not a Telegram id (${badIds.slice(0, 5).join(', ')}${badIds.length > 5 ? ' …' : ''}); they were imported with the sender's name only`,
    };
  }
}

async function* mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  for await (const record of records) {
    const parsed = parseJsonDocument(record.cells[0] ?? '');
    if (!parsed.ok) {
      yield { type: 'error', sheet: record.sheet, line: record.line, code: 'BAD_ROW', message: parsed.message };
      continue;
    }
    const exported = readTelegramExport(parsed.value, folderTitle(context));
    if ('error' in exported) {
      yield { type: 'error', sheet: record.sheet, line: record.line, code: 'BAD_ROW', message: exported.error };
      continue;
    }
    const seenPhones = new Set<string>();
    const ownerPhone = exported.personal === undefined ? undefined : stringOf(exported.personal.phone_number);
    const ownerValue = ownerPhone === undefined ? null : phoneValue(ownerPhone);
    if (exported.personal !== undefined && ownerValue !== null) {
      seenPhones.add(`owner|${ownerValue}`);
      yield identifier(flatRaw(exported.personal), ownerValue, 'owner', null);
    }
    for (const contact of exported.contacts) {
      const phone = stringOf(contact.phone_number);
      const value = phone === undefined ? null : phoneValue(phone);
      if (value === null || seenPhones.has(`contact|${value}`)) continue;
      seenPhones.add(`contact|${value}`);
      yield identifier({ ...flatRaw(contact), name: contactName(contact) }, value, 'contact', contactAddedAt(contact, context.timeZone));
    }
    for (const chat of exported.chats) yield* mapChat(chat, context, seenPhones);
    if (exported.chats.length === 0) {
      yield { type: 'warning', code: 'NO_MESSAGES', message: 'the Telegram export holds no chat with messages' };
    }
  }
}

export const telegramJson: FormatSpec = {
  id: 'telegram.json',
  version: 1,
  name: { zh: 'Telegram 桌面版聊天导出（JSON）', en: 'Telegram Desktop chat export (JSON)' },
  kind: 'messages',
  grade: 'self-provided',
  input: { kind: 'document' },
  detect,
  mapRows,
};
