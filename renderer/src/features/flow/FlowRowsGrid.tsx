import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowRowsInput, FlowTxnRow } from '@shared/domain';
import type { MethodInput } from '@shared/api';
import { useClient } from '../../app/client-context';
import { DataGrid, type ColumnSpec } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount, formatMoney } from '../../components/format';
import { formatUtc } from './flow-format';

const PAGE = 500;

/** What to list: a node's, an edge's or a trace hop's rows, under the chart's current filters. */
export type RowsQuery = Omit<MethodInput<'flow.rows'>, 'offset' | 'limit'>;

/**
 * Every number is a door: the transactions behind a node, an edge or a hop, in time order, with the file and line
 * each came from. Pages of 500 are added on request.
 */
export function FlowRowsGrid({ query, zone }: { query: RowsQuery; zone: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const key = JSON.stringify(query);
  // what has arrived for which query: an answer for an earlier selection is never shown for this one
  const [loaded, setLoaded] = useState<{ key: string; rows: FlowTxnRow[]; total: number; error: unknown } | null>(null);

  useEffect(() => {
    let live = true;
    client.call('flow.rows', { ...(JSON.parse(key) as FlowRowsInput), offset: 0, limit: PAGE }).then(
      (page) => {
        if (live) setLoaded({ key, rows: page.rows, total: page.total, error: null });
      },
      (caught: unknown) => {
        if (live) setLoaded({ key, rows: [], total: 0, error: caught });
      },
    );
    return () => {
      live = false;
    };
  }, [client, key]);

  const current = loaded?.key === key ? loaded : null;
  const rows = current?.rows;
  const total = current?.total ?? 0;
  const more = () => {
    const offset = rows?.length ?? 0;
    client.call('flow.rows', { ...(JSON.parse(key) as FlowRowsInput), offset, limit: PAGE }).then(
      (page) => setLoaded((previous) => (previous?.key === key ? { ...previous, rows: [...previous.rows, ...page.rows] } : previous)),
      (caught: unknown) => setLoaded((previous) => (previous?.key === key ? { ...previous, error: caught } : previous)),
    );
  };

  const columns = useMemo<ColumnSpec<FlowTxnRow>[]>(
    () => [
      { id: 'time', header: t('flow.rows.time'), value: (r) => r.utcMs ?? Number.MAX_SAFE_INTEGER, format: (r) => formatUtc(r.utcMs, zone) || r.timeText, tooltip: (r) => r.timeText, width: 140 },
      { id: 'direction', header: t('flow.rows.direction'), value: (r) => r.direction ?? '', format: (r) => (r.direction === 'in' ? t('flow.rows.in') : r.direction === 'out' ? t('flow.rows.out') : ''), width: 48 },
      { id: 'amount', header: t('flow.rows.amount'), value: (r) => Math.abs(r.amountMinor), format: (r) => formatMoney(Math.abs(r.amountMinor), r.currency), kind: 'number', width: 110 },
      { id: 'cpName', header: t('flow.rows.cpName'), value: (r) => r.cpName ?? '', width: 110 },
      { id: 'cpAccount', header: t('flow.rows.cpAccount'), value: (r) => r.cpAccount ?? '', kind: 'code', width: 150 },
      { id: 'summary', header: t('flow.rows.summary'), value: (r) => r.summary ?? '', width: 90 },
      { id: 'account', header: t('flow.rows.account'), value: (r) => r.accountNumber, tooltip: (r) => r.holderName, kind: 'code', width: 150 },
      { id: 'holder', header: t('flow.rows.holder'), value: (r) => r.holderName ?? '', width: 80 },
      { id: 'mirror', header: t('flow.rows.mirror'), value: (r) => (r.mirrorId === null ? '' : t('flow.rows.mirrorYes')), tooltip: (r) => (r.mirrorId === null ? null : `#${r.mirrorId}`), width: 60 },
      { id: 'source', header: t('flow.rows.source'), value: (r) => `${r.file}:${r.line}`, tooltip: (r) => `${r.file}:${r.line}`, width: 220 },
    ],
    [t, zone],
  );

  return (
    <div className="flow-rows">
      <div className="flow-card-head">
        <span className="muted">{t('flow.panel.rows', { n: formatCount(total) })}</span>
        {rows && rows.length < total ? (
          <button type="button" className="small flow-card-end" onClick={more}>
            {t('flow.panel.more', { n: formatCount(Math.min(PAGE, total - rows.length)) })}
          </button>
        ) : null}
      </div>
      <ErrorNotice error={current?.error ?? null} />
      <DataGrid rows={rows} columns={columns} rowId={(r) => String(r.id)} ariaLabel={t('flow.panel.rowsLabel')} />
    </div>
  );
}
