import './tags.css';
import { useTranslation } from 'react-i18next';
import type { EventName } from '@shared/api';
import type { ItemRef } from '@shared/domain';
import { useClient } from '../../app/client-context';
import { useAction } from '../../app/use-action';
import { useCall } from '../../app/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoteEditor, StarButton } from './NoteEditor';
import { TagChip } from './TagChip';
import { TagPicker } from './TagPicker';

const REFRESH_ON: readonly EventName[] = ['case.changed', 'audit.appended'];

/**
 * The tags, star and note of one item, for detail panels (UX.md: fields, provenance, tags, notes): tag it with the
 * picker, take a tag off, star it, write a note. Every change is a write the backend audits.
 */
export function ItemMarksPanel({ item, readOnly }: { item: ItemRef; readOnly: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const marks = useCall('tags.ofItems', { items: [item] }, { refetchOn: REFRESH_ON });
  const change = useAction();
  const mine = marks.data?.items[0];
  const tags = mine?.tags ?? [];
  const note = mine?.note ?? '';
  const starred = mine?.starred ?? false;

  const save = (text: string, star: boolean) =>
    void change.run(async () => {
      await client.call('notes.set', { item, text, starred: star });
      marks.reload();
    });

  return (
    <section className="item-marks" aria-label={t('review.marks.title')}>
      <h3 className="item-marks-title">
        {t('review.marks.title')}
        <StarButton starred={starred} disabled={readOnly || change.pending || mine === undefined} onToggle={() => save(note, !starred)} />
      </h3>
      <div className="tag-chips">
        {tags.length === 0 ? <span className="muted">{t('review.marks.none')}</span> : null}
        {tags.map((tag) => (
          <TagChip
            key={tag.id}
            tag={tag}
            disabled={readOnly || change.pending}
            onRemove={
              readOnly
                ? undefined
                : () =>
                    void change.run(async () => {
                      await client.call('tags.remove', { tagId: tag.id, items: [item] });
                      marks.reload();
                    })
            }
          />
        ))}
      </div>
      {readOnly ? <p className="muted">{t('review.readOnly')}</p> : <TagPicker items={[item]} exclude={tags.map((tag) => tag.id)} onApplied={marks.reload} shortcut />}
      {readOnly ? (
        note ? <p className="item-note">{note}</p> : null
      ) : mine ? (
        <NoteEditor key={`${item.type}:${item.id}:${note}`} initial={note} pending={change.pending} onSave={(text) => save(text, starred)} />
      ) : null}
      <ErrorNotice error={marks.error ?? change.error} onDismiss={change.error ? change.clearError : undefined} />
    </section>
  );
}
