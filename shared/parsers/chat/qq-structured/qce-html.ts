import { isQqNumber } from '../../../ids/index';
import type { AttachmentRef, ConversationRef, DetectInput, Detection, FormatSpec, MapperOutput, MessageDraft, MessageType, ParseContext, RowError, SourceRecord } from '../../types';
import { IdentifiersOnce, capText, tooLongRow } from '../common/index';
import { localInstant, timeReason } from '../telegram/chat-draft';
import type { MarkupDocument, MarkupElement } from '../telegram/dom';
import { attr, findAll, findFirst, hasClass, isLocalHref, lineAt, lineStartsOf, parseHtml, visibleText } from '../telegram/dom';

/**
 * QQChatExporter's HTML pages, self-provided, in both templates: the classic one (`div.message[data-message-id]`,
 * `span.message-sender`, `span.message-time`, `div.message-content`, `div.message.system` for grey tips) and V5's
 * modern one (`div.message.self|other#msg-<id>[data-sender-uid]`, `span.sender`, `span.time`, `div.content`). The
 * page gives names and the exporting machine's wall time only, read in the case zone; QQ numbers only where the
 * modern template's data-sender-uid holds one.
 */

function detect(input: DetectInput): Detection | null {
  const text = input.text ?? '';
  if (text.includes('QCE_METADATA') && /id="msg-/.test(text)) return { confidence: 0.95, reason: 'QQChatExporter HTML 导出（QCE_METADATA）' };
  const classic = ['class="message-sender"', 'class="message-time"', 'data-message-id='].filter((mark) => text.includes(mark));
  if (classic.length < 3 || !/class="message(?: system)?"/.test(text)) return null;
  const branded = /QQ聊天记录导出工具|QQChatExporter|qq-chat-exporter|- 聊天记录<\/title>/.test(text);
  return { confidence: branded ? 0.9 : 0.75, reason: `QQChatExporter HTML 导出（${classic.join(', ')}）` };
}

const RESOURCE_CLASSES: readonly (readonly [string, MessageType])[] = [
  ['message-image', 'image'],
  ['image-content', 'image'],
  ['message-video', 'video'],
  ['message-audio', 'voice'],
  ['audio-wrapper', 'voice'],
  ['message-file', 'file'],
  ['market-face', 'sticker'],
  ['json-card', 'link'],
  ['forward-card', 'other'],
];

const PLACEHOLDER_KINDS: Record<string, MessageType> = { 图片: 'image', 视频: 'video', 语音: 'voice', 文件: 'file' };

/** Quoted replies and resource placeholders repeat what the message says elsewhere: they are not its text. */
const notText = (el: MarkupElement): boolean => hasClass(el, 'reply-content') || hasClass(el, 'resource-placeholder');

/** The exported file beside the page when the link is local; else the file's name (alt, download) over a URL. */
function fileName(el: MarkupElement): string {
  const link = attr(el, 'src') || attr(el, 'href');
  if (isLocalHref(link)) return link;
  return attr(el, 'download') || attr(el, 'alt') || link;
}

function mediaOf(content: MarkupElement): { messageType: MessageType; attachments: AttachmentRef[] } {
  const attachments: AttachmentRef[] = [];
  let messageType: MessageType = 'text';
  const isResource = (e: MarkupElement): boolean => RESOURCE_CLASSES.some(([name]) => hasClass(e, name)) || hasClass(e, 'resource-placeholder');
  // a resource box is read once: the audio inside an audio-wrapper is the same file
  for (const el of findAll(content, isResource, isResource)) {
    let kind = RESOURCE_CLASSES.find(([name]) => hasClass(el, name))?.[1];
    let name = '';
    if (hasClass(el, 'resource-placeholder')) {
      const m = /^\[([^:：\]]+)[:：]\s*(.*)\]$/.exec(visibleText(el));
      kind = PLACEHOLDER_KINDS[(m?.[1] ?? '').trim()] ?? 'file';
      name = (m?.[2] ?? '').trim();
    } else {
      const media = el.name === 'img' || el.name === 'video' || el.name === 'audio' || el.name === 'a' ? el : findFirst(el, (e) => ['img', 'audio', 'video', 'a'].includes(e.name));
      if (media !== undefined) name = fileName(media);
    }
    if (kind === undefined) continue;
    if (messageType === 'text') messageType = kind;
    if (name !== '' && kind !== 'link' && kind !== 'other' && kind !== 'sticker' && !attachments.some((a) => a.name === name)) attachments.push({ name, kind });
  }
  return { messageType, attachments };
}

function replyTarget(content: MarkupElement): string {
  const reply = findFirst(content, (el) => hasClass(el, 'reply-content'));
  if (reply === undefined) return '';
  return /^msg-(.+)$/.exec(attr(reply, 'data-reply-to'))?.[1] ?? '';
}

