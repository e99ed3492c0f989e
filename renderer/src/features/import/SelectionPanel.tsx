import { useEffect, useRef, useState, type ChangeEvent, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../app/client-context';
import { useAction } from '../../app/use-action';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { formatCount } from '../../components/format';
import { describeError } from '../../i18n/errors';
import { collectDropped, entriesOfDrop, entriesOfInput } from './drop-walk';
import { formatBytes } from './format-bytes';
import { useImportSession } from './import-session';

function UploadProgressBar() {
  const { t } = useTranslation();
  const { upload } = useImportSession();
  if (!upload) return null;
  const { progress } = upload;
  return (
    <div className="import-progress" role="group" aria-label={t('import.uploading')}>
      <progress max={progress.bytesTotal || 1} value={progress.bytesDone} aria-label={t('import.uploading')} />
      <span className="num">
        {t('import.uploadFiles', { done: formatCount(progress.filesDone), total: formatCount(progress.filesTotal) })}
      </span>
      <span className="num">
        {t('import.uploadBytes', { done: formatBytes(progress.bytesDone), total: formatBytes(progress.bytesTotal) })}
      </span>
      {progress.current ? <span className="import-current" title={progress.current}>{progress.current}</span> : null}
      <button type="button" className="small" onClick={upload.cancel}>
        {t('import.cancelUpload')}
      </button>
    </div>
  );
}

function UploadProblems() {
  const { t } = useTranslation();
  const session = useImportSession();
  if (session.uploadFailures.length === 0 && !session.uploadError) return null;
  return (
    <>
      <ErrorNotice error={session.uploadError} onDismiss={session.dismissUploadProblems} />
      {session.uploadFailures.length > 0 ? (
        <div className="notice notice-error" role="alert">
          <strong>{t('import.uploadFailed', { n: formatCount(session.uploadFailures.length) })}</strong>
          <ul className="plain-list">
            {session.uploadFailures.map((failure) => (
              <li key={failure.relPath}>
                <span className="path">{failure.relPath}</span>
                {t('import.colon')}
                {describeError(failure.error, t).title} {failure.error.message}
              </li>
            ))}
          </ul>
          <button type="button" className="link-button" onClick={session.dismissUploadProblems}>
            {t('jobs.dismiss')}
          </button>
        </div>
      ) : null}
    </>
  );
}

/** A real file input behind a label that looks like a button: keyboard, screen readers and tests find it by name. */
function FileButton({ label, folder, disabled, onFiles }: { label: string; folder?: boolean; disabled: boolean; onFiles: (files: FileList) => void }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // not in React's attribute list: set it directly (Chromium and Firefox both read it)
    if (folder) input.current?.setAttribute('webkitdirectory', '');
  }, [folder]);
  const change = (event: ChangeEvent<HTMLInputElement>) => {
    const files = event.target.files;
    if (files && files.length > 0) onFiles(files);
    event.target.value = '';
  };
  return (
    <label className={disabled ? 'file-button file-button-disabled' : 'file-button'}>
      {label}
      <input ref={input} type="file" multiple className="visually-hidden" disabled={disabled} onChange={change} />
    </label>
  );
}

/**
 * Choosing what to import. In the browser (chainsight serve): drop files or whole folders, or pick them — they are
 * uploaded to the case's staging folder with their folder structure; or type a path on this machine. In the
 * desktop app: the native file and folder dialogs or a typed path (drops do not reach it: see pickFiles).
 */
export function SelectionPanel({ host, nativeDialogs }: { host: 'electron' | 'serve' | undefined; nativeDialogs: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const session = useImportSession();
  const pick = useAction();
  const [path, setPath] = useState('');
  const [over, setOver] = useState(false);
  const uploads = host === 'serve';
  const busy = session.upload !== null;

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setOver(false);
    if (busy || !uploads) return;
    // the DataTransfer is emptied when this handler returns: take its entries now, walk them afterwards
    const dropped = entriesOfDrop(event.dataTransfer);
    void collectDropped(dropped).then(session.addUploads, session.reportUploadError);
  };
  const onDragOver = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = uploads && !busy ? 'copy' : 'none';
    setOver(true);
  };
  const addPath = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = path.trim();
    if (!trimmed) return;
    session.addPaths([trimmed]);
    setPath('');
  };
  const pickFolder = async () => {
    const picked = await pick.run(() => client.call('dialogs.pickFolder', { title: t('import.pickFolderTitle') }));
    if (picked?.path) session.addPaths([picked.path]);
  };
  // the desktop app's preload exposes only call and on, so a dropped File never yields its path: files come
  // through the native dialog instead (ARCHITECTURE.md §2)
  const pickFiles = async () => {
    const picked = await pick.run(() => client.call('dialogs.pickFiles', { title: t('import.pickFilesTitle') }));
    if (picked && picked.paths.length > 0) session.addPaths(picked.paths);
  };

  return (
    <section className="panel import-select" aria-label={t('import.chooseTitle')}>
      {uploads ? (
        <div
          className={over ? 'drop-zone drop-zone-over' : 'drop-zone'}
          role="region"
          aria-label={t('import.dropLabel')}
          onDragOver={onDragOver}
          onDragEnter={onDragOver}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <p className="drop-title">{t('import.dropTitle')}</p>
          {session.items.length === 0 ? <p className="muted">{t('import.dropHint')}</p> : null}
          <div className="form-actions">
            <FileButton label={t('import.pickFiles')} disabled={busy} onFiles={(files) => void session.addUploads(entriesOfInput(files))} />
            <FileButton label={t('import.pickFolderUpload')} folder disabled={busy} onFiles={(files) => void session.addUploads(entriesOfInput(files))} />
          </div>
          <UploadProgressBar />
        </div>
      ) : null}
      {nativeDialogs ? (
        <div className="form-actions">
          {host === 'electron' ? (
            <button type="button" className="primary" disabled={pick.pending} onClick={() => void pickFiles()}>
              {t('import.pickFiles')}
            </button>
          ) : null}
          <button type="button" className="primary" disabled={pick.pending} onClick={() => void pickFolder()}>
            {t('import.pickFolder')}
          </button>
        </div>
      ) : null}
      {nativeDialogs && host === 'electron' ? <p className="muted">{t('import.electronDropHint')}</p> : null}
      <ErrorNotice error={pick.error} onDismiss={pick.clearError} />
      <form className="path-form" onSubmit={addPath}>
        <Field
          label={t('import.pathLabel')}
          value={path}
          onChange={setPath}
          placeholder={t('import.pathPlaceholder')}
          hint={host === 'electron' ? t('import.pathHintElectron') : t('import.pathHintServe')}
        />
        <button type="submit" disabled={!path.trim()}>
          {t('import.addPath')}
        </button>
      </form>
      <UploadProblems />
    </section>
  );
}
