import type { FlowGraphResult, FlowNodeKind, TraceResult } from '@shared/domain';
import type { ChartOption } from '../../components/Chart';

/**
 * The 资金流向 chart as an echarts graph series: nodes sized by volume and coloured by what they are (an account of
 * the case, a person, an account seen only as a counterparty, a payment platform, a name), edges as wide as the money
 * on them, labels with the holder's name and the number's tail. A trace lights up its path and dims the rest; the
 * layered layout puts the trace's hops in columns (去向 to the right, 来源 to the left), or, without a trace, payers
 * left, pass-through accounts in the middle and receivers right.
 */

export type FlowLayout = 'force' | 'layered';

export const KIND_ORDER: readonly FlowNodeKind[] = ['case', 'person', 'external', 'platform', 'name'];
const KIND_COLOR: Record<FlowNodeKind, string> = { case: '#1f5fbf', person: '#6b3fb5', external: '#8a94a3', platform: '#d48806', name: '#b4bcc7' };
const TRACE_COLOR = '#c2410c';
const EDGE_COLOR = '#9aa4b2';

export interface ChartNode {
  key: string;
  kind: FlowNodeKind;
  label: string;
  number: string | null;
  volumeMinor: number;
}

export interface ChartLink {
  from: string;
  to: string;
  sumMinor: number;
  count: number;
  /** this link is a hop of the trace shown */
  traced: boolean;
  /** the trace's attributed amount on it */
  attributedMinor: number;
}

export interface FlowChart {
  option: ChartOption;
  /** by data index: what a click on a node or an edge refers to */
  nodes: ChartNode[];
  links: ChartLink[];
}

export interface FlowChartText {
  kinds: Record<FlowNodeKind, string>;
  money: (minor: number) => string;
  count: (n: number) => string;
  edgeTooltip: (link: ChartLink, from: string, to: string) => string;
  nodeTooltip: (node: ChartNode, inMinor: number, outMinor: number) => string;
}

/** 张三 ·4414: the holder and the last four digits, enough to tell two of one person's cards apart. */
export function nodeCaption(label: string, number: string | null): string {
  if (!number) return label;
  const tail = number.length > 4 ? number.slice(-4) : number;
  return label === number ? `…${tail}` : `${label} ·${tail}`;
}

interface NodeFacts {
  inMinor: number;
  outMinor: number;
}

export function buildFlowChart(graph: FlowGraphResult, trace: TraceResult | null, layout: FlowLayout, text: FlowChartText): FlowChart {
  const nodes: ChartNode[] = [];
  const facts = new Map<string, NodeFacts>();
  for (const node of graph.nodes) {
    nodes.push({ key: node.key, kind: node.kind, label: node.label, number: node.number, volumeMinor: node.inMinor + node.outMinor });
    facts.set(node.key, { inMinor: node.inMinor, outMinor: node.outMinor });
  }
  // a trace may pass through accounts the graph left out (beyond maxNodes): they are drawn too
  const known = new Set(nodes.map((n) => n.key));
  for (const node of trace?.nodes ?? []) {
    if (known.has(node.key)) continue;
    known.add(node.key);
    nodes.push({ key: node.key, kind: node.kind, label: node.label, number: node.number, volumeMinor: 0 });
    facts.set(node.key, { inMinor: 0, outMinor: 0 });
  }

  const traced = new Map<string, number>();
  for (const hop of trace?.hops ?? []) traced.set(`${hop.from}->${hop.to}`, (traced.get(`${hop.from}->${hop.to}`) ?? 0) + hop.attributedMinor);
  const links: ChartLink[] = graph.edges.map((edge) => ({
    from: edge.from,
    to: edge.to,
    sumMinor: edge.sumMinor,
    count: edge.count,
    traced: traced.has(edge.key),
    attributedMinor: traced.get(edge.key) ?? 0,
  }));
  const drawn = new Set(graph.edges.map((edge) => edge.key));
  for (const hop of trace?.hops ?? []) {
    const key = `${hop.from}->${hop.to}`;
    if (drawn.has(key)) continue;
    drawn.add(key);
    links.push({ from: hop.from, to: hop.to, sumMinor: hop.amountMinor, count: hop.txns.length, traced: true, attributedMinor: traced.get(key) ?? hop.attributedMinor });
  }

  const onTrace = new Set<string>();
  for (const hop of trace?.hops ?? []) {
    onTrace.add(hop.from);
    onTrace.add(hop.to);
  }
  for (const seed of trace?.params.seeds ?? []) onTrace.add(seed);
  const dim = trace !== null && onTrace.size > 0;

  const maxVolume = Math.max(1, ...nodes.map((n) => n.volumeMinor));
  const maxSum = Math.max(1, ...links.map((l) => l.sumMinor));
  const positions = layout === 'layered' ? layeredPositions(nodes, facts, trace) : null;
  const labelled = new Set(
    [...nodes]
      .sort((a, b) => b.volumeMinor - a.volumeMinor)
      .slice(0, LABELLED)
      .map((n) => n.key),
  );
  const pairs = new Set(links.map((l) => `${l.from}->${l.to}`));

  const option: ChartOption = {
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const item = params as { dataType?: string; dataIndex: number };
        if (item.dataType === 'edge') {
          const link = links[item.dataIndex];
          if (!link) return '';
          const from = nodes.find((n) => n.key === link.from);
          const to = nodes.find((n) => n.key === link.to);
          return text.edgeTooltip(link, from ? nodeCaption(from.label, from.number) : link.from, to ? nodeCaption(to.label, to.number) : link.to);
        }
        const node = nodes[item.dataIndex];
        if (!node) return '';
        const fact = facts.get(node.key);
        return text.nodeTooltip(node, fact?.inMinor ?? 0, fact?.outMinor ?? 0);
      },
    },
    legend: [{ data: KIND_ORDER.map((kind) => text.kinds[kind]), top: 4, left: 8, itemWidth: 12, itemHeight: 12 }],
    series: [
      {
        type: 'graph',
        layout: positions ? 'none' : 'force',
        roam: true,
        draggable: positions === null,
        // weaker repulsion and stronger gravity the more nodes there are, so the whole graph fits the view; the
        // simulation starts from a circle, not random points, so the same graph is drawn the same way every time
        force: { initLayout: 'circular', repulsion: Math.max(40, Math.min(260, 9000 / Math.max(1, nodes.length))), edgeLength: [30, 140], gravity: 0.15, layoutAnimation: false },
        categories: KIND_ORDER.map((kind) => ({ name: text.kinds[kind], itemStyle: { color: KIND_COLOR[kind] } })),
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: [0, 7],
        // hovering a node names it and its neighbours and dims the rest
        emphasis: { focus: 'adjacency', lineStyle: { width: 4 }, label: { show: true } },
        labelLayout: { hideOverlap: true },
        data: nodes.map((node) => {
          const position = positions?.get(node.key);
          const lit = onTrace.has(node.key);
          return {
            id: node.key,
            name: nodeCaption(node.label, node.number),
            value: node.volumeMinor,
            category: KIND_ORDER.indexOf(node.kind),
            symbolSize: 8 + 34 * Math.sqrt(node.volumeMinor / maxVolume),
            ...(position ? { x: position.x, y: position.y } : {}),
            itemStyle: lit ? { borderColor: TRACE_COLOR, borderWidth: 3 } : dim ? { opacity: 0.25 } : {},
            label: { show: lit || (!dim && labelled.has(node.key)), position: 'right' as const, fontSize: 11 },
          };
        }),
        links: links.map((link) => ({
          source: link.from,
          target: link.to,
          value: link.sumMinor,
          lineStyle: {
            width: link.traced ? 2 + 6 * Math.sqrt(link.attributedMinor / Math.max(1, trace?.seedAmountMinor ?? 1)) : 0.6 + 5 * Math.sqrt(link.sumMinor / maxSum),
            color: link.traced ? TRACE_COLOR : EDGE_COLOR,
            opacity: link.traced ? 0.95 : dim ? 0.12 : 0.55,
            // the two directions between one pair of accounts bend apart instead of drawing over each other
            curveness: pairs.has(`${link.to}->${link.from}`) ? 0.2 : 0.05,
          },
        })),
      },
    ],
  };
  return { option, nodes, links };
}