function conversationOf(root: MarkupDocument, context: ParseContext): ConversationRef {
  const heading = findFirst(root, (el) => hasClass(el, 'chat-title'));
  const titleTag = findFirst(root, (el) => el.name === 'title');
  const fromTag = titleTag === undefined ? '' : visibleText(titleTag).replace(/^聊天记录\s*-\s*|\s*-\s*聊天记录$/g, '');
  const title = (heading === undefined ? '' : visibleText(heading)) || fromTag || context.fileName;
  const info = findFirst(root, (el) => hasClass(el, 'chat-info'));
  const infoText = info === undefined ? '' : visibleText(info);
  const kind: ConversationRef['kind'] = /群聊/.test(infoText) ? 'group' : /私聊|临时聊天/.test(infoText) ? 'private' : 'unknown';
  return { platform: 'qq', key: title, title, kind };
}

const isMessage = (el: MarkupElement): boolean =>
  el.name === 'div' && hasClass(el, 'message') && (el.attribs['data-message-id'] !== undefined || /^msg-/.test(attr(el, 'id')));

function* mapPage(text: string, record: SourceRecord, context: ParseContext): Generator<MapperOutput> {
  const parsed = parseHtml(text);
  if (!parsed.ok) {
    yield { type: 'error', sheet: record.sheet, line: record.line, code: 'BAD_ROW', message: `not a QQChatExporter HTML export: ${parsed.reason}` };
    return;
  }
  const root = parsed.doc;
  const conversation = conversationOf(root, context);
  const lineStarts = lineStartsOf(text);
  const messages = findAll(root, isMessage, isMessage);
  if (messages.length === 0) {
    yield { type: 'error', sheet: record.sheet, line: record.line, code: 'BAD_ROW', message: 'not a QQChatExporter HTML export: the page has no message blocks' };
    return;
  }
  // the modern template marks the owner's messages `self` only when the export knew the owner
  const ownerKnown = messages.some((el) => hasClass(el, 'self'));
  const ids = new IdentifiersOnce();
  for (const el of messages) {
    const line = lineAt(lineStarts, el.startIndex ?? 0);
    const id = attr(el, 'data-message-id') || (/^msg-(.+)$/.exec(attr(el, 'id'))?.[1] ?? '');
    const label = id !== '' ? `message ${id}` : `message at line ${line}`;
    const error = (code: RowError['code'], message: string): RowError => ({ type: 'error', sheet: '', line, code, message });
    const content = findFirst(el, (e) => hasClass(e, 'message-content') || hasClass(e, 'content')) ?? el;
    // grey tips: the classic template's `message system`, the modern one's `system-message` block
    const system = hasClass(el, 'system') || findFirst(content, (e) => hasClass(e, 'system-message')) !== undefined;
    const timeEl = findFirst(el, (e) => hasClass(e, 'message-time') || hasClass(e, 'time'));
    const timeText = timeEl === undefined ? '' : visibleText(timeEl);
    let time: MessageDraft['time'];
    if (timeText === '') {
      if (!system) {
        yield error('MISSING_FIELD', `${label} has no time`);
        continue;
      }
      time = { utcMs: null, original: '', offsetMinutes: null };
    } else {
      const local = localInstant(timeText, context.timeZone);
      if (!local.ok) {
        yield error('BAD_TIME', `${label}: its time '${timeText.slice(0, 40)}' ${timeReason(local.reason)}`);
        continue;
      }
      time = local.instant;
    }
    const senderEl = findFirst(el, (e) => hasClass(e, 'message-sender') || hasClass(e, 'sender'));
    const senderUid = attr(el, 'data-sender-uid');
    const sender = system ? null : { platform: 'qq' as const, id: isQqNumber(senderUid) || senderUid.startsWith('u_') ? senderUid : '', name: senderEl === undefined ? '' : visibleText(senderEl) };
    const written = visibleText(content, { skip: notText });
    const media = mediaOf(content);
    const replyTo = replyTarget(content);
    const raw: Record<string, string> = { id, sender: sender?.name ?? '', time: timeText, text: written };
    if (senderUid !== '') raw['data-sender-uid'] = senderUid;
    if (replyTo !== '') raw.reply_to = replyTo;
    if (media.attachments.length > 0) raw.resources = media.attachments.map((a) => `${a.kind}: ${a.name}`).join('\n');
    const capped = capText(written);
    const draft: MessageDraft = {
      type: 'message',
      sheet: '',
      line,
      raw,
      conversation,
      sender,
      outgoing: sender === null || !ownerKnown ? null : hasClass(el, 'self'),
      time,
      messageType: system ? 'system' : media.messageType,
      text: capped.text,
      attachments: media.attachments,
      externalId: id,
      replyTo,
    };
    yield draft;
    const identifier = sender !== null && isQqNumber(sender.id) ? ids.make(draft, 'qq', sender.id, 'contact', time) : null;
    if (identifier !== null) yield identifier;
    if (capped.cutFrom !== null) yield tooLongRow('', line, `QQ ${label}`, capped.cutFrom);
  }
}

async function* mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  for await (const record of records) yield* mapPage(record.cells[0] ?? '', record, context);
}

export const qceHtml: FormatSpec = {
  id: 'qq.qce-html',
  version: 1,
  name: { zh: 'QQ 聊天记录导出工具（QCE）HTML', en: 'QQChatExporter (QCE) HTML export' },
  kind: 'messages',
  grade: 'self-provided',
  input: { kind: 'document' },
  detect,
  mapRows,
};
