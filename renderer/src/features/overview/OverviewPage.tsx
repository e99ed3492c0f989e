import { useTranslation } from 'react-i18next';
import type { CaseInfo, CaseStats } from '@shared/domain';
import { useDisplayZone } from '../../app/display-zone';
import type { RouteId } from '../../app/routes';
import { useCall } from '../../app/use-call';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { AuditStatusText } from '../audit/AuditStatusText';
import { CaseMetaPanel } from './CaseMetaPanel';
import { StatsPanel } from './StatsPanel';

function hasData(stats: CaseStats): boolean {
  return stats.sources > 0 || stats.transactions > 0 || stats.messages > 0 || stats.rejected > 0;
}

/** 案件概览: case details and key figures; with no data yet, what to do next. */
export function OverviewPage({ caseInfo, navigate }: { caseInfo: CaseInfo; navigate: (route: RouteId) => void }) {
  const { t } = useTranslation();
  const zone = useDisplayZone();
  const stats = useCall('cases.stats', {}, { refetchOn: ['case.changed', 'audit.appended', 'job.finished'] });

  return (
    <div className="page page-scroll">
      <header className="page-header">
        <h1>{t('nav.overview')}</h1>
      </header>
      <CaseMetaPanel caseInfo={caseInfo} zone={zone} />
      <ErrorNotice error={stats.error} onRetry={stats.reload} />
      {stats.data === undefined ? (
        stats.error ? null : <p className="muted">{t('app.loading')}</p>
      ) : hasData(stats.data) ? (
        <StatsPanel stats={stats.data} navigate={navigate} />
      ) : (
        <>
          <EmptyState
            title={t('overview.emptyTitle')}
            body={t('overview.emptyBody')}
            action={
              <button type="button" className="primary" onClick={() => navigate('import')}>
                {t('overview.goImport')}
              </button>
            }
          />
          <section className="panel">
            <span className="figure-label">{t('overview.stat.audit')}</span>{' '}
            <button type="button" className="figure-link" onClick={() => navigate('audit')}>
              <AuditStatusText status={stats.data.audit} />
            </button>
          </section>
        </>
      )}
    </div>
  );
}
