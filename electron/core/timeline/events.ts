import type { z } from 'zod';
import { HIT_THRESHOLD } from '@shared/lexicon';
import { MAX_SELECTION_ITEMS, type BrushInput, type BrushOutput, type EventsInput, type EventsOutput, type SelectionInput, type SelectionOutput, type TimelineEvent } from '@shared/api/timeline-schemas';
import { resolvedName } from '../chats/chat-queries';
import type { Db } from '../db/connection';
import { hasMessageLanes, hasTxnLanes, marks, selectLanes, type LaneSelection } from './lane-ids';
import { scopeSql } from './txn-scope';

type Event = z.output<typeof TimelineEvent>;
type Flag = Event['flags'][number];

/** Messages carry the amount a transfer or red packet states, in the currency chat apps use in the case's region. */
const MESSAGE_CURRENCY = 'CNY';
/** Characters of message text sent with an event: enough for a tooltip and a list line. */
export const SNIPPET_CHARS = 120;

interface TxnRow {
  id: number;
  party: string | null;
  accountId: number;
  utcMs: number;
  amountMinor: number;
  currency: string;
  direction: 'in' | 'out' | null;
  who: string | null;
  text: string;
  succeeded: number;
  dupOf: number | null;
  mirrorId: number | null;
  balanceExpected: number | null;
  reversalOf: number | null;
}

interface MessageRow {
  id: number;
  party: string | null;
  conversationId: number;
  senderId: number | null;
  utcMs: number;
  amountMinor: number | null;
  who: string | null;
  text: string;
  type: string;
  outgoing: number | null;
  score: number;
}

const TXN_COLUMNS = `t.id, (SELECT coalesce(a.holder_name, a.number) FROM account a WHERE a.id = t.account_id) AS party, t.account_id AS accountId, t.ts_utc AS utcMs, t.amount_minor AS amountMinor, t.currency, t.direction,
  coalesce(t.cp_name, t.cp_account) AS who, coalesce(t.summary, '') AS text, t.succeeded, t.dup_of AS dupOf, t.mirror_id AS mirrorId,
  t.balance_expected AS balanceExpected, t.reversal_of AS reversalOf`;
const MESSAGE_COLUMNS = `m.id, (SELECT ${resolvedName('c.title', 'c.conv_key')} FROM conversation c WHERE c.id = m.conversation_id) AS party, m.conversation_id AS conversationId, m.sender_id AS senderId, m.ts_utc AS utcMs, m.amount_minor AS amountMinor,
  ${resolvedName('h.name', 'h.ext_id')} AS who, substr(m.text, 1, ${SNIPPET_CHARS}) AS text, m.msg_type AS type, m.outgoing, m.lexicon_score AS score`;

function txnFlags(row: TxnRow): Flag[] {
  const flags: Flag[] = [];
  if (row.succeeded !== 1) flags.push('failed');
  if (row.dupOf !== null) flags.push('duplicate');
  if (row.mirrorId !== null) flags.push('mirror');
  if (row.balanceExpected !== null) flags.push('balance-break');
  if (row.reversalOf !== null) flags.push('reversal');
  return flags;
}

function txnEvent(row: TxnRow, lane: string): Event {
  return {
    type: 'txn',
    id: row.id,
    lane,
    utcMs: row.utcMs,
    amountMinor: Math.abs(row.amountMinor),
    currency: row.currency,
    direction: row.direction,
    party: row.party,
    who: row.who,
    text: row.text,
    flags: txnFlags(row),
    messageType: null,
  };
}

function messageEvent(row: MessageRow, lane: string): Event {
  const flags: Flag[] = [];
  if (row.outgoing === 1) flags.push('outgoing');
  if (row.score >= HIT_THRESHOLD) flags.push('flagged');
  return {
    type: 'message',
    id: row.id,
    lane,
    utcMs: row.utcMs,
    amountMinor: row.amountMinor,
    currency: row.amountMinor === null ? null : MESSAGE_CURRENCY,
    direction: null,
    party: row.party,
    who: row.who,
    text: row.text,
    flags,
    messageType: row.type,
  };
}

/** SQL (and its parameters) picking the transactions of the selected lanes in a range. */
function txnWhere(selection: LaneSelection, from: number, to: number, scope: string): { sql: string; params: number[] } {
  const accounts = selection.allTxns ? '' : ` AND t.account_id IN (${marks(selection.accounts)})`;
  return {
    sql: `t.ts_utc >= ? AND t.ts_utc < ?${accounts}${scope}`,
    params: [from, to, ...(selection.allTxns ? [] : selection.accounts)],
  };
}

