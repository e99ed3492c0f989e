import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '@shared/domain';
import { useClient } from '../../app/client-context';
import { useAction } from '../../app/use-action';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount } from '../../components/format';
import { tagAltName, tagName, tagProblem } from './tag-labels';

function TagEntry({ tag, selected, onSelect }: { tag: Tag; selected: boolean; onSelect: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const alt = tagAltName(tag, language);
  return (
    <li>
      <button
        type="button"
        className="tag-entry"
        aria-current={selected ? 'true' : undefined}
        title={t('review.countsTitle', { ...tag.counts })}
        onClick={onSelect}
      >
        <span className="tag-swatch" style={{ background: tag.color }} aria-hidden="true" />
        <span className="tag-entry-name">
          <bdi>{tagName(tag, language)}</bdi>
          {alt ? <span className="muted tag-entry-alt">{alt}</span> : null}
        </span>
        <span className="num tag-entry-count">{formatCount(tag.total)}</span>
      </button>
    </li>
  );
}

/** The case's tags with their counts — typology presets first — and a form for a new free tag. */
export function TagList({
  tags,
  selectedId,
  readOnly,
  onSelect,
  onCreated,
}: {
  tags: readonly Tag[];
  selectedId: number | null;
  readOnly: boolean;
  onSelect: (id: number) => void;
  onCreated: (tag: Tag) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const create = useAction();
  const [name, setName] = useState('');
  const presets = tags.filter((tag) => tag.kind === 'typology');
  const free = tags.filter((tag) => tag.kind === 'free');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return;
    void create.run(async () => {
      const tag = await client.call('tags.create', { name: trimmed });
      setName('');
      onCreated(tag);
    });
  };

  const problem = tagProblem(create.error, t);
  return (
    <nav className="tag-list panel" aria-label={t('review.title')}>
      <h2>{t('review.presets')}</h2>
      <ul className="plain-list">
        {presets.map((tag) => (
          <TagEntry key={tag.id} tag={tag} selected={tag.id === selectedId} onSelect={() => onSelect(tag.id)} />
        ))}
      </ul>
      <h2>{t('review.free')}</h2>
      <ul className="plain-list">
        {free.map((tag) => (
          <TagEntry key={tag.id} tag={tag} selected={tag.id === selectedId} onSelect={() => onSelect(tag.id)} />
        ))}
      </ul>
      {readOnly ? null : (
        <form className="tag-create" onSubmit={submit}>
          <input
            type="text"
            value={name}
            maxLength={40}
            aria-label={t('review.name')}
            placeholder={t('review.newTag')}
            onChange={(event) => {
              setName(event.target.value);
              create.clearError();
            }}
          />
          <button type="submit" className="small" disabled={create.pending || name.trim() === ''}>
            {t('review.create')}
          </button>
        </form>
      )}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : (
        <ErrorNotice error={create.error} onDismiss={create.clearError} />
      )}
    </nav>
  );
}
