import type { z } from 'zod';
import type { TimelineTxn } from '@shared/api/timeline-schemas';
import type { Db } from '../db/connection';

type Txn = z.output<typeof TimelineTxn>;

interface Row extends Omit<Txn, 'succeeded' | 'source' | 'direction'> {
  direction: 'in' | 'out' | null;
  succeeded: number;
  sourceId: number;
  file: string;
  sheet: string;
  line: number;
  rowHash: string;
}

/** One transaction as the event detail shows it: amount, counterparty, quality marks and where it came from. */
export function timelineTxn(db: Db, id: number): Txn | null {
  const row = db
    .prepare(
      `SELECT t.id, t.account_id AS accountId, coalesce(a.holder_name, a.number) AS accountLabel, a.number AS accountNumber,
         t.ts_utc AS utcMs, t.ts_text AS timeText, t.ts_offset AS offsetMinutes, t.amount_minor AS amountMinor, t.currency,
         t.direction, t.direction_raw AS directionRaw, t.balance_minor AS balanceMinor, t.cp_name AS counterpartyName,
         t.cp_account AS counterpartyAccount, t.cp_bank AS counterpartyBank, t.summary, t.channel, t.succeeded,
         t.fail_reason AS failReason, t.dup_of AS dupOf, t.mirror_id AS mirrorId, t.reversal_of AS reversalOf,
         t.balance_expected AS balanceExpected, t.source_id AS sourceId, s.rel_path AS file, t.sheet, t.line, t.row_hash AS rowHash
       FROM txn t JOIN account a ON a.id = t.account_id JOIN source s ON s.id = t.source_id WHERE t.id = ?`,
    )
    .get(id) as Row | undefined;
  if (!row) return null;
  const { sourceId, file, sheet, line, rowHash, succeeded, ...rest } = row;
  return { ...rest, succeeded: succeeded === 1, source: { sourceId, file, sheet, line, rowHash } };
}
