import { foldWidth } from '../../../ids/fold-width';
import { extractChatAmounts, parseBankAmount } from '../../../money/index';
import type { AttachmentRef, MessageType } from '../../types';

/**
 * What kind of message a row is: the tools' 消息类型 words first, else the marker the content starts with
 * (`[图片]`, `[转账]¥500.00` …), else the attachment's file extension.
 */

/** Type words, most specific first (语音通话 is a call, not a voice message). */
const TYPE_WORDS: ReadonlyArray<readonly [RegExp, MessageType]> = [
  [/撤回/, 'recalled'],
  [/红包/, 'red-packet'],
  [/转账|收款|付款/, 'transfer'],
  [/通话|来电|呼叫|call/i, 'call'],
  [/系统|提示|通知|system/i, 'system'],
  [/表情|sticker|emoji/i, 'sticker'],
  [/图片|照片|image|photo|picture/i, 'image'],
  [/视频|video/i, 'video'],
  [/语音|音频|voice|audio/i, 'voice'],
  [/位置|定位|地图|location/i, 'location'],
  [/名片|contact/i, 'contact'],
  [/链接|网页|分享|文章|小程序|公众号|link|url/i, 'link'],
  [/文件|附件|file|document/i, 'file'],
  [/文本|文字|text|短信/i, 'text'],
];

/** The message type a 消息类型 cell names; null when it is empty or names none of them. */
export function typeFromWord(text: string): MessageType | null {
  const t = foldWidth(text).trim();
  if (t === '') return null;
  for (const [pattern, type] of TYPE_WORDS) if (pattern.test(t)) return type;
  return null;
}

const MARKER = /^\s*[[【]\s*([^\]】]{1,8}?)\s*[\]】]/;

/** The type a content marker at the start of the text names (`[图片]`, `【转账】`, `[微信红包]`); null without one. */
export function typeFromContent(content: string): MessageType | null {
  const m = MARKER.exec(foldWidth(content));
  if (m) {
    const type = typeFromWord(m[1] ?? '');
    if (type !== null && type !== 'text') return type;
  }
  if (/^(?:.{0,20}撤回了一条消息|你撤回了一条消息)$/.test(content.trim())) return 'recalled';
  return null;
}

const EXTENSION_KINDS: ReadonlyArray<readonly [RegExp, MessageType]> = [
  [/\.(jpe?g|png|gif|bmp|webp|heic|dat|pic|thumb)$/i, 'image'],
  [/\.(amr|silk|slk|mp3|m4a|aac|wav|ogg|opus)$/i, 'voice'],
  [/\.(mp4|mov|3gp|avi|mkv)$/i, 'video'],
];

const MEDIA: ReadonlySet<MessageType> = new Set<MessageType>(['image', 'voice', 'video', 'file', 'sticker']);

/** The paths an attachment cell lists (one per line, or separated by ; or |). */
export function attachmentsFrom(cell: string, messageType: MessageType): AttachmentRef[] {
  return cell
    .split(/[\r\n;；|]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((name) => ({ name, kind: MEDIA.has(messageType) ? messageType : kindOfPath(name) }));
}

export function kindOfPath(path: string): MessageType {
  for (const [pattern, kind] of EXTENSION_KINDS) if (pattern.test(path)) return kind;
  return 'file';
}

/**
 * A transfer's or red packet's amount in 分: from the 金额 column when the table has one, else the first amount the
 * content writes with a currency mark (`¥500.00`, `500元`), else its only amount.
 */
export function amountOf(amountCell: string, content: string): number | undefined {
  if (amountCell.trim() !== '') {
    const parsed = parseBankAmount(amountCell);
    if (parsed.ok) return Math.abs(parsed.minor);
  }
  const found = extractChatAmounts(content, { minBareYuan: 0.01 });
  const marked = found.find((amount) => amount.evidence === 'currency' && amount.currency === 'CNY');
  if (marked) return marked.minor;
  return found.length === 1 ? found[0]?.minor : undefined;
}
