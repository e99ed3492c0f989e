import { isQqNumber } from '../../../ids/qq';
import type { ConversationRef, DetectInput, Detection, FormatSpec, HandleRef, MapperOutput, MessageDraft, ParseContext, SourceRecord } from '../../types';
import { BoundedLines, IdentifiersOnce, capText, statedAmountMinor, tooLongRow, wallInstant } from '../common/index';
import type { WallRead } from '../common/index';
import { markerAttachments, qqMessageType } from './markers';

/**
 * The classic QQ 消息管理器 "导出消息记录" text: `消息记录（此消息记录为文本格式，不支持重新导入）`, then per chat a
 * `====` box with `消息分组:我的好友` and `消息对象:张三`, then blocks `2016-01-01 9:05:12 昵称(QQ号)` (or
 * `昵称<email>`) followed by the message's lines. Exported by a party's own QQ: self-provided.
 */

const LABEL = 'QQ (消息管理器)';
const TITLE = '消息记录（此消息记录为文本格式，不支持重新导入）';
const HEADER = /^(\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}:\d{2}(?: ?[AP]M)?) (.+)$/i;
const STAMP = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2})(?: ?([AP])M)?$/i;
const RULE = /^={16,}$/;
const SECTION = /^(消息分组|消息对象)[:：](.*)$/;
const SYSTEM_SENDERS = new Set(['系统消息', '系统提示']);

interface Sender {
  name: string;
  id: string;
  idType: 'qq' | 'email' | null;
}

/** `昵称(123456)`, `昵称<a@b.com>`, `昵称(备注)(123456)`: the last bracket holds the QQ number or e-mail when it is one. */
export function splitClassicSender(text: string): Sender {
  // group badges (【管理员】, 【群主】, 【活跃】) are not part of the name
  const t = text.trim().replace(/^(?:【[^】]{1,12}】)+/, '');
  const m = /^(.*?)(?:\(([^()]*)\)|<([^<>]*)>)$/.exec(t);
  const inner = (m?.[2] ?? m?.[3] ?? '').trim();
  if (m && isQqNumber(inner)) return { name: (m[1] ?? '').trim() || inner, id: inner, idType: 'qq' };
  if (m && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(inner)) return { name: (m[1] ?? '').trim() || inner, id: inner.toLowerCase(), idType: 'email' };
  return { name: t, id: '', idType: null };
}

interface Block {
  header: SourceRecord;
  stamp: string;
  sender: Sender;
  lines: BoundedLines;
}

interface FileState {
  group: string;
  target: string;
  conversation: ConversationRef | null;
  ids: IdentifiersOnce;
  messages: number;
}

function conversationOf(state: FileState, context: ParseContext): ConversationRef {
  const title = state.target || context.fileName.replace(/\.txt$/i, '');
  const kind = /群|讨论组/.test(state.group) ? 'group' : state.group !== '' ? 'private' : 'unknown';
  return { platform: 'qq', key: title, title, kind };
}

/** `2016-01-01 9:05:12`, or `2019-09-23 8:43:38 PM` where QQ ran with an English clock. */
function readStamp(stamp: string, zone: string): WallRead {
  const m = STAMP.exec(stamp);
  if (!m) return { ok: false, reason: 'not a date and time' };
  let hour = Number(m[4]);
  if (m[7] !== undefined && hour <= 12) hour = (hour % 12) + (m[7].toUpperCase() === 'P' ? 12 : 0);
  return wallInstant({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour, minute: Number(m[5]), second: Number(m[6]) }, stamp, zone);
}

