import { z } from 'zod';

/** Chats as the chat screen and the CLI see them (ISSUE 5 §4). Message text is data, shown as text only. */

export const ChatPlatform = z.enum(['wechat', 'qq', 'whatsapp', 'telegram', 'other']);

export const ChatConversation = z.object({
  id: z.number().int(),
  platform: ChatPlatform,
  title: z.string(),
  kind: z.enum(['private', 'group', 'channel', 'unknown']),
  /** whose export it is (display name), when known */
  owner: z.string().nullable(),
  messages: z.number().int(),
  participants: z.number().int(),
  firstUtc: z.number().nullable(),
  lastUtc: z.number().nullable(),
  /** messages scoring at or above the lexicon threshold */
  flagged: z.number().int(),
  /** the files it came from */
  sources: z.array(z.string()),
});

export const ChatParticipant = z.object({
  id: z.number().int(),
  platformId: z.string(),
  name: z.string(),
  /** every name this handle went by, latest first */
  names: z.array(z.string()),
  messages: z.number().int(),
});

/** A stretch of a message's text: a lexicon hit (kind = its group id), an identifier or amount, or a search hit. */
export const TextSpan = z.object({
  start: z.number().int(),
  end: z.number().int(),
  /** 'search', 'lexicon', 'mention' */
  kind: z.enum(['search', 'lexicon', 'mention']),
  /** the lexicon group id or the mention kind (mobile, bank-card, amount …) */
  label: z.string(),
});

export const ChatAttachment = z.object({
  name: z.string(),
  kind: z.string(),
  sha256: z.string().nullable(),
  size: z.number().int().nullable(),
});

export const ChatMessage = z.object({
  id: z.number().int(),
  conversationId: z.number().int(),
  conversationTitle: z.string(),
  senderId: z.number().int().nullable(),
  senderName: z.string().nullable(),
  outgoing: z.boolean().nullable(),
  utcMs: z.number().nullable(),
  /** the time as the export wrote it, and the offset it was read with */
  timeText: z.string(),
  offsetMinutes: z.number().int().nullable(),
  type: z.string(),
  text: z.string(),
  attachments: z.array(ChatAttachment),
  recovered: z.boolean(),
  amountMinor: z.number().int().nullable(),
  /** the trade a 转账/红包 message mirrors */
  txnId: z.number().int().nullable(),
  lexiconScore: z.number(),
  /** near-duplicate cluster (templated scripts and complaint letters) */
  dupCluster: z.number().int().nullable(),
  spans: z.array(TextSpan),
  source: z.object({ sourceId: z.number().int(), file: z.string(), sheet: z.string(), line: z.number().int() }),
});

export const ChatFilter = z.object({
  conversationId: z.number().int().optional(),
  senderId: z.number().int().optional(),
  /** only messages with a hit of this lexicon group */
  lexiconGroup: z.string().max(64).optional(),
  /** only messages mentioning an identifier of this kind (mobile, bank-card, resident-id …, or amount) */
  mentionKind: z.string().max(32).optional(),
  /** only messages mentioning this normalised value (with mentionKind: that kind only) */
  mentionValue: z.string().max(200).optional(),
  /** only messages scoring at or above the lexicon threshold */
  flaggedOnly: z.boolean().optional(),
});

export const MentionSummary = z.object({
  kind: z.string(),
  /** normalised value (digits, lower-case MAC, CNY:minor for amounts) */
  value: z.string(),
  /** as first written */
  text: z.string(),
  valid: z.boolean(),
  occurrences: z.number().int(),
  messages: z.number().int(),
  conversations: z.number().int(),
  firstMessageId: z.number().int(),
  amountMinor: z.number().int().nullable(),
});

export const LexiconGroupSummary = z.object({
  id: z.string(),
  name: z.object({ zh: z.string(), en: z.string() }),
  terms: z.number().int(),
  hits: z.number().int(),
});
