import { extractIdentifiers } from '@shared/ids';
import { extractChatAmounts } from '@shared/money/chat-amounts';
import { NEAR_DUPLICATE_DEFAULTS, findNearDuplicates } from '@shared/analytics/near-duplicates';
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
  score(hits: readonly LexiconHitLike[], text: string): number;
}

export interface ChatAnalysisResult {
  messages: number;
  identifiers: number;
  amounts: number;
  lexiconHits: number;
  transferLinks: number;
  /** clusters of near-identical texts in the whole case (templated complaint letters, scripts) */
  dupClusters: number;
}

/** Visit messages with text after `afterId` in pages, so a million-message job never holds every text at once. */
export function forEachMessageText(db: Db, afterId: number, visit: (id: number, text: string) => void): void {
  const page = db.prepare("SELECT id, text FROM message WHERE id > ? AND text <> '' ORDER BY id LIMIT 5000");
  for (let from = afterId; ; ) {
    const rows = page.all(from) as { id: number; text: string }[];
    const last = rows[rows.length - 1];
    if (!last) break;
    from = last.id;
    for (const row of rows) visit(row.id, row.text);
  }
}

/** Lexicon hits and a score for each message after `afterId`; returns the number of hits. */
export function applyLexicon(db: Db, afterId: number, lexicon: MessageLexicon): number {
  const hit = db.prepare('INSERT INTO lexicon_hit (message_id, group_id, term, start, end, weight) VALUES (?, ?, ?, ?, ?, ?)');
  const score = db.prepare('UPDATE message SET lexicon_score = ? WHERE id = ?');
  let total = 0;
  forEachMessageText(db, afterId, (id, text) => {
    const hits = lexicon.match(text);
    for (const h of hits) hit.run(id, h.group, h.term, h.start, h.end, h.weight);
    if (hits.length > 0) score.run(lexicon.score(hits, text), id);
    total += hits.length;
  });
  return total;
}

/**
 * Text analysis of the messages a job added (ids above `afterId`): the full-text index, identifiers and amounts
 * written in the text (mentions, with spans), typology-lexicon hits with a score per message, and the link from a
 * transfer or red-packet message to the trade it mirrors.
 */
export function analyseNewMessages(db: Db, afterId: number, lexicon: MessageLexicon | null): ChatAnalysisResult {
  const result: ChatAnalysisResult = { messages: 0, identifiers: 0, amounts: 0, lexiconHits: 0, transferLinks: 0, dupClusters: 0 };
  db.prepare('INSERT INTO message_fts (rowid, text) SELECT id, text FROM message WHERE id > ?').run(afterId);
  const mention = db.prepare('INSERT INTO mention (message_id, kind, value, start, end, valid, amount_minor) VALUES (?, ?, ?, ?, ?, ?, ?)');
  forEachMessageText(db, afterId, (id, text) => {
    result.messages += 1;
    for (const found of extractIdentifiers(text)) {
      mention.run(id, found.kind, found.value, found.start, found.end, found.valid ? 1 : 0, null);
      result.identifiers += 1;
    }
    for (const amount of extractChatAmounts(text)) {
      mention.run(id, 'amount', `${amount.currency}:${amount.minor}`, amount.start, amount.end, 1, amount.minor);
      result.amounts += 1;
    }
  });
  if (lexicon) result.lexiconHits = applyLexicon(db, afterId, lexicon);
  result.transferLinks = linkTransferMessages(db, afterId);
  if (result.messages > 0) result.dupClusters = clusterNearDuplicates(db);
  return result;
}

/**
 * Templated letters are edited sentence by sentence (a clause dropped, another reworded) on top of the names and
 * numbers: measured on the demo's complaint letters, two variants of one template may share as little as 0.36 of
 * their 5-character shingles (chains of closer variants join them), while unrelated long messages share far less.
 * 30 bands of 2 rows make a pair at 0.35 a candidate with probability 0.98; every candidate is verified exactly.
 */
export const NEAR_DUPLICATE_OPTIONS = { threshold: 0.35, bands: 30, rowsPerBand: 2 } as const;

/**
 * Group near-identical long messages across the whole case (a new export may join clusters of earlier ones), so
 * the templated complaint letters and scripts a gang hands out show up together. Clusters are renumbered each time.
 */
export function clusterNearDuplicates(db: Db): number {
  const items = db.prepare('SELECT id, text FROM message WHERE length(text) >= ? ORDER BY id').all(NEAR_DUPLICATE_DEFAULTS.minChars) as { id: number; text: string }[];
  const clusters = findNearDuplicates(items, NEAR_DUPLICATE_OPTIONS);
  db.exec('UPDATE message SET dup_cluster = NULL WHERE dup_cluster IS NOT NULL; DELETE FROM dup_cluster;');
  const cluster = db.prepare('INSERT INTO dup_cluster (id, size, similarity) VALUES (?, ?, ?)');
  const member = db.prepare('UPDATE message SET dup_cluster = ? WHERE id = ?');
  clusters.forEach((found, index) => {
    cluster.run(index + 1, found.ids.length, found.similarity);
    for (const id of found.ids) member.run(index + 1, id);
  });
  return clusters.length;
}

/**
 * Link each 转账/红包 message to the nearest-in-time trade within the window that no other message claims yet
 * (DOMAIN.md §1.5: link chat transfers to TenpayTrades by time and amount): by exact amount when the message states
 * one, else — red packets whose amount the chat does not show — to a trade described as a red packet.
 */
export function linkTransferMessages(db: Db, afterId: number): number {
  const candidates = db
    .prepare(
      `SELECT id, ts_utc AS ts, amount_minor AS amount FROM message
       WHERE id > ? AND txn_id IS NULL AND ts_utc IS NOT NULL AND msg_type IN ('transfer', 'red-packet')
         AND (amount_minor IS NOT NULL OR msg_type = 'red-packet')
       ORDER BY ts_utc`,
    )
    .all(afterId) as { id: number; ts: number; amount: number | null }[];
  const unclaimed = `t.dup_of IS NULL AND NOT EXISTS (SELECT 1 FROM message m WHERE m.txn_id = t.id)`;
  const nearest = `ORDER BY CASE a.kind WHEN 'tenpay' THEN 0 WHEN 'payment' THEN 1 ELSE 2 END, abs(t.ts_utc - @ts) LIMIT 1`;
  const byAmount = db.prepare(
    `SELECT t.id FROM txn t JOIN account a ON a.id = t.account_id
     WHERE t.ts_utc BETWEEN @from AND @to AND abs(t.amount_minor) = @amount AND ${unclaimed} ${nearest}`,
  );
  const redPacket = db.prepare(
    `SELECT t.id FROM txn t JOIN account a ON a.id = t.account_id
     WHERE t.ts_utc BETWEEN @from AND @to AND (coalesce(t.summary, '') || coalesce(t.channel, '') || coalesce(t.memo, '')) LIKE '%红包%'
       AND ${unclaimed} ${nearest}`,
  );
  const link = db.prepare('UPDATE message SET txn_id = ? WHERE id = ?');
  let linked = 0;
  for (const message of candidates) {
    const window = { from: message.ts - TRANSFER_LINK_WINDOW_MS, to: message.ts + TRANSFER_LINK_WINDOW_MS, ts: message.ts };
    const trade = (message.amount !== null ? byAmount.get({ ...window, amount: Math.abs(message.amount) }) : redPacket.get(window)) as { id: number } | undefined;
    if (!trade) continue;
    link.run(trade.id, message.id);
    linked += 1;
  }
  return linked;
}
