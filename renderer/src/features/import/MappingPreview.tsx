import { useTranslation } from 'react-i18next';
import type { MappingPreview, MappingPreviewRecord, MappingPreviewRow, MappingTemplateDraft } from '@shared/domain';
import { useCall } from '../../app/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatMoney } from '../../components/format';
import { TEMPLATE_KIND_FIELDS, fieldLabel, type TemplateKind } from './mapping-draft';

function TransactionRows({ rows }: { rows: MappingPreviewRow[] }) {
  const { t } = useTranslation();
  return (
    <>
      <table className="dense-table" aria-label={t('mapping.previewTitle')}>
        <thead>
          <tr>
            <th scope="col" className="num">{t('mapping.col.line')}</th>
            <th scope="col">{t('mapping.col.account')}</th>
            <th scope="col">{t('mapping.col.time')}</th>
            <th scope="col" className="num">{t('mapping.col.amount')}</th>
            <th scope="col">{t('mapping.col.direction')}</th>
            <th scope="col" className="num">{t('mapping.col.balance')}</th>
            <th scope="col">{t('mapping.col.counterparty')}</th>
            <th scope="col">{t('mapping.col.summary')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.sheet}:${row.line}`}>
              <td className="num muted">{row.line}</td>
              <td className="mono">{row.account}</td>
              <td className="mono">{row.time}</td>
              <td className="num">{formatMoney(row.amountMinor, row.currency)}</td>
              <td>{row.direction === null ? t('mapping.directionUnknown') : t(`mapping.direction.${row.direction}`)}</td>
              <td className="num">{row.balanceMinor === null ? '' : formatMoney(row.balanceMinor, row.currency)}</td>
              <td>{row.counterparty}</td>
              <td>{row.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="muted">{t('mapping.previewNoRows')}</p> : null}
    </>
  );
}

/** Accounts, persons, messages: one column per field of the kind that the mapping fills, values as text. */
function RecordRows({ kind, records }: { kind: TemplateKind; records: MappingPreviewRecord[] }) {
  const { t } = useTranslation();
  const fields = TEMPLATE_KIND_FIELDS[kind].filter((field) => records.some((record) => record.fields[field] !== undefined));
  return (
    <>
      <table className="dense-table" aria-label={t('mapping.previewTitle')}>
        <thead>
          <tr>
            <th scope="col" className="num">{t('mapping.col.line')}</th>
            {fields.map((field) => (
              <th key={field} scope="col">
                {fieldLabel(t, kind, field)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={`${record.sheet}:${record.line}`}>
              <td className="num muted">{record.line}</td>
              {fields.map((field) => (
                <td key={field}>{record.fields[field] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {records.length === 0 ? <p className="muted">{t('mapping.previewNoRecords')}</p> : null}
    </>
  );
}

function Problems({ preview }: { preview: MappingPreview }) {
  const { t } = useTranslation();
  const { errors, warnings } = preview;
  return (
    <>
      {errors.length > 0 ? (
        <ul className="plain-list danger-text" aria-label={t('mapping.previewErrors')}>
          {errors.map((error) => (
            <li key={`${error.sheet}:${error.line}`}>{t('mapping.rowError', { line: error.line, message: error.message })}</li>
          ))}
        </ul>
      ) : null}
      {warnings.length > 0 ? (
        <ul className="plain-list warn-text">
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** What the mapping makes of the file's first rows, refreshed as the mapping changes; seized text shown as text. */
export function MappingPreviewTable({ path, draft }: { path: string; draft: MappingTemplateDraft }) {
  const { t } = useTranslation();
  const preview = useCall('import.preview', { path, template: draft }, { refetchOn: [] });
  if (preview.error) return <ErrorNotice error={preview.error} />;
  if (!preview.data) return <p className="muted">{t('mapping.previewLoading')}</p>;
  return (
    <div className="mapping-preview">
      {draft.kind === 'transactions' ? <TransactionRows rows={preview.data.rows} /> : <RecordRows kind={draft.kind} records={preview.data.records} />}
      <Problems preview={preview.data} />
    </div>
  );
}
