import type { z } from 'zod';
import type { LanesOutput, TimelineLane } from '@shared/api/timeline-schemas';
import { resolvedName } from '../chats/chat-queries';
import type { Db } from '../db/connection';

type Lane = z.output<typeof TimelineLane>;
type Lanes = z.output<typeof LanesOutput>;

/** Lanes listed per kind, busiest first; more would not fit any picker, and the rest are counted. */
export const MAX_LANES_PER_KIND = 500;
/** Shown first: the busiest accounts and conversations (with the two aggregate lanes). */
export const DEFAULT_ACCOUNT_LANES = 8;
export const DEFAULT_CONVERSATION_LANES = 4;

interface CountRow {
  id: number;
  count: number;
  firstUtc: number | null;
  lastUtc: number | null;
}

const joinParts = (parts: readonly (string | null | undefined)[]): string => parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');

/**
 * Every lane the timeline can draw, with its record count and time range. Counts come from the (account, time) and
 * (conversation, time) indexes alone, so listing stays fast on a case of millions of rows; they count every record,
 * duplicates and bank-failed rows included (the chart's own counts say what they exclude).
 */
export function listLanes(db: Db): Lanes {
  const accountCounts = db
    .prepare('SELECT account_id AS id, count(*) AS count, min(ts_utc) AS firstUtc, max(ts_utc) AS lastUtc FROM txn GROUP BY account_id ORDER BY count DESC, account_id')
    .all() as CountRow[];
  const accountInfo = db.prepare('SELECT kind, number, sub_account AS sub, bank_name AS bank, bank_guess AS guess, holder_name AS holder FROM account WHERE id = ?');
  const accounts: Lane[] = accountCounts.slice(0, MAX_LANES_PER_KIND).map((row) => {
    const info = accountInfo.get(row.id) as { kind: string; number: string; sub: string; bank: string | null; guess: string | null; holder: string | null } | undefined;
    return {
      id: `account:${row.id}`,
      kind: 'account',
      label: info?.holder ?? info?.number ?? String(row.id),
      detail: joinParts([info?.number, info?.sub, info?.bank ?? info?.guess]),
      platform: info?.kind ?? null,
      count: row.count,
      firstUtc: row.firstUtc,
      lastUtc: row.lastUtc,
    };
  });

  const conversationCounts = db
    .prepare(
      `SELECT c.id, ${resolvedName('c.title', 'c.conv_key')} AS title, c.platform, c.kind, count(m.id) AS count, min(m.ts_utc) AS firstUtc, max(m.ts_utc) AS lastUtc
       FROM conversation c LEFT JOIN message m ON m.conversation_id = c.id GROUP BY c.id ORDER BY count DESC, c.id`,
    )
    .all() as (CountRow & { title: string; platform: string; kind: string })[];
  const conversations: Lane[] = conversationCounts.slice(0, MAX_LANES_PER_KIND).map((row) => ({
    id: `conversation:${row.id}`,
    kind: 'conversation',
    label: row.title,
    detail: row.kind,
    platform: row.platform,
    count: row.count,
    firstUtc: row.firstUtc,
    lastUtc: row.lastUtc,
  }));

  const handleCounts = db
    .prepare(
      `SELECT h.id, ${resolvedName('h.name', 'h.ext_id')} AS name, h.platform, h.ext_id AS extId, count(m.id) AS count, min(m.ts_utc) AS firstUtc, max(m.ts_utc) AS lastUtc
       FROM handle h JOIN message m ON m.sender_id = h.id GROUP BY h.id ORDER BY count DESC, h.id`,
    )
    .all() as (CountRow & { name: string; platform: string; extId: string })[];
  const handles: Lane[] = handleCounts.slice(0, MAX_LANES_PER_KIND).map((row) => ({
    id: `handle:${row.id}`,
    kind: 'handle',
    label: row.name,
    detail: row.extId,
    platform: row.platform,
    count: row.count,
    firstUtc: row.firstUtc,
    lastUtc: row.lastUtc,
  }));

  const txnRange = db.prepare('SELECT count(*) AS count, min(ts_utc) AS firstUtc, max(ts_utc) AS lastUtc FROM txn').get() as CountRow;
  const messageRange = db.prepare('SELECT count(*) AS count, min(ts_utc) AS firstUtc, max(ts_utc) AS lastUtc FROM message').get() as CountRow;
  const aggregates: Lane[] = [];
  const aggregate = (id: string, range: CountRow): Lane => ({ id, kind: 'all', label: '', detail: '', platform: null, count: range.count, firstUtc: range.firstUtc, lastUtc: range.lastUtc });
  if (txnRange.count > 0) aggregates.push(aggregate('all:txn', txnRange));
  if (messageRange.count > 0) aggregates.push(aggregate('all:message', messageRange));

  const firsts = [txnRange.firstUtc, messageRange.firstUtc].filter((v): v is number => v !== null);
  const lasts = [txnRange.lastUtc, messageRange.lastUtc].filter((v): v is number => v !== null);
  const busy = (lanes: readonly Lane[], n: number) => lanes.filter((lane) => lane.count > 0).slice(0, n).map((lane) => lane.id);
  return {
    lanes: [...aggregates, ...accounts, ...conversations, ...handles],
    defaultLanes: [...aggregates.map((lane) => lane.id), ...busy(accounts, DEFAULT_ACCOUNT_LANES), ...busy(conversations, DEFAULT_CONVERSATION_LANES)],
    range: firsts.length > 0 && lasts.length > 0 ? { firstUtc: Math.min(...firsts), lastUtc: Math.max(...lasts) } : null,
    omitted: {
      account: Math.max(0, accountCounts.length - MAX_LANES_PER_KIND),
      conversation: Math.max(0, conversationCounts.length - MAX_LANES_PER_KIND),
      handle: Math.max(0, handleCounts.length - MAX_LANES_PER_KIND),
    },
  };
}
