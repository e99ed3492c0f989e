import type { TxnFilter, TxnPage, TxnSort } from '@shared/domain';
import type { Db } from '../db/connection';
import { matchCounterparty } from './counterparty-match';
import { cacheOf, remember, sortPlansOf } from './query-cache';
import { orderOf, whereOf, type SqlWhere } from './txn-filter';
import { rowsByIds } from './txn-rows';

/**
 * Pages of the transactions grid for ag-grid's infinite row model.
 *
 * Each page is two statements: the ids of the page (filter, order, LIMIT/OFFSET — over an index alone when the
 * filter and order have one, so skipping even 500,000 rows walks index entries, not the wide rows with their raw
 * text), then those rows with their columns. When no index gives the order, SQLite sorts the whole filtered set for
 * every page; past the first pages the ordered ids are then computed once and kept (per filter, sort and state of
 * the case), so scrolling a million rows sorted by name costs one sort, not one per page.
 * The total is count(*), kept per filter and state of the case.
 */

/** Past this offset an order that needs a sort is materialised once instead of sorted again for every page. */
const MATERIALISE_FROM_OFFSET = 2000;
/** Largest ordered id list kept (8 bytes each). */
const MAX_MATERIALISED = 20_000_000;
const KEPT_ORDERS = 4;
const KEPT_TOTALS = 64;

/** The filter as SQL, with counterparty texts looked up among the case's counterparties. */
export function whereFor(db: Db, filter: TxnFilter): SqlWhere {
  return whereOf(filter, {
    containing: (text) => matchCounterparty(db, text),
    isNumber: (text) => db.prepare('SELECT 1 FROM txn WHERE cp_account = ? LIMIT 1').get(text) !== undefined,
  });
}

/** Rows matching the filter. */
export function countTxns(db: Db, filter: TxnFilter): number {
  const cache = cacheOf(db);
  const key = JSON.stringify(filter);
  const known = cache.totals.get(key);
  if (known !== undefined) return known;
  const where = whereFor(db, filter);
  const { n } = db.prepare(`SELECT count(*) AS n FROM txn t ${where.sql}`).get(...where.params) as { n: number };
  remember(cache.totals, key, n, KEPT_TOTALS);
  return n;
}

/** Whether SQLite sorts for this statement (no index gives the order). */
function needsSort(db: Db, sql: string, params: readonly (string | number)[]): boolean {
  const plans = sortPlansOf(db);
  const known = plans.get(sql);
  if (known !== undefined) return known;
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  const sorts = plan.some((step) => /USE TEMP B-TREE FOR ORDER BY/.test(step.detail));
  remember(plans, sql, sorts, 256);
  return sorts;
}

/** The ordered ids of the filtered view: `SELECT t.id … ORDER BY …` and its parameters. */
export function orderedIdsQuery(db: Db, filter: TxnFilter, sort: TxnSort): SqlWhere {
  const where = whereFor(db, filter);
  return { sql: `SELECT t.id FROM txn t ${where.sql} ${orderOf(sort)}`, params: where.params };
}

/** The ids of one page, in order. */
export function pageIds(db: Db, filter: TxnFilter, sort: TxnSort, offset: number, limit: number): number[] {
  const { sql, params } = orderedIdsQuery(db, filter, sort);
  const cache = cacheOf(db);
  const orderKey = `${sql}\n${JSON.stringify(params)}`;
  const kept = cache.orders.get(orderKey);
  if (kept) {
    remember(cache.orders, orderKey, kept, KEPT_ORDERS);
    return Array.from(kept.subarray(offset, offset + limit));
  }
  if (offset >= MATERIALISE_FROM_OFFSET && needsSort(db, sql, params) && countTxns(db, filter) <= MAX_MATERIALISED) {
    const ordered = Float64Array.from(db.prepare(sql).pluck().all(...params) as number[]);
    remember(cache.orders, orderKey, ordered, KEPT_ORDERS);
    return Array.from(ordered.subarray(offset, offset + limit));
  }
  return db
    .prepare(`${sql} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...params, limit, offset) as number[];
}

/** One page of the grid with the total the scrollbar needs. */
export function queryTxns(db: Db, input: { filter: TxnFilter; sort: TxnSort; offset: number; limit: number }): TxnPage {
  const total = countTxns(db, input.filter);
  const ids = input.offset < total ? pageIds(db, input.filter, input.sort, input.offset, input.limit) : [];
  return { total, offset: input.offset, rows: rowsByIds(db, ids) };
}
