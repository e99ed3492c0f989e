/**
 * Figures for `chainsight bench`: the timeline's queries on the bench case (ISSUE 6 §6: the whole-case density query
 * under 300 ms on 1,000,000 transactions). Each query runs a few times and the median is reported, after one warm-up
 * run so that the figure is the page cache's, not the disk's.
 */
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/connection';
import { listLanes, timelineDensity, timelineEvents, timelineHeatmap } from '../timeline';
import type { BenchFigure } from './generator-bench';

/**
 * Covering indexes the timeline would read instead of the table rows (proposed for migration 0005; supersets of
 * txn_time and txn_account_time, which they could replace). Measured here on the throwaway bench case only.
 */
export const PROPOSED_TIMELINE_INDEXES = [
  'CREATE INDEX IF NOT EXISTS txn_time_cover ON txn(ts_utc, succeeded, dup_of, account_id, direction, currency, amount_minor)',
  'CREATE INDEX IF NOT EXISTS txn_account_time_cover ON txn(account_id, ts_utc, succeeded, dup_of, direction, currency, amount_minor)',
] as const;

/** The initial view's resolution: one bucket per few screen pixels. */
const BUCKETS = 400;
const RUNS = 5;
const SCOPE = { duplicates: false, failed: false };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function timeMs(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return Number(median(times).toFixed(1));
}

function measure(db: Db, prefix: string): BenchFigure[] {
  const lanes = listLanes(db);
  if (!lanes.range) return [{ name: `${prefix}.empty_case`, value: 0, unit: 'no transactions' }];
  const from = lanes.range.firstUtc;
  const to = lanes.range.lastUtc + 1;
  const whole = { from, to, buckets: BUCKETS, kinds: ['txn', 'message'] as ('txn' | 'message')[], scope: SCOPE };
  const counted = timelineDensity(db, { ...whole, lanes: ['all:txn'] }).total;
  const accountLanes = lanes.lanes.filter((lane) => lane.kind === 'account').slice(0, 200).map((lane) => lane.id);
  // a stretch holding about 2,000 transactions: where the chart switches from density to individual events
  const share = Math.min(1, 2000 / Math.max(1, counted));
  const eventsTo = from + Math.max(1, Math.round((to - from) * share));
  return [
    { name: `${prefix}.lanes`, value: timeMs(() => listLanes(db)), unit: 'ms' },
    { name: `${prefix}.density.whole_case`, value: timeMs(() => timelineDensity(db, { ...whole, lanes: lanes.defaultLanes })), unit: 'ms' },
    { name: `${prefix}.density.whole_case.lanes`, value: lanes.defaultLanes.length, unit: 'lanes' },
    { name: `${prefix}.density.all_transactions`, value: timeMs(() => timelineDensity(db, { ...whole, lanes: ['all:txn'] })), unit: 'ms' },
    { name: `${prefix}.density.all_transactions.rows`, value: counted, unit: 'rows' },
    { name: `${prefix}.density.200_account_lanes`, value: timeMs(() => timelineDensity(db, { ...whole, lanes: accountLanes })), unit: 'ms' },
    {
      name: `${prefix}.events.2000`,
      value: timeMs(() => timelineEvents(db, { from, to: eventsTo, lanes: ['all:txn'], kinds: ['txn'], scope: SCOPE, limit: 2000 })),
      unit: 'ms',
    },
    { name: `${prefix}.heatmap.whole_case`, value: timeMs(() => timelineHeatmap(db, { zone: 'Asia/Shanghai', kinds: ['txn', 'message'], scope: SCOPE })), unit: 'ms' },
  ];
}

/**
 * The timeline's figures on a case: first on its schema as shipped, then with the proposed covering indexes added to
 * this (throwaway) case, so the difference they make is measured in the same run. Indexes it added are dropped again,
 * so sections measured after it see the case as imported.
 */
export function benchTimeline(caseDir: string): BenchFigure[] {
  const file = join(caseDir, 'case.sqlite');
  const shipped = openDatabase(file, { readonly: true, create: false });
  const figures: BenchFigure[] = [];
  try {
    figures.push(...measure(shipped, 'timeline'));
  } finally {
    shipped.close();
  }
  const indexed = openDatabase(file, { readonly: false, create: false });
  const existing = new Set((indexed.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((row) => row.name));
  const added = PROPOSED_TIMELINE_INDEXES.map((ddl) => /INDEX IF NOT EXISTS (\w+)/.exec(ddl)?.[1] ?? '').filter((name) => name !== '' && !existing.has(name));
  try {
    const started = process.hrtime.bigint();
    for (const ddl of PROPOSED_TIMELINE_INDEXES) indexed.exec(ddl);
    figures.push({ name: 'timeline.cover_indexes.build', value: Number((Number(process.hrtime.bigint() - started) / 1e9).toFixed(2)), unit: 's' });
    figures.push(...measure(indexed, 'timeline.with_cover_indexes'));
  } finally {
    for (const name of added) indexed.exec(`DROP INDEX IF EXISTS ${name}`);
    indexed.close();
  }
  return figures;
}
