import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpAccount } from '@shared/domain';
import { useClient } from '../../app/client-context';
import { useAction } from '../../app/use-action';
import { useCall } from '../../app/use-call';
import { DataGrid, type ColumnSpec } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount, formatMoney } from '../../components/format';
import { formatUtc, yuanToMinor } from './flow-format';

interface FollowUpRow extends FollowUpAccount {
  institutionGroup: string;
}

const CURRENCY = 'CNY';

/**
 * 补调清单: the accounts the case's money reached whose statements it lacks, under the institution to ask, with
 * what was paid to them, when and by which of the case's accounts; exported as XLSX into the case's exports folder.
 */
export function FollowUpsView({ zone }: { zone: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const [minText, setMinText] = useState('');
  const min = yuanToMinor(minText);
  const input = { minTotalMinor: min ?? 0, currency: CURRENCY };
  const list = useCall('flow.followUps', input, { refetchOn: ['case.changed', 'import.finished'] });
  const exporting = useAction();
  const [exported, setExported] = useState<string | null>(null);
  const money = useCallback((minor: number) => formatMoney(minor, CURRENCY), []);

  const rows = useMemo<FollowUpRow[] | undefined>(
    () => list.data?.groups.flatMap((group) => group.accounts.map((account) => ({ ...account, institutionGroup: group.institution }))),
    [list.data],
  );
  const columns = useMemo<ColumnSpec<FollowUpRow>[]>(
    () => [
      { id: 'institution', header: t('flow.followUps.institution'), value: (r) => r.institutionGroup, width: 190 },
      { id: 'source', header: t('flow.followUps.source'), value: (r) => t(`flow.followUps.sources.${r.institutionSource}`), width: 90 },
      { id: 'account', header: t('flow.followUps.account'), value: (r) => r.account, kind: 'code', width: 170 },
      { id: 'kind', header: t('flow.followUps.kind'), value: (r) => t(`flow.followUps.kinds.${r.kind}`), width: 80 },
      { id: 'holder', header: t('flow.followUps.holder'), value: (r) => r.holderName ?? '', width: 120 },
      { id: 'holderId', header: t('flow.followUps.holderId'), value: (r) => r.holderId ?? '', kind: 'code', width: 150 },
      { id: 'binBanks', header: t('flow.followUps.binBanks'), value: (r) => r.binBanks.join(' / '), width: 110 },
      { id: 'count', header: t('flow.followUps.count'), value: (r) => r.count, kind: 'number', width: 80 },
      { id: 'sum', header: t('flow.followUps.sum'), value: (r) => r.sumMinor, format: (r) => money(r.sumMinor), kind: 'number', width: 120 },
      { id: 'first', header: t('flow.followUps.first'), value: (r) => r.firstUtc ?? 0, format: (r) => formatUtc(r.firstUtc, zone), width: 140 },
      { id: 'last', header: t('flow.followUps.last'), value: (r) => r.lastUtc ?? 0, format: (r) => formatUtc(r.lastUtc, zone), width: 140 },
      {
        id: 'senders',
        header: t('flow.followUps.senders'),
        value: (r) => r.senders.map((s) => `${s.holderName ?? ''} ${s.number}`.trim()).join('；'),
        tooltip: (r) => r.senders.map((s) => `${s.holderName ?? ''} ${s.number}: ${formatCount(s.count)} · ${money(s.sumMinor)}`).join('\n'),
        flex: 1,
        minWidth: 200,
      },
    ],
    [t, zone, money],
  );

  const runExport = () => {
    setExported(null);
    void exporting.run(async () => {
      const result = await client.call('flow.exportFollowUps', input);
      setExported(t('flow.followUps.exported', { path: result.path }));
      return result;
    });
  };

  return (
    <div className="flow-followups">
      <p className="muted">{t('flow.followUps.intro')}</p>
      <div className="flow-followups-bar">
        <label>
          {t('flow.followUps.minTotal')}
          <input type="text" inputMode="decimal" value={minText} aria-invalid={min === null || undefined} onChange={(e) => setMinText(e.target.value)} />
        </label>
        {list.data ? (
          <span role="status">{t('flow.followUps.total', { accounts: formatCount(list.data.accounts), sum: money(list.data.sumMinor) })}</span>
        ) : null}
        <button type="button" className="primary" disabled={exporting.pending || !list.data || list.data.accounts === 0} onClick={runExport}>
          {exporting.pending ? t('flow.followUps.exporting') : t('flow.followUps.export')}
        </button>
        {exported ? (
          <span className="ok-text path" role="status">
            {exported}
          </span>
        ) : null}
      </div>
      <ErrorNotice error={list.error ?? exporting.error} onRetry={list.reload} />
      <DataGrid rows={rows} columns={columns} rowId={(r) => r.account} ariaLabel={t('flow.followUps.gridLabel')} emptyText={t('flow.followUps.empty')} />
    </div>
  );
}
