import { foldWidth } from './fold-width';

/** User-set 微信号: a letter, then 5–19 letters, digits, `-` or `_`. */
const USER_ID = /^[a-zA-Z][-_a-zA-Z0-9]{5,19}$/;
/** System-assigned ID of accounts that never set one. */
const WXID = /^wxid_[a-z0-9]{4,30}$/;

export type WechatIdKind = 'wxid' | 'user-id';

/** Classifies a WeChat handle; null when it is neither form. A wxid is compared case-insensitively. */
export function classifyWechatId(text: string): { normalized: string; kind: WechatIdKind } | null {
  const t = foldWidth(text).trim();
  if (WXID.test(t.toLowerCase()) && /^wxid_/i.test(t)) return { normalized: t.toLowerCase(), kind: 'wxid' };
  if (USER_ID.test(t)) return { normalized: t, kind: 'user-id' };
  return null;
}

export function isWechatId(text: string): boolean {
  return classifyWechatId(text) !== null;
}
