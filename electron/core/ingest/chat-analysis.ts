import { extractIdentifiers } from '@shared/ids';
import { extractChatAmounts } from '@shared/money/chat-amounts';
import type { Db } from '../db/connection';

/** Bumped when what the text analysis finds changes (recorded in the cleaning steps). */
export const CHAT_ANALYSIS_VERSION = 1;

/** A 转账/红包 message mirrors the payment-platform trade of the same amount this close in time. */
export const TRANSFER_LINK_WINDOW_MS = 10 * 60 * 1000;

export interface LexiconHitLike {
  group: string;
  term: string;
  start: number;
  end: number;
  weight: number;
}

/** What the import needs of the typology lexicon: hits in a text and a score for a message. */
export interface MessageLexicon {
  version: number;
  match(text: string): LexiconHitLike[];
  score(hits: readonly LexiconHitLike[]): number;
}

export interface ChatAnalysisResult {
  messages: number;
  identifiers: number;
  amounts: number;
  lexiconHits: number;
  transferLinks: number;
}

/**
 * Text analysis of the messages a job added (ids above `afterId`): the full-text index, identifiers and amounts
 * written in the text (mentions, with spans), typology-lexicon hits with a score per message, and the link from a
 * transfer or red-packet message to the trade it mirrors.
 */
export function analyseNewMessages(db: Db, afterId: number, lexicon: MessageLexicon | null): ChatAnalysisResult {
  const result: ChatAnalysisResult = { messages: 0, identifiers: 0, amounts: 0, lexiconHits: 0, transferLinks: 0 };
  db.prepare('INSERT INTO message_fts (rowid, text) SELECT id, text FROM message WHERE id > ?').run(afterId);
  const mention = db.prepare('INSERT INTO mention (message_id, kind, value, start, end, valid, amount_minor) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const hit = db.prepare('INSERT INTO lexicon_hit (message_id, group_id, term, start, end, weight) VALUES (?, ?, ?, ?, ?, ?)');
  const score = db.prepare('UPDATE message SET lexicon_score = ? WHERE id = ?');
  const analyse = (id: number, text: string): void => {
    result.messages += 1;
    for (const found of extractIdentifiers(text)) {
      mention.run(id, found.kind, found.value, found.start, found.end, found.valid ? 1 : 0, null);
      result.identifiers += 1;
    }
    for (const amount of extractChatAmounts(text)) {
      mention.run(id, 'amount', `${amount.currency}:${amount.minor}`, amount.start, amount.end, 1, amount.minor);
      result.amounts += 1;
    }
    if (lexicon) {
      const hits = lexicon.match(text);
      for (const h of hits) hit.run(id, h.group, h.term, h.start, h.end, h.weight);
      result.lexiconHits += hits.length;
      if (hits.length > 0) score.run(lexicon.score(hits), id);
    }
  };
  // pages of messages, so a million-message job never holds every text at once
  const page = db.prepare("SELECT id, text FROM message WHERE id > ? AND text <> '' ORDER BY id LIMIT 5000");
  for (let from = afterId; ; ) {
    const rows = page.all(from) as { id: number; text: string }[];
    const last = rows[rows.length - 1];
    if (!last) break;
    from = last.id;
    for (const row of rows) analyse(row.id, row.text);
  }
  result.transferLinks = linkTransferMessages(db, afterId);
  return result;
}

/**
 * Link each 转账/红包 message that states an amount to the nearest-in-time trade of exactly that amount within the
 * window that no other message claims yet (DOMAIN.md §1.5: link chat transfers to TenpayTrades by time and amount).
 */
export function linkTransferMessages(db: Db, afterId: number): number {
  const candidates = db
    .prepare(
      `SELECT id, ts_utc AS ts, amount_minor AS amount FROM message
       WHERE id > ? AND txn_id IS NULL AND amount_minor IS NOT NULL AND ts_utc IS NOT NULL AND msg_type IN ('transfer', 'red-packet')
       ORDER BY ts_utc`,
    )
    .all(afterId) as { id: number; ts: number; amount: number }[];
  const trades = db.prepare(
    `SELECT t.id, t.ts_utc AS ts FROM txn t JOIN account a ON a.id = t.account_id
     WHERE t.ts_utc BETWEEN ? AND ? AND abs(t.amount_minor) = ? AND t.dup_of IS NULL
       AND NOT EXISTS (SELECT 1 FROM message m WHERE m.txn_id = t.id)
     ORDER BY CASE a.kind WHEN 'tenpay' THEN 0 WHEN 'payment' THEN 1 ELSE 2 END, abs(t.ts_utc - ?)
     LIMIT 1`,
  );
  const link = db.prepare('UPDATE message SET txn_id = ? WHERE id = ?');
  let linked = 0;
  for (const message of candidates) {
    const trade = trades.get(message.ts - TRANSFER_LINK_WINDOW_MS, message.ts + TRANSFER_LINK_WINDOW_MS, Math.abs(message.amount), message.ts) as
      | { id: number }
      | undefined;
    if (!trade) continue;
    link.run(trade.id, message.id);
    linked += 1;
  }
  return linked;
}
