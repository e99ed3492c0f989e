import { foldWidth } from '../../../ids/fold-width';
import { isQqNumber } from '../../../ids/qq';
import { classifyWechatId } from '../../../ids/wechat';
import type { ChatPlatform, ConversationRef } from '../../types';

/**
 * Who is who in a forensic chat table: the tools write a person as `昵称(账号)`, `昵称（账号）` or either part alone,
 * the phone's owner as 我/本机/机主, and name the app (微信, QQ …) in a column, a title or the file's path.
 */

export interface NameAndId {
  name: string;
  id: string;
}

const GROUP_ID = /@chatroom$/i;
const TRAILING_ID = /^(.*?)\s*[(（]\s*([^()（）]+?)\s*[)）]\s*$/;
const SELF = /^(我|本人|自己|机主|本机|我方|本方|self|me)$/i;

/** Texts that are an account rather than a name: wxid, WeChat user id, chatroom id, QQ number, +phone, e-mail. */
export function looksLikeId(text: string): boolean {
  const t = foldWidth(text).trim();
  if (t === '') return false;
  return GROUP_ID.test(t) || classifyWechatId(t) !== null || isQqNumber(t) || /^\+\d[\d -]{6,18}\d$/.test(t) || /^[\w.-]+@[\w.-]+$/.test(t);
}

/**
 * `张三(wxid_abc)` → name 张三, id wxid_abc; a bracket holding anything but an account stays part of the name
 * (`张三(销售)`); a bare account is an id with no name.
 */
export function splitNameAndId(text: string): NameAndId {
  const t = text.trim();
  const m = TRAILING_ID.exec(t);
  if (m && looksLikeId(m[2] ?? '')) return { name: (m[1] ?? '').trim(), id: foldWidth(m[2] ?? '').trim() };
  if (looksLikeId(t)) return { name: '', id: foldWidth(t).trim() };
  return { name: t, id: '' };
}

/** A name column and an id column read together; either may also hold `昵称(账号)`. */
export function nameAndId(nameText: string, idText: string): NameAndId {
  const fromName = splitNameAndId(nameText);
  const idCell = idText.trim();
  if (idCell === '') return fromName;
  // whatever an id column holds is the id, unless it is written as 昵称(账号)
  const fromId = splitNameAndId(idCell);
  const id = fromId.id !== '' ? fromId.id : foldWidth(idCell).trim();
  return { name: fromName.name || (fromId.id !== '' ? fromId.name : ''), id };
}

export function isSelfWord(text: string): boolean {
  return SELF.test(text.trim());
}

/** The app a text names (a 来源 cell, a title row, a sheet or file name); null when it names none. */
export function platformIn(text: string): ChatPlatform | null {
  const t = foldWidth(text);
  if (/微信|wechat|weixin|企业微信/i.test(t)) return 'wechat';
  if (/whatsapp/i.test(t)) return 'whatsapp';
  if (/telegram|电报/i.test(t)) return 'telegram';
  if (/(?<![A-Za-z])(?:QQ|TIM)(?![A-Za-z])/i.test(t)) return 'qq';
  return null;
}

/** The platform an account's own form gives away (wxid_…, …@chatroom); null when the form is shared. */
export function platformOfId(id: string): ChatPlatform | null {
  const t = id.trim().toLowerCase();
  if (t.startsWith('wxid_') || GROUP_ID.test(t) || t.startsWith('gh_')) return 'wechat';
  return null;
}

/** Group, private or unknown from the words around a conversation and its id. */
export function conversationKind(label: string, name: string, id: string): ConversationRef['kind'] {
  if (GROUP_ID.test(id) || /群|讨论组|chatroom/i.test(label)) return 'group';
  if (/好友|联系人|私聊|单聊|对话方|聊天对象/.test(label)) return 'private';
  if (/群$/.test(name)) return 'group';
  if (classifyWechatId(id)?.kind === 'wxid') return 'private';
  return 'unknown';
}
