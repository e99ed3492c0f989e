/** What the typology rules share: people behind accounts, cached word tests on summaries, and collectors. */
import type { TxnTable } from './table';

/**
 * who a node belongs to: for an account of the case its holder (one person's card, WeChat and Alipay are one), for
 * a counterparty known only from rows the node itself — a printed name alone (a group red packet's group, a common
 * name) does not make two numbers one person
 */
export function personOf(table: TxnTable, node: number): string {
  const info = table.nodeInfo(node);
  const holder = info?.account !== null && info?.account !== undefined ? info.holder : '';
  return holder !== '' ? holder : `node:${node}`;
}

/** every subject node grouped by its holder (one person's bank card, WeChat and Alipay together) */
export function subjectsByPerson(table: TxnTable): Map<string, number[]> {
  const people = new Map<string, number[]>();
  for (const node of table.subjects()) {
    const key = personOf(table, node);
    const nodes = people.get(key);
    if (nodes) nodes.push(node);
    else people.set(key, [node]);
  }
  return people;
}

/** a word test on a row's summary, cached per distinct summary (a million rows hold few distinct summaries) */
export function summaryMatcher(table: TxnTable, pattern: RegExp | null): (row: number) => boolean {
  const cache = new Map<number, boolean>();
  return (row) => {
    if (!pattern) return false;
    const code = table.summaryCode(row);
    let known = cache.get(code);
    if (known === undefined) {
      known = pattern.test(table.summary(row));
      cache.set(code, known);
    }
    return known;
  };
}

/** a word test on node names, computed once per node */
export function nodeMatcher(table: TxnTable, pattern: RegExp | null): (node: number) => boolean {
  const flags = new Uint8Array(table.nodes.length);
  if (pattern) table.nodes.forEach((info, node) => (flags[node] = pattern.test(info.name) ? 1 : 0));
  return (node) => node >= 0 && flags[node] === 1;
}

/** rows of several nodes merged in time order (one person's accounts seen as one statement) */
export function personRows(table: TxnTable, nodes: readonly number[]): number[] {
  const rows: number[] = [];
  for (const node of nodes) {
    const [start, end] = table.rangeOf(node);
    for (let i = start; i < end; i++) if (!Number.isNaN(table.time(i)) && table.dir(i) !== 0) rows.push(i);
  }
  if (nodes.length > 1) rows.sort((a, b) => table.time(a) - table.time(b) || a - b);
  return rows;
}

/** first index in time-sorted rows whose time is > t */
export function firstAfter(table: TxnTable, rows: readonly number[], t: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table.time(rows[mid] ?? 0) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** coefficient of variation (0 when all equal) */
export function spread(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (mean === 0) return 0;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}
