import { classifyWechatId, normaliseMobile } from '../../../ids/index';
import type { ConversationRef, DetectInput, Detection, FormatSpec, HandleRef, MapperOutput, ParseContext, SourceRecord } from '../../types';
import { IdentifiersOnce } from '../common/index';
import { WechatDirectory } from './directory';
import { mapMessageRow } from './message-row';

/**
 * A decrypted Android WeChat database (EnMicroMsg.db), as a seized phone yields it: self-provided material (a
 * party's device), not a platform return. The pipeline hands over its tables in the order below, each table's first
 * record its column names: the owner (`userinfo`, absent in some copies), contacts and rooms first, so that every
 * message can be given names. The owner's and contacts' WeChat IDs (the chosen alias, and the wxid) become
 * identifiers, as do the owner's bound mobile and IDs shared as contact cards.
 */

const TABLES = ['userinfo', 'rcontact', 'chatroom', 'message'] as const;
const MESSAGE_COLUMNS = ['talker', 'createTime', 'type', 'content'];
const MARKERS = ['chatroom', 'userinfo', 'img_flag', 'ImgInfo2', 'videoinfo2', 'AppMessage'];

function detect(input: DetectInput): Detection | null {
  if (input.container !== 'sqlite') return null;
  const tables = new Set(input.entries ?? []);
  if (!tables.has('message') || !tables.has('rcontact')) return null;
  const more = MARKERS.filter((name) => tables.has(name));
  return { confidence: more.length > 0 ? 0.97 : 0.9, reason: `微信安卓数据库 EnMicroMsg.db（${['message', 'rcontact', ...more].join(', ')} 表）` };
}

/** A WeChat ID as identity linking compares it (wxid lower-cased), or null for text that is none. */
function wechatIdValue(text: string): string | null {
  const id = classifyWechatId(text);
  if (id !== null) return id.normalized;
  const plain = text.trim();
  return /^[\w-]{3,40}$/.test(plain) ? plain : null;
}

function pick(row: Readonly<Record<string, string>>, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) if (row[key] !== undefined && row[key] !== '') out[key] = row[key];
  return out;
}

async function* mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  const directory = new WechatDirectory();
  const conversations = new Map<string, ConversationRef>();
  const ids = new IdentifiersOnce();
  let sheet: string | null = null;
  let header: string[] = [];
  let messagesUsable = false;
  let me: HandleRef | null = null;
  let messageTableSeen = false;
  for await (const record of records) {
    if (record.sheet !== sheet) {
      sheet = record.sheet;
      header = record.cells;
      if (sheet === 'message') {
        messageTableSeen = true;
        const missing = MESSAGE_COLUMNS.filter((column) => !header.includes(column));
        messagesUsable = missing.length === 0;
        if (!messagesUsable) {
          yield { type: 'error', sheet, line: record.line, code: 'MISSING_FIELD', message: `the message table has no ${missing.join(', ')} column: it is not an EnMicroMsg.db message table` };
        }
      }
      continue;
    }
    const row: Record<string, string> = {};
    header.forEach((column, i) => (row[column] = record.cells[i] ?? ''));
    if (sheet === 'userinfo') {
      directory.addOwnerField(row.id ?? '', row.value ?? '');
      const where = { sheet, line: record.line, raw: pick(row, ['id', 'type', 'value']) };
      const phone = row.id === '6' ? (normaliseMobile(row.value ?? '')?.normalized ?? null) : null;
      const wxid = row.id === '2' ? wechatIdValue(row.value ?? '') : null;
      const made = phone !== null ? ids.make(where, 'phone', phone, 'owner', null) : wxid !== null ? ids.make(where, 'wechat_id', wxid, 'owner', null) : null;
      if (made !== null) yield made;
    } else if (sheet === 'rcontact') {
      directory.addContact(row);
      const username = row.username ?? '';
      if (username.endsWith('@chatroom')) continue;
      const where = { sheet, line: record.line, raw: pick(row, ['username', 'alias', 'conRemark', 'nickname', 'type']) };
      const alias = wechatIdValue(row.alias ?? '');
      // the wxid only in its system-assigned form: other usernames are WeChat's own service accounts (filehelper …)
      const wxid = classifyWechatId(username)?.kind === 'wxid' ? wechatIdValue(username) : null;
      for (const value of [alias, wxid]) {
        const made = value === null ? null : ids.make(where, 'wechat_id', value, 'contact', null);
        if (made !== null) yield made;
      }
    } else if (sheet === 'chatroom') {
      directory.addRoom(row);
    } else if (sheet === 'message' && messagesUsable) {
      if (me === null) {
        const owner = directory.owner();
        me = owner ?? { platform: 'wechat', id: '', name: '我' };
        if (owner === undefined) {
          yield { type: 'warning', code: 'OWNER_UNKNOWN', message: "EnMicroMsg.db: the userinfo table was not read, so the phone owner's messages are attributed to '我' without a WeChat id" };
        }
      }
      const mapped = mapMessageRow(row, record, { directory, zone: context.timeZone, conversations, me });
      yield* mapped.outputs;
      const draft = mapped.outputs[0];
      const card = mapped.cardId === undefined ? null : wechatIdValue(mapped.cardId);
      const made = card !== null && draft?.type === 'message' ? ids.make(draft, 'wechat_id', card, 'contact', draft.time) : null;
      if (made !== null) yield made;
    }
  }
  if (!messageTableSeen) yield { type: 'warning', code: 'NO_MESSAGE_TABLE', message: 'EnMicroMsg.db: the database has no message table to read' };
}

export const wechatEnMicroMsg: FormatSpec = {
  id: 'wechat.enmicromsg',
  version: 1,
  name: { zh: '微信安卓数据库 EnMicroMsg.db（已解密）', en: 'WeChat Android database EnMicroMsg.db (decrypted)' },
  kind: 'messages',
  grade: 'self-provided',
  input: { kind: 'sqlite', tables: TABLES },
  detect,
  mapRows,
};
