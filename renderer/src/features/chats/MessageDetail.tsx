import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '@shared/domain';
import { formatCount, formatMoney } from '../../components/format';
import { useSession } from '../../app/session';
import { HashText } from '../import/HashText';
import { ItemMarksPanel } from '../tags/ItemMarksPanel';
import { typeLabel } from './chat-labels';
import type { DescribeSpan } from './Highlighted';
import { CHAT_CURRENCY } from './MessageMeta';
import { MessageText } from './MessageText';
import { PREVIEW_CHARS } from './text-spans';
import { formatOffset, formatUtcMs, isoOf } from './zoned-time';

function Row({ label, children, title }: { label: string; children: ReactNode; title?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd title={title}>{children}</dd>
    </div>
  );
}

/** One message in full, with where it came from (original file, sheet, line) — the door behind every row. */
export function MessageDetail({
  message,
  zone,
  query,
  describe,
  onClose,
}: {
  message: ChatMessage;
  zone: string;
  query: string | null;
  describe: DescribeSpan;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const readOnly = useSession().currentCase?.readOnly ?? false;
  const [shown, setShown] = useState(PREVIEW_CHARS);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const none = t('chats.detail.none');
  const iso = message.utcMs === null ? null : isoOf(message.utcMs);
  return (
    <aside className="chat-side chat-detail" aria-label={t('chats.detail.title')}>
      <header className="chat-side-header">
        <h2>{t('chats.detail.title')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('app.close')}>
          ×
        </button>
      </header>
      <div className="chat-side-body">
        <dl className="chat-fields">
          <Row label={t('chats.detail.conversation')}>
            <bdi>{message.conversationTitle}</bdi>
          </Row>
          <Row label={t('chats.detail.sender')}>
            <bdi>{message.senderName ?? t('chats.thread.noSender')}</bdi>
            {message.outgoing ? <span className="muted"> · {t('chats.thread.outgoing')}</span> : null}
          </Row>
          <Row label={t('chats.detail.time', { zone })}>{message.utcMs === null ? none : formatUtcMs(message.utcMs, zone)}</Row>
          <Row label={t('chats.detail.original')}>
            <bdi>{message.timeText}</bdi>
          </Row>
          <Row label={t('chats.detail.offset')}>{message.offsetMinutes === null ? t('chats.thread.offsetUnknown') : formatOffset(message.offsetMinutes)}</Row>
          <Row label={t('chats.detail.utc')}>{iso ?? none}</Row>
          <Row label={t('chats.detail.type')}>{typeLabel(t, message.type) ?? t('chats.detail.typeText')}</Row>
          {message.amountMinor !== null ? <Row label={t('chats.detail.amount')}>{formatMoney(message.amountMinor, CHAT_CURRENCY)}</Row> : null}
          <Row label={t('chats.detail.txn')}>{message.txnId === null ? none : t('chats.thread.txn', { id: message.txnId })}</Row>
          <Row label={t('chats.detail.recovered')}>{message.recovered ? t('chats.detail.yes') : t('chats.detail.no')}</Row>
          <Row label={t('chats.detail.lexiconScore')}>{message.lexiconScore.toFixed(2)}</Row>
          <Row label={t('chats.detail.dupCluster')}>{message.dupCluster === null ? none : `#${message.dupCluster}`}</Row>
        </dl>
        <ItemMarksPanel item={{ type: 'message', id: message.id }} readOnly={readOnly} />
        <h3>{t('chats.detail.provenance')}</h3>
        <dl className="chat-fields">
          <Row label={t('chats.detail.file')}>
            <bdi className="path">{message.source.file}</bdi>
          </Row>
          <Row label={t('chats.detail.sheet')}>
            <bdi>{message.source.sheet || none}</bdi>
          </Row>
          <Row label={t('chats.detail.line')}>
            <span className="num">{formatCount(message.source.line)}</span>
          </Row>
          <Row label={t('chats.detail.sourceId')}>
            <span className="num">{message.source.sourceId}</span>
          </Row>
        </dl>
        {message.attachments.length > 0 ? (
          <>
            <h3>{t('chats.detail.attachments')}</h3>
            <ul className="plain-list chat-detail-attachments">
              {message.attachments.map((attachment, index) => (
                <li key={index}>
                  <bdi className="path">{attachment.name}</bdi>
                  {attachment.sha256 ? <HashText label="SHA-256" value={attachment.sha256} full /> : <span className="muted"> · {t('chats.thread.noHashTitle')}</span>}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h3>{t('chats.detail.text', { n: formatCount(message.text.length) })}</h3>
        <MessageText message={message} query={query} shown={shown} onShown={setShown} describe={describe} />
      </div>
    </aside>
  );
}
