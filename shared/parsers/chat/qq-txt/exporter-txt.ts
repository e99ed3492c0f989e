import type { AttachmentRef, ConversationRef, DetectInput, Detection, FormatSpec, MapperOutput, MessageDraft, ParseContext, SourceRecord } from '../../types';
import { BoundedLines, capText, localTime, statedAmountMinor, tooLongRow } from '../common/index';
import { markerAttachments, qqMessageType, resourceKind } from './markers';

/**
 * QQ chats exported as text by QQChatExporter V5 (shuakami/qq-chat-exporter): a banner and a `====` box, the chat's
 * facts (`聊天名称: …`, `聊天类型: 群聊`, `消息总数: 7`), then one block per message — `Sender:`, `时间: …`,
 * `内容: …` with continuation lines, optional `资源:` / `  - image: x.png` / `提及:` / `回复:` lines — and a
 * `导出完成` footer. Exported by a party's own QQ: self-provided.
 */

const LABEL = 'QQ (QQChatExporter)';
const SENDER_LINE = /^(.+?)[:：]$/;
const TIME_LINE = /^时间[:：]\s*(\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}(?::\d{2})?)\s*$/;
const CONTENT_LINE = /^内容[:：] ?(.*)$/s;
const META_LINE = /^(?:资源[:：] ?\d+ ?个文件|\s{2}- [\w-]+: .+|提及[:：] .*|回复[:：] .*)$/;
const META_HEAD = /^(?:资源|提及|回复)[:：]/;
const RESOURCE_LINE = /^\s{2}- ([\w-]+): (.+)$/;
const SYSTEM_SENDERS = new Set(['系统消息', '系统提示', '系统']);

interface Block {
  sender: SourceRecord;
  time: SourceRecord;
  lines: BoundedLines;
}

interface FileState {
  facts: Map<string, string>;
  conversation: ConversationRef | null;
  messages: number;
  footerTotal: number | null;
}

function conversationOf(facts: Map<string, string>, context: ParseContext): ConversationRef {
  const stem = context.fileName.replace(/\.txt$/i, '');
  const title = facts.get('聊天名称') || stem;
  const type = facts.get('聊天类型') ?? '';
  const kind = type === '群聊' ? 'group' : type === '私聊' || type === '临时会话' ? 'private' : 'unknown';
  return { platform: 'qq', key: title, title, kind };
}

/** Splits off the trailing `资源:` / `提及:` / `回复:` lines of a block (they follow the content, never precede it). */
function splitMeta(lines: readonly string[]): { content: string[]; meta: string[] } {
  let start = lines.length;
  while (start > 1 && META_LINE.test(lines[start - 1] ?? '')) start--;
  while (start < lines.length && !META_HEAD.test(lines[start] ?? '')) start++;
  return { content: lines.slice(0, start), meta: lines.slice(start) };
}

/** Cuts the `====` / `导出完成` footer off the last block; returns the footer's stated total. */
function cutFooter(lines: string[]): number | null {
  const at = lines.findIndex((line, i) => /^=+$/.test(line.trim()) && (lines[i + 1] ?? '').trim() === '导出完成');
  if (at === -1) return null;
  const footer = lines.splice(at);
  const total = footer.map((line) => /^总计导出\s*(\d+)\s*条消息/.exec(line.trim())).find((m) => m !== null);
  return total ? Number(total[1]) : null;
}

