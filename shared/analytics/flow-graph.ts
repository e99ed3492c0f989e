import { pairPlatformLegs, type PlatformLeg } from './platform-pairing';

/**
 * The fund-flow graph (资金流向图): accounts as nodes, transfers aggregated into edges. The service hands in rows
 * already aggregated per (statement account, counterparty, direction), with the two legs of one transfer counted
 * once and duplicates and bank-failed rows left out; this module orients them, merges both statements' views of
 * one pair of accounts, optionally folds payment platforms into direct edges and accounts into their holders, and
 * keeps the busiest nodes. Pure: plain data in, plain data out.
 */

export type { PlatformLeg } from './platform-pairing';

export type FlowNodeKind = 'case' | 'external' | 'platform' | 'name' | 'person';

export interface FlowNodeInput {
  /** `a:<account id>` case account, `x:<number>` account seen only as a counterparty, `p:<id>` payment platform, `n:<name>` a counterparty known by name only */
  key: string;
  kind: Exclude<FlowNodeKind, 'person'>;
  label: string;
  number: string | null;
  holderName: string | null;
  /** ID number of the holder (证件号码) where the returns give it: grouping by holder uses it */
  holderId: string | null;
  bank: string | null;
}

/** Rows of one statement account with one counterparty in one direction, aggregated. */
export interface FlowGroup {
  /** the service's handle to fetch these rows again */
  ref: number;
  account: string;
  counterparty: string;
  /** from the statement account's side */
  direction: 'in' | 'out';
  count: number;
  sumMinor: number;
  firstMs: number | null;
  lastMs: number | null;
}

export interface FlowGraphOptions {
  /** fold money that goes into a platform and out to another account into a direct edge where the legs pair */
  collapsePlatforms: boolean;
  /** 'holder': accounts with the same holder ID number become one person node */
  groupBy: 'account' | 'holder';
  /** keep at most this many nodes: case accounts first, then platforms, then the rest, each by volume */
  maxNodes: number;
  /** the two legs through a platform must be this close in time (a leg naming the other end may be further) */
  pairWindowMs: number;
}

export interface FlowNode {
  key: string;
  kind: FlowNodeKind;
  label: string;
  number: string | null;
  holderName: string | null;
  holderId: string | null;
  bank: string | null;
  /** node keys of the accounts behind it (one, or a holder's accounts) */
  members: string[];
  inMinor: number;
  outMinor: number;
  inCount: number;
  outCount: number;
}

export interface FlowEdge {
  key: string;
  from: string;
  to: string;
  count: number;
  sumMinor: number;
  firstMs: number | null;
  lastMs: number | null;
  /** platforms folded into this edge */
  via: string[];
  /** aggregated groups behind it */
  refs: number[];
  /** single rows behind it (legs through a platform) */
  txnIds: number[];
}

export interface FlowGraph {
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** before maxNodes: how many there were */
  totalNodes: number;
  totalEdges: number;
  /** transfers between accounts of one holder (grouping by holder hides them) */
  selfFlows: { count: number; sumMinor: number };
  /** platform legs folded into direct edges */
  pairedLegs: number;
}

const KIND_RANK: Record<FlowNodeKind, number> = { case: 0, person: 0, platform: 1, external: 2, name: 2 };

export function edgeKey(from: string, to: string): string {
  return `${from}->${to}`;
}

