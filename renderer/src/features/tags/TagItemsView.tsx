import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventName } from '@shared/api';
import type { ItemType, Tag } from '@shared/domain';
import { ITEM_TYPES } from '@shared/api/tag-schemas';
import { useClient } from '../../app/client-context';
import { useAction } from '../../app/use-action';
import { useCall } from '../../app/use-call';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount } from '../../components/format';
import { TagChip } from './TagChip';
import { TaggedItemRow } from './TaggedItemRow';
import { tagName, tagProblem } from './tag-labels';

const REFRESH_ON: readonly EventName[] = ['case.changed', 'audit.appended'];
const PAGE = 100;

/** A free tag's name and colour being edited, or its deletion being confirmed. */
type Editing = { kind: 'rename'; name: string; color: string } | { kind: 'delete' } | null;

/** The items of one tag, a page at a time, filtered by item type; the tag's own rename and delete for free tags. */
export function TagItemsView({
  tag,
  zone,
  readOnly,
  onChanged,
  onDeleted,
}: {
  tag: Tag;
  zone: string;
  readOnly: boolean;
  /** the tag or its counts changed: the list beside it refreshes */
  onChanged: () => void;
  onDeleted: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const client = useClient();
  const [type, setType] = useState<ItemType | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<Editing>(null);
  const items = useCall('tags.items', { tagId: tag.id, type, offset, limit: PAGE }, { refetchOn: REFRESH_ON });
  const change = useAction();
  const page = items.data;

  const run = (task: () => Promise<unknown>) =>
    void change.run(async () => {
      await task();
      items.reload();
      onChanged();
    });

  const chooseType = (next: ItemType | undefined) => {
    setType(next);
    setOffset(0);
  };

  const problem = tagProblem(change.error, t);
  const total = page?.total ?? 0;
  return (
    <section className="tag-items panel" aria-label={t('review.itemsOf', { name: tagName(tag, language) })}>
      <header className="tag-items-header">
        <TagChip tag={tag} />
        {tag.kind === 'typology' ? <span className="badge">{t('review.typology')}</span> : null}
        <span className="muted num">{t('review.itemCount', { n: formatCount(tag.total) })}</span>
        {readOnly ? null : tag.kind === 'typology' ? (
          <span className="muted tag-locked">{t('review.presetLocked')}</span>
        ) : (
          <span className="header-actions">
            <button type="button" className="small" onClick={() => setEditing({ kind: 'rename', name: tag.name, color: tag.color })}>
              {t('review.rename')}
            </button>
            <button type="button" className="small" onClick={() => setEditing({ kind: 'delete' })}>
              {t('review.delete')}
            </button>
          </span>
        )}
      </header>
      {editing?.kind === 'rename' ? (
        <form
          className="tag-rename"
          onSubmit={(event) => {
            event.preventDefault();
            run(async () => {
              await client.call('tags.rename', { tagId: tag.id, name: editing.name, color: editing.color });
              setEditing(null);
            });
          }}
        >
          <input type="text" value={editing.name} maxLength={40} aria-label={t('review.name')} onChange={(event) => setEditing({ ...editing, name: event.target.value })} />
          <input type="color" value={editing.color} aria-label={t('review.color')} onChange={(event) => setEditing({ ...editing, color: event.target.value })} />
          <button type="submit" className="small primary" disabled={change.pending || editing.name.trim() === ''}>
            {t('app.save')}
          </button>
          <button type="button" className="small" onClick={() => setEditing(null)}>
            {t('app.cancel')}
          </button>
        </form>
      ) : null}
      {editing?.kind === 'delete' ? (
        <div className="notice notice-error" role="alertdialog" aria-label={t('review.delete')}>
          <span>{t('review.deleteConfirm', { name: tag.name, n: formatCount(tag.total) })}</span>
          <button
            type="button"
            className="small"
            disabled={change.pending}
            onClick={() =>
              void change.run(async () => {
                await client.call('tags.delete', { tagId: tag.id });
                setEditing(null);
                onDeleted();
              })
            }
          >
            {t('review.deleteYes')}
          </button>
          <button type="button" className="small" onClick={() => setEditing(null)}>
            {t('app.cancel')}
          </button>
        </div>
      ) : null}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : (
        <ErrorNotice error={change.error ?? items.error} onDismiss={change.error ? change.clearError : undefined} onRetry={change.error ? undefined : items.reload} />
      )}

      <div className="tag-type-filter" role="group" aria-label={t('review.types.all')}>
        <button type="button" className="small" aria-pressed={type === undefined} onClick={() => chooseType(undefined)}>
          {t('review.types.all')} <span className="num">{formatCount(tag.total)}</span>
        </button>
        {ITEM_TYPES.filter((kind) => tag.counts[kind] > 0 || kind === type).map((kind) => (
          <button key={kind} type="button" className="small" aria-pressed={type === kind} onClick={() => chooseType(kind)}>
            {t(`review.types.${kind}`)} <span className="num">{formatCount(tag.counts[kind])}</span>
          </button>
        ))}
      </div>

      {page && page.total === 0 ? (
        <EmptyState title={t('review.emptyTag')} body={t('review.emptyTagNext')} />
      ) : (
        <ul className="plain-list tagged-items">
          {(page?.items ?? []).map((item) => (
            <TaggedItemRow
              key={`${item.type}:${item.id}`}
              item={item}
              zone={zone}
              readOnly={readOnly}
              pending={change.pending}
              onStar={() => run(() => client.call('notes.set', { item: { type: item.type, id: item.id }, text: item.note ?? '', starred: !item.starred }))}
              onNote={(text) => run(() => client.call('notes.set', { item: { type: item.type, id: item.id }, text, starred: item.starred }))}
              onRemove={() => run(() => client.call('tags.remove', { tagId: tag.id, items: [{ type: item.type, id: item.id }] }))}
            />
          ))}
        </ul>
      )}
      {total > PAGE ? (
        <footer className="page-footer">
          <span className="num">{t('review.range', { from: formatCount(offset + 1), to: formatCount(Math.min(offset + PAGE, total)), total: formatCount(total) })}</span>
          <button type="button" className="small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('review.prev')}
          </button>
          <button type="button" className="small" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            {t('review.next')}
          </button>
        </footer>
      ) : null}
    </section>
  );
}
