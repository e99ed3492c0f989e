import type { z } from 'zod';
import type { Density, DensityInput, DensityLane, MoneyBuckets } from '@shared/api/timeline-schemas';
import type { Db } from '../db/connection';
import { hasMessageLanes, hasTxnLanes, marks, selectLanes } from './lane-ids';
import { scopeSql } from './txn-scope';

type Input = z.output<typeof DensityInput>;
type Output = z.output<typeof Density>;
type LaneDensity = z.output<typeof DensityLane>;
type Money = z.output<typeof MoneyBuckets>;

/** Bucket width for `buckets` buckets over [from, to): whole milliseconds, the last bucket may end past `to`. */
export function bucketWidth(from: number, to: number, buckets: number): { bucketMs: number; buckets: number } {
  const bucketMs = Math.max(1, Math.ceil((to - from) / buckets));
  return { bucketMs, buckets: Math.ceil((to - from) / bucketMs) };
}

interface Grid {
  from: number;
  to: number;
  bucketMs: number;
  buckets: number;
}

/** One lane's arrays, filled as rows arrive. */
class LaneAccumulator {
  readonly counts: number[];
  private readonly money = new Map<string, Money>();
  constructor(
    readonly lane: string,
    private readonly size: number,
  ) {
    this.counts = new Array<number>(size).fill(0);
  }
  add(bucket: number, count: number, currency?: string | null, inMinor?: number | null, outMinor?: number | null): void {
    if (bucket < 0 || bucket >= this.size) return;
    this.counts[bucket] = (this.counts[bucket] ?? 0) + count;
    if (currency === undefined || currency === null) return;
    let sums = this.money.get(currency);
    if (!sums) {
      sums = { currency, inMinor: new Array<number>(this.size).fill(0), outMinor: new Array<number>(this.size).fill(0) };
      this.money.set(currency, sums);
    }
    sums.inMinor[bucket] = (sums.inMinor[bucket] ?? 0) + (inMinor ?? 0);
    sums.outMinor[bucket] = (sums.outMinor[bucket] ?? 0) + (outMinor ?? 0);
  }
  result(): LaneDensity {
    return { lane: this.lane, counts: this.counts, money: [...this.money.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
  }
}

const MONEY_COLUMNS = `currency, count(*) AS n,
  sum(abs(amount_minor)) FILTER (WHERE direction = 'in') AS inMinor,
  sum(abs(amount_minor)) FILTER (WHERE direction = 'out') AS outMinor`;

interface MoneyRow {
  currency: string;
  n: number;
  inMinor: number | null;
  outMinor: number | null;
}

/**
 * Per-account lanes: one GROUP BY over the (account, time) index, the bucket an integer division in SQL. Amounts are
 * summed as absolute values by direction, per currency (never mixed), like the case's own sums.
 */
function accountLanes(db: Db, grid: Grid, accounts: readonly number[], scope: string, lanes: Map<string, LaneAccumulator>): void {
  if (accounts.length === 0) return;
  const rows = db
    .prepare(
      `SELECT account_id AS id, (ts_utc - ?) / ? AS b, ${MONEY_COLUMNS}
       FROM txn WHERE account_id IN (${marks(accounts)}) AND ts_utc >= ? AND ts_utc < ?${scope}
       GROUP BY account_id, b, currency`,
    )
    .all(BigInt(grid.from), BigInt(grid.bucketMs), ...accounts, grid.from, grid.to) as (MoneyRow & { id: number; b: number })[];
  for (const row of rows) lanes.get(`account:${row.id}`)?.add(row.b, row.n, row.currency, row.inMinor, row.outMinor);
}

/**
 * Every transaction of the case in one lane. One range query per bucket over the time index rather than a GROUP BY:
 * the rows come in time order, so no sort is needed, and each bucket reads only its own stretch of the index. A
 * bucket holding more than one currency is summed again per currency.
 */
function allTxnLane(db: Db, grid: Grid, scope: string, lane: LaneAccumulator): void {
  const bucket = db.prepare(
    `SELECT min(currency) AS currency, max(currency) AS lastCurrency, count(*) AS n,
       sum(abs(amount_minor)) FILTER (WHERE direction = 'in') AS inMinor,
       sum(abs(amount_minor)) FILTER (WHERE direction = 'out') AS outMinor
     FROM txn WHERE ts_utc >= ? AND ts_utc < ?${scope}`,
  );
  const perCurrency = db.prepare(`SELECT ${MONEY_COLUMNS} FROM txn WHERE ts_utc >= ? AND ts_utc < ?${scope} GROUP BY currency`);
  for (let b = 0; b < grid.buckets; b++) {
    const start = grid.from + b * grid.bucketMs;
    const end = Math.min(grid.to, start + grid.bucketMs);
    const row = bucket.get(start, end) as MoneyRow & { lastCurrency: string | null };
    if (row.n === 0) continue;
    if (row.currency === row.lastCurrency) lane.add(b, row.n, row.currency, row.inMinor, row.outMinor);
    else for (const r of perCurrency.all(start, end) as MoneyRow[]) lane.add(b, r.n, r.currency, r.inMinor, r.outMinor);
  }
}

/** Message lanes: conversations over the (conversation, time) index, senders, and all messages over the time index. */
function messageLanes(db: Db, grid: Grid, selection: ReturnType<typeof selectLanes>, lanes: Map<string, LaneAccumulator>): void {
  const params = [BigInt(grid.from), BigInt(grid.bucketMs)];
  if (selection.conversations.length > 0) {
    const rows = db
      .prepare(
        `SELECT conversation_id AS id, (ts_utc - ?) / ? AS b, count(*) AS n FROM message
         WHERE conversation_id IN (${marks(selection.conversations)}) AND ts_utc >= ? AND ts_utc < ? GROUP BY conversation_id, b`,
      )
      .all(...params, ...selection.conversations, grid.from, grid.to) as { id: number; b: number; n: number }[];
    for (const row of rows) lanes.get(`conversation:${row.id}`)?.add(row.b, row.n);
  }
  if (selection.handles.length > 0) {
    const rows = db
      .prepare(
        `SELECT sender_id AS id, (ts_utc - ?) / ? AS b, count(*) AS n FROM message
         WHERE sender_id IN (${marks(selection.handles)}) AND ts_utc >= ? AND ts_utc < ? GROUP BY sender_id, b`,
      )
      .all(...params, ...selection.handles, grid.from, grid.to) as { id: number; b: number; n: number }[];
    for (const row of rows) lanes.get(`handle:${row.id}`)?.add(row.b, row.n);
  }
  const all = lanes.get('all:message');
  if (selection.allMessages && all) {
    const rows = db
      .prepare('SELECT (ts_utc - ?) / ? AS b, count(*) AS n FROM message WHERE ts_utc >= ? AND ts_utc < ? GROUP BY b')
      .all(...params, grid.from, grid.to) as { b: number; n: number }[];
    for (const row of rows) all.add(row.b, row.n);
  }
}

/**
 * Counts (and, for transactions, sums) per lane per bucket over [from, to), for the zoomed-out timeline. Lanes come
 * back in the order asked for; a lane of a kind not asked for (kinds) comes back empty.
 */
export function timelineDensity(db: Db, input: Input): Output {
  const { bucketMs, buckets } = bucketWidth(input.from, input.to, input.buckets);
  const grid: Grid = { from: input.from, to: input.to, bucketMs, buckets };
  const order = [...new Set(input.lanes)];
  const lanes = new Map(order.map((lane) => [lane, new LaneAccumulator(lane, buckets)]));
  const selection = selectLanes(order);
  const scope = scopeSql(input.scope);
  if (input.kinds.includes('txn') && hasTxnLanes(selection)) {
    accountLanes(db, grid, selection.accounts, scope, lanes);
    const all = lanes.get('all:txn');
    if (selection.allTxns && all) allTxnLane(db, grid, scope, all);
  }
  if (input.kinds.includes('message') && hasMessageLanes(selection)) messageLanes(db, grid, selection, lanes);
  const result = order.map((lane) => (lanes.get(lane) as LaneAccumulator).result());
  const total = result.reduce((sum, lane) => sum + lane.counts.reduce((a, b) => a + b, 0), 0);
  return { from: input.from, to: input.to, bucketMs, buckets, lanes: result, total };
}