/** SQL picking the messages of the selected lanes (a conversation, a sender, or all) in a range. */
function messageWhere(selection: LaneSelection, from: number, to: number): { sql: string; params: number[] } {
  if (selection.allMessages) return { sql: 'm.ts_utc >= ? AND m.ts_utc < ?', params: [from, to] };
  const parts: string[] = [];
  if (selection.conversations.length > 0) parts.push(`m.conversation_id IN (${marks(selection.conversations)})`);
  if (selection.handles.length > 0) parts.push(`m.sender_id IN (${marks(selection.handles)})`);
  return { sql: `m.ts_utc >= ? AND m.ts_utc < ? AND (${parts.join(' OR ')})`, params: [from, to, ...selection.conversations, ...selection.handles] };
}

/** The lanes a transaction is drawn in: its account's lane and the aggregate lane, when selected. */
function txnLanes(selection: LaneSelection, accountId: number): string[] {
  const lanes: string[] = [];
  if (selection.allTxns) lanes.push('all:txn');
  if (selection.accounts.includes(accountId)) lanes.push(`account:${accountId}`);
  return lanes;
}

function messageLanes(selection: LaneSelection, row: MessageRow): string[] {
  const lanes: string[] = [];
  if (selection.allMessages) lanes.push('all:message');
  if (selection.conversations.includes(row.conversationId)) lanes.push(`conversation:${row.conversationId}`);
  if (row.senderId !== null && selection.handles.includes(row.senderId)) lanes.push(`handle:${row.senderId}`);
  return lanes;
}

interface Picked {
  txns: boolean;
  messages: boolean;
  selection: LaneSelection;
  scope: string;
}

function pick(input: { lanes: string[]; kinds: ('txn' | 'message')[]; scope: { duplicates: boolean; failed: boolean } }): Picked {
  const selection = selectLanes(input.lanes);
  return {
    selection,
    txns: input.kinds.includes('txn') && hasTxnLanes(selection),
    messages: input.kinds.includes('message') && hasMessageLanes(selection),
    scope: scopeSql(input.scope, 't.'),
  };
}

/**
 * Individual events for the zoomed-in timeline, in time order, each in every selected lane it belongs to (a
 * transaction in its account's lane and in the aggregate lane). At most `limit` events; `total` says how many there are.
 */
export function timelineEvents(db: Db, input: z.output<typeof EventsInput>): z.output<typeof EventsOutput> {
  const { selection, txns, messages, scope } = pick(input);
  const events: Event[] = [];
  let total = 0;
  const count = (sql: string, params: readonly number[]): number => (db.prepare(sql).get(...params) as { n: number }).n;
  if (txns) {
    const where = txnWhere(selection, input.from, input.to, scope);
    const rows = db.prepare(`SELECT ${TXN_COLUMNS} FROM txn t WHERE ${where.sql} ORDER BY t.ts_utc, t.id LIMIT ?`).all(...where.params, input.limit) as TxnRow[];
    for (const row of rows) for (const lane of txnLanes(selection, row.accountId)) events.push(txnEvent(row, lane));
    // drawn events: the aggregate lane holds them all, each account lane its own
    if (selection.allTxns) total += count(`SELECT count(*) AS n FROM txn t WHERE ${where.sql}`, where.params);
    if (selection.accounts.length > 0) {
      const own = txnWhere({ ...selection, allTxns: false }, input.from, input.to, scope);
      total += count(`SELECT count(*) AS n FROM txn t WHERE ${own.sql}`, own.params);
    }
  }
  if (messages) {
    const where = messageWhere(selection, input.from, input.to);
    const rows = db
      .prepare(`SELECT ${MESSAGE_COLUMNS} FROM message m LEFT JOIN handle h ON h.id = m.sender_id WHERE ${where.sql} ORDER BY m.ts_utc, m.id LIMIT ?`)
      .all(...where.params, input.limit) as MessageRow[];
    for (const row of rows) for (const lane of messageLanes(selection, row)) events.push(messageEvent(row, lane));
    const range = [input.from, input.to];
    if (selection.allMessages) total += count('SELECT count(*) AS n FROM message m WHERE m.ts_utc >= ? AND m.ts_utc < ?', range);
    if (selection.conversations.length > 0) {
      total += count(`SELECT count(*) AS n FROM message m WHERE m.ts_utc >= ? AND m.ts_utc < ? AND m.conversation_id IN (${marks(selection.conversations)})`, [
        ...range,
        ...selection.conversations,
      ]);
    }
    if (selection.handles.length > 0) {
      total += count(`SELECT count(*) AS n FROM message m WHERE m.ts_utc >= ? AND m.ts_utc < ? AND m.sender_id IN (${marks(selection.handles)})`, [
        ...range,
        ...selection.handles,
      ]);
    }
  }
  events.sort((a, b) => a.utcMs - b.utcMs || a.type.localeCompare(b.type) || a.id - b.id || a.lane.localeCompare(b.lane));
  const shown = events.slice(0, input.limit);
  return { events: shown, total, truncated: total > shown.length };
}

interface ItemId {
  type: 'txn' | 'message';
  id: number;
  utcMs: number;
}

/** Time order of the side panel: by instant, transactions before messages at the same instant, then by id. */
function byTime(a: ItemId, b: ItemId): number {
  return a.utcMs - b.utcMs || (a.type === b.type ? 0 : a.type === 'txn' ? -1 : 1) || a.id - b.id;
}

