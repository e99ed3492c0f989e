import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '@shared/domain';
import { formatMoney } from '../../components/format';
import { typeLabel } from './chat-labels';
import { formatOffset, formatUtcMs, isoOf } from './zoned-time';

/**
 * Chat amounts carry no currency in the contract; transfers and red packets on the platforms in scope are in
 * yuan, so they are shown as CNY.
 */
export const CHAT_CURRENCY = 'CNY';

/** The time in the display zone; the export's own text, offset and the UTC instant on hover. */
export function MessageTime({ message, zone }: { message: ChatMessage; zone: string }) {
  const { t } = useTranslation();
  const iso = message.utcMs === null ? null : isoOf(message.utcMs);
  const title = t('chats.thread.timeTitle', {
    text: message.timeText,
    offset: message.offsetMinutes === null ? t('chats.thread.offsetUnknown') : formatOffset(message.offsetMinutes),
    utc: iso ?? '—',
  });
  return (
    <time className="msg-time" title={title} dateTime={iso ?? undefined}>
      {message.utcMs === null ? <bdi className="muted">{message.timeText}</bdi> : formatUtcMs(message.utcMs, zone)}
    </time>
  );
}

/** Badges after the sender: type (图片, 转账 …), amount, the linked trade, 恢复, near-duplicate. */
export function MessageMarkers({ message }: { message: ChatMessage }) {
  const { t } = useTranslation();
  const type = typeLabel(t, message.type);
  return (
    <>
      {type ? <span className={`msg-type msg-type-${message.type.replace(/[^a-z-]/g, '')}`}>{type}</span> : null}
      {message.amountMinor !== null ? <span className="msg-amount num">{formatMoney(message.amountMinor, CHAT_CURRENCY)}</span> : null}
      {message.txnId !== null ? (
        <span className="msg-txn" title={t('chats.thread.txnTitle', { id: message.txnId })}>
          <span aria-hidden="true">⇄ </span>
          {t('chats.thread.txn', { id: message.txnId })}
        </span>
      ) : null}
      {message.recovered ? (
        <span className="msg-recovered" title={t('chats.thread.recoveredTitle')}>
          {t('chats.thread.recovered')}
        </span>
      ) : null}
      {message.dupCluster !== null ? (
        <span className="msg-dup" title={t('chats.thread.dupTitle', { id: message.dupCluster })}>
          ≈ {t('chats.thread.dup')}
        </span>
      ) : null}
    </>
  );
}

/** Attachments by name, each with whether its original was found and hashed. */
export function AttachmentList({ message }: { message: ChatMessage }) {
  const { t } = useTranslation();
  if (message.attachments.length === 0) return null;
  return (
    <ul className="msg-attachments">
      {message.attachments.map((attachment, index) => (
        <li key={index}>
          <span aria-hidden="true">📎 </span>
          <bdi className="msg-attachment-name">{attachment.name}</bdi>{' '}
          {attachment.sha256 ? (
            <span className="msg-hash msg-hash-ok" title={t('chats.thread.hashedTitle', { hash: attachment.sha256 })}>
              ✓ {t('chats.thread.hashed')} <code className="hash">{attachment.sha256.slice(0, 8)}</code>
            </span>
          ) : (
            <span className="msg-hash msg-hash-none" title={t('chats.thread.noHashTitle')}>
              {t('chats.thread.noHash')}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
