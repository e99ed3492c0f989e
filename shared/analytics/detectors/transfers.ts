/**
 * The table seen as transfers between nodes: each transfer once (the in-leg of a pair seen from both statements is
 * skipped), with both ends known and a time. Adjacency lists are in time order.
 */
import type { TxnTable } from './table';

export interface Transfers {
  count: number;
  /** the row each transfer was read from */
  row: Int32Array;
  from: Int32Array;
  to: Int32Array;
}

export function transfers(table: TxnTable, keep: (row: number, from: number, to: number) => boolean = () => true): Transfers {
  const row = new Int32Array(table.size);
  const from = new Int32Array(table.size);
  const to = new Int32Array(table.size);
  let count = 0;
  for (let i = 0; i < table.size; i++) {
    if (table.isSecondLeg(i) || table.dir(i) === 0 || Number.isNaN(table.time(i))) continue;
    const [a, b] = table.transferEnds(i);
    if (a < 0 || b < 0 || a === b) continue;
    if (!keep(i, a, b)) continue;
    row[count] = i;
    from[count] = a;
    to[count] = b;
    count++;
  }
  return { count, row: row.slice(0, count), from: from.slice(0, count), to: to.slice(0, count) };
}

/** per node, its outgoing transfers (indexes into `t`) in time order: [offsets[node], offsets[node + 1]) of `list` */
export function outgoing(table: TxnTable, t: Transfers): { offsets: Int32Array; list: Int32Array } {
  const nodes = table.nodes.length;
  const offsets = new Int32Array(nodes + 1);
  for (let k = 0; k < t.count; k++) offsets[(t.from[k] ?? 0) + 1] = (offsets[(t.from[k] ?? 0) + 1] ?? 0) + 1;
  for (let n = 0; n < nodes; n++) offsets[n + 1] = (offsets[n + 1] ?? 0) + (offsets[n] ?? 0);
  const fill = offsets.slice(0, nodes);
  const list = new Int32Array(t.count);
  for (let k = 0; k < t.count; k++) {
    const node = t.from[k] ?? 0;
    list[fill[node] ?? 0] = k;
    fill[node] = (fill[node] ?? 0) + 1;
  }
  const time = (k: number): number => table.time(t.row[k] ?? 0);
  for (let n = 0; n < nodes; n++) {
    const a = offsets[n] ?? 0;
    const b = offsets[n + 1] ?? 0;
    if (b - a > 1) list.subarray(a, b).sort((x, y) => time(x) - time(y) || x - y);
  }
  return { offsets, list };
}

/** first position in list[a, b) whose transfer time is ≥ t */
export function lowerBound(table: TxnTable, t: Transfers, list: Int32Array, a: number, b: number, time: number): number {
  let lo = a;
  let hi = b;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table.time(t.row[list[mid] ?? 0] ?? 0) < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
