import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '@shared/domain';
import type { CallState } from '../../app/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatInstant } from '../../components/format';

const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Recent cases; the ones that are gone or unreadable stay listed with their problem so the user sees why. */
export function RecentCases({
  recent,
  onOpen,
  disabled,
}: {
  recent: CallState<{ cases: CaseSummary[] }>;
  onOpen: (caseDir: string) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const cases: readonly CaseSummary[] = recent.data?.cases ?? [];

  return (
    <section className="panel" aria-label={t('cases.recent')}>
      <h2>{t('cases.recent')}</h2>
      <ErrorNotice error={recent.error} onRetry={recent.reload} />
      {recent.data && cases.length === 0 ? <p className="muted">{t('cases.recentEmpty')}</p> : null}
      <ul className="choice-list">
        {cases.map((item) => (
          <li key={item.caseDir}>
            <button
              type="button"
              className={item.available ? 'choice' : 'choice choice-unavailable'}
              disabled={disabled || !item.available}
              onClick={() => onOpen(item.caseDir)}
            >
              <span className="choice-main">
                {item.caseNumber ? <span className="case-number">{item.caseNumber}</span> : null}
                {item.caseName}
              </span>
              <span className="choice-sub path">{item.caseDir}</span>
              {item.available ? (
                item.openedAt ? (
                  <span className="choice-sub">{t('cases.openedAt', { at: formatInstant(item.openedAt, LOCAL_ZONE) })}</span>
                ) : null
              ) : (
                <span className="choice-problem">
                  {t('cases.unavailable')}
                  {item.problem ? `: ${item.problem}` : ''}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
