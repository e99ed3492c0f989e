import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MappingTemplate } from '@shared/domain';
import { useClient } from '../../app/client-context';
import { useAction } from '../../app/use-action';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount } from '../../components/format';
import { useTemplateCatalog } from './template-catalog';

/** One line per template name: its newest version and how many versions are kept. */
interface TemplateLine {
  name: string;
  latest: MappingTemplate;
  versions: number;
}

function linesOf(templates: readonly MappingTemplate[]): TemplateLine[] {
  const lines = new Map<string, TemplateLine>();
  for (const template of templates) {
    const line = lines.get(template.name);
    if (line === undefined) lines.set(template.name, { name: template.name, latest: template, versions: 1 });
    else {
      line.versions += 1;
      if (template.version > line.latest.version) line.latest = template;
    }
  }
  return [...lines.values()];
}

function RenameForm({ line, onDone }: { line: TemplateLine; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const { changed } = useTemplateCatalog();
  const rename = useAction();
  const [name, setName] = useState(line.name);
  const inputId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await rename.run(() => client.call('templates.rename', { name: line.name, newName: name.trim() }));
    if (done) {
      changed();
      onDone();
    }
  };
  return (
    <form className="template-rename" onSubmit={(event) => void submit(event)}>
      <label htmlFor={inputId} className="visually-hidden">
        {t('mapping.saved.renameLabel', { name: line.name })}
      </label>
      <input id={inputId} value={name} maxLength={64} autoFocus onChange={(event) => setName(event.target.value)} />
      <button type="submit" className="small primary" disabled={name.trim() === '' || rename.pending}>
        {t('mapping.saved.renameSave')}
      </button>
      <button type="button" className="small" onClick={onDone}>
        {t('mapping.saved.cancel')}
      </button>
      <ErrorNotice error={rename.error} />
    </form>
  );
}

function DeleteDialog({ line, onClose }: { line: TemplateLine; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const { changed } = useTemplateCatalog();
  const remove = useAction();
  const confirm = async () => {
    const done = await remove.run(() => client.call('templates.delete', { name: line.name }));
    if (done) {
      changed();
      onClose();
    }
  };
  return (
    <Dialog title={t('mapping.saved.deleteTitle')} onClose={onClose}>
      <p>{t('mapping.saved.deleteBody', { name: line.name, n: formatCount(line.versions) })}</p>
      <ErrorNotice error={remove.error} />
      <div className="form-actions">
        <button type="button" className="danger-button" disabled={remove.pending} onClick={() => void confirm()}>
          {t('mapping.saved.deleteConfirm')}
        </button>
        <button type="button" onClick={onClose}>
          {t('mapping.saved.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

/**
 * 已保存的列映射模板: the workstation's templates with rename and delete (after a confirmation). Collapsed by
 * default; shown only once a template exists.
 */
export function TemplatesPanel() {
  const { t, i18n } = useTranslation();
  const { templates, templatesError } = useTemplateCatalog();
  const [open, setOpen] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<TemplateLine | null>(null);
  if (templatesError) return <ErrorNotice error={templatesError} />;
  const lines = linesOf(templates ?? []);
  if (lines.length === 0) return null;
  const saved = (iso: string) => new Date(iso).toLocaleString(i18n.resolvedLanguage ?? i18n.language);
  return (
    <section className="panel" aria-label={t('mapping.saved.title')}>
      <header className="panel-header">
        <h2>
          {t('mapping.saved.title')} <span className="tab-count num">{formatCount(lines.length)}</span>
        </h2>
        <span className="muted">{t('mapping.saved.note')}</span>
        <span className="header-actions">
          <button type="button" className="small" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
            {open ? t('mapping.saved.hide') : t('mapping.saved.show')}
          </button>
        </span>
      </header>
      {open ? (
        <table className="dense-table" aria-label={t('mapping.saved.title')}>
          <thead>
            <tr>
              <th scope="col">{t('mapping.saved.col.name')}</th>
              <th scope="col">{t('mapping.saved.col.kind')}</th>
              <th scope="col" className="num">{t('mapping.saved.col.version')}</th>
              <th scope="col" className="num">{t('mapping.saved.col.versions')}</th>
              <th scope="col">{t('mapping.saved.col.savedAt')}</th>
              <th scope="col">{t('mapping.saved.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.name}>
                <td>{renaming === line.name ? <RenameForm line={line} onDone={() => setRenaming(null)} /> : line.name}</td>
                <td>{t(`mapping.kindOption.${line.latest.kind}`)}</td>
                <td className="num">{t('mapping.saved.versionValue', { version: line.latest.version })}</td>
                <td className="num">{formatCount(line.versions)}</td>
                <td>{saved(line.latest.createdAt)}</td>
                <td>
                  {renaming === line.name ? null : (
                    <span className="row-actions">
                      <button type="button" className="small" onClick={() => setRenaming(line.name)} aria-label={`${t('mapping.saved.rename')} ${line.name}`}>
                        {t('mapping.saved.rename')}
                      </button>
                      <button type="button" className="small" onClick={() => setDeleting(line)} aria-label={`${t('mapping.saved.delete')} ${line.name}`}>
                        {t('mapping.saved.delete')}
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {deleting ? <DeleteDialog line={deleting} onClose={() => setDeleting(null)} /> : null}
    </section>
  );
}
