import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '@shared/domain';
import { useCall } from '../../app/use-call';
import { DataGrid, type ColumnSpec } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatMoney } from '../../components/format';
import type { Messages } from '../../i18n/zh-CN';
import { zonedTime } from './txn-columns';

/** 账户汇总: per own account, money in and out and the net, counts, first and last, and the balance check. */
export function AccountSummaryTable({ zone, onOpenAccount }: { zone: string; onOpenAccount: (summary: AccountSummary) => void }) {
  const { t } = useTranslation();
  const summary = useCall('txns.accountSummary', {}, { refetchOn: ['case.changed', 'import.finished'] });
  const columns = useMemo<ColumnSpec<AccountSummary>[]>(() => {
    const h = (key: keyof Messages['txns']['summary']['columns']) => t(`txns.summary.columns.${key}`);
    const money = (pick: (row: AccountSummary) => number) => ({ value: pick, format: (row: AccountSummary) => formatMoney(pick(row), row.currency), kind: 'number' as const, width: 130 });
    return [
      { id: 'account', header: h('account'), value: (r) => r.account, kind: 'code', width: 180 },
      { id: 'holder', header: h('holder'), value: (r) => r.holder, width: 140, tooltip: (r) => r.holder },
      { id: 'bank', header: h('bank'), value: (r) => r.bank, width: 150, tooltip: (r) => r.bank },
      { id: 'currency', header: h('currency'), value: (r) => r.currency, width: 64 },
      { id: 'in', header: h('in'), ...money((r) => r.inMinor) },
      { id: 'out', header: h('out'), ...money((r) => r.outMinor) },
      { id: 'net', header: h('net'), ...money((r) => r.netMinor) },
      { id: 'inCount', header: h('inCount'), value: (r) => r.inCount, kind: 'number', width: 76 },
      { id: 'outCount', header: h('outCount'), value: (r) => r.outCount, kind: 'number', width: 76 },
      { id: 'rows', header: h('rows'), value: (r) => r.rows, kind: 'number', width: 76 },
      { id: 'failed', header: h('failed'), value: (r) => r.failed, kind: 'number', width: 60 },
      { id: 'duplicates', header: h('duplicates'), value: (r) => r.duplicates, kind: 'number', width: 60 },
      { id: 'first', header: h('first'), value: (r) => r.firstUtc, format: (r) => zonedTime(r.firstUtc, zone), width: 150 },
      { id: 'last', header: h('last'), value: (r) => r.lastUtc, format: (r) => zonedTime(r.lastUtc, zone), width: 150 },
      {
        id: 'balance',
        header: h('balance'),
        value: (r) => (r.balanceCheck === 'breaks' ? r.balanceBreaks : r.balanceCheck === 'ok' ? 0 : -1),
        format: (r) => (r.balanceCheck === 'breaks' ? t('txns.summary.balance.breaks', { n: r.balanceBreaks }) : t(`txns.summary.balance.${r.balanceCheck}`)),
        width: 120,
      },
    ];
  }, [t, zone]);

  return (
    <section className="txn-summary-block">
      <header className="txn-summary-header">
        <h2>{t('txns.summary.accounts')}</h2>
        <span className="muted">{t('txns.summary.accountsNote')}</span>
      </header>
      <ErrorNotice error={summary.error} onRetry={summary.reload} />
      {summary.data === undefined && !summary.error ? <p className="muted">{t('txns.summary.computing')}</p> : null}
      <div className="txn-summary-grid">
        <DataGrid<AccountSummary>
          rows={summary.data?.accounts}
          columns={columns}
          rowId={(row) => `${row.accountId}:${row.currency}`}
          ariaLabel={t('txns.summary.accounts')}
          onRowActivated={onOpenAccount}
        />
      </div>
    </section>
  );
}
