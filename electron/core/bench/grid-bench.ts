/**
 * Figures for `chainsight bench`, section grid (ISSUE 6 §6): how long the transactions grid waits for the first page
 * of a filtered, sorted query (the ids of the page, its rows and the total the scrollbar needs), and for pages deep
 * in the result. Each figure is the median of several runs, each on a fresh connection, so no answer kept by the
 * query module from an earlier run is reused; the operating system's file cache is warm after the first run.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TxnFilter, TxnSort } from '@shared/domain';
import { openDatabase, type Db } from '../db/connection';
import { counterpartyDictionary } from '../transactions/counterparty-match';
import { queryTxns } from '../transactions/txn-query';
import type { BenchFigure } from './generator-bench';
import type { CliRunner } from './import-bench';

const RUNS = 3;
const PAGE = 100;

interface GridCase {
  name: string;
  filter: TxnFilter;
  sort: TxnSort;
  offset?: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Milliseconds for one page on a fresh connection that has first shown the page as it opens (unfiltered, newest
 * first), as the grid does before anyone types a filter: nothing of this query is known, the case's counterparty
 * list is (see grid.counterparty_dictionary for what reading it costs).
 */
function timePage(file: string, query: GridCase): { ms: number; total: number } {
  const db = openDatabase(file, { readonly: true, create: false });
  try {
    queryTxns(db, { filter: {}, sort: [{ column: 'time', dir: 'desc' }], offset: 0, limit: PAGE });
    counterpartyDictionary(db);
    const started = process.hrtime.bigint();
    const page = queryTxns(db, { filter: query.filter, sort: query.sort, offset: query.offset ?? 0, limit: PAGE });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { ms, total: page.total };
  } finally {
    db.close();
  }
}

/** Milliseconds to read the case's distinct counterparty numbers and names (once per state of the case). */
function timeDictionary(file: string): number {
  const db = openDatabase(file, { readonly: true, create: false });
  try {
    const started = process.hrtime.bigint();
    counterpartyDictionary(db);
    return Number(process.hrtime.bigint() - started) / 1e6;
  } finally {
    db.close();
  }
}

/** Filters a grid user would set on this case: its busiest own account, and counterparties busy and typical. */
function pickFilters(db: Db): { accountId: number; busyCp: string; typicalCp: string; typicalName: string } {
  const account = db.prepare('SELECT account_id AS id FROM txn GROUP BY account_id ORDER BY count(*) DESC LIMIT 1').get() as { id: number } | undefined;
  const cps = db
    .prepare('SELECT cp_account AS cp, count(*) AS n FROM txn WHERE cp_account IS NOT NULL GROUP BY cp_account HAVING n >= 20 ORDER BY n DESC')
    .all() as { cp: string; n: number }[];
  const typical = cps[Math.floor(cps.length / 2)];
  const name = typical
    ? (db.prepare('SELECT cp_name AS name FROM txn WHERE cp_account = ? AND cp_name IS NOT NULL LIMIT 1').get(typical.cp) as { name: string } | undefined)
    : undefined;
  return { accountId: account?.id ?? 0, busyCp: cps[0]?.cp ?? '', typicalCp: typical?.cp ?? '', typicalName: name?.name ?? '' };
}

/** Time the grid's queries on an imported case. */
export function benchGridQueries(caseDir: string): BenchFigure[] {
  const file = join(caseDir, 'case.sqlite');
  const probe = openDatabase(file, { readonly: true, create: false });
  let picked: ReturnType<typeof pickFilters>;
  let transactions: number;
  try {
    picked = pickFilters(probe);
    transactions = (probe.prepare('SELECT count(*) AS n FROM txn').get() as { n: number }).n;
  } finally {
    probe.close();
  }
  const byTime: TxnSort = [{ column: 'time', dir: 'desc' }];
  const byAmount: TxnSort = [{ column: 'amount', dir: 'desc' }];
  const cases: GridCase[] = [
    { name: 'account.time', filter: { accountIds: [picked.accountId] }, sort: byTime },
    { name: 'account.amount', filter: { accountIds: [picked.accountId] }, sort: byAmount },
    { name: 'counterparty_typical.time', filter: { counterparty: picked.typicalCp, counterpartyExact: true }, sort: byTime },
    { name: 'counterparty_typical.amount', filter: { counterparty: picked.typicalCp, counterpartyExact: true }, sort: byAmount },
    { name: 'counterparty_busiest.time', filter: { counterparty: picked.busyCp, counterpartyExact: true }, sort: byTime },
    { name: 'counterparty_busiest.amount', filter: { counterparty: picked.busyCp, counterpartyExact: true }, sort: byAmount },
    { name: 'counterparty_name_contains.amount', filter: { counterparty: picked.typicalName }, sort: byAmount },
    { name: 'whole_case.time', filter: {}, sort: byTime },
    { name: 'whole_case.amount', filter: {}, sort: byAmount },
  ];
  const figures: BenchFigure[] = [
    { name: 'grid.case.transactions', value: transactions, unit: 'rows' },
    { name: 'grid.counterparty_dictionary', value: Number(median(Array.from({ length: RUNS }, () => timeDictionary(file))).toFixed(1)), unit: 'ms' },
  ];
  for (const query of cases) {
    const runs = Array.from({ length: RUNS }, () => timePage(file, query));
    figures.push(
      { name: `grid.first_page.${query.name}`, value: Number(median(runs.map((run) => run.ms)).toFixed(1)), unit: 'ms' },
      { name: `grid.first_page.${query.name}.rows`, value: runs[0]?.total ?? 0, unit: 'rows' },
    );
  }
  const middle = Math.floor(transactions / 2);
  for (const query of [
    { name: 'whole_case.time', filter: {}, sort: byTime, offset: middle },
    { name: 'whole_case.amount', filter: {}, sort: byAmount, offset: middle },
  ] satisfies GridCase[]) {
    figures.push({ name: `grid.page_at_half.${query.name}`, value: Number(median(Array.from({ length: 3 }, () => timePage(file, query).ms)).toFixed(1)), unit: 'ms' });
  }
  return figures;
}

/**
 * The grid section of the bench on the import bench's case: the bank returns are in it already; the demo's payment
 * and chat folders are imported too, so the grid sees every generated transaction (≈1,000,000 at the default size).
 */
export function benchGrid(cli: CliRunner, dataDir: string, caseDir: string): BenchFigure[] {
  const others = ['支付宝', '财付通', '微信', '聊天记录'].map((folder) => join(dataDir, folder)).filter((path) => existsSync(path));
  if (others.length > 0) cli(['import', caseDir, ...others]);
  return benchGridQueries(caseDir);
}
