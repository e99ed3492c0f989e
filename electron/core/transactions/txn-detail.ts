import { createHash } from 'node:crypto';
import type { LinkedMessage, TxnDetail } from '@shared/domain';
import type { Db } from '../db/connection';
import { ROW_COLUMNS, rowsByIds, tagsOf, toTxnRow, type RawRow } from './txn-rows';

/** A linked message's text is shown in the panel as a preview; the chat view has the whole message. */
const MESSAGE_PREVIEW = 500;

interface DetailRaw extends RawRow {
  cpId: string | null;
  isCash: number | null;
  failReason: string | null;
  device: string | null;
  merchant: string | null;
  merchantCode: string | null;
  logNo: string | null;
  branch: string | null;
  location: string | null;
  memo: string | null;
  dupRule: string | null;
  balanceExpectedMinor: number | null;
  holderId: string | null;
  dupOf: number | null;
  mirrorId: number | null;
  reversalOf: number | null;
  sourceId: number;
  file: string;
  fileName: string;
  sheet: string;
  line: number;
  rawText: string;
  rowHash: string;
  sourceSha256: string;
  sourceSm3: string;
  format: string;
  encoding: string;
  grade: 'official' | 'self-provided';
  importedAt: string;
}

/** The raw row's cells in the order they were stored (JSON object keys keep their order). */
function rawFields(rawText: string): { name: string; value: string }[] {
  try {
    const parsed: unknown = JSON.parse(rawText);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return [];
    return Object.entries(parsed as Record<string, unknown>).map(([name, value]) => ({ name, value: typeof value === 'string' ? value : JSON.stringify(value) }));
  } catch {
    return [];
  }
}

/**
 * Everything about one transaction: every field, where it came from (file, sheet, line, the raw row as stored with
 * its hash checked again now, the original's SHA-256 and SM3) and what it is linked to — the row it duplicates and
 * its duplicates, the other leg of the transfer, the reversal pair, chat messages, tags and the note.
 */
export function getTxn(db: Db, id: number): TxnDetail | null {
  const raw = db
    .prepare(
      `SELECT ${ROW_COLUMNS},
         t.cp_id AS cpId, t.is_cash AS isCash, t.fail_reason AS failReason, t.device, t.merchant, t.merchant_code AS merchantCode,
         t.log_no AS logNo, t.branch, t.location, t.memo, t.dup_rule AS dupRule, t.balance_expected AS balanceExpectedMinor,
         a.holder_id AS holderId, t.dup_of AS dupOf, t.mirror_id AS mirrorId, t.reversal_of AS reversalOf,
         t.source_id AS sourceId, s.rel_path AS file, s.file_name AS fileName, t.sheet, t.line, t.raw AS rawText, t.row_hash AS rowHash,
         s.sha256 AS sourceSha256, s.sm3 AS sourceSm3, s.format_id AS format, s.encoding, s.grade, s.imported_at AS importedAt
       FROM txn t JOIN account a ON a.id = t.account_id JOIN source s ON s.id = t.source_id
       WHERE t.id = ?`,
    )
    .get(id) as DetailRaw | undefined;
  if (!raw) return null;

  // duplicates and reversals share the account and the amount's size with the row they point at (ingest/quality.ts),
  // so the (account, amount) index finds them without an index on dup_of or reversal_of
  const duplicateIds = db
    .prepare('SELECT id FROM txn WHERE account_id = ? AND amount_minor = ? AND dup_of = ? ORDER BY id')
    .pluck()
    .all(raw.accountId, raw.amountMinor, id) as number[];
  const reversalIds = db
    .prepare('SELECT id FROM txn WHERE account_id = ? AND amount_minor = ? AND reversal_of = ? ORDER BY id')
    .pluck()
    .all(raw.accountId, -raw.amountMinor, id) as number[];
  const one = (other: number | null) => (other === null ? null : (rowsByIds(db, [other])[0] ?? null));

  const messages = (
    db
      .prepare(
        `SELECT m.id, m.conversation_id AS conversationId, c.title AS conversationTitle, h.name AS senderName,
           m.ts_utc AS utcMs, m.ts_text AS timeText, m.text
         FROM message m JOIN conversation c ON c.id = m.conversation_id LEFT JOIN handle h ON h.id = m.sender_id
         WHERE m.txn_id = ? ORDER BY m.ts_utc, m.id`,
      )
      .all(id) as LinkedMessage[]
  ).map((message) => ({ ...message, text: message.text.length > MESSAGE_PREVIEW ? `${message.text.slice(0, MESSAGE_PREVIEW)}…` : message.text }));
  const tags = db
    .prepare(
      `SELECT g.id, g.name, g.kind, g.color FROM tag_link l JOIN tag g ON g.id = l.tag_id
       WHERE l.item_type = 'txn' AND l.item_id = ? ORDER BY g.name`,
    )
    .all(id) as { id: number; name: string; kind: string; color: string }[];
  const note = db
    .prepare("SELECT text, starred, updated_at AS updatedAt, updated_by AS updatedBy FROM note WHERE item_type = 'txn' AND item_id = ?")
    .get(id) as { text: string; starred: number; updatedAt: string; updatedBy: string } | undefined;

  return {
    row: toTxnRow(raw, tagsOf(db, [id]).get(id) ?? []),
    fields: {
      cpId: raw.cpId,
      isCash: raw.isCash === null ? null : raw.isCash === 1,
      failReason: raw.failReason,
      device: raw.device,
      merchant: raw.merchant,
      merchantCode: raw.merchantCode,
      logNo: raw.logNo,
      branch: raw.branch,
      location: raw.location,
      memo: raw.memo,
      dupRule: raw.dupRule,
      balanceExpectedMinor: raw.balanceExpectedMinor,
      holderId: raw.holderId,
    },
    provenance: {
      sourceId: raw.sourceId,
      file: raw.file,
      fileName: raw.fileName,
      sheet: raw.sheet,
      line: raw.line,
      rawText: raw.rawText,
      raw: rawFields(raw.rawText),
      rowHash: raw.rowHash,
      rowHashVerified: createHash('sha256').update(raw.rawText).digest('hex') === raw.rowHash,
      sourceSha256: raw.sourceSha256,
      sourceSm3: raw.sourceSm3,
      format: raw.format,
      encoding: raw.encoding,
      grade: raw.grade,
      importedAt: raw.importedAt,
    },
    related: {
      duplicateOf: one(raw.dupOf),
      duplicates: rowsByIds(db, duplicateIds),
      mirror: one(raw.mirrorId),
      reversalOf: one(raw.reversalOf),
      reversedBy: rowsByIds(db, reversalIds),
      messages,
      tags,
      note: note ? { text: note.text, starred: note.starred === 1, updatedAt: note.updatedAt, updatedBy: note.updatedBy } : null,
    },
  };
}
