/**
 * Reads a case into the detectors' table: accounts, then transactions in id order in batches (so a long read yields
 * to the event loop, reports progress and can be cancelled), then identifiers seen on accounts. Left out, as every
 * detector expects: rows the bank refused, rows marked as duplicates, and reversal pairs (the reversal and the row it
 * undoes). Counterparty numbers are resolved to the case's accounts by number, card number or account number.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { AppError } from '@shared/api';
import { TableBuilder, type DeviceObservation, type TxnTable } from '@shared/analytics/detectors';
import type { Db } from '../../db/connection';

export interface CaseRows {
  table: TxnTable;
  devices: DeviceObservation[];
  /** rows read, and rows left out by reason */
  counts: { rows: number; failed: number; duplicates: number; reversals: number };
  period: { from: number; to: number } | null;
}

export interface LoadOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  batchSize?: number;
}

interface AccountRow {
  id: number;
  kind: string;
  number: string;
  card_number: string | null;
  account_number: string | null;
  holder_name: string | null;
  holder_id: string | null;
  bank_name: string | null;
  rows: number;
  merged_into: number | null;
}

type TxnTuple = [
  id: number,
  accountId: number,
  tsUtc: number | null,
  tsOffset: number | null,
  amount: number,
  balance: number | null,
  mirrorId: number | null,
  status: number,
  directionAndCash: number,
  cpAccount: string | null,
  cpName: string | null,
  summary: string | null,
  channel: string | null,
  merchant: string | null,
  deviceJson: string | null,
];

const normalise = (value: string): string => value.replace(/\s+/g, '').toUpperCase();

export function cancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('CANCELLED', 'The detector run was cancelled; nothing was saved.');
}

export async function loadCaseRows(db: Db, options: LoadOptions = {}): Promise<CaseRows> {
  const batchSize = options.batchSize ?? 100_000;
  const builder = new TableBuilder();
  const accounts = db
    .prepare(
      `SELECT a.id, a.kind, a.number, a.card_number, a.account_number, a.holder_name, a.holder_id, a.bank_name,
              EXISTS (SELECT 1 FROM txn t WHERE t.account_id = a.id) AS rows, a.merged_into
       FROM account a ORDER BY a.merged_into IS NOT NULL, a.id`,
    )
    .all() as AccountRow[];
  // every number an account is known by; an account with a statement wins over a bare record of the same number
  const alias = new Map<string, { id: number; rows: number }>();
  for (const account of accounts) {
    // a record merged into another account (a wallet's login trail, filed under its phone) is that account by name
    const id = account.merged_into ?? account.id;
    if (account.merged_into === null) {
      builder.addAccount({ id, kind: account.kind, number: account.number, holderName: account.holder_name, holderId: account.holder_id, bank: account.bank_name ?? null });
    }
    for (const value of [account.number, account.card_number, account.account_number]) {
      if (!value) continue;
      const key = normalise(value);
      const known = alias.get(key);
      if (!known || (known.rows === 0 && account.rows > 0)) alias.set(key, { id, rows: account.rows });
    }
  }
  const reversed = new Set((db.prepare('SELECT reversal_of AS id FROM txn WHERE reversal_of IS NOT NULL').all() as { id: number }[]).map((r) => r.id));
  const total = (db.prepare('SELECT COUNT(*) AS n FROM txn').get() as { n: number }).n;
  // rows as arrays (no object per row), a page at a time, with only what detection reads: the quality marks folded
  // into one status (0 usable, 1 refused, 2 duplicate, 3 reversal pair), direction and cash into one number, the
  // three device columns into one JSON array when any is set (a million rows cost a value each per column)
  const page = db
    .prepare(
      `SELECT id, account_id, ts_utc, ts_offset, amount_minor, balance_minor, mirror_id,
              CASE WHEN succeeded <> 1 THEN 1 WHEN dup_of IS NOT NULL THEN 2 WHEN reversal_of IS NOT NULL THEN 3 ELSE 0 END,
              (CASE direction WHEN 'in' THEN 2 WHEN 'out' THEN 0 ELSE 1 END) * 2 + IFNULL(is_cash, 0),
              cp_account, cp_name, summary, channel, merchant,
              CASE WHEN ip IS NULL AND mac IS NULL AND device IS NULL THEN NULL ELSE json_array(ip, mac, device) END
       FROM txn WHERE id > ? ORDER BY id LIMIT ?`,
    )
    .raw(true);
  const counts = { rows: 0, failed: 0, duplicates: 0, reversals: 0 };
  const devices: DeviceObservation[] = [];
  const resolved = new Map<string, number | null>();
  const resolve = (cp: string): number | null => {
    let id = resolved.get(cp);
    if (id === undefined) {
      id = alias.get(normalise(cp))?.id ?? null;
      resolved.set(cp, id);
    }
    return id;
  };
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  let last = 0;
  let done = 0;
  for (;;) {
    cancelled(options.signal);
    const batch = page.all(last, batchSize) as TxnTuple[];
    if (batch.length === 0) break;
    for (const [id, accountId, tsUtc, tsOffset, amount, balance, mirrorId, status, directionAndCash, cpAccount, cpName, summary, channel, merchant, deviceJson] of batch) {
      last = id;
      done++;
      if (status !== 0) {
        if (status === 1) counts.failed++;
        else if (status === 2) counts.duplicates++;
        else counts.reversals++;
        continue;
      }
      if (reversed.has(id)) {
        counts.reversals++;
        continue;
      }
      counts.rows++;
      const cash = (directionAndCash & 1) === 1;
      const direction = (directionAndCash >> 1) - 1;
      const cp = cpAccount ? resolve(cpAccount) : null;
      builder.push(id, accountId, tsUtc, tsOffset, amount, direction, cash, cpAccount, cpName, cp !== null && cp !== accountId ? cp : null, null, summary, channel, merchant, balance, mirrorId);
      if (tsUtc !== null) {
        if (tsUtc < from) from = tsUtc;
        if (tsUtc > to) to = tsUtc;
      }
      if (deviceJson !== null) {
        const [ip, mac, device] = JSON.parse(deviceJson) as [string | null, string | null, string | null];
        if (ip) devices.push({ account: accountId, kind: 'ip', value: ip, txn: id });
        if (mac) devices.push({ account: accountId, kind: 'mac', value: mac, txn: id });
        // a device on a POS or cash row is the merchant's or the bank's terminal (终端号), not the customer's device
        if (device && !merchant && !cash) devices.push({ account: accountId, kind: 'device', value: device, txn: id });
      }
    }
    options.onProgress?.(done, total);
    await yieldToLoop();
  }
  const identifiers = db
    .prepare(
      `SELECT i.id, i.type, i.value, coalesce(a.merged_into, i.account_id) AS account_id FROM identifier i JOIN account a ON a.id = i.account_id
       WHERE i.type IN ('ip', 'mac', 'phone', 'device')`,
    )
    .all() as { id: number; type: DeviceObservation['kind']; value: string; account_id: number }[];
  // a WeChat return's login trail, filed under the queried phone, counts for the wallet it is merged into
  // (ingest/fold-phone-records.ts)
  for (const identifier of identifiers) {
    devices.push({ account: identifier.account_id, kind: identifier.type, value: identifier.value, txn: null, source: `identifier:${identifier.id}` });
  }
  cancelled(options.signal);
  return { table: builder.build(), devices, counts, period: Number.isFinite(from) ? { from, to } : null };
}
