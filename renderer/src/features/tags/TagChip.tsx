import { useTranslation } from 'react-i18next';
import type { TagBrief } from '@shared/domain';
import { tagAltName, tagName } from './tag-labels';

/** A tag as a small coloured chip; with `onRemove`, a × takes it off. Names are data: text only. */
export function TagChip({ tag, onRemove, disabled }: { tag: TagBrief; onRemove?: () => void; disabled?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const name = tagName(tag, language);
  const alt = tagAltName(tag, language);
  return (
    <span className={`tag-chip tag-${tag.kind}`} title={alt ?? undefined}>
      <span className="tag-swatch" style={{ background: tag.color }} aria-hidden="true" />
      <bdi>{name}</bdi>
      {onRemove ? (
        <button type="button" className="tag-chip-remove" onClick={onRemove} disabled={disabled} aria-label={t('review.marks.remove', { tag: name })}>
          ×
        </button>
      ) : null}
    </span>
  );
}
