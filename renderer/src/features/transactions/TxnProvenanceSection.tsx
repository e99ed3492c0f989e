import { useTranslation } from 'react-i18next';
import type { TxnProvenance } from '@shared/domain';
import { formatCount } from '../../components/format';
import { HashText } from '../import/HashText';
import { Field, Text } from './DetailField';
import { zonedTime } from './txn-columns';

/**
 * 来源: the original file, sheet and line, the raw row exactly as stored (under the file's own headers), its
 * SHA-256 recomputed now, and the original's SHA-256 and SM3 — everything a 提取笔录 or a defence check needs.
 */
export function TxnProvenanceSection({ provenance, zone }: { provenance: TxnProvenance; zone: string }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('txns.detail.provenance')}>
      <h3>{t('txns.detail.provenance')}</h3>
      <dl className="txn-fields">
        <Field label={t('txns.detail.file')} title={provenance.file}>
          <Text value={provenance.file} />
        </Field>
        <Field label={t('txns.detail.sheet')}>
          <Text value={provenance.sheet} />
        </Field>
        <Field label={t('txns.detail.line')}>
          <span className="num">{formatCount(provenance.line)}</span>
        </Field>
        <Field label={t('txns.detail.format')}>
          <Text value={provenance.format} />
          <span className="muted"> · {provenance.encoding}</span>
        </Field>
        <Field label={t('txns.detail.grade')}>{t(`txns.detail.grades.${provenance.grade}`)}</Field>
        <Field label={t('txns.detail.importedAt')} title={provenance.importedAt}>
          {Number.isNaN(Date.parse(provenance.importedAt)) ? provenance.importedAt : zonedTime(Date.parse(provenance.importedAt), zone)}
        </Field>
        <Field label={t('txns.detail.rowHash')}>
          <HashText value={provenance.rowHash} />{' '}
          <span className={provenance.rowHashVerified ? 'txn-ok' : 'warn-text'}>{provenance.rowHashVerified ? t('txns.detail.rowHashOk') : t('txns.detail.rowHashBad')}</span>
        </Field>
        <Field label={t('txns.detail.sha256')}>
          <HashText value={provenance.sourceSha256} />
        </Field>
        <Field label={t('txns.detail.sm3')}>
          <HashText value={provenance.sourceSm3} />
        </Field>
      </dl>
      <table className="txn-raw" aria-label={t('txns.detail.rawRow')}>
        <caption>{t('txns.detail.rawRow')}</caption>
        <tbody>
          {provenance.raw.map((cell, index) => (
            <tr key={`${index}:${cell.name}`}>
              <th scope="row">
                <bdi>{cell.name}</bdi>
              </th>
              <td>
                <bdi>{cell.value}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
