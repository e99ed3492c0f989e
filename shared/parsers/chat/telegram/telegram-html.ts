import type { ConversationRef, DetectInput, Detection, FormatSpec, HandleRef, Instant, MapperOutput, MessageDraft, ParseContext, RowError, SourceRecord } from '../../types';
import { capText, tooLongRow } from '../common/index';
import { localInstant, timeReason } from './chat-draft';
import type { MarkupDocument, MarkupElement } from './dom';
import { attr, childElements, findAll, findFirst, hasClass, lineAt, lineStartsOf, parseHtml, visibleText } from './dom';
import { htmlMedia } from './html-media';

/**
 * Telegram Desktop's HTML export (messages.html, messages2.html …), self-provided. Each `div.message.default` has
 * its full time only in the date's title (`14.05.2023 16:43:57 UTC+03:30`; older exports leave out the offset and
 * are read in the case zone), a `from_name` unless it continues the previous sender's run (`joined`), `div.text`,
 * an optional `reply_to` link (`GoToMessage(1001)`), `media_wrap` and a nested `forwarded body`. Service messages
 * with a negative id are the day separators; the others (joins, pins …) carry no time at all.
 */

function detect(input: DetectInput): Detection | null {
  const text = input.text ?? '';
  if (!/class="history"/.test(text) || !/class="message (?:default|service)/.test(text)) return null;
  const marks = ['class="page_header"', 'class="from_name"', '<title>Exported Data</title>', 'GoToMessage('].filter((mark) => text.includes(mark));
  return marks.length > 0
    ? { confidence: 0.9, reason: `Telegram 桌面版 HTML 导出（${marks.join(', ')}）` }
    : { confidence: 0.7, reason: 'Telegram 桌面版 HTML 导出（div.history 与 message default/service）' };
}

const DATE_TITLE = /^(\d{1,2})\.(\d{1,2})\.(\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?:\s*UTC\s*([+-])(\d{1,2}):?(\d{2}))?$/;

type TimeResult = { ok: true; instant: Instant } | { ok: false; reason: string };

function titleTime(title: string, zone: string): TimeResult {
  const m = DATE_TITLE.exec(title.trim());
  if (!m) return { ok: false, reason: `its time '${title.slice(0, 40)}' is not DD.MM.YYYY HH:MM:SS` };
  const [, d, mo, y, h, mi, s, sign, oh, om] = m;
  const offset = sign === undefined ? '' : `${sign}${(oh ?? '').padStart(2, '0')}:${om ?? '00'}`;
  const local = localInstant(`${y}-${mo}-${d} ${h}:${mi}:${s}${offset}`, zone);
  if (!local.ok) return { ok: false, reason: `its time '${title}' ${timeReason(local.reason)}` };
  return { ok: true, instant: { ...local.instant, original: title } };
}

function child(parent: MarkupElement, test: (el: MarkupElement) => boolean): MarkupElement | undefined {
  return childElements(parent).find(test);
}

const isDetails = (el: MarkupElement): boolean => hasClass(el, 'details') || hasClass(el, 'date');

/** The replied-to id from `href="#go_to_message1001"`, `messages2.html#go_to_message7` or `GoToMessage(1001)`. */
function replyTarget(replyTo: MarkupElement | undefined): string {
  if (replyTo === undefined) return '';
  for (const link of findAll(replyTo, (el) => el.name === 'a')) {
    const m = /go_to_message(\d+)/.exec(attr(link, 'href')) ?? /GoToMessage\((\d+)\)/.exec(attr(link, 'onclick'));
    if (m?.[1] !== undefined) return m[1];
  }
  return '';
}

interface PageState {
  conversation: ConversationRef;
  lineStarts: number[];
  zone: string;
  day: string;
  lastSender: HandleRef | null;
  orphanJoined: string[];
}

function lineOf(el: MarkupElement, state: PageState): number {
  return lineAt(state.lineStarts, el.startIndex ?? 0);
}

function serviceMessage(el: MarkupElement, id: string, state: PageState): MessageDraft {
  const text = visibleText(el);
  return {
    type: 'message',
    sheet: '',
    line: lineOf(el, state),
    raw: { id, text, day: state.day },
    conversation: state.conversation,
    sender: null,
    outgoing: null,
    time: { utcMs: null, original: state.day, offsetMinutes: null },
    messageType: 'system',
    text: capText(text).text,
    attachments: [],
    externalId: id,
    replyTo: '',
  };
}

function defaultMessage(el: MarkupElement, id: string, state: PageState): MapperOutput[] {
  const line = lineOf(el, state);
  const label = `message ${id}`;
  const error = (code: RowError['code'], message: string): RowError => ({ type: 'error', sheet: '', line, code, message });
  const body = child(el, (c) => hasClass(c, 'body')) ?? el;
  const date = child(body, (c) => hasClass(c, 'date'));
  if (date === undefined || attr(date, 'title') === '') return [error('MISSING_FIELD', `${label} has no time (no date title)`)];
  const time = titleTime(attr(date, 'title'), state.zone);
  if (!time.ok) return [error('BAD_TIME', `${label}: ${time.reason}`)];

  const fromName = child(body, (c) => hasClass(c, 'from_name'));
  let sender: HandleRef;
  if (fromName !== undefined) {
    sender = { platform: 'telegram', id: '', name: visibleText(fromName, { skip: isDetails }) };
    state.lastSender = sender;
  } else if (state.lastSender !== null) {
    sender = state.lastSender;
  } else {
    // a page that starts inside a run of one sender's messages: the name is on the previous page
    state.orphanJoined.push(id);
    sender = { platform: 'telegram', id: '', name: '' };
  }
  const forwarded = child(body, (c) => hasClass(c, 'forwarded'));
  const textEl = child(body, (c) => hasClass(c, 'text')) ?? (forwarded === undefined ? undefined : child(forwarded, (c) => hasClass(c, 'text')));
  const wrap = child(body, (c) => hasClass(c, 'media_wrap')) ?? (forwarded === undefined ? undefined : child(forwarded, (c) => hasClass(c, 'media_wrap')));
  const media = wrap === undefined ? undefined : htmlMedia(wrap);
  const written = textEl === undefined ? '' : visibleText(textEl);
  const text = [written, media?.detail ?? ''].filter((part) => part !== '').join('\n');
  const replyTo = replyTarget(child(body, (c) => hasClass(c, 'reply_to')));
  const forwardedFrom = forwarded === undefined ? undefined : child(forwarded, (c) => hasClass(c, 'from_name'));

  const raw: Record<string, string> = { id, from_name: sender.name, date: attr(date, 'title'), text: written };
  if (replyTo !== '') raw.reply_to = replyTo;
  if (forwardedFrom !== undefined) raw.forwarded_from = visibleText(forwardedFrom, { skip: isDetails });
  if (media !== undefined) raw.media = [media.messageType, ...media.attachments.map((a) => a.name)].join(' ');
  const capped = capText(text);
  const draft: MessageDraft = {
    type: 'message',
    sheet: '',
    line,
    raw,
    conversation: state.conversation,
    sender,
    outgoing: null,
    time: time.instant,
    messageType: media?.messageType ?? 'text',
    text: capped.text,
    attachments: media?.attachments ?? [],
    externalId: id,
    replyTo,
  };
  return capped.cutFrom === null ? [draft] : [draft, tooLongRow('', line, `Telegram ${label}`, capped.cutFrom)];
}

function pageTitle(root: MarkupDocument, context: ParseContext): string {
  const header = findFirst(root, (el) => hasClass(el, 'page_header'));
  const name = header === undefined ? undefined : findFirst(header, (el) => hasClass(el, 'text') && hasClass(el, 'bold'));
  const title = name === undefined ? '' : visibleText(name);
  if (title !== '') return title;
  const parts = context.relPath.split('/');
  return parts.length > 1 ? (parts[parts.length - 2] ?? context.fileName) : context.fileName;
}

const isMessage = (el: MarkupElement): boolean => el.name === 'div' && hasClass(el, 'message') && (hasClass(el, 'default') || hasClass(el, 'service'));

function* mapPage(text: string, record: SourceRecord, context: ParseContext): Generator<MapperOutput> {
  const parsed = parseHtml(text);
  if (!parsed.ok) {
    yield { type: 'error', sheet: record.sheet, line: record.line, code: 'BAD_ROW', message: `not a Telegram HTML export: ${parsed.reason}` };
    return;
  }
  const root = parsed.doc;
  const title = pageTitle(root, context);
  const state: PageState = {
    conversation: { platform: 'telegram', key: title, title, kind: 'unknown' },
    lineStarts: lineStartsOf(text),
    zone: context.timeZone,
    day: '',
    lastSender: null,
    orphanJoined: [],
  };
  const history = findFirst(root, (el) => hasClass(el, 'history')) ?? root;
  const messages = findAll(history, isMessage, isMessage);
  if (messages.length === 0) {
    yield { type: 'error', sheet: record.sheet, line: record.line, code: 'BAD_ROW', message: 'not a Telegram HTML export: the page has no div.message' };
    return;
  }
  for (const el of messages) {
    const id = /^message(-?\d+)$/.exec(attr(el, 'id'))?.[1] ?? '';
    if (hasClass(el, 'service')) {
      if (id === '' || id.startsWith('-')) state.day = visibleText(el);
      else yield serviceMessage(el, id, state);
      continue;
    }
    yield* defaultMessage(el, id, state);
  }
  if (state.orphanJoined.length > 0) {
    yield {
      type: 'warning',
      code: 'SENDER_ON_PREVIOUS_PAGE',
      message: `${state.orphanJoined.length} message(s) at the top of this page continue a sender named on the previous page (${state.orphanJoined.slice(0, 5).join(', ')}); import that page too or read the name there`,
    };
  }
}

async function* mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  for await (const record of records) yield* mapPage(record.cells[0] ?? '', record, context);
}

export const telegramHtml: FormatSpec = {
  id: 'telegram.html',
  version: 1,
  name: { zh: 'Telegram 桌面版聊天导出（HTML）', en: 'Telegram Desktop chat export (HTML)' },
  kind: 'messages',
  grade: 'self-provided',
  input: { kind: 'document' },
  detect,
  mapRows,
};
