import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary, CounterpartyRank, CounterpartyRankingInput, RankingDirection, RankingGranularity } from '@shared/domain';
import { useCall } from '../../app/use-call';
import { DataGrid, type ColumnSpec } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount, formatMoney } from '../../components/format';
import type { Messages } from '../../i18n/zh-CN';
import { zonedTime } from './txn-columns';

const DIRECTIONS: readonly RankingDirection[] = ['in', 'out', 'net', 'turnover'];
const GRANULARITIES: readonly RankingGranularity[] = ['account', 'name'];

/**
 * 对手方排名 with what it is stated in its heading: granularity (by account number or by name), direction (in, out,
 * net, turnover), N and scope; below it, what was left out (failed, duplicates, self-transfers, blank names …).
 */
export function CounterpartyRankingPanel({
  zone,
  accounts,
  onOpenCounterparty,
}: {
  zone: string;
  accounts: readonly AccountSummary[];
  onOpenCounterparty: (rank: CounterpartyRank, input: CounterpartyRankingInput, account: AccountSummary | undefined) => void;
}) {
  const { t } = useTranslation();
  const [input, setInput] = useState<CounterpartyRankingInput>({ granularity: 'name', direction: 'in', topN: 20, excludeSelf: true });
  const [topText, setTopText] = useState('20');
  const ranking = useCall('txns.counterpartyRanking', input, { refetchOn: ['case.changed', 'import.finished'] });
  const data = ranking.data;
  const scopeAccount = accounts.find((a) => a.accountId === input.accountId);
  const scopeLabel = scopeAccount ? `${scopeAccount.account}${scopeAccount.holder ? ` ${scopeAccount.holder}` : ''}` : t('txns.summary.scopeAll');

  const columns = useMemo<ColumnSpec<CounterpartyRank>[]>(() => {
    const h = (key: keyof Messages['txns']['summary']['rankColumns']) => t(`txns.summary.rankColumns.${key}`);
    const currency = data?.currency ?? 'CNY';
    const money = (pick: (row: CounterpartyRank) => number) => ({ value: pick, format: (row: CounterpartyRank) => formatMoney(pick(row), currency), kind: 'number' as const, width: 130 });
    const byAccount = data?.granularity === 'account';
    return [
      { id: 'rank', header: h('rank'), value: (r) => r.rank, kind: 'number', width: 60 },
      { id: 'key', header: byAccount ? h('keyAccount') : h('keyName'), value: (r) => r.key, kind: byAccount ? 'code' : 'text', width: 190, tooltip: (r) => r.key },
      byAccount
        ? { id: 'names', header: h('names'), value: (r) => r.names.join('、'), width: 170, tooltip: (r) => r.names.join('\n') }
        : { id: 'accounts', header: h('accounts'), value: (r) => r.accounts, kind: 'number', width: 90 },
      { id: 'value', header: h('value'), ...money((r) => r.valueMinor) },
      { id: 'in', header: h('in'), ...money((r) => r.inMinor) },
      { id: 'out', header: h('out'), ...money((r) => r.outMinor) },
      { id: 'count', header: h('count'), value: (r) => r.count, kind: 'number', width: 70 },
      { id: 'own', header: h('own'), value: (r) => r.ownAccounts, kind: 'number', width: 90 },
      { id: 'first', header: h('first'), value: (r) => r.firstUtc, format: (r) => zonedTime(r.firstUtc, zone), width: 150 },
      { id: 'last', header: h('last'), value: (r) => r.lastUtc, format: (r) => zonedTime(r.lastUtc, zone), width: 150 },
      {
        id: 'self',
        header: h('self'),
        value: (r) => r.selfCount,
        format: (r) => (r.selfCount === 0 ? '' : r.kind === 'self' ? t('txns.summary.selfAll') : t('txns.summary.selfSome', { n: formatCount(r.selfCount) })),
        width: 110,
      },
    ];
  }, [t, zone, data]);

  const change = (patch: Partial<CounterpartyRankingInput>) => setInput((prev) => ({ ...prev, ...patch }));
  const heading = t('txns.summary.heading', {
    granularity: t(`txns.summary.granularities.${input.granularity}`),
    direction: t(`txns.summary.directions.${input.direction}`),
    n: formatCount(input.topN),
    scope: scopeLabel,
  });

  return (
    <section className="txn-summary-block">
      <header className="txn-summary-header">
        <h2>{t('txns.summary.ranking')}</h2>
        <form className="txn-ranking-controls" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t('txns.summary.scope')}
            <select value={input.accountId ?? ''} onChange={(e) => change({ accountId: e.target.value === '' ? undefined : Number(e.target.value) })}>
              <option value="">{t('txns.summary.scopeAll')}</option>
              {accounts.map((a) => (
                <option key={`${a.accountId}:${a.currency}`} value={a.accountId}>
                  {a.account}
                  {a.holder ? ` ${a.holder}` : ''}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('txns.summary.granularity')}
            <select value={input.granularity} onChange={(e) => change({ granularity: e.target.value as RankingGranularity })}>
              {GRANULARITIES.map((g) => (
                <option key={g} value={g}>
                  {t(`txns.summary.granularities.${g}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('txns.summary.direction')}
            <select value={input.direction} onChange={(e) => change({ direction: e.target.value as RankingDirection })}>
              {DIRECTIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`txns.summary.directions.${d}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('txns.summary.topN')}
            <input
              className="txn-input-topn"
              type="number"
              min={1}
              max={1000}
              value={topText}
              onChange={(e) => {
                setTopText(e.target.value);
                const n = Number(e.target.value);
                if (Number.isInteger(n) && n >= 1 && n <= 1000) change({ topN: n });
              }}
            />
          </label>
          <label>
            <input type="checkbox" checked={input.excludeSelf} onChange={(e) => change({ excludeSelf: e.target.checked })} />
            {t('txns.summary.excludeSelf')}
          </label>
        </form>
      </header>
      <h3 className="txn-ranking-heading">{heading}</h3>
      <ErrorNotice error={ranking.error} onRetry={ranking.reload} />
      {data ? (
        <p className="muted txn-ranking-note">
          {t('txns.summary.shown', { shown: formatCount(data.rows.length), candidates: formatCount(data.candidates), currency: data.currency })}
          {input.direction === 'net' ? t('txns.summary.netOrder') : ''}
          {t('txns.summary.excluded', {
            failed: formatCount(data.excluded.failed),
            duplicates: formatCount(data.excluded.duplicates),
            self: data.excludeSelf ? t('txns.summary.selfExcluded', { n: formatCount(data.excluded.self) }) : '',
            blankWhat: t(`txns.summary.blankWhat.${data.granularity}`),
            blank: formatCount(data.excluded.blank),
            otherCurrency: formatCount(data.excluded.otherCurrency),
            noDirection: formatCount(data.excluded.noDirection),
          })}
          {data.excludeSelf ? '' : t('txns.summary.selfKept')} {t('txns.summary.openHint')}
        </p>
      ) : (
        <p className="muted">{t('txns.summary.computing')}</p>
      )}
      <div className="txn-summary-grid">
        <DataGrid<CounterpartyRank>
          rows={data?.rows}
          columns={columns}
          rowId={(row) => `${row.rank}:${row.key}`}
          ariaLabel={heading}
          onRowActivated={(row) => onOpenCounterparty(row, input, scopeAccount)}
        />
      </div>
    </section>
  );
}
