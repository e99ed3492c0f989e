import type { MappingTemplate } from '../../domain';
import { foldWidth } from '../../ids/fold-width';
import { normaliseHeader } from '../tabular';
import type { ConversationRef, HandleRef, MapperOutput, MessageDraft, MessageType, ParseContext, SourceRecord } from '../types';
import { readTemplateTime } from './read-time';
import { rowError, templateRows } from './template-rows';
import type { TemplateRow } from './template-rows';

/**
 * Words forensic tools and chat exports print in a message-type column (Chinese and English), lower-cased; the
 * first pattern that matches wins, so 撤回 is not taken for text and 红包 not for a file.
 */
const TYPE_WORDS: readonly (readonly [RegExp, MessageType])[] = [
  [/撤回|recall|revoked|deleted/, 'recalled'],
  [/红包|red.?packet|hongbao/, 'red-packet'],
  [/转账|transfer|payment/, 'transfer'],
  [/系统|system|notice|通知/, 'system'],
  [/语音通话|视频通话|通话|call/, 'call'],
  [/图片|照片|image|photo|picture|img/, 'image'],
  [/语音|音频|voice|audio/, 'voice'],
  [/视频|video/, 'video'],
  [/表情|sticker|emoji|emoticon/, 'sticker'],
  [/位置|定位|location/, 'location'],
  [/名片|contact|vcard/, 'contact'],
  [/链接|分享|link|url|share/, 'link'],
  [/文件|附件|file|document|attachment/, 'file'],
  [/文本|文字|text|txt|^msg$|message/, 'text'],
];

function messageType(cell: string, text: string): MessageType {
  const word = foldWidth(cell).trim().toLowerCase();
  if (word === '') return text === '' ? 'other' : 'text';
  // numeric codes (WeChat's 1, 3, 34 …) differ between tools: kept in the raw row, not guessed
  return TYPE_WORDS.find(([pattern]) => pattern.test(word))?.[1] ?? 'other';
}

function conversationOf(row: TemplateRow, context: ParseContext): ConversationRef {
  const key = row.get('conversation');
  const title = row.get('conversationTitle');
  // without a conversation column the file is the conversation (an export per chat is the common layout)
  return { platform: 'other', key: key || context.fileName, title: title || key || context.fileName, kind: 'unknown' };
}

function senderOf(row: TemplateRow): HandleRef | null {
  const id = row.get('senderId');
  const name = row.get('senderName');
  if (id === '' && name === '') return null;
  return { platform: 'other', id, name: name || id };
}

/**
 * A chat message table (a forensic tool's 聊天记录 sheet, a spreadsheet someone kept): one MessageDraft per row in
 * the conversation its conversation column names (else the file), with sender, time, type and text as written. A
 * row whose time cannot be read is rejected; empty times are kept as unknown and counted.
 */
export async function* mapTemplateMessages(template: MappingTemplate, records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  let missingTimes = 0;
  const headerWords = new Set(Object.values(template.columnMap).map((header) => normaliseHeader(header ?? '')));
  yield* templateRows(template, records, (row) => {
    const { record } = row;
    // exports that page their table repeat the header line: it is not a message
    if (headerWords.has(normaliseHeader(row.get('text'))) && headerWords.has(normaliseHeader(row.get(row.has('time') ? 'time' : 'date')))) return [];
    const time = readTemplateTime(row, template.rules, context.timeZone, record.sheet !== '', '发送时间');
    if (!time.ok) return [rowError(record, 'BAD_TIME', time.message)];
    if (time.instant.utcMs === null) missingTimes += 1;
    const text = row.get('text');
    const draft: MessageDraft = {
      type: 'message',
      sheet: record.sheet,
      line: record.line,
      raw: row.raw(),
      conversation: conversationOf(row, context),
      sender: senderOf(row),
      outgoing: null,
      time: time.instant,
      messageType: messageType(row.get('messageType'), text),
      text,
      attachments: [],
      externalId: '',
      replyTo: '',
    };
    return [draft];
  });
  if (missingTimes > 0) yield { type: 'warning', code: 'TEMPLATE_TIME_MISSING', message: `${missingTimes} 条消息的发送时间为空或为占位值，时间记为未知` };
}
