import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowEdge, FlowNode, TraceHop } from '@shared/domain';
import { formatCount, formatMoney } from '../../components/format';
import { formatUtc } from './flow-format';
import { nodeCaption } from './flow-chart-option';
import { FlowRowsGrid, type RowsQuery } from './FlowRowsGrid';

export type Selection = { kind: 'node'; key: string } | { kind: 'edge'; from: string; to: string } | { kind: 'hop'; hop: TraceHop };

export interface NodeLookup {
  (key: string): { label: string; number: string | null } | undefined;
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <table className="flow-facts-table">
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Seized names and numbers as text, isolated from the text around them. */
const Text = ({ value }: { value: string | null | undefined }) => (value ? <bdi>{value}</bdi> : <span className="muted">—</span>);

/**
 * The side panel of the chart: what a clicked node, edge or trace hop is, its figures, and the transactions behind
 * them; a node can become a trace seed from here.
 */
export function SelectionPanel({
  selection,
  node,
  edge,
  describe,
  rowsQuery,
  zone,
  currency,
  onClose,
  onTraceFrom,
  onAddSeed,
}: {
  selection: Selection;
  node: FlowNode | undefined;
  edge: FlowEdge | undefined;
  describe: NodeLookup;
  rowsQuery: RowsQuery;
  zone: string;
  currency: string;
  onClose: () => void;
  onTraceFrom: (key: string) => void;
  onAddSeed: (key: string) => void;
}) {
  const { t } = useTranslation();
  const money = (minor: number) => formatMoney(minor, currency);
  const caption = (key: string) => {
    const found = describe(key);
    return found ? nodeCaption(found.label, found.number) : key;
  };
  let title: string;
  let facts: [string, ReactNode][] = [];
  let actions: ReactNode = null;
  if (selection.kind === 'node') {
    title = `${t('flow.panel.node')}：${caption(selection.key)}`;
    if (node) {
      facts = [
        [t('flow.panel.kind'), t(`flow.kinds.${node.kind}`)],
        [t('flow.panel.holder'), <Text key="h" value={node.holderName ?? node.label} />],
        [t('flow.panel.number'), <Text key="n" value={node.number} />],
        [t('flow.panel.holderId'), <Text key="i" value={node.holderId} />],
        [t('flow.panel.bank'), <Text key="b" value={node.bank} />],
        [t('flow.panel.statement'), node.hasStatement ? t('flow.panel.hasStatement') : t('flow.panel.noStatement')],
        [t('flow.panel.in'), `${money(node.inMinor)}（${formatCount(node.inCount)}）`],
        [t('flow.panel.out'), `${money(node.outMinor)}（${formatCount(node.outCount)}）`],
      ];
      if (node.members > 1) facts.push([t('flow.panel.members'), formatCount(node.members)]);
    }
    const key = selection.key;
    actions = (
      <div className="flow-actions">
        <button type="button" className="small primary" onClick={() => onTraceFrom(key)}>
          {t('flow.panel.traceFrom')}
        </button>
        <button type="button" className="small" onClick={() => onAddSeed(key)}>
          {t('flow.panel.addSeed')}
        </button>
      </div>
    );
  } else if (selection.kind === 'edge') {
    title = `${t('flow.panel.edge')}：${caption(selection.from)} → ${caption(selection.to)}`;
    if (edge) {
      facts = [
        [t('flow.panel.count'), formatCount(edge.count)],
        [t('flow.panel.sum'), money(edge.sumMinor)],
        [t('flow.panel.first'), formatUtc(edge.firstUtc, zone)],
        [t('flow.panel.last'), formatUtc(edge.lastUtc, zone)],
      ];
      if (edge.via.length > 0) facts.push([t('flow.panel.via'), edge.via.map(caption).join('、')]);
    }
  } else {
    const { hop } = selection;
    title = t('flow.trace.hopRows', { level: hop.level, from: caption(hop.from), to: caption(hop.to) });
    facts = [
      [t('flow.trace.amount'), money(hop.amountMinor)],
      [t('flow.trace.attributed'), money(hop.attributedMinor)],
      [t('flow.trace.txns'), formatCount(hop.txns.length)],
    ];
  }

  return (
    <section className="flow-card flow-selection" aria-label={title}>
      <div className="flow-card-head">
        <h2>
          <bdi>{title}</bdi>
        </h2>
        <button type="button" className="small flow-card-end" onClick={onClose}>
          {t('flow.panel.close')}
        </button>
      </div>
      {facts.length > 0 ? <Facts rows={facts} /> : null}
      {actions}
      <FlowRowsGrid query={rowsQuery} zone={zone} />
    </section>
  );
}
