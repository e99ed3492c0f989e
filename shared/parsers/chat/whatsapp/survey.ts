import type { ConversationRef, ParseContext, SourceRecord } from '../../types';
import { DateOrderEvidence } from './date-order';
import type { DateOrder, OrderBasis } from './date-order';
import { cleanName, groupNameIn, isEncryptionNotice, isGroupEvent, isMarkedSystemText, splitSender } from './message-body';
import { readStampLine } from './timestamp-line';

/**
 * The first pass over a WhatsApp export: the day/month order no date contradicts, who writes (to tell a group from a
 * private chat, and `John:.` from a system text), and the group's name when system lines state it.
 */

export interface WhatsappSurvey {
  order: DateOrder;
  orderBasis: OrderBasis;
  dayFirstLine: number;
  monthFirstLine: number;
  kind: ConversationRef['kind'];
  groupName?: string | undefined;
  noticeSender?: string | undefined;
  senders: ReadonlySet<string>;
}

/** Senders kept for the second pass; a chat with more names than this is a large group either way. */
const MAX_SENDERS = 5000;
const NO_SENDERS: ReadonlySet<string> = new Set();

export async function surveyWhatsapp(records: AsyncIterable<SourceRecord>, _context: ParseContext): Promise<Record<string, string>> {
  const evidence = new DateOrderEvidence();
  const senders = new Set<string>();
  let groupEvents = 0;
  let groupName: string | null = null;
  let noticeSender: string | null = null;
  for await (const record of records) {
    const stamp = readStampLine(record.cells[0] ?? '');
    if (stamp === null) continue;
    evidence.add(stamp, record.line);
    const split = splitSender(stamp.rest, NO_SENDERS);
    if (isEncryptionNotice(split.text)) {
      if (split.sender !== null) noticeSender ??= split.sender;
      continue;
    }
    if (split.sender === null || isMarkedSystemText(split.text)) {
      const text = split.sender === null ? stamp.rest : split.text;
      if (isGroupEvent(text)) groupEvents++;
      groupName = groupNameIn(text) ?? groupName;
      continue;
    }
    if (senders.size < MAX_SENDERS) senders.add(split.sender);
  }
  const { order, basis } = evidence.decide();
  const kind = groupEvents > 0 || senders.size > 2 ? 'group' : senders.size > 0 ? 'private' : 'unknown';
  const hints: Record<string, string> = {
    order,
    orderBasis: basis,
    dayFirstLine: String(evidence.firstDayFirstLine),
    monthFirstLine: String(evidence.firstMonthFirstLine),
    kind,
    senders: JSON.stringify([...senders]),
  };
  if (groupName !== null) hints.groupName = groupName;
  if (noticeSender !== null) hints.noticeSender = cleanName(noticeSender);
  return hints;
}

function isKind(value: string | undefined): value is ConversationRef['kind'] {
  return value === 'private' || value === 'group' || value === 'channel' || value === 'unknown';
}

function senderList(json: string | undefined): Set<string> {
  if (json === undefined) return new Set();
  try {
    const parsed: unknown = JSON.parse(json);
    return new Set(Array.isArray(parsed) ? parsed.filter((name): name is string => typeof name === 'string') : []);
  } catch {
    return new Set();
  }
}

/** The survey's conclusions as mapRows reads them back; null when no survey ran. */
export function readSurvey(hints: Readonly<Record<string, string>> | undefined): WhatsappSurvey | null {
  if (hints === undefined || (hints.order !== 'dmy' && hints.order !== 'mdy')) return null;
  const basis = hints.orderBasis;
  return {
    order: hints.order,
    orderBasis: basis === 'proved' || basis === 'conflict' || basis === 'unused' ? basis : 'assumed',
    dayFirstLine: Number(hints.dayFirstLine ?? 0),
    monthFirstLine: Number(hints.monthFirstLine ?? 0),
    kind: isKind(hints.kind) ? hints.kind : 'unknown',
    groupName: hints.groupName,
    noticeSender: hints.noticeSender,
    senders: senderList(hints.senders),
  };
}
