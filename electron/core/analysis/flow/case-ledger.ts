import type { Ledger, LedgerRow, NamingRow } from '@shared/analytics/trace';
import type { Db } from '../../db/connection';
import { caseKey, splitKey, type CaseAccounts } from './case-accounts';

type RawRow = [number, number, number, string | null, string | null, string | null, number | null, number | null, number | null];

const COLUMNS = 't.id, t.ts_utc, t.amount_minor, t.cp_account, t.cp_name, t.summary, t.mirror_id, t.balance_minor, t.reversal_of';
/** rows that moved money (a trace replays a statement as the bank booked it: refused and repeated rows are not) */
const BOOKED = 't.succeeded = 1 AND t.dup_of IS NULL AND t.direction IS NOT NULL AND t.ts_utc IS NOT NULL AND t.currency = @currency';

/**
 * The case's statements as the tracer reads them (shared/analytics/trace.ts Ledger): an account's rows in a period,
 * in booking order, through the (account, time) index. What one trace has loaded is kept for its other hops.
 */
export class CaseLedger implements Ledger {
  private readonly loaded = new Map<number, { from: number; to: number; rows: LedgerRow[] }>();
  private readonly byAccount;
  private readonly byCounterparty;
  private readonly byName;

  constructor(
    db: Db,
    private readonly accounts: CaseAccounts,
    private readonly currency: string,
  ) {
    this.byAccount = db
      .prepare(`SELECT ${COLUMNS} FROM txn t INDEXED BY txn_account_time WHERE t.account_id = @account AND t.ts_utc >= @from AND t.ts_utc <= @to AND ${BOOKED} ORDER BY t.ts_utc, t.id`)
      .raw(true);
    this.byCounterparty = db
      .prepare(`SELECT ${COLUMNS}, t.account_id FROM txn t INDEXED BY txn_cp_account WHERE t.cp_account = @cp AND t.ts_utc >= @from AND t.ts_utc <= @to AND ${BOOKED} ORDER BY t.ts_utc, t.id`)
      .raw(true);
    this.byName = db
      .prepare(`SELECT ${COLUMNS}, t.account_id FROM txn t WHERE t.cp_account IS NULL AND t.cp_name = @name AND t.ts_utc >= @from AND t.ts_utc <= @to AND ${BOOKED} ORDER BY t.ts_utc, t.id`)
      .raw(true);
  }

  hasStatement(account: string): boolean {
    return this.accounts.hasStatement(account);
  }

  rows(account: string, fromMs: number, toMs: number): readonly LedgerRow[] {
    const [prefix, rest] = splitKey(account);
    if (prefix !== 'a') return [];
    const id = Number(rest);
    const cached = this.loaded.get(id);
    if (cached && cached.from <= fromMs && cached.to >= toMs) return slice(cached.rows, fromMs, toMs);
    const from = Math.max(fromMs, -8.64e15);
    const to = Math.min(toMs, 8.64e15);
    const kind = this.accounts.byId(id)?.kind ?? null;
    const rows = (this.byAccount.all({ account: id, from, to, currency: this.currency }) as RawRow[]).map((raw) => this.toRow(raw, kind));
    // keep the widest window read for this account: later hops often ask inside it
    if (!cached || cached.to - cached.from < to - from) this.loaded.set(id, { from, to, rows });
    return rows;
  }

  rowsNaming(account: string, fromMs: number, toMs: number): readonly NamingRow[] {
    const [prefix, rest = ''] = splitKey(account);
    const from = Math.max(fromMs, -8.64e15);
    const to = Math.min(toMs, 8.64e15);
    const found: { raw: RawRow; accountId: number }[] = [];
    const collect = (rows: unknown[]): void => {
      for (const raw of rows as (RawRow | [...RawRow, number])[]) found.push({ raw: raw.slice(0, 9) as RawRow, accountId: Number(raw[9]) });
    };
    if (prefix === 'a') {
      for (const alias of this.accounts.byId(Number(rest))?.aliases ?? []) collect(this.byCounterparty.all({ cp: alias, from, to, currency: this.currency }));
    } else if (prefix === 'x') {
      collect(this.byCounterparty.all({ cp: rest, from, to, currency: this.currency }));
    } else if (prefix === 'n') {
      collect(this.byName.all({ name: rest, from, to, currency: this.currency }));
    }
    found.sort((a, b) => a.raw[1] - b.raw[1] || a.raw[0] - b.raw[0]);
    return found.map(({ raw, accountId }) => ({ account: caseKey(accountId), row: this.toRow(raw, this.accounts.byId(accountId)?.kind ?? null) }));
  }

  private toRow([id, ts, amount, cpAccount, cpName, summary, mirrorId, balance, reversalOf]: RawRow, kind: string | null): LedgerRow {
    return { id, ts, amountMinor: amount, counterparty: this.accounts.counterpartyKey(cpAccount, cpName, summary, kind), mirrorId, balanceMinor: balance, reversalOf };
  }
}

/** Rows with from ≤ ts ≤ to of a list in time order. */
function slice(rows: readonly LedgerRow[], from: number, to: number): LedgerRow[] {
  const first = lowerBound(rows, from);
  let last = first;
  while (last < rows.length && (rows[last]?.ts ?? Infinity) <= to) last += 1;
  return rows.slice(first, last);
}

function lowerBound(rows: readonly LedgerRow[], ts: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid]?.ts ?? Infinity) < ts) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
