import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError, isErrorCode } from '@shared/api';
import type { ImportReport } from '@shared/domain';
import { useHashRoute, type RouteId } from '../../app/routes';
import { useDisplayZone } from '../../app/display-zone';
import { formatCount, formatInstant } from '../../components/format';
import { describeError } from '../../i18n/errors';
import { exactBytes, formatBytes } from './format-bytes';
import { formatName } from './formats';
import { percent } from './import-plan';
import type { ImportOutcome } from './import-session';
import { HashText } from './HashText';

type FileReport = ImportReport['files'][number];

/** Rejected rows listed at once; the rest one click away (the backend keeps up to 500 per file). */
const ERRORS_SHOWN = 10;

function RowErrors({ file }: { file: FileReport }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  if (file.errors.length === 0) return null;
  const shown = all ? file.errors : file.errors.slice(0, ERRORS_SHOWN);
  return (
    <div className="report-errors">
      <span className="report-label">
        {file.errors.length < file.rejected
          ? t('report.errorsFirst', { n: formatCount(file.errors.length), total: formatCount(file.rejected) })
          : t('report.errors', { n: formatCount(file.errors.length) })}
      </span>
      <ul className="plain-list">
        {shown.map((error, index) => (
          <li key={index}>
            <span className="num">{error.sheet ? t('report.lineInSheet', { line: formatCount(error.line), sheet: error.sheet }) : t('report.line', { line: formatCount(error.line) })}</span>
            {t('import.colon')}
            {error.message}
            <span className="muted"> ({error.code})</span>
          </li>
        ))}
      </ul>
      {file.errors.length > ERRORS_SHOWN ? (
        <button type="button" className="link-button" onClick={() => setAll((v) => !v)}>
          {all ? t('report.showFewer') : t('report.showAll', { n: formatCount(file.errors.length) })}
        </button>
      ) : null}
    </div>
  );
}

/** why a file was skipped, in the screen's language when the backend gave a code (older reports: its sentence) */
function SkipText({ file }: { file: FileReport }) {
  const { t } = useTranslation();
  const zone = useDisplayZone();
  const skip = file.skip;
  if (!skip) return <>{file.reason}</>;
  if (skip.code === 'already-imported') {
    const importedAt = skip.importedAt ? formatInstant(skip.importedAt, zone) : '';
    return <>{t('report.skip.already-imported', { sourceId: skip.sourceId ?? '?', relPath: skip.relPath ?? '', importedAt })}</>;
  }
  return <>{t(`report.skip.${skip.code}`)}</>;
}

