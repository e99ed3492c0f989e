import { foldWidth } from '../../../ids/fold-width';
import { cellText } from '../../tabular';
import type { ChatPlatform, ConversationRef } from '../../types';
import { conversationKind, platformIn, splitNameAndId } from './handles';

/**
 * The rows around a forensic report's chat tables that are not messages: the report's title (微信聊天记录), its
 * case facts (案件编号：…, 检材编号：…, 本机账号：…, 导出时间…) and the title naming the conversation of the rows
 * below it (会话：张三(wxid_abc), 群聊：xxx群(123@chatroom), 与张三的聊天记录). A fact is written `键：值` in one cell
 * or as a key cell followed by its value cell.
 */

export interface TitleConversation {
  name: string;
  id: string;
  kind: ConversationRef['kind'];
  /** the title row as written, kept with each message's raw row */
  text: string;
}

export interface TitleFacts {
  conversation?: TitleConversation;
  /** a 会话ID/群号 row that completes the conversation title above it */
  conversationId?: string;
  caseNo?: string;
  evidenceNo?: string;
  ownerId?: string;
  ownerName?: string;
  platform?: ChatPlatform;
}

type Key = 'conversation' | 'conversationId' | 'caseNo' | 'evidenceNo' | 'ownerId' | 'ownerName' | 'platform' | 'other';

const KEYS: ReadonlyArray<readonly [Key, readonly string[]]> = [
  ['conversation', ['会话', '会话名称', '会话对象', '聊天对象', '好友', '联系人', '对话方', '对话', '群聊', '群', '群组', '群名称', '群聊名称', '聊天室', '私聊', '单聊']],
  ['conversationId', ['会话ID', '群ID', '群号', '群账号', '群聊ID', '聊天室ID', '好友账号', '对方账号', '联系人账号', '好友ID']],
  ['caseNo', ['案件编号', '案件号']],
  ['evidenceNo', ['检材编号', '检材号', '物证编号']],
  ['ownerId', ['本机账号', '机主账号', '账号', '微信号', 'QQ号', '用户ID', '所属账号']],
  ['ownerName', ['机主', '机主姓名', '机主昵称', '本机昵称', '昵称', '用户昵称', '账号昵称']],
  ['platform', ['应用', '应用名称', 'APP名称', 'APP', '来源', '数据来源', '软件', '软件名称', '聊天工具']],
];

const KEY_OF = new Map<string, Key>();
for (const [key, words] of KEYS) for (const word of words) KEY_OF.set(normaliseKey(word), key);

function normaliseKey(text: string): string {
  return foldWidth(text).replace(/\s+/g, '').toLowerCase();
}

/** A cell that is one of the known title keys on its own (案件编号, 会话 …), its value in the next cell. */
export function isTitleKey(text: string): boolean {
  return KEY_OF.has(normaliseKey(text));
}

/** `键：值` with a short key that does not start with a digit (a time's 10:22 is no key); the value may be empty when it sits in the next cell. */
const KEY_VALUE = /^([^:：\d][^:：]{0,11}?)\s*[:：]\s*(.*)$/s;
const WITH_WHOM = /^(?:与|和)\s*(.+?)\s*的(?:聊天|会话|对话)(?:记录|消息|详情)?$/;
const WHOSE_CHAT = /^(.+?)\s*的聊天记录$/;

/**
 * What a non-message row says, or null when it says nothing this format knows (the caller decides whether such a
 * row is a stray note or a message with its time missing). Unknown `键：值` facts (导出时间, 设备名称 …) count as
 * title rows with nothing to keep.
 */
export function readTitleRow(cells: readonly string[]): TitleFacts | null {
  const values = distinctValues(cells);
  if (values.length === 0) return null;
  const facts: TitleFacts = {};
  let recognised = false;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    const pair = KEY_VALUE.exec(value);
    let key: string | undefined;
    let text: string | undefined;
    // a key followed by another key is a header row (联系人 | 账号), not a fact
    const nextIsValue = i + 1 < values.length && !isTitleKey(values[i + 1] ?? '');
    if (pair) {
      key = pair[1] ?? '';
      text = (pair[2] ?? '').trim();
      if (text === '' && nextIsValue) text = values[++i] ?? '';
    } else if (isTitleKey(value) && nextIsValue) {
      key = value;
      text = values[++i] ?? '';
    }
    if (key !== undefined && text !== undefined) {
      recognised = true;
      apply(facts, KEY_OF.get(normaliseKey(key)) ?? 'other', key, text, value);
      continue;
    }
    const whom = WITH_WHOM.exec(value) ?? WHOSE_CHAT.exec(value);
    if (whom && platformIn(whom[1] ?? '') === null) {
      recognised = true;
      facts.conversation = titleConversation('', whom[1] ?? '', value);
      continue;
    }
    const platform = platformIn(value);
    if (platform !== null && /聊天|消息|记录|通讯|会话|chat|message/i.test(value)) {
      recognised = true;
      facts.platform = platform;
      continue;
    }
    // a lone 名称(账号) line names the conversation below it
    const named = splitNameAndId(value);
    if (values.length === 1 && named.id !== '' && named.name !== '' && !/聊天|消息|记录|报告|取证/.test(value)) {
      recognised = true;
      facts.conversation = titleConversation('', value, value);
    }
  }
  return recognised ? facts : null;
}

function apply(facts: TitleFacts, key: Key, label: string, text: string, written: string): void {
  if (text === '') return;
  switch (key) {
    case 'conversation':
      facts.conversation = titleConversation(label, text, written);
      break;
    case 'conversationId':
      facts.conversationId = foldWidth(text).trim();
      break;
    case 'caseNo':
      facts.caseNo = text;
      break;
    case 'evidenceNo':
      facts.evidenceNo = text;
      break;
    case 'ownerId': {
      const split = splitNameAndId(text);
      facts.ownerId = split.id || text;
      if (split.id !== '' && split.name !== '') facts.ownerName = split.name;
      break;
    }
    case 'ownerName': {
      const split = splitNameAndId(text);
      if (split.name !== '') facts.ownerName = split.name;
      if (split.id !== '') facts.ownerId = split.id;
      break;
    }
    case 'platform': {
      const platform = platformIn(text);
      if (platform !== null) facts.platform = platform;
      break;
    }
    case 'other':
      break;
  }
}

function titleConversation(label: string, text: string, written: string): TitleConversation {
  const { name, id } = splitNameAndId(text);
  return { name, id, kind: conversationKind(label, name, id), text: written };
}

/** Non-empty cell texts without repeats (a merged title comes back once per cell from some readers). */
export function distinctValues(cells: readonly string[]): string[] {
  const seen: string[] = [];
  for (const cell of cells) {
    const t = cellText(cell);
    if (t !== '' && !seen.includes(t)) seen.push(t);
  }
  return seen;
}
