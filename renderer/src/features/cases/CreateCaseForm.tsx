import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, CaseInfo, Operator } from '@shared/domain';
import { useClient } from '../../app/client-context';
import { useAction } from '../../app/use-action';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { TimeZoneField } from '../../components/TimeZoneField';
import { isValidTimeZone } from '../../components/format';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Characters no file system accepts in a folder name; the backend validates again. */
const UNSAFE_IN_FOLDER = /[\\/:*?"<>|]/g;

function joinPath(dir: string, name: string): string {
  const separator = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return `${dir.replace(/[\\/]+$/, '')}${separator}${name}.chainsight`;
}

export function CreateCaseForm({
  appInfo,
  operator,
  onCreated,
  autoFocus,
}: {
  appInfo: AppInfo | undefined;
  operator: Operator;
  onCreated: (info: CaseInfo) => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const action = useAction();
  const [folderName, setFolderName] = useState('');
  const [folderTouched, setFolderTouched] = useState(false);
  const [caseNumber, setCaseNumber] = useState('');
  const [caseName, setCaseName] = useState('');
  const [cause, setCause] = useState('');
  const [unit, setUnit] = useState(operator.unit);
  const [handler, setHandler] = useState(operator.name);
  const [timeZone, setTimeZone] = useState(DEFAULT_TIME_ZONE);
  const [parentDir, setParentDir] = useState('');

  // until the user types a folder name, suggest one from the case number (or name)
  const folder = folderTouched ? folderName : (caseNumber || caseName).replace(UNSAFE_IN_FOLDER, '_').trim();
  const zoneValid = isValidTimeZone(timeZone);
  const casesDir = appInfo?.casesDir ?? '';
  const target = folder ? joinPath(parentDir.trim() || casesDir, folder) : null;
  const nativeDialogs = appInfo?.nativeDialogs ?? false;

  const pickParent = async () => {
    const picked = await action.run(() => client.call('dialogs.pickFolder', { title: t('cases.parentDir') }));
    if (picked?.path) setParentDir(picked.path);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await action.run(() =>
      client.call('cases.create', {
        ...(parentDir.trim() ? { parentDir: parentDir.trim() } : {}),
        folderName: folder,
        meta: { caseNumber, caseName, cause, unit, handler, timeZone },
      }),
    );
    if (created) onCreated(created);
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} aria-label={t('cases.createTitle')}>
      <h2>{t('cases.createTitle')}</h2>
      <div className="form-grid">
        <Field label={t('cases.caseNumber')} value={caseNumber} onChange={setCaseNumber} autoFocus={autoFocus} />
        <Field label={t('cases.caseName')} value={caseName} onChange={setCaseName} required />
        <Field label={t('cases.cause')} value={cause} onChange={setCause} />
        <Field label={t('cases.unit')} value={unit} onChange={setUnit} />
        <Field label={t('cases.handler')} value={handler} onChange={setHandler} />
        <TimeZoneField
          label={t('cases.timeZone')}
          value={timeZone}
          onChange={setTimeZone}
          hint={t('cases.timeZoneHint')}
          invalid={zoneValid ? null : t('cases.timeZoneInvalid')}
        />
        <Field
          label={t('cases.folderName')}
          value={folder}
          onChange={(value) => {
            setFolderTouched(true);
            setFolderName(value);
          }}
          required
          hint={target ? t('cases.folderHint', { dir: target }) : null}
        />
        {nativeDialogs ? (
          <div className="field">
            <span className="field-label">{t('cases.parentDir')}</span>
            <div className="field-row">
              <span className="path">{parentDir || casesDir}</span>
              <button type="button" onClick={() => void pickParent()} disabled={action.pending}>
                {t('cases.pickFolder')}
              </button>
            </div>
          </div>
        ) : (
          <Field
            label={t('cases.parentDir')}
            value={parentDir}
            onChange={setParentDir}
            placeholder={casesDir}
            hint={t('cases.parentDirHint', { dir: casesDir })}
          />
        )}
      </div>
      <ErrorNotice error={action.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={action.pending || !caseName.trim() || !folder || !zoneValid}>
          {t('cases.create')}
        </button>
      </div>
    </form>
  );
}
