import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobProgress } from '@shared/domain';
import { useEvent } from '../../app/client-context';

export interface JobView {
  progress: JobProgress;
  /** set once `job.finished` arrived */
  finished: { ok: boolean; message: string | null } | null;
}

/** How long a successful job stays visible after it finished. */
const KEEP_FINISHED_MS = 4000;

/**
 * Background jobs as the status bar shows them, from `job.progressed` / `job.finished`. Failed jobs stay until
 * dismissed (never lose the news that an import failed); successful ones fade out.
 */
export function useJobs(): { jobs: JobView[]; dismiss: (jobId: string) => void } {
  const [jobs, setJobs] = useState<ReadonlyMap<string, JobView>>(new Map());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((jobId: string) => {
    const timer = timers.current.get(jobId);
    if (timer) clearTimeout(timer);
    timers.current.delete(jobId);
    setJobs((prev) => {
      const next = new Map(prev);
      next.delete(jobId);
      return next;
    });
  }, []);

  useEvent('job.progressed', (progress) => {
    setJobs((prev) => new Map(prev).set(progress.jobId, { progress, finished: prev.get(progress.jobId)?.finished ?? null }));
  });

  useEvent('job.finished', ({ jobId, ok, message }) => {
    setJobs((prev) => {
      const known = prev.get(jobId)?.progress;
      const progress: JobProgress = known ?? {
        jobId,
        kind: 'job',
        label: jobId,
        done: 0,
        total: null,
        unit: 'steps',
        ratePerSecond: null,
        etaSeconds: null,
      };
      return new Map(prev).set(jobId, { progress, finished: { ok, message } });
    });
    if (ok) timers.current.set(jobId, setTimeout(() => dismiss(jobId), KEEP_FINISHED_MS));
  });

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  return { jobs: [...jobs.values()], dismiss };
}
