import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';

export type PlannedRoute = 'import' | 'transactions' | 'chats' | 'timeline' | 'flow' | 'people' | 'findings' | 'tags';

/** A page whose feature is not connected yet: what it will show and what to do next — no fake data. */
export function PlannedPage({ route }: { route: PlannedRoute }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t(`nav.${route}`)}</h1>
      </header>
      <EmptyState
        title={t(`nav.${route}`)}
        body={t(`pages.${route}.what`)}
        next={`${t('pages.next')}：${t(`pages.${route}.todo`)}`}
      />
    </div>
  );
}