interface Period {
  /** the first `n` items of the period in time order, each once */
  first: (n: number) => ItemId[];
  txns: number;
  messages: number;
  selection: LaneSelection;
}

/**
 * The transactions and messages of a period, each once, with their counts. Each kind is read in the order of its
 * time index and only as far as asked, then the two are merged: a brush over a whole case of millions of rows lists
 * its first page without sorting them all.
 */
function period(db: Db, input: { from: number; to: number; lanes: string[]; kinds: ('txn' | 'message')[]; scope: { duplicates: boolean; failed: boolean } }): Period {
  const { selection, txns, messages, scope } = pick(input);
  const txnWhereSql = txns ? txnWhere(selection, input.from, input.to, scope) : null;
  const messageWhereSql = messages ? messageWhere(selection, input.from, input.to) : null;
  const count = (sql: string, params: readonly number[]): number => (db.prepare(sql).get(...params) as { n: number }).n;
  // every transaction of the period: walk the time index (ts_utc, then rowid = the order asked for) and stop at n,
  // rather than let a wider covering index be read whole and sorted
  const byTimeIndex = selection.allTxns ? ' INDEXED BY txn_time' : '';
  return {
    selection,
    txns: txnWhereSql ? count(`SELECT count(*) AS n FROM txn t WHERE ${txnWhereSql.sql}`, txnWhereSql.params) : 0,
    messages: messageWhereSql ? count(`SELECT count(*) AS n FROM message m WHERE ${messageWhereSql.sql}`, messageWhereSql.params) : 0,
    first: (n) => {
      const found: ItemId[] = [];
      if (txnWhereSql) {
        found.push(
          ...(db
            .prepare(`SELECT 'txn' AS type, t.id, t.ts_utc AS utcMs FROM txn t${byTimeIndex} WHERE ${txnWhereSql.sql} ORDER BY t.ts_utc, t.id LIMIT ?`)
            .all(...txnWhereSql.params, n) as ItemId[]),
        );
      }
      if (messageWhereSql) {
        found.push(
          ...(db
            .prepare(`SELECT 'message' AS type, m.id, m.ts_utc AS utcMs FROM message m WHERE ${messageWhereSql.sql} ORDER BY m.ts_utc, m.id LIMIT ?`)
            .all(...messageWhereSql.params, n) as ItemId[]),
        );
      }
      return found.sort(byTime).slice(0, n);
    },
  };
}

/**
 * The items of a brushed period for the side panel, each once (a message in a selected conversation and by a selected
 * sender is listed once), in time order, a page at a time, with ids so they can be tagged.
 */
export function timelineBrush(db: Db, input: z.output<typeof BrushInput>): z.output<typeof BrushOutput> {
  const found = period(db, input);
  const page = found.first(input.offset + input.limit).slice(input.offset);
  return { items: hydrate(db, found.selection, page), total: found.txns + found.messages, offset: input.offset, txns: found.txns, messages: found.messages };
}

/** Every item of a brushed period as a reference (type and id), in time order, for "tag the selection". */
export function timelineSelection(db: Db, input: z.output<typeof SelectionInput>): z.output<typeof SelectionOutput> {
  const found = period(db, input);
  return { items: found.first(MAX_SELECTION_ITEMS).map(({ type, id }) => ({ type, id })), total: found.txns + found.messages };
}

/** The page's ids → events, in the page's order, each in the first selected lane it belongs to. */
function hydrate(db: Db, selection: LaneSelection, page: readonly { type: 'txn' | 'message'; id: number }[]): Event[] {
  const txnIds = page.filter((item) => item.type === 'txn').map((item) => item.id);
  const messageIds = page.filter((item) => item.type === 'message').map((item) => item.id);
  const txnRows = txnIds.length === 0 ? [] : (db.prepare(`SELECT ${TXN_COLUMNS} FROM txn t WHERE t.id IN (${marks(txnIds)})`).all(...txnIds) as TxnRow[]);
  const messageRows =
    messageIds.length === 0
      ? []
      : (db.prepare(`SELECT ${MESSAGE_COLUMNS} FROM message m LEFT JOIN handle h ON h.id = m.sender_id WHERE m.id IN (${marks(messageIds)})`).all(...messageIds) as MessageRow[]);
  const txnById = new Map(txnRows.map((row) => [row.id, row]));
  const messageById = new Map(messageRows.map((row) => [row.id, row]));
  const items: Event[] = [];
  for (const item of page) {
    if (item.type === 'txn') {
      const row = txnById.get(item.id);
      if (row) items.push(txnEvent(row, txnLanes(selection, row.accountId).at(-1) ?? 'all:txn'));
    } else {
      const row = messageById.get(item.id);
      if (row) items.push(messageEvent(row, messageLanes(selection, row).at(-1) ?? 'all:message'));
    }
  }
  return items;
}
