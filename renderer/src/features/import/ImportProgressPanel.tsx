import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount, formatRate, splitDuration } from '../../components/format';
import { formatBytes } from './format-bytes';
import { useImportSession } from './import-session';

export function useDurationText(): (seconds: number) => string {
  const { t } = useTranslation();
  return (seconds) => {
    const { h, m, s } = splitDuration(seconds);
    if (h > 0) return t('duration.hours', { h, m });
    if (m > 0) return t('duration.minutes', { m, s: String(s).padStart(2, '0') });
    return t('duration.seconds', { s });
  };
}

/** The running import: how far (bytes, files, rows), how fast, how long still — and 取消. */
export function ImportProgressPanel() {
  const { t } = useTranslation();
  const duration = useDurationText();
  const { run, items, cancel, cancelError } = useImportSession();
  if (!run) return null;
  const progress = run.progress;
  const bytes = progress?.unit === 'bytes';
  return (
    <section className="panel import-running" aria-label={t('import.runningTitle')}>
      <header className="panel-header">
        <h2>{t('import.runningTitle')}</h2>
        <button type="button" className="small" disabled={run.jobId === null || run.cancelling} onClick={() => void cancel()}>
          {run.cancelling ? t('import.cancelling') : t('app.cancel')}
        </button>
      </header>
      <p className="run-items">
        <span className="muted">{t('import.runningItems')}</span>{' '}
        {items.map((item, index) => (
          <span key={item.id}>
            {index > 0 ? '、' : ''}
            <span className="path">{item.label}</span>
          </span>
        ))}
      </p>
      <progress
        className="import-bar"
        max={progress?.total ?? undefined}
        value={progress?.total ? progress.done : undefined}
        aria-label={t('import.runningTitle')}
      />
      <dl className="run-figures">
        {progress?.files ? (
          <div>
            <dt>{t('import.run.files')}</dt>
            <dd className="num">{t('import.run.filesValue', { done: formatCount(progress.files.done), total: formatCount(progress.files.total) })}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('import.run.rows')}</dt>
          <dd className="num">{formatCount(progress?.rows ?? (progress?.unit === 'rows' ? progress.done : 0))}</dd>
        </div>
        {bytes && progress ? (
          <div>
            <dt>{t('import.run.bytes')}</dt>
            <dd className="num">
              {progress.total === null ? formatBytes(progress.done) : `${formatBytes(progress.done)} / ${formatBytes(progress.total)}`}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('import.run.rate')}</dt>
          <dd className="num">
            {run.rowsPerSecond !== null ? t('import.run.rowsRate', { rate: formatRate(run.rowsPerSecond) }) : '—'}
            {bytes && progress?.ratePerSecond ? ` · ${formatBytes(progress.ratePerSecond)}/${t('import.run.second')}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('import.run.eta')}</dt>
          <dd className="num">{progress?.etaSeconds !== null && progress?.etaSeconds !== undefined ? duration(progress.etaSeconds) : '—'}</dd>
        </div>
      </dl>
      <p className="note">{progress ? t('import.runningNote') : t('import.preparing')}</p>
      <ErrorNotice error={cancelError} />
    </section>
  );
}
