import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectedFile } from '@shared/domain';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount } from '../../components/format';
import { exactBytes, formatBytes } from './format-bytes';
import { isExplicit, percent } from './import-plan';
import { MappingPanel } from './MappingPanel';
import type { SelectionItem } from './import-session';
import { useTemplateCatalog } from './template-catalog';

function Preview({ rows }: { rows: string[][] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('import.previewEmpty')}</p>;
  const width = Math.max(...rows.map((row) => row.length));
  return (
    <div className="preview-scroll">
      <table className="dense-table preview-table" aria-label={t('import.preview')}>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              <th scope="row" className="num muted">{formatCount(index + 1)}</th>
              {Array.from({ length: width }, (_, column) => (
                <td key={column} title={row[column] ?? ''}>
                  {row[column] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StatusCell({ file }: { file: InspectedFile }) {
  const { t } = useTranslation();
  if (file.status === 'ok') return <span className="ok-text">{t('import.status.ok')}</span>;
  if (file.status === 'unreadable') {
    return (
      <span className="danger-text">
        {t('import.status.unreadable')}
        {file.problem ? <span className="status-detail">{file.problem}</span> : null}
      </span>
    );
  }
  return (
    <span className="warn-text">
      {t('import.status.unrecognised')}
      <span className="status-detail">{isExplicit(file) ? t('import.unrecognisedExplicit') : t('import.unrecognisedInFolder')}</span>
    </span>
  );
}

function FormatCell({ file }: { file: InspectedFile }) {
  const { t } = useTranslation();
  const [best, ...others] = file.candidates;
  if (!best) return <span className="muted">—</span>;
  return (
    <span>
      {best.name}
      {others.length > 0 ? (
        <span className="muted" title={others.map((c) => `${c.name} ${percent(c.confidence)}：${c.reason}`).join('\n')}>
          {' '}
          {t('import.otherCandidates', { n: formatCount(others.length) })}
        </span>
      ) : null}
    </span>
  );
}

function FileRow({ file, onReinspect }: { file: InspectedFile; onReinspect: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [mapping, setMapping] = useState(false);
  const { changed } = useTemplateCatalog();
  const best = file.candidates[0];
  return (
    <>
      <tr className={file.status === 'ok' ? undefined : `inspect-${file.status}`}>
        <td className="path" title={file.file}>
          {file.file}
        </td>
        <td className="num" title={exactBytes(file.size, t('jobs.units.bytes'))}>
          {formatBytes(file.size)}
        </td>
        <td>
          <FormatCell file={file} />
        </td>
        <td className="num">{best ? percent(best.confidence) : '—'}</td>
        <td className="reason">{best?.reason ?? ''}</td>
        <td>{file.encoding?.toUpperCase() ?? '—'}</td>
        <td>
          <StatusCell file={file} />
        </td>
        <td>
          <button type="button" className="small" aria-expanded={open} onClick={() => setOpen((v) => !v)} disabled={file.preview.length === 0}>
            {open ? t('import.hidePreview') : t('import.showPreview')}
          </button>
          {file.status === 'unrecognised' && file.preview.length > 0 ? (
            <button type="button" className="small" aria-expanded={mapping} onClick={() => setMapping((v) => !v)}>
              {t('mapping.open')}
            </button>
          ) : null}
        </td>
      </tr>
      {mapping ? (
        <tr className="preview-row">
          <td colSpan={8}>
            <MappingPanel
              file={file}
              onClose={() => setMapping(false)}
              onSaved={() => {
                setMapping(false);
                changed();
                onReinspect();
              }}
            />
          </td>
        </tr>
      ) : null}
      {open ? (
        <tr className="preview-row">
          <td colSpan={8}>
            <Preview rows={file.preview} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** What each chosen file is, before anything is written: format and why, encoding, status, the first rows. */
export function InspectTable({ items, onRemove, onReinspect }: { items: SelectionItem[]; onRemove: (id: string) => void; onReinspect: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <table className="dense-table inspect-table" aria-label={t('import.inspectTitle')}>
      <thead>
        <tr>
          <th scope="col">{t('import.col.file')}</th>
          <th scope="col" className="num">{t('import.col.size')}</th>
          <th scope="col">{t('import.col.format')}</th>
          <th scope="col" className="num">{t('import.col.confidence')}</th>
          <th scope="col">{t('import.col.reason')}</th>
          <th scope="col">{t('import.col.encoding')}</th>
          <th scope="col">{t('import.col.status')}</th>
          <th scope="col">{t('import.col.preview')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <Fragment key={item.id}>
            <tr className="item-row">
              <th scope="rowgroup" colSpan={8}>
                <span className="item-kind">{item.origin === 'upload' ? t('import.origin.upload') : t('import.origin.path')}</span>
                <span className="path">{item.label}</span>
                {item.inspection.status === 'done' ? (
                  <span className="muted num">{t('import.itemFiles', { n: formatCount(item.inspection.files.length) })}</span>
                ) : null}
                <button type="button" className="link-button" onClick={() => onRemove(item.id)} aria-label={t('import.removeItem', { name: item.label })}>
                  {t('import.remove')}
                </button>
              </th>
            </tr>
            {item.inspection.status === 'pending' ? (
              <tr>
                <td colSpan={8} className="muted">
                  {t('import.inspecting')}
                </td>
              </tr>
            ) : item.inspection.status === 'failed' ? (
              <tr>
                <td colSpan={8}>
                  <ErrorNotice error={item.inspection.error} />
                </td>
              </tr>
            ) : item.inspection.files.length === 0 ? (
              <tr>
                <td colSpan={8} className="muted">
                  {t('import.noFilesInItem')}
                </td>
              </tr>
            ) : (
              item.inspection.files.map((file) => <FileRow key={file.path} file={file} onReinspect={() => onReinspect(item.id)} />)
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