function* finishBlock(block: Block, state: FileState, context: ParseContext, last: boolean): Iterable<MapperOutput> {
  const { sheet, line } = block.sender;
  const senderText = block.sender.cells[0] ?? '';
  const timeText = block.time.cells[0] ?? '';
  const lines = block.lines.lines();
  if (last) state.footerTotal = cutFooter(lines);
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  const raw = { line: capText([senderText, timeText, ...lines].join('\n')).text };
  const stamp = TIME_LINE.exec(timeText)?.[1] ?? '';
  const time = localTime(stamp, context.timeZone);
  if (!time.ok) {
    yield { type: 'error', sheet, line, code: 'BAD_TIME', message: `${LABEL}: the time '${stamp}' cannot be read (${time.reason}); the message is left out` };
    return;
  }
  // an exporter option adds `类型: …` before the content
  if (/^类型[:：]/.test(lines[0] ?? '')) lines.shift();
  const first = CONTENT_LINE.exec(lines[0] ?? '');
  if (first === null) {
    yield { type: 'error', sheet, line, code: 'MISSING_FIELD', message: `${LABEL}: the message has no 内容 line; it is left out` };
    return;
  }
  const { content, meta } = splitMeta([first[1] ?? '', ...lines.slice(1)]);
  const text = content.join('\n');
  const resources: AttachmentRef[] = [];
  for (const m of meta.map((l) => RESOURCE_LINE.exec(l))) if (m) resources.push({ name: (m[2] ?? '').trim(), kind: resourceKind(m[1] ?? '', m[2] ?? '') });
  const attachments = resources.length > 0 ? resources : markerAttachments(text);
  const name = (SENDER_LINE.exec(senderText)?.[1] ?? senderText).trim();
  const system = SYSTEM_SENDERS.has(name) || text.trim() === '[系统消息]';
  let messageType = system ? 'system' : qqMessageType(text);
  if (messageType === 'text' && /^\[[a-z]+消息\]$/.test(text.trim()) && attachments[0] !== undefined) messageType = attachments[0].kind;
  const capped = capText(text);
  if (capped.cutFrom !== null || block.lines.dropped) yield tooLongRow(sheet, line, LABEL, Math.max(capped.cutFrom ?? 0, block.lines.totalChars));
  state.conversation ??= conversationOf(state.facts, context);
  const draft: MessageDraft = {
    type: 'message',
    sheet,
    line,
    raw,
    conversation: state.conversation,
    sender: system ? null : { platform: 'qq', id: '', name },
    outgoing: null,
    time: time.instant,
    messageType,
    text: capped.text,
    attachments,
    externalId: '',
    replyTo: '',
  };
  if (messageType === 'transfer' || messageType === 'red-packet') draft.amountMinor = statedAmountMinor(text);
  state.messages++;
  yield draft;
}

async function* mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  const state: FileState = { facts: new Map(), conversation: null, messages: 0, footerTotal: null };
  let block: Block | null = null;
  let previous: SourceRecord | null = null;
  const deliver = (record: SourceRecord): void => {
    const text = record.cells[0] ?? '';
    if (block !== null) {
      block.lines.push(text);
      return;
    }
    const fact = /^([^:：\s]{2,6})[:：]\s*(.*)$/.exec(text.trim());
    if (fact && !state.facts.has(fact[1] ?? '')) state.facts.set(fact[1] ?? '', (fact[2] ?? '').trim());
  };
  for await (const record of records) {
    const text = record.cells[0] ?? '';
    if (previous !== null && TIME_LINE.test(text) && SENDER_LINE.test(previous.cells[0] ?? '')) {
      if (block !== null) yield* finishBlock(block, state, context, false);
      block = { sender: previous, time: record, lines: new BoundedLines() };
      previous = null;
      continue;
    }
    if (previous !== null) deliver(previous);
    previous = record;
  }
  if (previous !== null) deliver(previous);
  if (block !== null) yield* finishBlock(block, state, context, true);
  const stated = Number(state.facts.get('消息总数') ?? state.footerTotal ?? NaN);
  if (Number.isFinite(stated) && stated !== state.messages) {
    yield { type: 'warning', code: 'RECORD_COUNT_MISMATCH', message: `${LABEL}: the export states ${stated} messages but ${state.messages} were read` };
  }
  if (state.messages === 0) {
    yield { type: 'warning', code: 'NO_MESSAGES', message: `${LABEL}: no message block (a 'Name:' line followed by '时间: …') was found` };
  }
}

function detect(input: DetectInput): Detection | null {
  const text = (input.text ?? '').slice(0, 16 * 1024);
  if (text === '') return null;
  const banner = /^\ufeff?\[QQChatExporter/.test(text);
  const box = /QQ聊天记录导出文件/.test(text) && /^聊天名称[:：]/m.test(text);
  const blocks = (text.match(/^[^\n]+[:：]\r?\n时间[:：] ?\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}/gm) ?? []).length;
  if (!banner && !box && blocks < 2) return null;
  const reasons: string[] = [];
  let confidence = 0.6;
  if (banner) reasons.push('首行为 QQChatExporter 标识');
  if (box) reasons.push('有“QQ聊天记录导出文件”表头及聊天名称');
  if (blocks > 0) reasons.push(`${blocks} 个“Name:”/“时间:”消息块`);
  if (banner || box) confidence = blocks > 0 || box ? 0.97 : 0.9;
  return { confidence, reason: `${LABEL}：${reasons.join('；')}` };
}

export const qqExporterTxt: FormatSpec = {
  id: 'qq.exporter-txt',
  version: 1,
  name: { zh: 'QQ 聊天记录（QQChatExporter 文本导出）', en: 'QQ chat export (QQChatExporter text)' },
  kind: 'messages',
  grade: 'self-provided',
  input: { kind: 'lines' },
  detect,
  mapRows,
};
