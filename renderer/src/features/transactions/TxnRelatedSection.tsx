import { useTranslation } from 'react-i18next';
import type { TxnDetail, TxnRow } from '@shared/domain';
import { formatMoney } from '../../components/format';
import { directionWord, zonedTime } from './txn-columns';

function RowLink({ row, zone, onOpen }: { row: TxnRow; zone: string; onOpen: (row: TxnRow) => void }) {
  const { t } = useTranslation();
  return (
    <li>
      <button type="button" className="link-button txn-related-row" onClick={() => onOpen(row)}>
        <span className="num">{zonedTime(row.utcMs, zone) || row.timeText}</span> <code>{row.account}</code> {directionWord(t, row.direction)}{' '}
        <span className="num">{formatMoney(row.amountMinor, row.currency)}</span> <bdi>{row.cpName ?? row.cpAccount ?? ''}</bdi>
      </button>
    </li>
  );
}

function Group({ title, rows, zone, onOpen }: { title: string; rows: readonly TxnRow[]; zone: string; onOpen: (row: TxnRow) => void }) {
  if (rows.length === 0) return null;
  return (
    <div className="txn-related-group">
      <h4>{title}</h4>
      <ul>
        {rows.map((row) => (
          <RowLink key={row.id} row={row} zone={zone} onOpen={onOpen} />
        ))}
      </ul>
    </div>
  );
}

/** 关联: the duplicate's original and copies, the other leg of a transfer, reversals, chat messages. */
export function TxnRelatedSection({ related, zone, onOpen }: { related: TxnDetail['related']; zone: string; onOpen: (row: TxnRow) => void }) {
  const { t } = useTranslation();
  const one = (row: TxnRow | null) => (row ? [row] : []);
  const empty =
    !related.duplicateOf && related.duplicates.length === 0 && !related.mirror && !related.reversalOf && related.reversedBy.length === 0 && related.messages.length === 0;
  return (
    <section aria-label={t('txns.detail.related')}>
      <h3>{t('txns.detail.related')}</h3>
      {empty ? <p className="muted">{t('txns.detail.none')}</p> : null}
      <Group title={t('txns.detail.duplicateOf')} rows={one(related.duplicateOf)} zone={zone} onOpen={onOpen} />
      <Group title={t('txns.detail.duplicates')} rows={related.duplicates} zone={zone} onOpen={onOpen} />
      <Group title={t('txns.detail.mirror')} rows={one(related.mirror)} zone={zone} onOpen={onOpen} />
      <Group title={t('txns.detail.reversalOf')} rows={one(related.reversalOf)} zone={zone} onOpen={onOpen} />
      <Group title={t('txns.detail.reversedBy')} rows={related.reversedBy} zone={zone} onOpen={onOpen} />
      {related.messages.length > 0 ? (
        <div className="txn-related-group">
          <h4>{t('txns.detail.messages')}</h4>
          <ul>
            {related.messages.map((message) => (
              <li key={message.id} className="txn-related-message">
                <span className="num muted">{message.utcMs === null ? message.timeText : zonedTime(message.utcMs, zone)}</span>{' '}
                <bdi className="txn-related-conv">{message.conversationTitle}</bdi> · <bdi>{message.senderName ?? ''}</bdi>：<bdi>{message.text}</bdi>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
