import { buildFlowGraph, edgeKey, type FlowEdge as GraphEdge, type FlowGraph } from '@shared/analytics/flow-graph';
import type { FlowGraphInput, FlowGraphResult, FlowRowsInput, FlowRowsResult, FlowTxnRow } from '@shared/domain';
import type { Db } from '../../db/connection';
import { caseKey } from './case-accounts';
import { buildGraphModel, NOT_MIRROR_IN, platformLegs, type GraphModel } from './graph-model';
import { GROUP_ROWS, scopeOf, type ScopeFilter } from './txn-scope';

/** Two legs through a platform within this time are one transfer (a leg naming the other end may be further apart). */
export const PAIR_WINDOW_MS = 30 * 60 * 1000;

type GraphOptions = Pick<FlowGraphInput, 'collapsePlatforms' | 'groupBy'> & { maxNodes: number };

function scopeFilter(input: FlowGraphInput): ScopeFilter {
  return { fromUtc: input.fromUtc, toUtc: input.toUtc, minAmountMinor: input.minAmountMinor, currency: input.currency };
}

function graphOf(db: Db, input: FlowGraphInput, options: GraphOptions): { model: GraphModel; graph: FlowGraph } {
  const model = buildGraphModel(db, scopeFilter(input));
  const legs = options.collapsePlatforms ? platformLegs(db, model) : undefined;
  const graph = buildFlowGraph(
    { nodes: model.nodes, groups: model.groups, ...(legs ? { platformLegs: legs } : {}) },
    { collapsePlatforms: options.collapsePlatforms, groupBy: options.groupBy, maxNodes: options.maxNodes, pairWindowMs: PAIR_WINDOW_MS },
  );
  return { model, graph };
}

/** The fund-flow graph for the chart: the busiest nodes, their edges, and what was left out. */
export function flowGraph(db: Db, input: FlowGraphInput): FlowGraphResult {
  const { model, graph } = graphOf(db, input, input);
  return {
    nodes: graph.nodes.map((node) => ({
      key: node.key,
      kind: node.kind,
      label: node.label,
      number: node.number,
      holderName: node.holderName,
      holderId: node.holderId,
      bank: node.bank,
      members: node.members.length,
      hasStatement: node.members.some((member) => model.accounts.hasStatement(member)),
      inMinor: node.inMinor,
      outMinor: node.outMinor,
      inCount: node.inCount,
      outCount: node.outCount,
    })),
    edges: graph.edges.map((edge) => ({
      key: edge.key,
      from: edge.from,
      to: edge.to,
      count: edge.count,
      sumMinor: edge.sumMinor,
      firstUtc: edge.firstMs,
      lastUtc: edge.lastMs,
      via: edge.via,
    })),
    totalNodes: graph.totalNodes,
    totalEdges: graph.totalEdges,
    transactions: model.transactions,
    excluded: model.excluded,
    selfFlows: graph.selfFlows,
    pairedLegs: graph.pairedLegs,
    currency: input.currency,
  };
}

interface RowRecord {
  id: number;
  account_id: number;
  ts_utc: number | null;
  ts_text: string;
  amount_minor: number;
  currency: string;
  direction: 'in' | 'out' | null;
  cp_account: string | null;
  cp_name: string | null;
  summary: string | null;
  mirror_id: number | null;
  file: string;
  line: number;
}

/**
 * Every number is a door: the rows behind a node, an edge or a trace hop, in time order, a page at a time. The rows
 * of an edge are exactly those it counts; a node's are those of all its edges, hidden ones included.
 */
export function flowRows(db: Db, input: FlowRowsInput): FlowRowsResult {
  const ids = rowIdsOf(db, input);
  const page = ids.slice(input.offset, input.offset + input.limit);
  return { total: ids.length, offset: input.offset, rows: rowsByIds(db, page) };
}

function rowIdsOf(db: Db, input: FlowRowsInput): number[] {
  if (input.txnIds) return orderIds(db, input.txnIds);
  if (!input.node && !input.edge) return [];
  const { model, graph } = graphOf(db, input, { ...input, maxNodes: Number.MAX_SAFE_INTEGER });
  let edges: GraphEdge[];
  if (input.edge) {
    const key = edgeKey(input.edge.from, input.edge.to);
    edges = graph.edges.filter((edge) => edge.key === key);
  } else {
    edges = graph.edges.filter((edge) => edge.from === input.node || edge.to === input.node);
  }
  const scope = scopeOf(scopeFilter(input), model.undone);
  const statement = db.prepare(`SELECT t.id FROM txn t WHERE ${scope.counted} AND ${NOT_MIRROR_IN} AND ${GROUP_ROWS}`).pluck();
  const ids = new Set<number>();
  for (const edge of edges) {
    for (const ref of edge.refs) {
      const group = model.refs[ref];
      if (!group) continue;
      for (const id of statement.all({ ...scope.params, ...group }) as number[]) ids.add(id);
    }
    for (const id of edge.txnIds) ids.add(id);
  }
  return orderIds(db, [...ids]);
}

/** Ids in time order (rows without a time last), as the side panel lists them. */
function orderIds(db: Db, ids: readonly number[]): number[] {
  const times = new Map<number, number>();
  const statement = db.prepare('SELECT id, ts_utc FROM txn WHERE id = ?').raw(true);
  for (const id of ids) {
    const row = statement.get(id) as [number, number | null] | undefined;
    if (row) times.set(row[0], row[1] ?? Number.MAX_SAFE_INTEGER);
  }
  return [...times.keys()].sort((a, b) => (times.get(a) ?? 0) - (times.get(b) ?? 0) || a - b);
}

function rowsByIds(db: Db, ids: readonly number[]): FlowTxnRow[] {
  if (ids.length === 0) return [];
  const statement = db.prepare(
    `SELECT t.id, t.account_id, t.ts_utc, t.ts_text, t.amount_minor, t.currency, t.direction, t.cp_account, t.cp_name, t.summary, t.mirror_id,
       s.rel_path AS file, t.line
     FROM txn t JOIN source s ON s.id = t.source_id WHERE t.id = ?`,
  );
  const account = db.prepare('SELECT number, sub_account, holder_name FROM account WHERE id = ?');
  const holders = new Map<number, { number: string; holder: string | null }>();
  const result: FlowTxnRow[] = [];
  for (const id of ids) {
    const row = statement.get(id) as RowRecord | undefined;
    if (!row) continue;
    let holder = holders.get(row.account_id);
    if (!holder) {
      const found = account.get(row.account_id) as { number: string; sub_account: string; holder_name: string | null } | undefined;
      holder = { number: found ? (found.sub_account ? `${found.number}_${found.sub_account}` : found.number) : String(row.account_id), holder: found?.holder_name ?? null };
      holders.set(row.account_id, holder);
    }
    result.push({
      id: row.id,
      accountKey: caseKey(row.account_id),
      accountNumber: holder.number,
      holderName: holder.holder,
      utcMs: row.ts_utc,
      timeText: row.ts_text,
      amountMinor: row.amount_minor,
      currency: row.currency,
      direction: row.direction,
      cpAccount: row.cp_account,
      cpName: row.cp_name,
      summary: row.summary,
      mirrorId: row.mirror_id,
      file: row.file,
      line: row.line,
    });
  }
  return result;
}
