import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceInfo } from '@shared/domain';
import { formatCount, formatInstant } from '../../components/format';
import { exactBytes, formatBytes } from '../import/format-bytes';
import { formatName } from '../import/formats';
import { percent } from '../import/import-plan';
import { HashText } from '../import/HashText';
import { AcquisitionForm } from './AcquisitionForm';
import { GradeText } from './GradeText';

/** One 检材 in full: where it came from, its integrity values, what was read from it; acquisition details editable. */
export function SourcePanel({
  source,
  zone,
  readOnly,
  onClose,
  onSaved,
}: {
  source: SourceInfo;
  zone: string;
  readOnly: boolean;
  onClose: () => void;
  onSaved: (source: SourceInfo) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const rows: [string, string, string?][] = [
    [t('sources.col.relPath'), source.relPath],
    [t('sources.col.size'), formatBytes(source.size), exactBytes(source.size, t('jobs.units.bytes'))],
    [t('sources.col.format'), formatName(source.format, language), source.format],
    [t('sources.detect'), `${percent(source.confidence)} · ${source.detectReason}`],
    [t('sources.encoding'), source.encoding.toUpperCase()],
    [t('sources.timeZone'), source.timeZone],
    [t('sources.col.importedAt'), formatInstant(source.importedAt, zone), source.importedAt],
    [t('sources.storedPath'), source.storedPath],
  ];

  return (
    <aside className="side-panel" aria-label={t('sources.panelTitle', { file: source.file })}>
      <header className="side-panel-header">
        <h2 title={source.file}>{source.file}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('app.close')}>
          ×
        </button>
      </header>
      <div className="side-panel-body">
        <GradeText grade={source.grade} long />
        <dl className="detail-list">
          {rows.map(([label, value, title]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd title={title}>{value}</dd>
            </div>
          ))}
          <div>
            <dt>{t('sources.counts')}</dt>
            <dd className="num">
              {t('sources.countsValue', { read: formatCount(source.rowsRead), imported: formatCount(source.imported), rejected: formatCount(source.rejected) })}
            </dd>
          </div>
        </dl>
        {source.warnings.length > 0 ? (
          <div className="detail-warnings">
            <h3>{t('report.warnings')}</h3>
            <ul className="plain-list">
              {source.warnings.map((warning, index) => (
                <li key={index}>{warning}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <h3>{t('sources.integrity')}</h3>
        <HashText label="SHA-256" value={source.sha256} full />
        <HashText label="SM3" value={source.sm3} full />
        <AcquisitionForm key={source.id} source={source} readOnly={readOnly} onSaved={onSaved} />
      </div>
    </aside>
  );
}
