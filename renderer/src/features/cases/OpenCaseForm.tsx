import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';

/** Open a case folder: a native dialog in Electron, a typed path in the browser (always available as a fallback). */
export function OpenCaseForm({
  nativeDialogs,
  disabled,
  onOpen,
  onPick,
}: {
  nativeDialogs: boolean;
  disabled: boolean;
  onOpen: (caseDir: string) => void;
  onPick: () => void;
}) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (path.trim()) onOpen(path.trim());
  };
  return (
    <form className="form" onSubmit={submit} aria-label={t('cases.openTitle')}>
      <h2>{t('cases.openTitle')}</h2>
      {nativeDialogs ? (
        <div className="form-actions">
          <button type="button" className="primary" disabled={disabled} onClick={onPick}>
            {t('cases.pickFolder')}
          </button>
        </div>
      ) : null}
      <Field label={t('cases.openPath')} value={path} onChange={setPath} />
      <div className="form-actions">
        <button type="submit" disabled={disabled || !path.trim()}>
          {t('cases.open')}
        </button>
      </div>
    </form>
  );
}