function* finishBlock(block: Block, state: FileState, context: ParseContext): Iterable<MapperOutput> {
  const { sheet, line } = block.header;
  const lines = block.lines.lines();
  const raw = { line: capText([block.header.cells[0] ?? '', ...lines].join('\n')).text };
  const time = readStamp(block.stamp, context.timeZone);
  if (!time.ok) {
    yield { type: 'error', sheet, line, code: 'BAD_TIME', message: `${LABEL}: the time '${block.stamp}' cannot be read (${time.reason}); the message is left out` };
    return;
  }
  const text = lines.join('\n');
  const system = SYSTEM_SENDERS.has(block.sender.name);
  const sender: HandleRef | null = system ? null : { platform: 'qq', id: block.sender.id, name: block.sender.name };
  const messageType = system ? 'system' : qqMessageType(text);
  const capped = capText(text);
  if (capped.cutFrom !== null || block.lines.dropped) yield tooLongRow(sheet, line, LABEL, Math.max(capped.cutFrom ?? 0, block.lines.totalChars));
  state.conversation ??= conversationOf(state, context);
  const draft: MessageDraft = {
    type: 'message',
    sheet,
    line,
    raw,
    conversation: state.conversation,
    sender,
    outgoing: null,
    time: time.instant,
    messageType,
    text: capped.text,
    attachments: markerAttachments(text),
    externalId: '',
    replyTo: '',
  };
  if (messageType === 'transfer' || messageType === 'red-packet') draft.amountMinor = statedAmountMinor(text);
  state.messages++;
  yield draft;
  if (sender !== null && block.sender.idType !== null) {
    const identifier = state.ids.make(draft, block.sender.idType, block.sender.id, 'contact', time.instant);
    if (identifier !== null) yield identifier;
  }
}

async function* mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  const state: FileState = { group: '', target: '', conversation: null, ids: new IdentifiersOnce(), messages: 0 };
  let block: Block | null = null;
  for await (const record of records) {
    const text = (record.cells[0] ?? '').replace(/^\ufeff/, '');
    const header = HEADER.exec(text);
    if (header) {
      if (block !== null) yield* finishBlock(block, state, context);
      block = { header: record, stamp: header[1] ?? '', sender: splitClassicSender(header[2] ?? ''), lines: new BoundedLines() };
      continue;
    }
    // a rule ends the chat's last message and opens the next chat's 消息分组 / 消息对象 box
    if (RULE.test(text.trim())) {
      if (block !== null) yield* finishBlock(block, state, context);
      block = null;
      continue;
    }
    if (block !== null) {
      block.lines.push(text);
      continue;
    }
    const section = SECTION.exec(text.trim());
    if (section) {
      if (section[1] === '消息分组') state.group = (section[2] ?? '').trim();
      else state.target = (section[2] ?? '').trim();
      state.conversation = null;
    } else if (text.trim() !== '' && text.trim() !== TITLE) {
      yield { type: 'error', sheet: record.sheet, line: record.line, code: 'BAD_ROW', message: `${LABEL}: the line is neither a message header ('时间 昵称(QQ号)') nor part of a message: '${text.slice(0, 60)}'` };
    }
  }
  if (block !== null) yield* finishBlock(block, state, context);
  if (state.messages === 0) yield { type: 'warning', code: 'NO_MESSAGES', message: `${LABEL}: no message header ('2016-01-01 12:00:00 昵称(QQ号)') was found` };
}

function detect(input: DetectInput): Detection | null {
  const text = (input.text ?? '').slice(0, 16 * 1024);
  if (text === '') return null;
  const titled = text.replace(/^\ufeff/, '').trimStart().startsWith(TITLE);
  const sections = /^消息对象[:：]/m.test(text);
  const headers = text.split(/\r?\n/).filter((line) => {
    const m = HEADER.exec(line);
    return m !== null && splitClassicSender(m[2] ?? '').idType !== null;
  }).length;
  if (!titled && !(sections && headers > 0)) return null;
  const reasons: string[] = [];
  if (titled) reasons.push(`首行为“${TITLE}”`);
  if (sections) reasons.push('有“消息对象”分节');
  if (headers > 0) reasons.push(`${headers} 个“时间 昵称(QQ号)”消息头`);
  return { confidence: titled ? 0.97 : 0.85, reason: `${LABEL}：${reasons.join('；')}` };
}

export const qqClassicTxt: FormatSpec = {
  id: 'qq.classic-txt',
  version: 1,
  name: { zh: 'QQ 消息管理器导出的文本消息记录', en: 'QQ Message Manager text export (classic)' },
  kind: 'messages',
  grade: 'self-provided',
  input: { kind: 'lines' },
  detect,
  mapRows,
};
