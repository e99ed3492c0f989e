import type { TFunction } from 'i18next';
import type { ChatConversation, LexiconGroupSummary } from '@shared/domain';

/** Message types with a badge; plain text has none, and a type the app does not know is shown as written. */
const MESSAGE_TYPES = [
  'image',
  'voice',
  'video',
  'file',
  'sticker',
  'location',
  'contact',
  'call',
  'link',
  'transfer',
  'red-packet',
  'system',
  'recalled',
  'other',
] as const;
type KnownType = (typeof MESSAGE_TYPES)[number];

/** Identifier kinds of shared/ids plus amounts, in the order investigators look at them. */
export const MENTION_KINDS = [
  'mobile',
  'bank-card',
  'bank-account',
  'resident-id',
  'amount',
  'alipay-uid',
  'wechat-id',
  'qq',
  'landline',
  'credit-code',
  'plate',
  'ipv4',
  'ipv6',
  'mac',
] as const;
type KnownMention = (typeof MENTION_KINDS)[number];

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** 图片, 转账, 撤回 …; null for text. */
export function typeLabel(t: TFunction, type: string): string | null {
  if (type === 'text' || type === '') return null;
  return isOneOf(MESSAGE_TYPES, type) ? t(`chats.type.${type satisfies KnownType}`) : type;
}

/** 手机号, 银行卡号, 金额 …; an unknown kind as written. */
export function mentionLabel(t: TFunction, kind: string): string {
  return isOneOf(MENTION_KINDS, kind) ? t(`chats.mentionKind.${kind satisfies KnownMention}`) : kind;
}

/** Where a kind sorts in lists: known kinds in MENTION_KINDS order, then others by name. */
export function mentionRank(kind: string): number {
  const index = (MENTION_KINDS as readonly string[]).indexOf(kind);
  return index === -1 ? MENTION_KINDS.length : index;
}

export function platformLabel(t: TFunction, platform: ChatConversation['platform']): string {
  return t(`chats.platform.${platform}`);
}

export function conversationKindLabel(t: TFunction, kind: ChatConversation['kind']): string {
  return t(`chats.kind.${kind}`);
}

/** A lexicon group's name in the UI language; its id when the lexicon no longer has it. */
export function groupName(groups: readonly LexiconGroupSummary[] | undefined, id: string, language: string): string {
  const group = groups?.find((g) => g.id === id);
  if (!group) return id;
  return language.startsWith('zh') ? group.name.zh : group.name.en;
}

/**
 * Seized text for places that take plain text only (an <option>, a title): wrapped in FIRST STRONG ISOLATE … POP
 * DIRECTIONAL ISOLATE, the plain-text form of <bdi>, so an RTL override in it cannot reorder what follows.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
