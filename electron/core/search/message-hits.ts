import type { MessageHit } from '@shared/domain';
import { resolvedName } from '../chats/chat-queries';
import type { Db } from '../db/connection';
import { fieldsOf, HitsBuilder, inList, type HitQuery } from './hit-query';
import type { SearchTerms } from './read-query';

/** Identifier kinds the chat analysis records as mentions (shared/ids IdentifierKind). */
const MENTION_KINDS = ['resident-id', 'mobile', 'landline', 'bank-card', 'bank-account', 'credit-code', 'alipay-uid', 'wechat-id', 'qq', 'plate', 'ipv4', 'ipv6', 'mac'];

const SNIPPET_BEFORE = 20;
const SNIPPET_CHARS = 90;

/** An FTS5 phrase: the text as one quoted string, quotes doubled (never query syntax). */
const phrase = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/**
 * Where the terms occur in messages: identifiers and amounts the chat analysis found in the text (mentions, by
 * their normalised value), and the words themselves through the trigram index (one or two characters by scanning).
 */
export function messageHits(terms: SearchTerms): HitQuery | null {
  const hits = new HitsBuilder('message', 'm');
  if (terms.exact.length > 0) {
    hits.branchWithFieldSql(
      "'mention:' || x.kind",
      `FROM mention x WHERE x.kind IN (${MENTION_KINDS.map(() => '?').join(', ')}) AND ${inList('x.value')}`,
      [...MENTION_KINDS, JSON.stringify(terms.exact)],
      'x.message_id',
    );
  }
  for (const amount of terms.amounts) {
    hits.branch('mention:amount', "FROM mention x WHERE x.kind = 'amount' AND x.value = ?", [`${amount.currency}:${amount.minor}`], 'x.message_id');
  }
  const long = terms.contains.filter((text) => [...text].length >= 3);
  if (long.length > 0) {
    hits.branch('text', 'FROM message_fts WHERE message_fts MATCH ?', [long.map(phrase).join(' OR ')], 'rowid');
  }
  for (const short of terms.contains.filter((text) => [...text].length < 3)) hits.scan('text', 'instr(m.text, ?) > 0', [short]);
  return hits.build();
}

/** Text around the first place any of the needles occurs (case-insensitive), on one line. */
export function snippetOf(text: string, needles: readonly string[], at?: number): string {
  const lower = text.toLowerCase();
  const found = needles.map((needle) => lower.indexOf(needle.toLowerCase())).filter((index) => index >= 0);
  const start = found.length > 0 ? Math.min(...found) : (at ?? 0);
  const from = Math.max(0, start - SNIPPET_BEFORE);
  const cut = text.slice(from, from + SNIPPET_CHARS).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${cut}${from + SNIPPET_CHARS < text.length ? '…' : ''}`;
}

interface MessageRow {
  id: number;
  conversationId: number;
  conversationTitle: string;
  utcMs: number | null;
  timeText: string;
  sender: string | null;
  text: string;
  fields: string | null;
  total: number;
  mentionAt: number | null;
}

export function searchMessages(db: Db, terms: SearchTerms, limit: number): { total: number; items: MessageHit[] } {
  const hits = messageHits(terms);
  if (hits === null) return { total: 0, items: [] };
  const rows = db
    .prepare(
      `WITH hits(id, field) AS (${hits.sql}), matched AS (SELECT id, group_concat(field) AS fields FROM hits GROUP BY id)
       SELECT m.id, m.conversation_id AS conversationId, ${resolvedName('c.title', 'c.conv_key')} AS conversationTitle, m.ts_utc AS utcMs, m.ts_text AS timeText,
         ${resolvedName('h.name', 'h.ext_id')} AS sender,
         m.text, matched.fields, count(*) OVER () AS total,
         (SELECT min(x.start) FROM mention x WHERE x.message_id = m.id AND (x.value IN (SELECT value FROM json_each(?)) OR x.value IN (SELECT value FROM json_each(?)))) AS mentionAt
       FROM matched JOIN message m ON m.id = matched.id JOIN conversation c ON c.id = m.conversation_id LEFT JOIN handle h ON h.id = m.sender_id
       ORDER BY m.ts_utc IS NULL, m.ts_utc, m.id
       LIMIT ?`,
    )
    .all(...hits.params, JSON.stringify(terms.exact), JSON.stringify(terms.amounts.map((a) => `${a.currency}:${a.minor}`)), limit) as MessageRow[];
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((row) => ({
      id: row.id,
      conversationId: row.conversationId,
      conversationTitle: row.conversationTitle,
      utcMs: row.utcMs,
      timeText: row.timeText,
      sender: row.sender,
      snippet: snippetOf(row.text, terms.contains, row.mentionAt ?? undefined),
      matched: fieldsOf(row.fields),
    })),
  };
}

/** Every matching message id (for tagging the whole result). */
export function allMessageIds(db: Db, terms: SearchTerms): number[] {
  const hits = messageHits(terms);
  if (hits === null) return [];
  return db.prepare(`WITH hits(id, field) AS (${hits.sql}) SELECT DISTINCT id FROM hits ORDER BY id`).pluck().all(...hits.params) as number[];
}
