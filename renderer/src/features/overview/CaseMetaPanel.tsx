import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '@shared/api';
import type { CaseInfo } from '@shared/domain';
import { useClient } from '../../app/client-context';
import { useSession } from '../../app/session';
import { useAction } from '../../app/use-action';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { TimeZoneField } from '../../components/TimeZoneField';
import { formatInstant, isValidTimeZone } from '../../components/format';

type EditableKey = 'caseNumber' | 'caseName' | 'cause' | 'unit' | 'handler' | 'timeZone';
const TEXT_FIELDS = ['caseNumber', 'caseName', 'cause', 'unit', 'handler'] as const;

function MetaForm({ caseInfo, onDone }: { caseInfo: CaseInfo; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const session = useSession();
  const action = useAction();
  const [draft, setDraft] = useState<Record<EditableKey, string>>({ ...caseInfo.meta });
  const set = (key: EditableKey) => (value: string) => setDraft((prev) => ({ ...prev, [key]: value }));
  const zoneValid = isValidTimeZone(draft.timeZone);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // send only what changed: each change is one audit entry with its own parameters
    const changes: MethodInput<'cases.updateMeta'> = {};
    for (const key of [...TEXT_FIELDS, 'timeZone'] as const) {
      if (draft[key] !== caseInfo.meta[key]) Object.assign(changes, { [key]: draft[key] });
    }
    if (Object.keys(changes).length === 0) return onDone(false);
    const saved = await action.run(() => client.call('cases.updateMeta', changes));
    if (saved) {
      session.reloadCase();
      onDone(true);
    }
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} aria-label={t('overview.meta')}>
      <div className="form-grid">
        {TEXT_FIELDS.map((key) => (
          <Field key={key} label={t(`cases.${key}`)} value={draft[key]} onChange={set(key)} required={key === 'caseName'} />
        ))}
        <TimeZoneField
          label={t('cases.timeZone')}
          value={draft.timeZone}
          onChange={set('timeZone')}
          hint={t('cases.timeZoneHint')}
          invalid={zoneValid ? null : t('cases.timeZoneInvalid')}
        />
      </div>
      <ErrorNotice error={action.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={action.pending || !draft.caseName.trim() || !zoneValid}>
          {t('app.save')}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}

/** 案件信息: shown as a dense list, edited in place; changes are audited by the backend. */
export function CaseMetaPanel({ caseInfo, zone }: { caseInfo: CaseInfo; zone: string }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const { meta } = caseInfo;
  return (
    <section className="panel" aria-label={t('overview.meta')}>
      <header className="panel-header">
        <h2>{t('overview.meta')}</h2>
        {editing ? null : (
          <button
            type="button"
            className="small"
            disabled={caseInfo.readOnly}
            title={caseInfo.readOnly ? t('overview.readOnlyNote') : undefined}
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('app.edit')}
          </button>
        )}
        {saved ? <span className="ok-text" role="status">{t('overview.saved')}</span> : null}
      </header>
      {caseInfo.readOnly ? <p className="muted">{t('overview.readOnlyNote')}</p> : null}
      {editing ? (
        <MetaForm
          caseInfo={caseInfo}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      ) : (
        <dl className="meta-list">
          {TEXT_FIELDS.map((key) => (
            <div key={key}>
              <dt>{t(`cases.${key}`)}</dt>
              <dd>{meta[key] || '—'}</dd>
            </div>
          ))}
          <div>
            <dt>{t('cases.timeZone')}</dt>
            <dd>{meta.timeZone}</dd>
          </div>
          <div>
            <dt>{t('overview.createdAt')}</dt>
            <dd title={meta.createdAt}>{formatInstant(meta.createdAt, zone)}</dd>
          </div>
          <div>
            <dt>{t('overview.schemaVersion')}</dt>
            <dd className="num">{caseInfo.schemaVersion}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
