import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TxnDetail, TxnRow } from '@shared/domain';
import { formatOffset } from '@shared/time';
import { useSession } from '../../app/session';
import { useCall } from '../../app/use-call';
import type { Messages } from '../../i18n/zh-CN';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatMoney } from '../../components/format';
import { ItemMarksPanel } from '../tags/ItemMarksPanel';
import { Field, Text } from './DetailField';
import { TxnProvenanceSection } from './TxnProvenanceSection';
import { TxnRelatedSection } from './TxnRelatedSection';
import { directionWord, flagText, zonedTime } from './txn-columns';

function Fields({ detail, zone }: { detail: TxnDetail; zone: string }) {
  const { t } = useTranslation();
  const { row, fields } = detail;
  const c = (key: keyof Messages['txns']['columns']) => t(`txns.columns.${key}`);
  const f = (key: keyof Messages['txns']['detail']['field']) => t(`txns.detail.field.${key}`);
  return (
    <dl className="txn-fields">
      <Field label={c('time')} title={row.timeText}>
        {row.utcMs === null ? <Text value={row.timeText} /> : zonedTime(row.utcMs, zone)}
        <span className="muted"> （{zone}）</span>
      </Field>
      <Field label={f('timeText')}>
        <Text value={row.timeText} />
        {row.offsetMinutes === null ? null : <span className="muted"> UTC{formatOffset(row.offsetMinutes)}</span>}
      </Field>
      <Field label={c('account')}>
        <code>
          <Text value={row.account} />
        </code>
        {row.subAccount ? <span className="muted"> {t('txns.subAccount', { sub: row.subAccount })}</span> : null}
      </Field>
      <Field label={c('holder')}>
        <Text value={row.holder} />
      </Field>
      {fields.holderId ? (
        <Field label={f('holderId')}>
          <Text value={fields.holderId} />
        </Field>
      ) : null}
      <Field label={f('bank')}>
        <Text value={row.bank} />
      </Field>
      <Field label={c('direction')}>
        {directionWord(t, row.direction) || '—'}
        <span className="muted">
          {' '}
          （<bdi>{row.directionRaw}</bdi>）
        </span>
      </Field>
      <Field label={c('amount')}>
        <span className="num">{formatMoney(row.amountMinor, row.currency)}</span>
      </Field>
      <Field label={c('balance')}>
        <span className="num">{row.balanceMinor === null ? '—' : formatMoney(row.balanceMinor, row.currency)}</span>
        {fields.balanceExpectedMinor === null ? null : (
          <span className="warn-text">
            {' '}
            {f('balanceExpected')}：{formatMoney(fields.balanceExpectedMinor, row.currency)}
          </span>
        )}
      </Field>
      <Field label={c('cpAccount')}>
        <code>
          <Text value={row.cpAccount} />
        </code>
      </Field>
      <Field label={c('cpName')}>
        <Text value={row.cpName} />
      </Field>
      {fields.cpId ? (
        <Field label={f('cpId')}>
          <Text value={fields.cpId} />
        </Field>
      ) : null}
      {row.cpBank ? (
        <Field label={c('cpBank')}>
          <Text value={row.cpBank} />
        </Field>
      ) : null}
      <Field label={c('summary')}>
        <Text value={row.summary} />
      </Field>
      {fields.memo ? (
        <Field label={f('memo')}>
          <Text value={fields.memo} />
        </Field>
      ) : null}
      {row.channel ? (
        <Field label={f('channel')}>
          <Text value={row.channel} />
        </Field>
      ) : null}
      <Field label={c('txnNo')}>
        <code>
          <Text value={row.txnNo} />
        </code>
      </Field>
      {fields.logNo ? (
        <Field label={f('logNo')}>
          <Text value={fields.logNo} />
        </Field>
      ) : null}
      {row.ip ? (
        <Field label={c('ip')}>
          <Text value={row.ip} />
        </Field>
      ) : null}
      {row.mac ? (
        <Field label={c('mac')}>
          <Text value={row.mac} />
        </Field>
      ) : null}
      {fields.device ? (
        <Field label={f('device')}>
          <Text value={fields.device} />
        </Field>
      ) : null}
      {fields.merchant ? (
        <Field label={f('merchant')}>
          <Text value={fields.merchant} />
          {fields.merchantCode ? <span className="muted"> {fields.merchantCode}</span> : null}
        </Field>
      ) : null}
      {fields.branch ? (
        <Field label={f('branch')}>
          <Text value={fields.branch} />
        </Field>
      ) : null}
      {fields.location ? (
        <Field label={f('location')}>
          <Text value={fields.location} />
        </Field>
      ) : null}
      {fields.isCash === null ? null : <Field label={f('isCash')}>{fields.isCash ? t('txns.detail.yes') : t('txns.detail.no')}</Field>}
      {row.flags.failed ? (
        <Field label={f('failReason')}>
          <Text value={fields.failReason} />
        </Field>
      ) : null}
      <Field label={c('flags')}>
        {flagText(t, row) || t('txns.detail.none')}
        {fields.dupRule ? (
          <span className="muted">
            {' '}
            {f('dupRule')}：{fields.dupRule === 'txn-no' || fields.dupRule === 'fingerprint' ? t(`txns.detail.dupRules.${fields.dupRule}`) : fields.dupRule}
          </span>
        ) : null}
      </Field>
      <Field label={f('recordId')}>
        <span className="num">{row.id}</span>
      </Field>
    </dl>
  );
}

/**
 * 交易详情 on the right of the grid: every field, where it came from (file, sheet, line, the raw row and its hash,
 * the original's SHA-256 and SM3) and what it is linked to; tags, note and star. Esc closes it.
 */
export function TxnDetailPanel({ id, zone, onClose, onOpen }: { id: number; zone: string; onClose: () => void; onOpen: (row: TxnRow) => void }) {
  const { t } = useTranslation();
  const readOnly = useSession().currentCase?.readOnly ?? false;
  const detail = useCall('txns.get', { id }, { refetchOn: ['case.changed', 'audit.appended'] });
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

  const txn = detail.data?.txn;
  return (
    <aside className="txn-detail" aria-label={t('txns.detail.label')}>
      <header className="txn-detail-header">
        <h2>{t('txns.detail.label')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('txns.detail.close')}>
          ×
        </button>
      </header>
      <div className="txn-detail-body">
        <ErrorNotice error={detail.error} onRetry={detail.reload} />
        {detail.data === undefined && !detail.error ? <p className="muted">{t('txns.detail.loading')}</p> : null}
        {detail.data !== undefined && txn === null ? <p className="muted">{t('txns.detail.notFound')}</p> : null}
        {txn ? (
          <>
            <section aria-label={t('txns.detail.fields')}>
              <h3>{t('txns.detail.fields')}</h3>
              <Fields detail={txn} zone={zone} />
            </section>
            <TxnProvenanceSection provenance={txn.provenance} zone={zone} />
            <TxnRelatedSection related={txn.related} zone={zone} onOpen={onOpen} />
            <section aria-label={t('txns.detail.marks')}>
              <h3>{t('txns.detail.marks')}</h3>
              <ItemMarksPanel item={{ type: 'txn', id: txn.row.id }} readOnly={readOnly} />
            </section>
          </>
        ) : null}
      </div>
    </aside>
  );
}