/** the busiest nodes carry a permanent label; the others show theirs on hover */
const LABELLED = 30;
const COLUMN_ROWS = 18;
const ROW_HEIGHT = 40;
const SUB_COLUMN_WIDTH = 150;
const COLUMN_GAP = 220;

/** Columns: a trace's hop levels; without one, payers, pass-through accounts and receivers. Rows by volume. */
function layeredPositions(nodes: readonly ChartNode[], facts: ReadonlyMap<string, NodeFacts>, trace: TraceResult | null): Map<string, { x: number; y: number }> {
  const column = new Map<string, number>();
  if (trace && trace.hops.length > 0) {
    const sign = trace.params.direction === 'forward' ? 1 : -1;
    for (const seed of trace.params.seeds) column.set(seed, 0);
    for (const hop of [...trace.hops].sort((a, b) => a.level - b.level)) {
      const reached = trace.params.direction === 'forward' ? hop.to : hop.from;
      if (!column.has(reached)) column.set(reached, sign * hop.level);
    }
  }
  const spare = trace && trace.hops.length > 0 ? Math.max(...[...column.values()].map((c) => Math.abs(c))) + 2 : 0;
  for (const node of nodes) {
    if (column.has(node.key)) continue;
    const fact = facts.get(node.key) ?? { inMinor: 0, outMinor: 0 };
    const turnover = fact.inMinor + fact.outMinor;
    const balance = turnover === 0 ? 0 : (fact.inMinor - fact.outMinor) / turnover;
    // off the trace: a column of its own beyond the last hop
    column.set(node.key, trace && trace.hops.length > 0 ? spare : balance < -0.2 ? 0 : balance > 0.2 ? 2 : 1);
  }
  const byColumn = new Map<number, ChartNode[]>();
  for (const node of nodes) {
    const c = column.get(node.key) ?? 0;
    byColumn.set(c, [...(byColumn.get(c) ?? []), node]);
  }
  // a long column wraps into narrow sub-columns, so a hundred accounts stay apart instead of piling up
  const widest = Math.max(1, ...[...byColumn.values()].map((members) => Math.ceil(members.length / COLUMN_ROWS)));
  const positions = new Map<string, { x: number; y: number }>();
  for (const [c, members] of byColumn) {
    members.sort((a, b) => b.volumeMinor - a.volumeMinor || (a.key < b.key ? -1 : 1));
    members.forEach((node, i) => {
      const sub = Math.floor(i / COLUMN_ROWS);
      positions.set(node.key, { x: c * (widest * SUB_COLUMN_WIDTH + COLUMN_GAP) + sub * SUB_COLUMN_WIDTH, y: (i % COLUMN_ROWS) * ROW_HEIGHT + (sub % 2) * (ROW_HEIGHT / 2) });
    });
  }
  return positions;
}
