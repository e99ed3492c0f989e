import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventName } from '@shared/api';
import type { FlowNodeKind, TraceHop, TraceResult } from '@shared/domain';
import { useClient } from '../../app/client-context';
import { useAction } from '../../app/use-action';
import { useCall } from '../../app/use-call';
import { Chart, type ChartItem } from '../../components/Chart';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount, formatMoney } from '../../components/format';
import { exposeChart } from './chart-handle';
import { buildFlowChart, KIND_ORDER, type FlowChartText } from './flow-chart-option';
import { dayStartUtc, yuanToMinor } from './flow-format';
import { FlowFilters, INITIAL_FILTERS, type FlowFilterState } from './FlowFilters';
import type { RowsQuery } from './FlowRowsGrid';
import { SelectionPanel, type NodeLookup, type Selection } from './SelectionPanel';
import { TracePanel, type TraceRequest } from './TracePanel';

const REFRESH_ON: readonly EventName[] = ['case.changed', 'import.finished'];
const CURRENCY = 'CNY';

/**
 * 资金图: the case's transfers as a graph, filtered; click a node or an edge for its rows; pick seeds and trace them
 * hop by hop, the path lit up in the chart and its hop table below.
 */
export function FlowGraphView({ zone }: { zone: string }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [filters, setFilters] = useState<FlowFilterState>(INITIAL_FILTERS);
  const min = yuanToMinor(filters.min);
  const graphInput = useMemo(
    () => ({
      fromUtc: dayStartUtc(filters.from, zone),
      toUtc: dayStartUtc(filters.to, zone, 1),
      minAmountMinor: min ?? 0,
      currency: CURRENCY,
      collapsePlatforms: filters.collapse,
      groupBy: filters.holder ? ('holder' as const) : ('account' as const),
      maxNodes: filters.maxNodes,
    }),
    [filters.from, filters.to, filters.collapse, filters.holder, filters.maxNodes, min, zone],
  );
  const graph = useCall('flow.graph', graphInput, { refetchOn: REFRESH_ON });
  const [selection, setSelection] = useState<Selection | null>(null);
  const [seeds, setSeeds] = useState<string[]>([]);
  const [trace, setTrace] = useState<TraceResult | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const tracing = useAction();
  const saving = useAction();

  const money = useCallback((minor: number) => formatMoney(minor, CURRENCY), []);
  const text = useMemo<FlowChartText>(
    () => ({
      kinds: Object.fromEntries(KIND_ORDER.map((kind) => [kind, t(`flow.kinds.${kind}`)])) as Record<FlowNodeKind, string>,
      money,
      count: formatCount,
      nodeTooltip: (node, inMinor, outMinor) => t('flow.tooltipNode', { name: node.number && node.number !== node.label ? `${node.label} ${node.number}` : node.label, in: money(inMinor), out: money(outMinor) }),
      edgeTooltip: (link, from, to) =>
        link.traced
          ? t('flow.tooltipTraced', { from, to, n: formatCount(link.count), sum: money(link.sumMinor), attributed: money(link.attributedMinor) })
          : t('flow.tooltipEdge', { from, to, n: formatCount(link.count), sum: money(link.sumMinor) }),
    }),
    [t, money],
  );
  const chart = useMemo(() => (graph.data ? buildFlowChart(graph.data, trace, filters.layout, text) : null), [graph.data, trace, filters.layout, text]);

  const describe = useCallback<NodeLookup>(
    (key) => graph.data?.nodes.find((node) => node.key === key) ?? trace?.nodes.find((node) => node.key === key),
    [graph.data, trace],
  );

  const onItemClick = (item: ChartItem) => {
    if (!chart) return;
    if (item.dataType === 'edge') {
      const link = chart.links[item.dataIndex];
      if (link) setSelection({ kind: 'edge', from: link.from, to: link.to });
    } else {
      const node = chart.nodes[item.dataIndex];
      if (node) setSelection({ kind: 'node', key: node.key });
    }
  };

  const runTrace = (request: TraceRequest) => {
    setSaved(null);
    void tracing.run(async () => {
      const result = await client.call('flow.trace', request);
      setTrace(result);
      return result;
    });
  };
  const saveTrace = (request: TraceRequest) =>
    void saving.run(async () => {
      const result = await client.call('flow.saveTrace', request);
      setTrace(result.trace);
      const english = !(i18n.resolvedLanguage ?? i18n.language).startsWith('zh');
      setSaved(t('flow.trace.saved', { id: result.findingId, title: english ? (result.titleEn ?? result.title) : result.title }));
      return result;
    });
  const addSeed = (key: string) => setSeeds((previous) => (previous.includes(key) ? previous : [...previous, key]));

  const rowsQuery = useMemo<RowsQuery | null>(() => {
    if (!selection) return null;
    if (selection.kind === 'hop') return { txnIds: selection.hop.txns.map((txn) => txn.id) };
    if (selection.kind === 'node') return { ...graphInput, node: selection.key };
    return { ...graphInput, edge: { from: selection.from, to: selection.to } };
  }, [selection, graphInput]);

  const data = graph.data;
  const empty = data !== undefined && data.transactions === 0;
  return (
    <>
      <FlowFilters value={filters} onChange={setFilters} minInvalid={min === null} />
      {data ? (
        <p className="flow-facts" role="status">
          {t('flow.summary', {
            nodes: formatCount(data.nodes.length),
            totalNodes: formatCount(data.totalNodes),
            edges: formatCount(data.edges.length),
            totalEdges: formatCount(data.totalEdges),
            txns: formatCount(data.transactions),
            currency: data.currency,
          })}
          {' · '}
          {t('flow.excluded', {
            failed: formatCount(data.excluded.failed),
            duplicates: formatCount(data.excluded.duplicates),
            mirror: formatCount(data.excluded.mirrorLegs),
            reversed: formatCount(data.excluded.reversed),
            noCounterparty: formatCount(data.excluded.noCounterparty),
            noDirection: formatCount(data.excluded.noDirection),
          })}
          {data.selfFlows.count > 0 ? ` · ${t('flow.selfFlows', { n: formatCount(data.selfFlows.count), sum: money(data.selfFlows.sumMinor) })}` : ''}
          {data.pairedLegs > 0 ? ` · ${t('flow.paired', { legs: formatCount(data.pairedLegs) })}` : ''}
        </p>
      ) : null}
      <ErrorNotice error={graph.error} onRetry={graph.reload} />
      {empty ? (
        <EmptyState title={t('nav.flow')} body={t('flow.empty')} />
      ) : (
        <div className="flow-layout">
          <div className="flow-main">
            <div className="flow-chart">
              {chart ? <Chart option={chart.option} ariaLabel={t('flow.chartLabel')} onItemClick={onItemClick} onReady={exposeChart} /> : <p className="muted">{t('flow.loading')}</p>}
            </div>
            <TracePanel
              seeds={seeds}
              describe={describe}
              zone={zone}
              currency={CURRENCY}
              result={trace}
              running={tracing.pending}
              error={tracing.error ?? saving.error}
              saving={saving.pending}
              savedText={saved}
              onRemoveSeed={(key) => setSeeds((previous) => previous.filter((seed) => seed !== key))}
              onRun={runTrace}
              onClear={() => {
                setTrace(null);
                setSaved(null);
              }}
              onSave={saveTrace}
              onSelectHop={(hop: TraceHop) => setSelection({ kind: 'hop', hop })}
            />
          </div>
          <aside className="flow-side">
            {selection && rowsQuery ? (
              <SelectionPanel
                selection={selection}
                node={selection.kind === 'node' ? data?.nodes.find((node) => node.key === selection.key) : undefined}
                edge={selection.kind === 'edge' ? data?.edges.find((edge) => edge.from === selection.from && edge.to === selection.to) : undefined}
                describe={describe}
                rowsQuery={rowsQuery}
                zone={zone}
                currency={CURRENCY}
                onClose={() => setSelection(null)}
                onTraceFrom={(key) => {
                  setSeeds([key]);
                  setTrace(null);
                }}
                onAddSeed={addSeed}
              />
            ) : (
              <section className="flow-card flow-selection">
                <p className="muted">{t('flow.trace.noSeed')}</p>
              </section>
            )}
          </aside>
        </div>
      )}
    </>
  );
}
