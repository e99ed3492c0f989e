/**
 * Which transaction rows the fund-flow analyses count, as SQL over `txn t`: the filter's period, currency and
 * minimum, and the rows that moved money exactly once — successful (not refused by the bank), not a duplicate of
 * another row, not a reversal (冲正/退回) nor a row a reversal undoes.
 *
 * The rows a reversal undoes are known only from the reversal rows (txn.reversal_of has no index): whole-case
 * aggregates find them in the same pass (`STATUS`, `UNDOES`), and later queries get them as a parameter.
 */

export interface ScopeFilter {
  fromUtc?: number | undefined;
  toUtc?: number | undefined;
  minAmountMinor?: number | undefined;
  currency: string;
}

export interface Scope {
  /** conditions of the filter only (period, currency, minimum) */
  filter: string;
  /** the filter plus "moved money once"; needs `undone` */
  counted: string;
  params: Record<string, string | number>;
}

/** Why a row does or does not count, in one pass: 'ok' or the reason it is left out. */
export const STATUS = `CASE WHEN t.succeeded = 0 THEN 'failed' WHEN t.dup_of IS NOT NULL THEN 'duplicate'
  WHEN t.reversal_of IS NOT NULL THEN 'reversal' WHEN t.direction IS NULL THEN 'no-direction' ELSE 'ok' END`;
/** For a reversal row, the row it undoes (each reversal is its own group, so every one is listed). */
export const UNDOES = 'CASE WHEN t.reversal_of IS NOT NULL AND t.succeeded = 1 AND t.dup_of IS NULL THEN t.reversal_of END';

export function scopeOf(filter: ScopeFilter, undone: readonly number[] = []): Scope {
  const clauses = ['t.currency = @currency'];
  const params: Record<string, string | number> = { currency: filter.currency, undone: JSON.stringify(undone) };
  if (filter.fromUtc !== undefined) {
    clauses.push('t.ts_utc >= @fromUtc');
    params.fromUtc = filter.fromUtc;
  }
  if (filter.toUtc !== undefined) {
    clauses.push('t.ts_utc < @toUtc');
    params.toUtc = filter.toUtc;
  }
  if (filter.minAmountMinor !== undefined && filter.minAmountMinor > 0) {
    clauses.push('ABS(t.amount_minor) >= @minAmount');
    params.minAmount = filter.minAmountMinor;
  }
  const filterSql = clauses.join(' AND ');
  const counted = `${filterSql} AND t.succeeded = 1 AND t.dup_of IS NULL AND t.direction IS NOT NULL AND t.reversal_of IS NULL
    AND t.id NOT IN (SELECT value FROM json_each(@undone))`;
  return { filter: filterSql, counted, params };
}

/**
 * The rows of one aggregated group: one account, one direction, one counterparty — by number when the row prints
 * one, else by name, else (rows naming nobody) by summary. Parameters @account, @direction, @cp, @name, @summary.
 */
export const GROUP_ROWS = `t.account_id = @account AND t.direction = @direction AND t.cp_account IS @cp
  AND (@cp IS NOT NULL OR t.cp_name IS @name) AND (@cp IS NOT NULL OR @name IS NOT NULL OR t.summary IS @summary)`;
