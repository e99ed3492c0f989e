import './import.css';
import { useTranslation } from 'react-i18next';
import type { CaseInfo } from '@shared/domain';
import { useHashSubRoute } from '../../app/routes';
import { useSession } from '../../app/session';
import { useCall } from '../../app/use-call';
import { EmptyState } from '../../components/EmptyState';
import { formatCount } from '../../components/format';
import { SourcesView } from '../sources/SourcesView';
import { ImportProgressPanel } from './ImportProgressPanel';
import { ImportReportView } from './ImportReportView';
import { useImportSession } from './import-session';
import { InspectTable } from './InspectTable';
import { SelectionPanel } from './SelectionPanel';
import { StartPanel } from './StartPanel';
import { TemplateCatalogProvider } from './template-catalog';
import { TemplatesPanel } from './TemplatesPanel';

type Tab = 'files' | 'sources';

function FilesTab({ caseInfo, showSources }: { caseInfo: CaseInfo; showSources: () => void }) {
  const { t } = useTranslation();
  const { appInfo } = useSession();
  const session = useImportSession();
  const running = session.run !== null;
  return (
    <TemplateCatalogProvider>
      <div className="import-files">
        <ImportProgressPanel />
        {session.outcome ? <ImportReportView outcome={session.outcome} onClose={session.dismissOutcome} onShowSources={showSources} /> : null}
        {caseInfo.readOnly ? (
          <EmptyState title={t('import.readOnly')} body={t('pages.import.what')} />
        ) : running ? null : (
          <>
            <SelectionPanel host={appInfo?.host} nativeDialogs={appInfo?.nativeDialogs ?? false} />
            {session.items.length > 0 ? (
              <section className="panel" aria-label={t('import.inspectTitle')}>
                <header className="panel-header">
                  <h2>{t('import.inspectTitle')}</h2>
                  <span className="muted">{t('import.inspectNote')}</span>
                  <span className="header-actions">
                    <button type="button" className="small" onClick={session.clearSelection}>
                      {t('import.clear')}
                    </button>
                  </span>
                </header>
                <div className="inspect-scroll">
                  <InspectTable items={session.items} onRemove={session.removeItem} onReinspect={session.reinspect} />
                </div>
              </section>
            ) : session.outcome ? null : (
              <EmptyState title={t('import.emptyTitle')} body={t('pages.import.what')} next={t('import.emptyNext')} />
            )}
            {session.items.length > 0 ? <StartPanel caseInfo={caseInfo} /> : null}
            <TemplatesPanel />
          </>
        )}
      </div>
    </TemplateCatalogProvider>
  );
}

/**
 * 导入: choose files or whole 查控 folders, see what each is before anything is written, import in the background,
 * read the report; and, on the second tab, the case's 检材 with their integrity values and acquisition details.
 * 检材 sits here rather than in its own navigation entry because it is where an import's result lands and where
 * its acquisition details are filled in right after; the tab has its own address (#/import/sources).
 */
export function ImportPage({ caseInfo }: { caseInfo: CaseInfo }) {
  const { t } = useTranslation();
  const [sub, navigateSub] = useHashSubRoute('import');
  const tab: Tab = sub === 'sources' ? 'sources' : 'files';
  const sources = useCall('sources.list', {}, { refetchOn: ['case.changed', 'audit.appended'] });
  const count = sources.data?.sources.length;
  const select = (next: Tab) => navigateSub(next === 'sources' ? 'sources' : '');

  return (
    <div className={tab === 'sources' ? 'page' : 'page page-scroll'}>
      <header className="page-header">
        <h1>{t('nav.import')}</h1>
        <div className="tabs" role="tablist" aria-label={t('import.tabsLabel')}>
          <button type="button" role="tab" id="import-tab-files" aria-selected={tab === 'files'} aria-controls="import-tabpanel" onClick={() => select('files')}>
            {t('import.tabFiles')}
          </button>
          <button type="button" role="tab" id="import-tab-sources" aria-selected={tab === 'sources'} aria-controls="import-tabpanel" onClick={() => select('sources')}>
            {t('import.tabSources')}
            {count !== undefined ? <span className="tab-count num">{formatCount(count)}</span> : null}
          </button>
        </div>
      </header>
      <div
        id="import-tabpanel"
        role="tabpanel"
        aria-labelledby={tab === 'sources' ? 'import-tab-sources' : 'import-tab-files'}
        className={tab === 'sources' ? 'tab-fill' : undefined}
      >
        {tab === 'sources' ? (
          <SourcesView caseInfo={caseInfo} sources={sources} onGoImport={() => select('files')} />
        ) : (
          <FilesTab caseInfo={caseInfo} showSources={() => select('sources')} />
        )}
      </div>
    </div>
  );
}
