import type { ChatConversation, ChatFilter, ChatMessage, ChatParticipant, MentionSummary, TextSpan } from '@shared/domain';
import { HIT_THRESHOLD } from '@shared/lexicon';
import type { Db } from '../db/connection';

/** Messages at or above this lexicon score count as flagged (the lexicon's own threshold, see shared/lexicon). */
export const FLAG_SCORE = HIT_THRESHOLD;

/**
 * A label for a handle or conversation that the export names only by its platform id (WeChat exports often carry
 * wxids alone): the holder of the payment account registered with that id (Tenpay 注册信息, Alipay …) and the id,
 * e.g. '王芳 (wxid_abc)'; otherwise the name as the export wrote it.
 */
export function resolvedName(nameExpr: string, idExpr: string): string {
  return `CASE WHEN ${nameExpr} = ${idExpr} OR ${nameExpr} = '' THEN coalesce(
      (SELECT a.holder_name FROM identifier i JOIN account r ON r.id = i.account_id JOIN account a ON a.id = coalesce(r.merged_into, r.id)
       WHERE i.type IN ('wechat_id', 'qq', 'phone') AND i.value = ${idExpr} AND a.holder_name IS NOT NULL AND a.holder_name <> '' LIMIT 1)
      || ' (' || ${idExpr} || ')', ${nameExpr}) ELSE ${nameExpr} END`;
}

interface Where {
  sql: string;
  params: (string | number)[];
}

