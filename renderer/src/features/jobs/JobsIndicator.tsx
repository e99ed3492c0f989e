import { useTranslation } from 'react-i18next';
import { useClient } from '../../app/client-context';
import { useAction } from '../../app/use-action';
import { describeError } from '../../i18n/errors';
import { formatCount, formatRate, splitDuration } from '../../components/format';
import { jobLabel } from './job-label';
import { useJobs, type JobView } from './use-jobs';

function useDuration(): (seconds: number) => string {
  const { t } = useTranslation();
  return (seconds) => {
    const { h, m, s } = splitDuration(seconds);
    if (h > 0) return t('duration.hours', { h, m });
    if (m > 0) return t('duration.minutes', { m, s: String(s).padStart(2, '0') });
    return t('duration.seconds', { s });
  };
}

function JobRow({ job, onDismiss }: { job: JobView; onDismiss: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const duration = useDuration();
  const cancel = useAction();
  const { progress, finished } = job;
  const unit = t(`jobs.units.${progress.unit}`);
  const done = formatCount(progress.done);
  const label = jobLabel(progress, t);
  return (
    <div className="job" role="group" aria-label={label}>
      <span className="job-label">{label}</span>
      {finished ? (
        <>
          <span className={finished.ok ? 'job-ok' : 'job-failed'}>
            {finished.ok ? t('jobs.finished') : t('jobs.failed', { message: finished.message ?? '' })}
          </span>
          {finished.ok ? null : (
            <button type="button" className="link-button" onClick={onDismiss}>
              {t('jobs.dismiss')}
            </button>
          )}
        </>
      ) : (
        <>
          <progress max={progress.total ?? undefined} value={progress.total ? progress.done : undefined} />
          <span className="num">
            {progress.total === null
              ? t('jobs.progressNoTotal', { done, unit })
              : t('jobs.progress', { done, total: formatCount(progress.total), unit })}
          </span>
          {progress.ratePerSecond !== null ? (
            <span className="num">{t('jobs.rate', { rate: formatRate(progress.ratePerSecond), unit })}</span>
          ) : null}
          {progress.etaSeconds !== null ? <span>{t('jobs.eta', { eta: duration(progress.etaSeconds) })}</span> : null}
          <button
            type="button"
            className="small"
            title={t('jobs.cancelTitle', { label })}
            disabled={cancel.pending}
            onClick={() => void cancel.run(() => client.call('jobs.cancel', { jobId: progress.jobId }))}
          >
            {t('jobs.cancel')}
          </button>
          {cancel.error ? <span className="job-failed">{describeError(cancel.error, t).title}</span> : null}
        </>
      )}
    </div>
  );
}

/** Background jobs in the status bar: rows, rate, time left and a cancel button; the page stays usable. */
export function JobsIndicator() {
  const { t } = useTranslation();
  const { jobs, dismiss } = useJobs();
  return (
    <div className="jobs" aria-label={t('jobs.label')} aria-live="polite">
      {jobs.length === 0 ? <span className="muted">{t('status.noJobs')}</span> : null}
      {jobs.map((job) => (
        <JobRow key={job.progress.jobId} job={job} onDismiss={() => dismiss(job.progress.jobId)} />
      ))}
    </div>
  );
}
