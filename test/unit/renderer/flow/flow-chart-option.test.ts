import { describe, expect, it } from 'vitest';
import type { FlowNodeKind } from '@shared/domain';
import { buildFlowChart, KIND_ORDER, nodeCaption, type FlowChartText } from '../../../../renderer/src/features/flow/flow-chart-option';
import { flowGraphFixture, traceFixture } from '../support/fake-flow';

const text: FlowChartText = {
  kinds: Object.fromEntries(KIND_ORDER.map((kind) => [kind, kind])) as Record<FlowNodeKind, string>,
  money: (minor) => `¥${minor / 100}`,
  count: String,
  nodeTooltip: (node, inMinor, outMinor) => `${node.label} in ${inMinor} out ${outMinor}`,
  edgeTooltip: (link, from, to) => `${from}→${to} ${link.sumMinor}${link.traced ? ` of which ${link.attributedMinor}` : ''}`,
};

interface SeriesShape {
  layout: string;
  data: { id: string; name: string; symbolSize: number; category: number; x?: number; y?: number; itemStyle: { borderColor?: string; opacity?: number } }[];
  links: { source: string; target: string; lineStyle: { width: number; color: string } }[];
}
const seriesOf = (option: unknown): SeriesShape => ((option as { series: SeriesShape[] }).series[0] as SeriesShape);

describe('the fund-flow chart option', () => {
  it('names nodes by holder and the number’s tail, sizes them by volume and colours them by kind', () => {
    expect(nodeCaption('韩莉', '6210989946377952344')).toBe('韩莉 ·2344');
    expect(nodeCaption('6225000011112222', '6225000011112222')).toBe('…2222');
    const { option, nodes } = buildFlowChart(flowGraphFixture(), null, 'force', text);
    const series = seriesOf(option);
    expect(series.layout).toBe('force');
    expect(series.data.map((d) => d.name)).toEqual(['陈璐倩 ·7937', '韦娜佳 ·6996', '<img src=x onerror=alert(1)>韩莉 ·2344', '财付通（微信支付）']);
    // the mule moved both amounts: the biggest node
    const size = (key: string) => series.data.find((d) => d.id === key)?.symbolSize ?? 0;
    expect(size('a:2')).toBeGreaterThan(size('a:1'));
    expect(size('p:tenpay')).toBeLessThan(size('a:3'));
    expect(series.data.find((d) => d.id === 'p:tenpay')?.category).toBe(KIND_ORDER.indexOf('platform'));
    expect(nodes.map((n) => n.key)).toEqual(series.data.map((d) => d.id));
    // edges as wide as their money
    const width = (from: string, to: string) => series.links.find((l) => l.source === from && l.target === to)?.lineStyle.width ?? 0;
    expect(width('a:1', 'a:2')).toBeGreaterThan(width('a:3', 'p:tenpay'));
  });

  it('lights the traced path, dims the rest and answers tooltips as text', () => {
    const trace = traceFixture(['a:1']);
    const { option, links } = buildFlowChart(flowGraphFixture(), trace, 'force', text);
    const series = seriesOf(option);
    expect(series.data.find((d) => d.id === 'a:2')?.itemStyle.borderColor).toBeTruthy();
    expect(series.data.find((d) => d.id === 'p:tenpay')?.itemStyle.opacity).toBeLessThan(0.5);
    expect(links.filter((l) => l.traced).map((l) => `${l.from}->${l.to}`)).toEqual(['a:1->a:2', 'a:2->a:3']);
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ dataType: 'edge', dataIndex: 1 })).toBe('韦娜佳 ·6996→<img src=x onerror=alert(1)>韩莉 ·2344 343787 of which 343787');
  });

  it('lays a trace out in columns by hop, onward to the right and sources to the left', () => {
    const forward = seriesOf(buildFlowChart(flowGraphFixture(), traceFixture(['a:1']), 'layered', text).option);
    expect(forward.layout).toBe('none');
    const x = (s: SeriesShape, key: string) => s.data.find((d) => d.id === key)?.x;
    const [seed = 0, mule = 0, relative = 0] = [x(forward, 'a:1'), x(forward, 'a:2'), x(forward, 'a:3')];
    expect(seed).toBe(0);
    expect(mule).toBeGreaterThan(seed);
    // one column per hop, evenly spaced
    expect(relative - mule).toBe(mule - seed);
    const backward = traceFixture(['a:3']);
    backward.params.direction = 'backward';
    backward.hops = backward.hops.map((hop) => ({ ...hop, level: hop.to === 'a:3' ? 1 : 2 }));
    const back = seriesOf(buildFlowChart(flowGraphFixture(), backward, 'layered', text).option);
    const [end = 0, middle = 0, source = 0] = [x(back, 'a:3'), x(back, 'a:2'), x(back, 'a:1')];
    expect(end).toBe(0);
    expect(middle).toBeLessThan(end);
    expect(source - middle).toBe(middle - end);
  });

  it('draws accounts a trace passes through even when the graph left them out', () => {
    const graph = flowGraphFixture();
    graph.nodes = graph.nodes.filter((n) => n.key !== 'a:3');
    graph.edges = graph.edges.filter((e) => e.from !== 'a:3' && e.to !== 'a:3');
    const { nodes, links } = buildFlowChart(graph, traceFixture(['a:1']), 'force', text);
    expect(nodes.some((n) => n.key === 'a:3')).toBe(true);
    expect(links.find((l) => l.from === 'a:2' && l.to === 'a:3')).toMatchObject({ traced: true, attributedMinor: 343_787 });
  });
});
