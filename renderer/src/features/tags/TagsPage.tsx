import './tags.css';
import { useTranslation } from 'react-i18next';
import type { EventName } from '@shared/api';
import type { CaseInfo } from '@shared/domain';
import { useDisplayZone } from '../../app/display-zone';
import { useHashSubRoute } from '../../app/routes';
import { useCall } from '../../app/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TagItemsView } from './TagItemsView';
import { TagList } from './TagList';

const REFRESH_ON: readonly EventName[] = ['case.changed', 'audit.appended', 'import.finished'];

/**
 * 标签与证据包: every tag of the case with its counts (typology presets first), the items of the chosen tag with a
 * one-line description each, their stars and notes. The chosen tag is in the address (#/tags/<id>).
 */
export function TagsPage({ caseInfo }: { caseInfo: CaseInfo }) {
  const { t } = useTranslation();
  const zone = useDisplayZone();
  const tags = useCall('tags.list', {}, { refetchOn: REFRESH_ON });
  const [sub, setSub] = useHashSubRoute('tags');
  const list = tags.data?.tags;
  const chosen = /^\d+$/.test(sub) ? Number(sub) : null;
  const selected = list?.find((tag) => tag.id === chosen) ?? null;

  return (
    <div className="page tags-page">
      <header className="page-header">
        <h1>{t('review.title')}</h1>
        <span className="muted">{t('review.intro')}</span>
      </header>
      {caseInfo.readOnly ? <div className="notice notice-info">{t('review.readOnly')}</div> : null}
      <ErrorNotice error={tags.error} onRetry={tags.reload} />
      {list === undefined ? (
        tags.error ? null : <p className="muted">{t('app.loading')}</p>
      ) : (
        <div className="tags-layout">
          <TagList
            tags={list}
            selectedId={selected?.id ?? null}
            readOnly={caseInfo.readOnly}
            onSelect={(id) => setSub(String(id))}
            onCreated={(tag) => {
              tags.reload();
              setSub(String(tag.id));
            }}
          />
          {selected ? (
            <TagItemsView
              key={selected.id}
              tag={selected}
              zone={zone}
              readOnly={caseInfo.readOnly}
              onChanged={tags.reload}
              onDeleted={() => {
                tags.reload();
                setSub('');
              }}
            />
          ) : (
            <section className="tag-items panel">
              <p className="muted">{t('review.chooseTag')}</p>
            </section>
          )}
        </div>
      )}
    </div>
  );
}