/** The filter as SQL over `message m`. */
function whereOf(filter: ChatFilter): Where {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (filter.conversationId !== undefined) {
    clauses.push('m.conversation_id = ?');
    params.push(filter.conversationId);
  }
  if (filter.senderId !== undefined) {
    clauses.push('m.sender_id = ?');
    params.push(filter.senderId);
  }
  if (filter.lexiconGroup !== undefined) {
    clauses.push('EXISTS (SELECT 1 FROM lexicon_hit h WHERE h.message_id = m.id AND h.group_id = ?)');
    params.push(filter.lexiconGroup);
  }
  if (filter.mentionKind !== undefined && filter.mentionValue !== undefined) {
    clauses.push('EXISTS (SELECT 1 FROM mention x WHERE x.message_id = m.id AND x.kind = ? AND x.value = ?)');
    params.push(filter.mentionKind, filter.mentionValue);
  } else if (filter.mentionKind !== undefined) {
    clauses.push('EXISTS (SELECT 1 FROM mention x WHERE x.message_id = m.id AND x.kind = ?)');
    params.push(filter.mentionKind);
  } else if (filter.mentionValue !== undefined) {
    clauses.push('EXISTS (SELECT 1 FROM mention x WHERE x.message_id = m.id AND x.value = ?)');
    params.push(filter.mentionValue);
  }
  if (filter.flaggedOnly === true) {
    clauses.push('m.lexicon_score >= ?');
    params.push(FLAG_SCORE);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export function listConversations(db: Db): ChatConversation[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.platform, ${resolvedName('c.title', 'c.conv_key')} AS title, c.kind, ${resolvedName('o.name', 'o.ext_id')} AS owner,
         (SELECT count(*) FROM message m WHERE m.conversation_id = c.id) AS messages,
         (SELECT count(*) FROM conversation_member cm WHERE cm.conversation_id = c.id) AS participants,
         (SELECT min(ts_utc) FROM message m WHERE m.conversation_id = c.id) AS firstUtc,
         (SELECT max(ts_utc) FROM message m WHERE m.conversation_id = c.id) AS lastUtc,
         (SELECT count(*) FROM message m WHERE m.conversation_id = c.id AND m.lexicon_score >= ${FLAG_SCORE}) AS flagged,
         (SELECT json_group_array(DISTINCT s.rel_path) FROM message m JOIN source s ON s.id = m.source_id WHERE m.conversation_id = c.id) AS sources
       FROM conversation c LEFT JOIN handle o ON o.id = c.owner_id
       ORDER BY lastUtc DESC NULLS LAST, c.id`,
    )
    .all() as (Omit<ChatConversation, 'sources'> & { sources: string })[];
  return rows.map((row) => ({ ...row, sources: JSON.parse(row.sources) as string[] }));
}

export function listParticipants(db: Db, conversationId: number): ChatParticipant[] {
  const rows = db
    .prepare(
      `SELECT h.id, h.ext_id AS platformId, ${resolvedName('h.name', 'h.ext_id')} AS name,
         (SELECT json_group_array(name) FROM (SELECT name FROM handle_name n WHERE n.handle_id = h.id ORDER BY last_utc DESC NULLS LAST)) AS names,
         (SELECT count(*) FROM message m WHERE m.conversation_id = ? AND m.sender_id = h.id) AS messages
       FROM conversation_member cm JOIN handle h ON h.id = cm.handle_id
       WHERE cm.conversation_id = ?
       ORDER BY messages DESC, h.name`,
    )
    .all(conversationId, conversationId) as (Omit<ChatParticipant, 'names'> & { names: string })[];
  return rows.map((row) => ({ ...row, names: JSON.parse(row.names) as string[] }));
}

interface MessageRow {
  id: number;
  conversationId: number;
  conversationTitle: string;
  senderId: number | null;
  senderName: string | null;
  outgoing: number | null;
  utcMs: number | null;
  timeText: string;
  offsetMinutes: number | null;
  type: string;
  text: string;
  recovered: number;
  amountMinor: number | null;
  txnId: number | null;
  lexiconScore: number;
  dupCluster: number | null;
  sourceId: number;
  file: string;
  sheet: string;
  line: number;
}

const MESSAGE_COLUMNS = `m.id, m.conversation_id AS conversationId, ${resolvedName('c.title', 'c.conv_key')} AS conversationTitle, m.sender_id AS senderId,
  ${resolvedName('h.name', 'h.ext_id')} AS senderName,
  m.outgoing, m.ts_utc AS utcMs, m.ts_text AS timeText, m.ts_offset AS offsetMinutes, m.msg_type AS type, m.text, m.recovered,
  m.amount_minor AS amountMinor, m.txn_id AS txnId, m.lexicon_score AS lexiconScore, m.dup_cluster AS dupCluster,
  m.source_id AS sourceId, s.rel_path AS file, m.sheet, m.line`;
const MESSAGE_JOINS = `JOIN conversation c ON c.id = m.conversation_id LEFT JOIN handle h ON h.id = m.sender_id JOIN source s ON s.id = m.source_id`;

/** Rows → messages with their attachments and the spans of lexicon hits and mentions (plus search hits). */
function withDetails(db: Db, rows: readonly MessageRow[], query?: string): ChatMessage[] {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const marks = ids.map(() => '?').join(',');
  const attachments = db.prepare(`SELECT message_id AS messageId, name, kind, sha256, size FROM attachment WHERE message_id IN (${marks}) ORDER BY id`).all(...ids) as {
    messageId: number;
    name: string;
    kind: string;
    sha256: string | null;
    size: number | null;
  }[];
  const hits = db.prepare(`SELECT message_id AS messageId, group_id AS label, start, end FROM lexicon_hit WHERE message_id IN (${marks})`).all(...ids) as {
    messageId: number;
    label: string;
    start: number;
    end: number;
  }[];
  const mentions = db.prepare(`SELECT message_id AS messageId, kind AS label, start, end FROM mention WHERE message_id IN (${marks})`).all(...ids) as {
    messageId: number;
    label: string;
    start: number;
    end: number;
  }[];
  const byMessage = <T extends { messageId: number }>(items: readonly T[]): Map<number, T[]> => {
    const map = new Map<number, T[]>();
    for (const item of items) map.set(item.messageId, [...(map.get(item.messageId) ?? []), item]);
    return map;
  };
  const attachmentsOf = byMessage(attachments);
  const hitsOf = byMessage(hits);
  const mentionsOf = byMessage(mentions);
  return rows.map((row) => {
    const spans: TextSpan[] = [
      ...(query ? searchSpans(row.text, query) : []),
      ...(hitsOf.get(row.id) ?? []).map((hit) => ({ start: hit.start, end: hit.end, kind: 'lexicon' as const, label: hit.label })),
      ...(mentionsOf.get(row.id) ?? []).map((mention) => ({ start: mention.start, end: mention.end, kind: 'mention' as const, label: mention.label })),
    ].sort((a, b) => a.start - b.start || b.end - a.end);
    return {
      id: row.id,
      conversationId: row.conversationId,
      conversationTitle: row.conversationTitle,
      senderId: row.senderId,
      senderName: row.senderName,
      outgoing: row.outgoing === null ? null : row.outgoing === 1,
      utcMs: row.utcMs,
      timeText: row.timeText,
      offsetMinutes: row.offsetMinutes,
      type: row.type,
      text: row.text,
      attachments: (attachmentsOf.get(row.id) ?? []).map(({ name, kind, sha256, size }) => ({ name, kind, sha256, size })),
      recovered: row.recovered === 1,
      amountMinor: row.amountMinor,
      txnId: row.txnId,
      lexiconScore: row.lexiconScore,
      dupCluster: row.dupCluster,
      spans,
      source: { sourceId: row.sourceId, file: row.file, sheet: row.sheet, line: row.line },
    };
  });
}

/** Every occurrence of the query in the text (ASCII case-insensitive), for highlighting. */
export function searchSpans(text: string, query: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const haystack = text.toLowerCase();
  const needle = query.toLowerCase();
  if (needle === '') return spans;
  for (let at = haystack.indexOf(needle); at !== -1 && spans.length < 1000; at = haystack.indexOf(needle, at + needle.length)) {
    spans.push({ start: at, end: at + needle.length, kind: 'search', label: 'search' });
  }
  return spans;
}

export function pageMessages(db: Db, filter: ChatFilter, offset: number, limit: number): { total: number; offset: number; messages: ChatMessage[] } {
  const where = whereOf(filter);
  const total = (db.prepare(`SELECT count(*) AS n FROM message m ${where.sql}`).get(...where.params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT ${MESSAGE_COLUMNS} FROM message m ${MESSAGE_JOINS} ${where.sql} ORDER BY m.ts_utc, m.id LIMIT ? OFFSET ?`)
    .all(...where.params, limit, offset) as MessageRow[];
  return { total, offset, messages: withDetails(db, rows) };
}

const and = (where: Where, clause: string): string => (where.sql === '' ? `WHERE ${clause}` : `${where.sql} AND ${clause}`);

/**
 * In the order pageMessages lists them (time, then id; messages without a time first): the index of the first
 * message at or after the instant, or of the given message (-1 when the filter leaves it out).
 */
export function locateMessage(db: Db, filter: ChatFilter, at: { utcMs?: number | undefined; messageId?: number | undefined }): number {
  const where = whereOf(filter);
  const count = (clause: string, ...params: (number | null)[]): number =>
    (db.prepare(`SELECT count(*) AS n FROM message m ${and(where, clause)}`).get(...where.params, ...params) as { n: number }).n;
  if (at.messageId !== undefined) {
    const target = db.prepare('SELECT ts_utc AS ts FROM message WHERE id = ?').get(at.messageId) as { ts: number | null } | undefined;
    if (!target || count('m.id = ?', at.messageId) === 0) return -1;
    if (target.ts === null) return count('m.ts_utc IS NULL AND m.id < ?', at.messageId);
    return count('(m.ts_utc IS NULL OR m.ts_utc < ? OR (m.ts_utc = ? AND m.id < ?))', target.ts, target.ts, at.messageId);
  }
  return count('(m.ts_utc IS NULL OR m.ts_utc < ?)', at.utcMs ?? 0);
}

export function getMessage(db: Db, id: number): ChatMessage | null {
  const rows = db.prepare(`SELECT ${MESSAGE_COLUMNS} FROM message m ${MESSAGE_JOINS} WHERE m.id = ?`).all(id) as MessageRow[];
  return withDetails(db, rows)[0] ?? null;
}

/** An FTS5 phrase: the query as one quoted string, quotes doubled. */
const ftsPhrase = (query: string): string => `"${query.replace(/"/g, '""')}"`;

/** Escape LIKE wildcards so the query is matched literally. */
const likePattern = (query: string): string => `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Full-text search: three characters or more go through the trigram index; one or two (定金, 口子) are scanned
 * with LIKE (the trigram index cannot hold them). Hits in time order with highlighted spans.
 */
export function searchMessages(db: Db, filter: ChatFilter, query: string, offset: number, limit: number): { total: number; offset: number; messages: ChatMessage[] } {
  const where = whereOf(filter);
  const match = [...query].length >= 3 ? 'm.id IN (SELECT rowid FROM message_fts WHERE message_fts MATCH ?)' : "m.text LIKE ? ESCAPE '\\'";
  const matchParam = [...query].length >= 3 ? ftsPhrase(query) : likePattern(query);
  const sql = and(where, match);
  const total = (db.prepare(`SELECT count(*) AS n FROM message m ${sql}`).get(...where.params, matchParam) as { n: number }).n;
  const rows = db
    .prepare(`SELECT ${MESSAGE_COLUMNS} FROM message m ${MESSAGE_JOINS} ${sql} ORDER BY m.ts_utc, m.id LIMIT ? OFFSET ?`)
    .all(...where.params, matchParam, limit, offset) as MessageRow[];
  return { total, offset, messages: withDetails(db, rows, query) };
}

export function listMentions(db: Db, options: ChatFilter & { kind?: string | undefined; limit: number }): MentionSummary[] {
  const { kind, limit, ...filter } = options;
  const where = whereOf(filter);
  const sql = kind === undefined ? where.sql : and(where, 'x.kind = ?');
  const params = kind === undefined ? where.params : [...where.params, kind];
  const rows = db
    .prepare(
      `SELECT x.kind, x.value, max(x.valid) AS valid, count(*) AS occurrences, count(DISTINCT x.message_id) AS messages,
         count(DISTINCT m.conversation_id) AS conversations, min(x.message_id) AS firstMessageId, max(x.amount_minor) AS amountMinor
       FROM mention x JOIN message m ON m.id = x.message_id ${sql}
       GROUP BY x.kind, x.value
       ORDER BY x.kind, messages DESC, x.value
       LIMIT ?`,
    )
    .all(...params, limit) as (Omit<MentionSummary, 'valid' | 'text'> & { valid: number })[];
  // offsets are UTF-16 units (JavaScript's), so the written form is cut out here rather than with SQL substr()
  const firstUse = db.prepare('SELECT m.text, x.start, x.end FROM mention x JOIN message m ON m.id = x.message_id WHERE x.message_id = ? AND x.kind = ? AND x.value = ? LIMIT 1');
  return rows.map((row) => {
    const use = firstUse.get(row.firstMessageId, row.kind, row.value) as { text: string; start: number; end: number } | undefined;
    return { ...row, valid: row.valid === 1, text: use ? use.text.slice(use.start, use.end) : row.value };
  });
}