function FileDetails({ file }: { file: FileReport }) {
  const { t } = useTranslation();
  return (
    <div className="report-details">
      {file.reason ? (
        <div>
          <span className="report-label">{t('report.skipReason')}</span> <SkipText file={file} />
        </div>
      ) : null}
      {file.detectReason ? (
        <div>
          <span className="report-label">{t('report.detectReason')}</span> {file.detectReason}
        </div>
      ) : null}
      <RowErrors file={file} />
      {file.warnings.length > 0 ? (
        <div>
          <span className="report-label">{t('report.warnings')}</span>
          <ul className="plain-list">
            {file.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <details className="hash-details">
        <summary>{t('report.fullHashes')}</summary>
        <HashText label="SHA-256" value={file.sha256} full />
        <HashText label="SM3" value={file.sm3} full />
      </details>
    </div>
  );
}

function Summary({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const imported = report.files.filter((f) => f.status === 'imported');
  const sum = (key: 'rowsRead' | 'imported' | 'rejected') => report.files.reduce((total, file) => total + file[key], 0);
  const figures: [string, number][] = [
    [t('report.filesImported'), imported.length],
    [t('report.filesSkipped'), report.files.length - imported.length],
    [t('report.rowsRead'), sum('rowsRead')],
    [t('report.recordsImported'), sum('imported')],
    [t('report.rowsRejected'), sum('rejected')],
  ];
  const quality: [string, number, string][] = [
    [t('report.duplicates'), report.quality.duplicates, t('report.duplicatesNote')],
    [t('report.mirrorPairs'), report.quality.mirrorPairs, t('report.mirrorPairsNote')],
    [t('report.reversals'), report.quality.reversals, t('report.reversalsNote')],
    [t('report.balanceBreaks'), report.quality.balanceBreaks, t('report.balanceBreaksNote', { n: formatCount(report.quality.balanceRowsChecked) })],
  ];
  const merges = report.quality.accountMerges ?? 0;
  const undone = report.quality.accountMergesUndone ?? 0;
  if (merges > 0 || undone > 0) quality.push([t('report.accountMerges'), merges, undone > 0 ? t('report.accountMergesUndoneNote', { n: formatCount(undone) }) : t('report.accountMergesNote')]);
  const chats: [string, number, string][] = [
    [t('report.chatMessages'), report.chats.messages, t('report.chatMessagesNote')],
    [t('report.chatIdentifiers'), report.chats.identifiers, t('report.chatIdentifiersNote')],
    [t('report.chatAmounts'), report.chats.amounts, t('report.chatAmountsNote')],
    [t('report.chatLexiconHits'), report.chats.lexiconHits, t('report.chatLexiconHitsNote')],
    [t('report.chatTransferLinks'), report.chats.transferLinks, t('report.chatTransferLinksNote')],
    [t('report.chatDupClusters'), report.chats.dupClusters, t('report.chatDupClustersNote')],
  ];
  return (
    <div className="report-summary">
      <dl className="figures report-figures">
        {figures.map(([label, value]) => (
          <div key={label} className="figure">
            <dt>{label}</dt>
            <dd className="num">{formatCount(value)}</dd>
          </div>
        ))}
      </dl>
      <NotedFigures title={t('report.qualityTitle')} figures={quality} />
      {report.chats.messages > 0 ? <NotedFigures title={t('report.chatTitle')} figures={chats} /> : null}
    </div>
  );
}

/** A titled list of figures, each with the note that says what it counts. */
function NotedFigures({ title, figures }: { title: string; figures: readonly [string, number, string][] }) {
  return (
    <div>
      <h3>{title}</h3>
      <dl className="figures report-figures">
        {figures.map(([label, value, note]) => (
          <div key={label} className="figure" title={note}>
            <dt>
              {label}
              <span className="figure-note">{note}</span>
            </dt>
            <dd className="num">{formatCount(value)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function FileTable({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <table className="dense-table report-table" aria-label={t('report.filesTitle')}>
      <thead>
        <tr>
          <th scope="col">{t('report.col.result')}</th>
          <th scope="col">{t('report.col.file')}</th>
          <th scope="col">{t('report.col.format')}</th>
          <th scope="col">{t('report.col.encoding')}</th>
          <th scope="col" className="num">{t('report.col.size')}</th>
          <th scope="col" className="num">{t('report.col.rowsRead')}</th>
          <th scope="col" className="num">{t('report.col.imported')}</th>
          <th scope="col" className="num">{t('report.col.rejected')}</th>
          <th scope="col">SHA-256</th>
          <th scope="col">SM3</th>
        </tr>
      </thead>
      <tbody>
        {report.files.map((file, index) => (
          <Fragment key={`${file.file}-${index}`}>
            <tr className={file.status === 'imported' ? undefined : 'report-skipped'}>
              <td>{file.status === 'imported' ? <span className="ok-text">{t('report.imported')}</span> : <span className="warn-text">{t('report.skipped')}</span>}</td>
              <td className="path" title={file.file}>
                {file.file}
              </td>
              <td>
                {file.format ? formatName(file.format, language, file.formatName) : '—'}
                {file.confidence !== null ? <span className="muted num"> {percent(file.confidence)}</span> : null}
              </td>
              <td>{file.encoding?.toUpperCase() ?? '—'}</td>
              <td className="num" title={exactBytes(file.size, t('jobs.units.bytes'))}>
                {formatBytes(file.size)}
              </td>
              <td className="num">{formatCount(file.rowsRead)}</td>
              <td className="num">{formatCount(file.imported)}</td>
              <td className={file.rejected > 0 ? 'num danger-text' : 'num'}>{formatCount(file.rejected)}</td>
              <td>
                <HashText value={file.sha256} />
              </td>
              <td>
                <HashText value={file.sm3} />
              </td>
            </tr>
            <tr className="report-details-row">
              <td colSpan={10}>
                <FileDetails file={file} />
              </td>
            </tr>
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

/** Where an investigator goes after an import: the money first, then the rules, the rows and the chats. */
function NextSteps({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const [, navigate] = useHashRoute();
  const imported = report.files.reduce((total, file) => total + file.imported, 0);
  if (imported === 0) return null;
  const steps: [RouteId, string][] = [
    ['flow', t('report.nextFlow')],
    ['findings', t('report.nextFindings')],
    ['transactions', t('report.nextTransactions')],
  ];
  if (report.chats.messages > 0) steps.push(['chats', t('report.nextChats')]);
  return (
    <nav className="next-steps" aria-label={t('report.nextTitle')}>
      <span className="report-label">{t('report.nextTitle')}</span>
      {steps.map(([route, label], index) => (
        <button key={route} type="button" className={index === 0 ? 'primary small' : 'small'} onClick={() => navigate(route)}>
          {label}
        </button>
      ))}
    </nav>
  );
}

/** The outcome of an import: what was imported and skipped and why, rejected rows, hashes, quality checks. */
export function ImportReportView({ outcome, onClose, onShowSources }: { outcome: ImportOutcome; onClose: () => void; onShowSources: () => void }) {
  const { t } = useTranslation();
  if (!outcome.ok || !outcome.report) {
    const error = outcome.error ?? { code: 'INTERNAL', message: '' };
    const text = describeError(new AppError(isErrorCode(error.code) ? error.code : 'INTERNAL', error.message), t);
    const cancelled = error.code === 'CANCELLED';
    return (
      <section className="panel import-report" aria-label={t('report.failedTitle')}>
        <div className="notice notice-error" role="alert" data-code={text.code}>
          <strong>{cancelled ? t('report.cancelled') : t('report.failed', { title: text.title })}</strong>
          {text.detail && !cancelled ? <span className="notice-detail">{text.detail}</span> : null}
        </div>
        <p>{t('report.nothingWritten')}</p>
        {outcome.hadUploads ? <p className="muted">{t('report.uploadsGone')}</p> : null}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            {t('report.close')}
          </button>
        </div>
      </section>
    );
  }
  const report = outcome.report;
  return (
    <section className="panel import-report" aria-label={t('report.title')}>
      <header className="panel-header">
        <h2>{t('report.title')}</h2>
        <span className="ok-text">{t('report.done')}</span>
        <span className="header-actions">
          <button type="button" className="small" onClick={onShowSources}>
            {t('report.showSources')}
          </button>
          <button type="button" className="small" onClick={onClose}>
            {t('report.close')}
          </button>
        </span>
      </header>
      <NextSteps report={report} />
      <Summary report={report} />
      <FileTable report={report} />
    </section>
  );
}
