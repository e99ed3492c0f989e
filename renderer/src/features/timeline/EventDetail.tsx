import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage, TimelineTxn } from '@shared/domain';
import { formatInZone, formatOffset } from '@shared/time';
import { useCall } from '../../app/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount, formatMoney } from '../../components/format';
import { typeLabel } from '../chats/chat-labels';

/** What was clicked on the chart. */
export interface EventRef {
  type: 'txn' | 'message';
  id: number;
}

const CHAT_CURRENCY = 'CNY';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Provenance({ file, sheet, line, rowHash }: { file: string; sheet: string; line: number; rowHash?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('timeline.detail.provenance')}</h3>
      <dl className="timeline-fields">
        <Row label={t('timeline.detail.file')}>
          <bdi className="path">{file}</bdi>
        </Row>
        <Row label={t('timeline.detail.sheet')}>
          <bdi>{sheet || t('timeline.detail.none')}</bdi>
        </Row>
        <Row label={t('timeline.detail.line')}>
          <span className="num">{formatCount(line)}</span>
        </Row>
        {rowHash ? (
          <Row label={t('timeline.detail.rowHash')}>
            <span className="path">{rowHash}</span>
          </Row>
        ) : null}
      </dl>
    </>
  );
}

function TimeRows({ utcMs, timeText, offsetMinutes, zone }: { utcMs: number | null; timeText: string; offsetMinutes: number | null; zone: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Row label={t('timeline.detail.time', { zone })}>{utcMs === null ? t('timeline.detail.none') : formatInZone(utcMs, zone)}</Row>
      <Row label={t('timeline.detail.original')}>
        <bdi>{timeText}</bdi>
      </Row>
      <Row label={t('timeline.detail.offset')}>{offsetMinutes === null ? t('timeline.detail.offsetUnknown') : `UTC${formatOffset(offsetMinutes)}`}</Row>
    </>
  );
}

function TxnFields({ txn, zone }: { txn: TimelineTxn; zone: string }) {
  const { t } = useTranslation();
  const none = t('timeline.detail.none');
  const marks: string[] = [];
  if (txn.dupOf !== null) marks.push(t('timeline.detail.duplicate', { id: txn.dupOf }));
  if (txn.mirrorId !== null) marks.push(t('timeline.detail.mirror', { id: txn.mirrorId }));
  if (txn.reversalOf !== null) marks.push(t('timeline.detail.reversal', { id: txn.reversalOf }));
  if (txn.balanceExpected !== null) marks.push(t('timeline.detail.balanceBreak', { expected: formatMoney(txn.balanceExpected, txn.currency) }));
  return (
    <>
      <dl className="timeline-fields">
        <Row label={t('timeline.detail.account')}>
          <bdi>{txn.accountLabel}</bdi> <span className="muted path">{txn.accountNumber}</span>
        </Row>
        <TimeRows utcMs={txn.utcMs} timeText={txn.timeText} offsetMinutes={txn.offsetMinutes} zone={zone} />
        <Row label={t('timeline.detail.amount')}>
          <strong className="num">{formatMoney(Math.abs(txn.amountMinor), txn.currency)}</strong>
        </Row>
        <Row label={t('timeline.detail.direction')}>
          {t(`timeline.direction.${txn.direction ?? 'none'}`)}
          {txn.directionRaw && txn.directionRaw !== t(`timeline.direction.${txn.direction ?? 'none'}`) ? (
            <span className="muted">
              {' '}
              （<bdi>{txn.directionRaw}</bdi>）
            </span>
          ) : null}
        </Row>
        <Row label={t('timeline.detail.counterparty')}>
          <bdi>{txn.counterpartyName ?? none}</bdi>
        </Row>
        <Row label={t('timeline.detail.counterpartyAccount')}>
          <bdi className="path">{txn.counterpartyAccount ?? none}</bdi>
        </Row>
        <Row label={t('timeline.detail.counterpartyBank')}>
          <bdi>{txn.counterpartyBank ?? none}</bdi>
        </Row>
        <Row label={t('timeline.detail.summary')}>
          <bdi>{txn.summary ?? none}</bdi>
        </Row>
        <Row label={t('timeline.detail.channel')}>
          <bdi>{txn.channel ?? none}</bdi>
        </Row>
        <Row label={t('timeline.detail.balance')}>{txn.balanceMinor === null ? none : formatMoney(txn.balanceMinor, txn.currency)}</Row>
        <Row label={t('timeline.detail.status')}>
          {txn.succeeded ? t('timeline.detail.succeeded') : `${t('timeline.detail.failed')}${txn.failReason ? `：${txn.failReason}` : ''}`}
        </Row>
        <Row label={t('timeline.detail.marks')}>{marks.length > 0 ? marks.join('；') : t('timeline.detail.noMarks')}</Row>
      </dl>
      <Provenance {...txn.source} />
    </>
  );
}

function MessageFields({ message, zone }: { message: ChatMessage; zone: string }) {
  const { t } = useTranslation();
  const none = t('timeline.detail.none');
  return (
    <>
      <dl className="timeline-fields">
        <Row label={t('timeline.detail.conversation')}>
          <bdi>{message.conversationTitle}</bdi>
        </Row>
        <Row label={t('timeline.detail.sender')}>
          <bdi>{message.senderName ?? none}</bdi>
        </Row>
        <TimeRows utcMs={message.utcMs} timeText={message.timeText} offsetMinutes={message.offsetMinutes} zone={zone} />
        <Row label={t('timeline.detail.type')}>{typeLabel(t, message.type) ?? t('chats.detail.typeText')}</Row>
        {message.amountMinor !== null ? <Row label={t('timeline.detail.amount')}>{formatMoney(message.amountMinor, CHAT_CURRENCY)}</Row> : null}
      </dl>
      <h3>{t('timeline.detail.text', { n: formatCount(message.text.length) })}</h3>
      {/* seized text: a text node, never markup */}
      <p className="timeline-message-text">
        <bdi>{message.text}</bdi>
      </p>
      <Provenance file={message.source.file} sheet={message.source.sheet} line={message.source.line} />
    </>
  );
}

/** One event in full — a transaction or a message — with where it came from. */
export function EventDetail({ item, zone, backToList, onClose }: { item: EventRef; zone: string; backToList: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const txn = useCall('timeline.txn', { id: item.id }, { enabled: item.type === 'txn' });
  const message = useCall('chats.message', { id: item.id }, { enabled: item.type === 'message' });
  const state = item.type === 'txn' ? txn : message;
  const found = item.type === 'txn' ? txn.data?.txn : message.data?.message;
  return (
    <section className="timeline-side-section" aria-label={t('timeline.detail.title')}>
      <header className="timeline-side-header">
        <h2>
          {t('timeline.detail.title')} · {item.type === 'txn' ? t('timeline.detail.txn') : t('timeline.detail.message')} #{item.id}
        </h2>
        {backToList ? (
          <button type="button" className="small" onClick={onClose}>
            {t('timeline.detail.back')}
          </button>
        ) : (
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('timeline.detail.close')}>
            ×
          </button>
        )}
      </header>
      <ErrorNotice error={state.error} onRetry={state.reload} />
      {state.data === undefined ? (
        state.error ? null : <p className="muted">{t('app.loading')}</p>
      ) : found === null || found === undefined ? (
        <p className="muted">{t('timeline.detail.notFound')}</p>
      ) : item.type === 'txn' && txn.data?.txn ? (
        <TxnFields txn={txn.data.txn} zone={zone} />
      ) : message.data?.message ? (
        <MessageFields message={message.data.message} zone={zone} />
      ) : null}
    </section>
  );
}