export function buildFlowGraph(
  input: { nodes: readonly FlowNodeInput[]; groups: readonly FlowGroup[]; platformLegs?: readonly PlatformLeg[] },
  options: FlowGraphOptions,
): FlowGraph {
  const info = new Map(input.nodes.map((node) => [node.key, node]));
  const { groupOf, members } = groupingOf(input.nodes, options.groupBy);
  const edges = new Map<string, FlowEdge>();
  const selfFlows = { count: 0, sumMinor: 0 };

  const add = (rawFrom: string, rawTo: string, count: number, sum: number, first: number | null, last: number | null, link: { ref?: number; txnId?: number; via?: string }): void => {
    const from = groupOf(rawFrom);
    const to = groupOf(rawTo);
    if (from === to) {
      selfFlows.count += count;
      selfFlows.sumMinor += sum;
      return;
    }
    const key = edgeKey(from, to);
    let edge = edges.get(key);
    if (!edge) {
      edge = { key, from, to, count: 0, sumMinor: 0, firstMs: null, lastMs: null, via: [], refs: [], txnIds: [] };
      edges.set(key, edge);
    }
    edge.count += count;
    edge.sumMinor += sum;
    edge.firstMs = minTime(edge.firstMs, first);
    edge.lastMs = maxTime(edge.lastMs, last);
    if (link.ref !== undefined) edge.refs.push(link.ref);
    if (link.txnId !== undefined) edge.txnIds.push(link.txnId);
    if (link.via !== undefined && !edge.via.includes(link.via)) edge.via.push(link.via);
  };

  const platformKeys = new Set(input.nodes.filter((node) => node.kind === 'platform').map((node) => node.key));
  const collapse = options.collapsePlatforms && input.platformLegs !== undefined;
  for (const group of input.groups) {
    if (collapse && platformKeys.has(group.counterparty)) continue;
    const [from, to] = group.direction === 'out' ? [group.account, group.counterparty] : [group.counterparty, group.account];
    add(from, to, group.count, group.sumMinor, group.firstMs, group.lastMs, { ref: group.ref });
  }

  let pairedLegs = 0;
  if (collapse && input.platformLegs) {
    const { pairs, direct, rest } = pairPlatformLegs(input.platformLegs, options.pairWindowMs);
    for (const [into, outOf] of pairs) {
      const first = minTime(into.ts, outOf.ts);
      const last = maxTime(into.ts, outOf.ts);
      // one transfer seen twice (into the platform, out of it): counted once, both rows kept behind the edge
      add(into.account, outOf.account, 1, into.amountMinor, first, last, { txnId: into.txnId, via: into.platform });
      const edge = edges.get(edgeKey(groupOf(into.account), groupOf(outOf.account)));
      edge?.txnIds.push(outOf.txnId);
      pairedLegs += 2;
    }
    for (const leg of direct) {
      const other = leg.hint ?? leg.platform;
      const [from, to] = leg.direction === 'out' ? [leg.account, other] : [other, leg.account];
      add(from, to, 1, leg.amountMinor, leg.ts, leg.ts, { txnId: leg.txnId, via: leg.platform });
      pairedLegs += 1;
    }
    for (const leg of rest) {
      const [from, to] = leg.direction === 'out' ? [leg.account, leg.platform] : [leg.platform, leg.account];
      add(from, to, 1, leg.amountMinor, leg.ts, leg.ts, { txnId: leg.txnId });
    }
  }

  const nodes = new Map<string, FlowNode>();
  const nodeFor = (key: string): FlowNode => {
    let node = nodes.get(key);
    if (!node) {
      node = describeNode(key, info, members.get(key) ?? []);
      nodes.set(key, node);
    }
    return node;
  };
  for (const edge of edges.values()) {
    const from = nodeFor(edge.from);
    const to = nodeFor(edge.to);
    from.outMinor += edge.sumMinor;
    from.outCount += edge.count;
    to.inMinor += edge.sumMinor;
    to.inCount += edge.count;
  }

  const ranked = [...nodes.values()].sort(
    (a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || b.inMinor + b.outMinor - (a.inMinor + a.outMinor) || compareText(a.key, b.key),
  );
  const kept = ranked.slice(0, Math.max(0, options.maxNodes));
  const keptKeys = new Set(kept.map((node) => node.key));
  const keptEdges = [...edges.values()]
    .filter((edge) => keptKeys.has(edge.from) && keptKeys.has(edge.to))
    .sort((a, b) => b.sumMinor - a.sumMinor || compareText(a.key, b.key));
  return { nodes: kept, edges: keptEdges, totalNodes: nodes.size, totalEdges: edges.size, selfFlows, pairedLegs };
}

/** Node key → the key it is drawn under: itself, or `h:<holder ID>` when grouping by holder; and each group's members. */
function groupingOf(nodes: readonly FlowNodeInput[], groupBy: FlowGraphOptions['groupBy']): { groupOf: (key: string) => string; members: Map<string, FlowNodeInput[]> } {
  const holder = new Map<string, string>();
  const members = new Map<string, FlowNodeInput[]>();
  if (groupBy === 'holder') {
    for (const node of nodes) {
      if ((node.kind !== 'case' && node.kind !== 'external') || !node.holderId) continue;
      const group = `h:${node.holderId.toUpperCase()}`;
      holder.set(node.key, group);
      const list = members.get(group);
      if (list) list.push(node);
      else members.set(group, [node]);
    }
  }
  return { groupOf: (key) => holder.get(key) ?? key, members };
}

function describeNode(key: string, info: ReadonlyMap<string, FlowNodeInput>, members: readonly FlowNodeInput[]): FlowNode {
  const own = info.get(key);
  if (own) return { ...own, members: [key], inMinor: 0, outMinor: 0, inCount: 0, outCount: 0 };
  if (key.startsWith('h:') && members.length > 0) {
    const named = members.find((m) => m.kind === 'case' && m.holderName) ?? members.find((m) => m.holderName) ?? members[0];
    const anyCase = members.some((m) => m.kind === 'case');
    return {
      key,
      kind: anyCase ? 'person' : 'external',
      label: named?.holderName ?? named?.label ?? key.slice(2),
      number: members.length === 1 ? (members[0]?.number ?? null) : null,
      holderName: named?.holderName ?? null,
      holderId: key.slice(2),
      bank: members.length === 1 ? (members[0]?.bank ?? null) : null,
      members: members.map((m) => m.key),
      inMinor: 0,
      outMinor: 0,
      inCount: 0,
      outCount: 0,
    };
  }
  return { key, kind: 'external', label: key.replace(/^[a-z]:/, ''), number: null, holderName: null, holderId: null, bank: null, members: [key], inMinor: 0, outMinor: 0, inCount: 0, outCount: 0 };
}

function minTime(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

function maxTime(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

/** Code-unit order: stable and fast (localeCompare's collation costs seconds on 100,000 keys). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
