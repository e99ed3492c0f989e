import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaggedItem } from '@shared/domain';
import { formatMoney } from '../../components/format';
import { formatUtcMs } from '../chats/zoned-time';
import { NoteEditor, StarButton } from './NoteEditor';
import { itemHref } from './tag-labels';

/**
 * One tagged item on one line: transaction — time, own account, amount, counterparty, 摘要; message — time,
 * sender, text; account — number, holder, ID, bank; person — name, ID; finding — title, rule. Seized strings are text.
 */
export function TaggedItemRow({
  item,
  zone,
  readOnly,
  pending,
  onStar,
  onNote,
  onRemove,
}: {
  item: TaggedItem;
  zone: string;
  readOnly: boolean;
  pending: boolean;
  onStar: () => void;
  onNote: (text: string) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  // a finding's title in the interface language (one recorded before English titles has only its Chinese one)
  const title = (i18n.resolvedLanguage ?? i18n.language).startsWith('zh') ? item.title : (item.titleEn ?? item.title);
  const href = item.exists ? itemHref(item) : null;
  const time = item.utcMs !== null ? formatUtcMs(item.utcMs, zone) : item.timeText;
  return (
    <li className={`tagged-item${item.starred ? ' tagged-item-starred' : ''}`}>
      <div className="tagged-line">
        <StarButton starred={item.starred} disabled={readOnly || pending || !item.exists} onToggle={onStar} />
        <span className="badge">{t(`review.types.${item.type}`)}</span>
        {time ? (
          <span className="num tagged-time" title={item.timeText ?? undefined}>
            {time}
          </span>
        ) : null}
        <bdi className={item.type === 'txn' || item.type === 'account' ? 'tagged-title tagged-code' : 'tagged-title'}>{title}</bdi>
        {item.subtitle ? <bdi className="muted">{item.subtitle}</bdi> : null}
        {item.amountMinor !== null && item.currency !== null ? (
          <span className={`num tagged-amount${item.direction === 'out' ? ' amount-out' : ''}`}>
            {item.direction ? `${t(`review.direction.${item.direction}`)} ` : ''}
            {formatMoney(item.direction ? Math.abs(item.amountMinor) : item.amountMinor, item.currency)}
          </span>
        ) : null}
        {item.detail ? (
          <bdi className="tagged-detail">
            {item.type === 'txn' ? '→ ' : ''}
            {item.detail}
          </bdi>
        ) : null}
        {item.context ? <bdi className="muted tagged-context">{item.context}</bdi> : null}
        {item.exists ? null : <span className="danger-text">{t('review.missing')}</span>}
        <span className="tagged-actions">
          {href ? (
            <a className="small-link" href={href}>
              {t('review.open')}
            </a>
          ) : null}
          {readOnly ? null : (
            <>
              <button type="button" className="link-button" onClick={() => setEditing((e) => !e)} disabled={!item.exists}>
                {item.note ? t('review.editNote') : t('review.addNote')}
              </button>
              <button type="button" className="link-button" onClick={onRemove} disabled={pending}>
                {t('review.removeFromTag')}
              </button>
            </>
          )}
        </span>
      </div>
      {item.note && !editing ? (
        <p className="item-note">
          <span className="muted item-note-label">{t('review.note')}</span>
          {item.note}
        </p>
      ) : null}
      {editing ? (
        <NoteEditor
          initial={item.note ?? ''}
          pending={pending}
          onCancel={() => setEditing(false)}
          onSave={(text) => {
            onNote(text);
            setEditing(false);
          }}
        />
      ) : null}
      <p className="muted tagged-by">{t('review.taggedBy', { by: item.taggedBy, at: formatUtcMs(Date.parse(item.taggedAt), zone) })}</p>
    </li>
  );
}
