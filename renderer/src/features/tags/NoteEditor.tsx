import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A note being written: saved on the button (or Ctrl+Enter), abandoned with Esc when `onCancel` is given. */
export function NoteEditor({
  initial,
  pending,
  onSave,
  onCancel,
}: {
  initial: string;
  pending: boolean;
  onSave: (text: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const changed = text !== initial;
  return (
    <div className="note-editor">
      <textarea
        value={text}
        rows={3}
        maxLength={10_000}
        aria-label={t('review.note')}
        placeholder={t('review.notePlaceholder')}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && changed) onSave(text);
          if (event.key === 'Escape' && onCancel) {
            event.stopPropagation();
            onCancel();
          }
        }}
      />
      <div className="form-actions">
        <button type="button" className="small" disabled={!changed || pending} onClick={() => onSave(text)}>
          {t('review.saveNote')}
        </button>
        {onCancel ? (
          <button type="button" className="small" onClick={onCancel}>
            {t('app.cancel')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** ★ / ☆: the star of an item, a toggle. */
export function StarButton({ starred, disabled, onToggle }: { starred: boolean; disabled?: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`star-button${starred ? ' star-on' : ''}`}
      aria-pressed={starred}
      aria-label={starred ? t('review.unstar') : t('review.star')}
      title={starred ? t('review.unstar') : t('review.star')}
      disabled={disabled}
      onClick={onToggle}
    >
      {starred ? '★' : '☆'}
    </button>
  );
}
