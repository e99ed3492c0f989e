import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnMap, InspectedFile, MappingRules, MappingTemplate, MappingTemplateDraft } from '@shared/domain';
import { useAction } from '../../app/use-action';
import { useCall } from '../../app/use-call';
import { useClient } from '../../app/client-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatMoney } from '../../components/format';
import { DATE_FORMS, TEMPLATE_FIELDS, defaultRules, headerCells, splitWords, withField, type TemplateField } from './mapping-draft';

function FieldSelect({ field, headers, value, onChange }: { field: TemplateField; headers: string[]; value: string; onChange: (header: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field mapping-field">
      <label htmlFor={id}>{t(`mapping.field.${field}`)}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('mapping.unmapped')}</option>
        {headers.map((header) => (
          <option key={header} value={header}>
            {header}
          </option>
        ))}
      </select>
    </div>
  );
}

function RuleSelect<V extends string>({ label, value, options, onChange }: { label: string; value: V; options: readonly (readonly [V, string])[]; onChange: (value: V) => void }) {
  const id = useId();
  return (
    <div className="field mapping-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as V)}>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function WordsField({ label, words, onChange }: { label: string; words: string[]; onChange: (words: string[]) => void }) {
  const id = useId();
  const [text, setText] = useState(words.join(', '));
  return (
    <div className="field mapping-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onChange(splitWords(event.target.value));
        }}
      />
    </div>
  );
}

function PreviewTable({ path, draft }: { path: string; draft: MappingTemplateDraft }) {
  const { t } = useTranslation();
  const preview = useCall('import.preview', { path, template: draft }, { refetchOn: [] });
  if (preview.error) return <ErrorNotice error={preview.error} />;
  if (!preview.data) return <p className="muted">{t('mapping.previewLoading')}</p>;
  const { rows, errors, warnings } = preview.data;
  return (
    <div className="mapping-preview">
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
    </div>
  );
}

/**
 * 设置列映射: for a file no format recognises, say which column is which field and how to read dates, amounts and
 * direction, see what that makes of the first rows, and save it as a named template that detection then uses.
 */
export function MappingPanel({ file, onSaved, onClose }: { file: InspectedFile; onSaved: (template: MappingTemplate) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const headers = headerCells(file.preview);
  const suggestion = useCall('templates.suggest', { headers }, { refetchOn: [] });
  if (suggestion.error) return <ErrorNotice error={suggestion.error} />;
  if (!suggestion.data) return <p className="muted">{t('mapping.suggesting')}</p>;
  return <MappingEditor file={file} headers={headers} suggested={suggestion.data.columnMap} onSaved={onSaved} onClose={onClose} />;
}

function MappingEditor({
  file,
  headers,
  suggested,
  onSaved,
  onClose,
}: {
  file: InspectedFile;
  headers: string[];
  suggested: ColumnMap;
  onSaved: (template: MappingTemplate) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [map, setMap] = useState<ColumnMap>(suggested);
  const [rules, setRules] = useState<MappingRules>(() => defaultRules(suggested));
  const [name, setName] = useState('');
  const nameId = useId();
  const save = useAction();

  const draft: MappingTemplateDraft = { headerSignature: headers, columnMap: map, rules };
  const setRule = <K extends keyof MappingRules>(key: K, value: MappingRules[K]) => setRules({ ...rules, [key]: value });
  const submit = async () => {
    const saved = await save.run(() => client.call('templates.save', { ...draft, name: name.trim() }));
    if (saved) onSaved(saved);
  };

  return (
    <section className="panel mapping-panel" aria-label={t('mapping.title')}>
      <header className="panel-header">
        <h2>{t('mapping.title')}</h2>
        <span className="muted">{t('mapping.note')}</span>
        <span className="header-actions">
          <button type="button" className="small" onClick={onClose}>
            {t('mapping.close')}
          </button>
        </span>
      </header>
      <h3 className="mapping-heading">{t('mapping.columns')}</h3>
      <div className="mapping-grid">
        {TEMPLATE_FIELDS.map((field) => (
          <FieldSelect key={field} field={field} headers={headers} value={map[field] ?? ''} onChange={(header) => setMap(withField(map, field, header))} />
        ))}
      </div>
      <h3 className="mapping-heading">{t('mapping.rules')}</h3>
      <div className="mapping-grid">
        <RuleSelect
          label={t('mapping.amountConvention')}
          value={rules.amountConvention}
          options={(['split', 'flag', 'signed'] as const).map((value) => [value, t(`mapping.convention.${value}`)] as const)}
          onChange={(value) => setRule('amountConvention', value)}
        />
        <RuleSelect
          label={t('mapping.dateForm')}
          value={rules.dateForm}
          options={DATE_FORMS.map((value) => [value, t(`mapping.form.${value}`)] as const)}
          onChange={(value) => setRule('dateForm', value)}
        />
        <RuleSelect
          label={t('mapping.grade')}
          value={rules.grade}
          options={(['official', 'self-provided'] as const).map((value) => [value, t(`mapping.gradeOption.${value}`)] as const)}
          onChange={(value) => setRule('grade', value)}
        />
        <WordsField label={t('mapping.inWords')} words={rules.inWords} onChange={(words) => setRule('inWords', words)} />
        <WordsField label={t('mapping.outWords')} words={rules.outWords} onChange={(words) => setRule('outWords', words)} />
      </div>
      <h3 className="mapping-heading">{t('mapping.previewTitle')}</h3>
      <PreviewTable path={file.path} draft={draft} />
      <div className="mapping-save">
        <div className="field">
          <label htmlFor={nameId}>{t('mapping.name')}</label>
          <input id={nameId} value={name} maxLength={64} onChange={(event) => setName(event.target.value)} />
          <div className="field-hint">{t('mapping.nameHint')}</div>
        </div>
        <button type="button" className="primary" disabled={name.trim() === '' || save.pending} onClick={() => void submit()}>
          {t('mapping.save')}
        </button>
      </div>
      <ErrorNotice error={save.error} />
    </section>
  );
}
