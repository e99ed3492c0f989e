import type { TxnRow } from '@shared/domain';
import type { Db } from '../db/connection';

/** The grid's columns over `txn t JOIN account a`, plus each row's marks computed where they are cheap. */
export const ROW_COLUMNS = `t.id, t.account_id AS accountId, a.number AS account, a.sub_account AS subAccount, a.holder_name AS holder,
  coalesce(a.bank_name, a.bank_guess) AS bank, t.cp_account AS cpAccount, t.cp_name AS cpName, t.cp_bank AS cpBank,
  t.amount_minor AS amountMinor, t.currency, t.direction, t.direction_raw AS directionRaw, t.balance_minor AS balanceMinor,
  t.summary, t.ts_utc AS utcMs, t.ts_text AS timeText, t.ts_offset AS offsetMinutes, t.channel, t.ip, t.mac, t.txn_no AS txnNo,
  t.dup_of IS NOT NULL AS duplicate, t.mirror_id IS NOT NULL AS mirror, t.succeeded = 0 AS failed,
  t.balance_expected IS NOT NULL AS balanceBreak,
  -- a reversal and the row it undoes share the account and the amount's size (see ingest/quality.ts), so the
  -- (account, amount) index finds the reversal of an original without an index on reversal_of
  (t.reversal_of IS NOT NULL OR EXISTS (SELECT 1 FROM txn r WHERE r.account_id = t.account_id AND r.amount_minor = -t.amount_minor AND r.reversal_of = t.id)) AS reversal,
  EXISTS (SELECT 1 FROM message m WHERE m.txn_id = t.id) AS linkedChat`;

export interface RawRow {
  id: number;
  accountId: number;
  account: string;
  subAccount: string;
  holder: string | null;
  bank: string | null;
  cpAccount: string | null;
  cpName: string | null;
  cpBank: string | null;
  amountMinor: number;
  currency: string;
  direction: 'in' | 'out' | null;
  directionRaw: string;
  balanceMinor: number | null;
  summary: string | null;
  utcMs: number | null;
  timeText: string;
  offsetMinutes: number | null;
  channel: string | null;
  ip: string | null;
  mac: string | null;
  txnNo: string | null;
  duplicate: number;
  mirror: number;
  failed: number;
  balanceBreak: number;
  reversal: number;
  linkedChat: number;
}

export function toTxnRow(row: RawRow, tags: readonly string[]): TxnRow {
  return {
    id: row.id,
    accountId: row.accountId,
    account: row.account,
    subAccount: row.subAccount === '' ? null : row.subAccount,
    holder: row.holder,
    bank: row.bank,
    cpAccount: row.cpAccount,
    cpName: row.cpName,
    cpBank: row.cpBank,
    amountMinor: row.amountMinor,
    currency: row.currency,
    direction: row.direction,
    directionRaw: row.directionRaw,
    balanceMinor: row.balanceMinor,
    summary: row.summary,
    utcMs: row.utcMs,
    timeText: row.timeText,
    offsetMinutes: row.offsetMinutes,
    channel: row.channel,
    ip: row.ip,
    mac: row.mac,
    txnNo: row.txnNo,
    flags: {
      duplicate: row.duplicate === 1,
      mirror: row.mirror === 1,
      failed: row.failed === 1,
      balanceBreak: row.balanceBreak === 1,
      reversal: row.reversal === 1,
      linkedChat: row.linkedChat === 1,
    },
    tags: [...tags],
  };
}

/** Tag names of each transaction among the ids, in name order. */
export function tagsOf(db: Db, ids: readonly number[]): Map<number, string[]> {
  const byId = new Map<number, string[]>();
  if (ids.length === 0) return byId;
  const rows = db
    .prepare(
      `SELECT l.item_id AS id, g.name FROM tag_link l JOIN tag g ON g.id = l.tag_id
       WHERE l.item_type = 'txn' AND l.item_id IN (${ids.map(() => '?').join(',')}) ORDER BY g.name`,
    )
    .all(...ids) as { id: number; name: string }[];
  for (const row of rows) byId.set(row.id, [...(byId.get(row.id) ?? []), row.name]);
  return byId;
}

/** The rows for these ids, in the order given (ids that do not exist are left out). */
export function rowsByIds(db: Db, ids: readonly number[]): TxnRow[] {
  if (ids.length === 0) return [];
  const raw = db
    .prepare(`SELECT ${ROW_COLUMNS} FROM txn t JOIN account a ON a.id = t.account_id WHERE t.id IN (${ids.map(() => '?').join(',')})`)
    .all(...ids) as RawRow[];
  const byId = new Map(raw.map((row) => [row.id, row]));
  const tags = tagsOf(db, ids);
  const rows: TxnRow[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row) rows.push(toTxnRow(row, tags.get(id) ?? []));
  }
  return rows;
}
