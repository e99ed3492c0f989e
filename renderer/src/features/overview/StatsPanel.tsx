import { useTranslation } from 'react-i18next';
import type { CaseStats } from '@shared/domain';
import type { RouteId } from '../../app/routes';
import { useCall } from '../../app/use-call';
import { formatCount, formatMoney } from '../../components/format';
import { AuditStatusText } from '../audit/AuditStatusText';

type CountKey = keyof typeof FIGURE_ROUTES;

/** Every number is a door: where the rows behind each count will be. */
const FIGURE_ROUTES = {
  sources: 'import',
  transactions: 'transactions',
  accounts: 'transactions',
  messages: 'chats',
  conversations: 'chats',
  handles: 'chats',
  failed: 'transactions',
  rejected: 'import',
  duplicates: 'transactions',
  mirrorPairs: 'transactions',
  balanceBreaks: 'transactions',
} as const satisfies Partial<Record<keyof CaseStats, RouteId>>;

const VOLUME: readonly CountKey[] = ['sources', 'transactions', 'accounts', 'messages', 'conversations', 'handles'];
const QUALITY: readonly CountKey[] = ['failed', 'rejected', 'duplicates', 'mirrorPairs', 'balanceBreaks'];

function Figures({ stats, keys, navigate }: { stats: CaseStats; keys: readonly CountKey[]; navigate: (route: RouteId) => void }) {
  const { t } = useTranslation();
  return (
    <dl className="figures">
      {keys.map((key) => (
        <div key={key} className="figure">
          <dt>{t(`overview.stat.${key}`)}</dt>
          <dd>
            <button type="button" className="figure-link num" onClick={() => navigate(FIGURE_ROUTES[key])}>
              {formatCount(stats[key])}
            </button>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function MoneyTable({ stats }: { stats: CaseStats }) {
  const { t } = useTranslation();
  const currencies = [...new Set([...Object.keys(stats.sumInMinor), ...Object.keys(stats.sumOutMinor)])].sort();
  if (currencies.length === 0) return <p className="muted">{t('overview.noMoney')}</p>;
  return (
    <table className="dense-table">
      <thead>
        <tr>
          <th scope="col">{t('overview.currency')}</th>
          <th scope="col" className="num">{t('overview.sumIn')}</th>
          <th scope="col" className="num">{t('overview.sumOut')}</th>
          <th scope="col" className="num">{t('overview.net')}</th>
        </tr>
      </thead>
      <tbody>
        {currencies.map((currency) => {
          const sumIn = stats.sumInMinor[currency] ?? 0;
          const sumOut = stats.sumOutMinor[currency] ?? 0;
          return (
            <tr key={currency}>
              <th scope="row">{currency}</th>
              <td className="num">{formatMoney(sumIn, currency)}</td>
              <td className="num">{formatMoney(sumOut, currency)}</td>
              <td className="num">{formatMoney(sumIn - sumOut, currency)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function CountList({ title, counts, label }: { title: string; counts: Record<string, number>; label: (key: string) => string }) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return null;
  return (
    <div className="stats-group">
      <h3>{title}</h3>
      <table className="dense-table">
        <tbody>
          {entries.map(([key, count]) => (
            <tr key={key}>
              <th scope="row">{label(key)}</th>
              <td className="num">{formatCount(count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** 数据统计: the case's key figures in investigators' words, each stating what it counts. */
export function StatsPanel({ stats, navigate }: { stats: CaseStats; navigate: (route: RouteId) => void }) {
  const { t, i18n } = useTranslation();
  const lexicon = useCall('lexicon.groups', {}, { refetchOn: ['case.changed', 'audit.appended'] });
  const english = !(i18n.resolvedLanguage ?? i18n.language).startsWith('zh');
  // the case's own lexicon names its groups; a group it no longer has is shown by its id
  const groupName = (id: string): string => {
    const group = lexicon.data?.groups.find((g) => g.id === id);
    return group ? (english ? group.name.en : group.name.zh) : id;
  };
  return (
    <section className="panel" aria-label={t('overview.figures')}>
      <h2>{t('overview.figures')}</h2>
      <div className="stats-columns">
        <div className="stats-group">
          <h3>{t('overview.sourceCounts')}</h3>
          <Figures stats={stats} keys={VOLUME} navigate={navigate} />
        </div>
        <div className="stats-group">
          <h3>{t('overview.quality')}</h3>
          <Figures stats={stats} keys={QUALITY} navigate={navigate} />
          <div className="figure">
            <span className="figure-label">{t('overview.stat.audit')}</span>
            <button type="button" className="figure-link" onClick={() => navigate('audit')}>
              <AuditStatusText status={stats.audit} />
            </button>
          </div>
        </div>
        <div className="stats-group stats-money">
          <h3>{t('overview.money')}</h3>
          <MoneyTable stats={stats} />
          <p className="note">{t('overview.moneyNote')}</p>
        </div>
        <CountList
          title={t('overview.identifiers')}
          counts={stats.identifiers}
          // a type this build has no word for is shown as its code rather than hidden
          label={(key) => t(`identifierTypes.${key}`, { defaultValue: key })}
        />
        {lexicon.data ? <CountList title={t('overview.lexiconHits')} counts={stats.lexiconHits} label={groupName} /> : null}
      </div>
    </section>
  );
}
