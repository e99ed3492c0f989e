import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Acquisition, SourceInfo } from '@shared/domain';
import { useClient } from '../../app/client-context';
import { useAction } from '../../app/use-action';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';

/** 获取方式 as written on forms; stored as these words, whatever the UI language. */
export const ACQUISITION_METHODS = ['查控平台', '调取', '现场提取', '当事人提供'] as const;
type MethodKey = (typeof ACQUISITION_METHODS)[number];
const METHOD_LABEL = { 查控平台: 'platform', 调取: 'request', 现场提取: 'onsite', 当事人提供: 'party' } as const satisfies Record<MethodKey, string>;
const OTHER = '__other__';

const TEXT_FIELDS = ['unit', 'requestNo', 'acquiredBy', 'acquiredAt'] as const;

function isKnownMethod(value: string): value is MethodKey {
  return (ACQUISITION_METHODS as readonly string[]).includes(value);
}

/** 获取方式、反馈单位、请求号、获取人、获取时间: what the investigator knows about how the file was obtained. */
export function AcquisitionForm({ source, readOnly, onSaved }: { source: SourceInfo; readOnly: boolean; onSaved: (source: SourceInfo) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const action = useAction();
  const methodId = useId();
  const current = source.acquisition;
  const [choice, setChoice] = useState<string>(isKnownMethod(current.method) || current.method === '' ? current.method : OTHER);
  const [other, setOther] = useState(isKnownMethod(current.method) ? '' : current.method);
  const [draft, setDraft] = useState<Record<(typeof TEXT_FIELDS)[number], string>>({
    unit: current.unit,
    requestNo: current.requestNo,
    acquiredBy: current.acquiredBy,
    acquiredAt: current.acquiredAt,
  });
  const [saved, setSaved] = useState<'saved' | 'unchanged' | null>(null);
  const method = choice === OTHER ? other.trim() : choice;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // only what changed: each save is one audit entry naming exactly the fields edited
    const changes: Partial<Acquisition> = {};
    if (method !== current.method) changes.method = method;
    for (const key of TEXT_FIELDS) if (draft[key].trim() !== current[key]) changes[key] = draft[key].trim();
    if (Object.keys(changes).length === 0) {
      setSaved('unchanged');
      return;
    }
    setSaved(null);
    const updated = await action.run(() => client.call('sources.updateAcquisition', { sourceId: source.id, acquisition: changes }));
    if (updated) {
      setSaved('saved');
      onSaved(updated);
    }
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} aria-label={t('sources.acquisition')}>
      <h3>{t('sources.acquisition')}</h3>
      <div className="field">
        <label htmlFor={methodId}>{t('sources.acq.method')}</label>
        <select id={methodId} value={choice} disabled={readOnly} onChange={(event) => setChoice(event.target.value)}>
          <option value="">{t('sources.acq.methodNone')}</option>
          {ACQUISITION_METHODS.map((value) => (
            <option key={value} value={value}>
              {t(`sources.methods.${METHOD_LABEL[value]}`)}
            </option>
          ))}
          <option value={OTHER}>{t('sources.acq.methodOther')}</option>
        </select>
      </div>
      {choice === OTHER ? <Field label={t('sources.acq.methodOtherText')} value={other} onChange={setOther} disabled={readOnly} /> : null}
      {TEXT_FIELDS.map((key) => (
        <Field
          key={key}
          label={t(`sources.acq.${key}`)}
          value={draft[key]}
          disabled={readOnly}
          placeholder={key === 'acquiredAt' ? t('sources.acq.acquiredAtPlaceholder') : undefined}
          onChange={(value) => {
            setSaved(null);
            setDraft((prev) => ({ ...prev, [key]: value }));
          }}
        />
      ))}
      <ErrorNotice error={action.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={readOnly || action.pending}>
          {t('app.save')}
        </button>
        {saved ? (
          <span className={saved === 'saved' ? 'ok-text' : 'muted'} role="status">
            {saved === 'saved' ? t('sources.saved') : t('sources.unchanged')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
