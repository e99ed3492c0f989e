import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnMap, InspectedFile, MappingRules, MappingTemplate, MappingTemplateDraft } from '@shared/domain';
import { useAction } from '../../app/use-action';
import { useCall } from '../../app/use-call';
import { useClient } from '../../app/client-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import {
  DATE_FORMS,
  TEMPLATE_KIND_FIELDS,
  TEMPLATE_KINDS,
  defaultRules,
  fieldLabel,
  headerCells,
  splitWords,
  withField,
  type TemplateField,
  type TemplateKind,
} from './mapping-draft';
import { MappingPreviewTable } from './MappingPreview';

function FieldSelect({ label, headers, value, onChange }: { label: string; headers: string[]; value: string; onChange: (header: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field mapping-field">
      <label htmlFor={id}>{label}</label>
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

/**
 * 设置列映射: for a file no format recognises, say what the table holds (transactions, account or person facts, chat
 * messages), which column is which field of that kind and how to read dates, amounts and direction; see what that
 * makes of the first rows, and save it as a named template that detection then uses.
 */
export function MappingPanel({ file, onSaved, onClose }: { file: InspectedFile; onSaved: (template: MappingTemplate) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const headers = headerCells(file.preview);
  const [kind, setKind] = useState<TemplateKind>('transactions');
  const suggestion = useCall('templates.suggest', { headers, kind }, { refetchOn: [] });
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
      <div className="mapping-grid">
        <RuleSelect label={t('mapping.kind')} value={kind} options={TEMPLATE_KINDS.map((value) => [value, t(`mapping.kindOption.${value}`)] as const)} onChange={setKind} />
        <p className="muted mapping-kind-hint">{t('mapping.kindHint')}</p>
      </div>
      {suggestion.error ? (
        <ErrorNotice error={suggestion.error} />
      ) : !suggestion.data || suggestion.loading ? (
        <p className="muted">{t('mapping.suggesting')}</p>
      ) : (
        // a new kind starts from its own suggestion: fields of another kind do not carry over
        <MappingEditor key={kind} kind={kind} file={file} headers={headers} suggested={suggestion.data.columnMap} onSaved={onSaved} />
      )}
    </section>
  );
}

function MappingEditor({
  kind,
  file,
  headers,
  suggested,
  onSaved,
}: {
  kind: TemplateKind;
  file: InspectedFile;
  headers: string[];
  suggested: ColumnMap;
  onSaved: (template: MappingTemplate) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [map, setMap] = useState<ColumnMap>(suggested);
  const [rules, setRules] = useState<MappingRules>(() => defaultRules(suggested));
  const [name, setName] = useState('');
  const nameId = useId();
  const save = useAction();

  const draft: MappingTemplateDraft = { kind, headerSignature: headers, columnMap: map, rules };
  const setRule = <K extends keyof MappingRules>(key: K, value: MappingRules[K]) => setRules({ ...rules, [key]: value });
  const submit = async () => {
    const saved = await save.run(() => client.call('templates.save', { ...draft, name: name.trim() }));
    if (saved) onSaved(saved);
  };
  const transactions = kind === 'transactions';
  const timed = transactions || kind === 'messages';

  return (
    <>
      <h3 className="mapping-heading">{t('mapping.columns')}</h3>
      <div className="mapping-grid">
        {TEMPLATE_KIND_FIELDS[kind].map((field: TemplateField) => (
          <FieldSelect key={field} label={fieldLabel(t, kind, field)} headers={headers} value={map[field] ?? ''} onChange={(header) => setMap(withField(map, field, header))} />
        ))}
      </div>
      <h3 className="mapping-heading">{t('mapping.rules')}</h3>
      <div className="mapping-grid">
        {transactions ? (
          <RuleSelect
            label={t('mapping.amountConvention')}
            value={rules.amountConvention}
            options={(['split', 'flag', 'signed'] as const).map((value) => [value, t(`mapping.convention.${value}`)] as const)}
            onChange={(value) => setRule('amountConvention', value)}
          />
        ) : null}
        {timed ? (
          <RuleSelect
            label={t('mapping.dateForm')}
            value={rules.dateForm}
            options={DATE_FORMS.map((value) => [value, t(`mapping.form.${value}`)] as const)}
            onChange={(value) => setRule('dateForm', value)}
          />
        ) : null}
        <RuleSelect
          label={t('mapping.grade')}
          value={rules.grade}
          options={(['official', 'self-provided'] as const).map((value) => [value, t(`mapping.gradeOption.${value}`)] as const)}
          onChange={(value) => setRule('grade', value)}
        />
        {transactions ? (
          <>
            <WordsField label={t('mapping.inWords')} words={rules.inWords} onChange={(words) => setRule('inWords', words)} />
            <WordsField label={t('mapping.outWords')} words={rules.outWords} onChange={(words) => setRule('outWords', words)} />
          </>
        ) : null}
      </div>
      <h3 className="mapping-heading">{t('mapping.previewTitle')}</h3>
      <MappingPreviewTable path={file.path} draft={draft} />
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
    </>
  );
}
