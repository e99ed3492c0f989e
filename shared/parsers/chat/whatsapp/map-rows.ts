import { normaliseMobile } from '../../../ids/index';
import type { ConversationRef, FileWarning, HandleRef, MapperOutput, MessageDraft, ParseContext, SourceRecord } from '../../types';
import { BoundedLines, IdentifiersOnce, capText, tooLongRow, wallInstant } from '../common/index';
import { chatTitle } from './chat-title';
import { orderWarning } from './date-order';
import type { DateOrder } from './date-order';
import { classifyBody, cleanName, isEncryptionNotice, isMarkedSystemText, phoneOfSender, splitSender } from './message-body';
import type { Body } from './message-body';
import { readSurvey } from './survey';
import type { WhatsappSurvey } from './survey';
import { DIRECTION_MARKS, hour24, readStampLine } from './timestamp-line';
import type { StampLine } from './timestamp-line';

const LABEL = 'WhatsApp';

interface Pending {
  sheet: string;
  line: number;
  stamp: StampLine;
  lines: BoundedLines;
}

interface FileState {
  conversation: ConversationRef;
  order: DateOrder;
  survey: WhatsappSurvey | null;
  ids: IdentifiersOnce;
  zone: string;
}

function dateFields(stamp: StampLine, order: DateOrder): { year: number; month: number; day: number } {
  const [a, b, c] = stamp.fields;
  if (a.length === 4) return { year: Number(a), month: Number(b), day: Number(c) };
  const year = c.length === 2 ? 2000 + Number(c) : Number(c);
  return order === 'dmy' ? { year, month: Number(b), day: Number(a) } : { year, month: Number(a), day: Number(b) };
}

/** A phone number as identity linking compares it: mainland mobiles as 11 digits, others with their country code. */
function phoneIdentifier(phone: string): string {
  return normaliseMobile(phone)?.normalized ?? phone;
}

function* finish(pending: Pending, state: FileState): Iterable<MapperOutput> {
  const { sheet, line, stamp } = pending;
  const rawLines = pending.lines.lines();
  const raw = { line: capText(rawLines.join('\n')).text };
  const fields = dateFields(stamp, state.order);
  const read = wallInstant({ ...fields, hour: hour24(stamp), minute: stamp.minute, second: stamp.second }, stamp.stamp, state.zone);
  if (!read.ok) {
    const how = stamp.fields[0].length === 4 ? 'year-first' : state.order === 'dmy' ? 'day-first' : 'month-first';
    yield { type: 'error', sheet, line, code: 'BAD_TIME', message: `${LABEL}: the time '${stamp.stamp}' cannot be read ${how} (${read.reason}); the message is left out` };
    return;
  }
  const split = splitSender(stamp.rest, state.survey?.senders ?? new Set());
  if (isEncryptionNotice(split.text)) return;
  const more = rawLines.slice(1);
  let sender: HandleRef | null = null;
  let body: Body;
  if (split.sender === null || isMarkedSystemText(split.text)) {
    body = { messageType: 'system', text: [split.text, ...more].join('\n').replace(DIRECTION_MARKS, ''), attachments: [] };
  } else {
    const name = cleanName(split.sender);
    const phone = phoneOfSender(name);
    sender = { platform: 'whatsapp', id: phone ?? '', name };
    body = classifyBody([split.text, ...more]);
  }
  const capped = capText(body.text);
  if (capped.cutFrom !== null || pending.lines.dropped) {
    // the full length: every line counted, less the timestamp and sender before the text
    const prefix = (rawLines[0] ?? '').length - split.text.length;
    yield tooLongRow(sheet, line, LABEL, pending.lines.dropped ? pending.lines.totalChars - prefix : (capped.cutFrom ?? 0));
  }
  const draft: MessageDraft = {
    type: 'message',
    sheet,
    line,
    raw,
    conversation: state.conversation,
    sender,
    outgoing: null,
    time: read.instant,
    messageType: body.messageType,
    text: capped.text,
    attachments: body.attachments,
    externalId: '',
    replyTo: '',
  };
  yield draft;
  if (sender !== null && sender.id !== '') {
    const identifier = state.ids.make(draft, 'phone', phoneIdentifier(sender.id), 'contact', read.instant);
    if (identifier !== null) yield identifier;
  }
}

/** Without a survey the first date decides the layout default, and the investigator is told. */
function unsurveyedWarning(order: DateOrder): FileWarning {
  const base = orderWarning(order, 'assumed');
  return {
    type: 'warning',
    code: 'DATE_ORDER_ASSUMED',
    message: `${base?.message ?? ''} (the file was read without a first pass over all its dates)`,
  };
}

/**
 * WhatsApp text export → messages. A line with a timestamp starts a message; the lines after it until the next
 * timestamp are its continuation. The encryption banner is left out (no one wrote it).
 */
export async function* mapWhatsappRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  const survey = readSurvey(context.hints);
  const title = chatTitle(context, { groupName: survey?.groupName, noticeSender: survey?.noticeSender });
  const state: FileState = {
    conversation: { platform: 'whatsapp', key: title, title, kind: survey?.kind ?? 'unknown' },
    order: survey?.order ?? 'dmy',
    survey,
    ids: new IdentifiersOnce(),
    zone: context.timeZone,
  };
  if (survey !== null) {
    const warning = orderWarning(survey.order, survey.orderBasis, { dayFirstLine: survey.dayFirstLine, monthFirstLine: survey.monthFirstLine });
    if (warning !== null) yield warning;
  }
  let orderSettled = survey !== null;
  let pending: Pending | null = null;
  for await (const record of records) {
    const text = record.cells[0] ?? '';
    const stamp = readStampLine(text);
    if (stamp !== null) {
      if (pending !== null) yield* finish(pending, state);
      if (!orderSettled && stamp.fields[0].length !== 4) {
        orderSettled = true;
        const [a, b] = stamp.fields.map(Number);
        state.order = (a ?? 0) > 12 ? 'dmy' : (b ?? 0) > 12 || stamp.englishMeridiem ? 'mdy' : 'dmy';
        yield unsurveyedWarning(state.order);
      }
      pending = { sheet: record.sheet, line: record.line, stamp, lines: new BoundedLines() };
      pending.lines.push(text);
    } else if (pending !== null) {
      pending.lines.push(text);
    } else if (text.trim() !== '') {
      yield {
        type: 'error',
        sheet: record.sheet,
        line: record.line,
        code: 'BAD_ROW',
        message: `${LABEL}: the line starts with no date and time and follows no message, so it belongs to none: '${text.slice(0, 60)}'`,
      };
    }
  }
  if (pending !== null) yield* finish(pending, state);
}
