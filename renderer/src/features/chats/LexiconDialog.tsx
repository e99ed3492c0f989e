import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../app/client-context';
import { useAction } from '../../app/use-action';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount } from '../../components/format';

/** The typology lexicon as JSON, editable; saving makes a new version and rescores every message. */
export function LexiconDialog({ readOnly, onClose, onSaved }: { readOnly: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const id = useId();
  const [loaded, setLoaded] = useState<{ version: number; json: string } | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [draft, setDraft] = useState('');
  const [saved, setSaved] = useState<{ version: number; hits: number } | null>(null);
  const save = useAction();

  useEffect(() => {
    let live = true;
    client.call('lexicon.get', {}).then(
      (answer) => {
        if (!live) return;
        setLoaded(answer);
        setDraft(answer.json);
      },
      (error: unknown) => live && setLoadError(error),
    );
    return () => {
      live = false;
    };
  }, [client]);

  const submit = async () => {
    const answer = await save.run(() => client.call('lexicon.save', { json: draft }));
    if (answer) {
      setSaved(answer);
      setLoaded({ version: answer.version, json: draft });
      onSaved();
    }
  };

  return (
    <Dialog title={t('chats.lexicon.title')} onClose={onClose}>
      <div className="lexicon-editor">
        <p className="note">
          {loaded ? `${t('chats.lexicon.version', { version: loaded.version })} · ` : ''}
          {t('chats.lexicon.hint')}
        </p>
        <ErrorNotice error={loadError ?? save.error} />
        {readOnly ? <p className="notice notice-info">{t('chats.lexicon.readOnly')}</p> : null}
        <label htmlFor={id} className="field-label">
          {t('chats.lexicon.label')}
        </label>
        <textarea
          id={id}
          className="lexicon-json"
          value={draft}
          spellCheck={false}
          readOnly={readOnly || loaded === null}
          onChange={(event) => {
            setDraft(event.target.value);
            setSaved(null);
          }}
        />
        {saved ? (
          <p className="ok-text" role="status">
            {t('chats.lexicon.saved', { version: saved.version, hits: formatCount(saved.hits) })}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" className="primary" disabled={readOnly || loaded === null || save.pending || draft === loaded.json} onClick={() => void submit()}>
            {t('chats.lexicon.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('app.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
