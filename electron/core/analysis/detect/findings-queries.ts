/** Reading findings back: a page of them (by rule), counts per rule, and one finding with its evidence rows. */
import { z } from 'zod';
import type { FindingAccount, FindingDetail, FindingSummary, RuleFindingCount } from '@shared/domain';
import type { Db } from '../../db/connection';

const ParamRecord = z.record(z.string(), z.union([z.number(), z.boolean(), z.string()]));
const DetailRecord = z.record(z.string(), z.unknown());

/** the findings page lists detector findings; trace findings (another screen's) only when asked for by rule */
const NOT_TRACE = "f.rule <> 'trace'";

interface FindingRow {
  id: number;
  rule: string;
  version: number;
  params: string;
  title: string;
  title_en: string | null;
  score: number | null;
  created_at: string;
  created_by: string;
  detail?: string;
  txns: number;
  accounts: number;
  subject_id: number | null;
  subject_number: string | null;
  subject_holder: string | null;
}

const SUMMARY_COLUMNS = `f.id, f.rule, f.version, f.params, f.title, f.title_en, f.score, f.created_at, f.created_by,
  (SELECT COUNT(*) FROM finding_item i WHERE i.finding_id = f.id AND i.item_type = 'txn') AS txns,
  (SELECT COUNT(DISTINCT i.item_id) FROM finding_item i WHERE i.finding_id = f.id AND i.item_type = 'account') AS accounts,
  s.item_id AS subject_id, a.number AS subject_number, a.holder_name AS subject_holder`;

const SUBJECT_JOIN = `LEFT JOIN finding_item s ON s.finding_id = f.id AND s.item_type = 'account' AND s.role = 'subject'
  AND s.item_id = (SELECT MIN(x.item_id) FROM finding_item x WHERE x.finding_id = f.id AND x.item_type = 'account' AND x.role = 'subject')
  LEFT JOIN account a ON a.id = s.item_id`;

function summary(row: FindingRow): FindingSummary {
  return {
    id: row.id,
    rule: row.rule,
    version: row.version,
    params: ParamRecord.parse(JSON.parse(row.params)),
    title: row.title,
    titleEn: row.title_en,
    score: row.score,
    createdAt: row.created_at,
    createdBy: row.created_by,
    txns: row.txns,
    accounts: row.accounts,
    subject: row.subject_id === null ? null : { account: row.subject_id, number: row.subject_number ?? '', holder: row.subject_holder },
  };
}

export function listFindings(db: Db, options: { rule?: string | undefined; offset: number; limit: number }): { total: number; findings: FindingSummary[] } {
  const where = options.rule ? 'f.rule = @rule' : NOT_TRACE;
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM finding f WHERE ${where}`).get({ rule: options.rule ?? '' }) as { n: number }).n;
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM finding f ${SUBJECT_JOIN} WHERE ${where} ORDER BY f.rule, f.score DESC, f.id LIMIT @limit OFFSET @offset`)
    .all({ rule: options.rule ?? '', limit: options.limit, offset: options.offset }) as FindingRow[];
  return { total, findings: rows.map(summary) };
}

export function ruleCounts(db: Db): RuleFindingCount[] {
  return db
    .prepare(`SELECT rule, COUNT(*) AS count, MAX(version) AS version, MAX(created_at) AS lastRunAt FROM finding f WHERE ${NOT_TRACE} GROUP BY rule ORDER BY rule`)
    .all() as RuleFindingCount[];
}

interface EvidenceDbRow {
  txnId: number;
  role: string;
  utcMs: number | null;
  timeText: string;
  accountId: number;
  accountNumber: string;
  holder: string | null;
  direction: 'in' | 'out' | null;
  amountMinor: number;
  currency: string;
  balanceMinor: number | null;
  counterparty: string | null;
  counterpartyName: string | null;
  summary: string | null;
  channel: string | null;
  file: string;
  line: number;
}

export function getFinding(db: Db, id: number, evidenceLimit = 2000): FindingDetail | null {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS}, f.detail FROM finding f ${SUBJECT_JOIN} WHERE f.id = ?`).get(id) as FindingRow | undefined;
  if (!row) return null;
  const evidenceTotal = (db.prepare(`SELECT COUNT(*) AS n FROM finding_item WHERE finding_id = ? AND item_type = 'txn'`).get(id) as { n: number }).n;
  const evidence = db
    .prepare(
      `SELECT t.id AS txnId, i.role, t.ts_utc AS utcMs, t.ts_text AS timeText, t.account_id AS accountId, a.number AS accountNumber,
              a.holder_name AS holder, t.direction, t.amount_minor AS amountMinor, t.currency, t.balance_minor AS balanceMinor,
              t.cp_account AS counterparty, t.cp_name AS counterpartyName, t.summary, t.channel, s.rel_path AS file, t.line
       FROM finding_item i JOIN txn t ON t.id = i.item_id JOIN account a ON a.id = t.account_id JOIN source s ON s.id = t.source_id
       WHERE i.finding_id = ? AND i.item_type = 'txn'
       ORDER BY t.ts_utc, t.id, i.role LIMIT ?`,
    )
    .all(id, evidenceLimit) as EvidenceDbRow[];
  const accountItems = db
    .prepare(
      `SELECT i.item_id AS accountId, i.role, a.number, a.holder_name AS holder, a.kind
       FROM finding_item i JOIN account a ON a.id = i.item_id WHERE i.finding_id = ? AND i.item_type = 'account' ORDER BY i.role, a.id`,
    )
    .all(id) as FindingAccount[];
  return {
    ...summary(row),
    detail: DetailRecord.parse(JSON.parse(row.detail ?? '{}')),
    accountItems,
    evidence: evidence.map((e) => ({ ...e, amountMinor: Math.abs(e.amountMinor) })),
    evidenceTotal,
  };
}
