import { useCallback, useRef, useState } from 'react';
import type { DetectRunInput, DetectRunReport, JobProgress } from '@shared/domain';
import { useClient, useEvent } from '../../app/client-context';
import { useAction } from '../../app/use-action';

export interface DetectRunState {
  jobId: string | null;
  progress: JobProgress | null;
  /** set once the job ended */
  finished: { ok: boolean; message: string | null } | null;
  report: DetectRunReport | null;
  running: boolean;
  pending: boolean;
  error: unknown;
  start: (input: DetectRunInput) => void;
  cancel: () => void;
  clearError: () => void;
}

/**
 * A detector run as a job: start it, follow its progress events, cancel it, and fetch its report when it ends.
 * Events of the job can arrive before the call that started it answers; they are kept until its id is known.
 */
export function useDetectRun(onFinished: () => void): DetectRunState {
  const client = useClient();
  const action = useAction();
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [finished, setFinished] = useState<{ ok: boolean; message: string | null } | null>(null);
  const [report, setReport] = useState<DetectRunReport | null>(null);
  const early = useRef(new Map<string, { progress?: JobProgress; finished?: { ok: boolean; message: string | null } }>());
  const current = useRef<string | null>(null);

  const finish = useCallback(
    (id: string, outcome: { ok: boolean; message: string | null }) => {
      setFinished(outcome);
      if (outcome.ok) {
        void client.call('detect.report', { jobId: id }).then(
          (answer) => setReport(answer.report),
          () => setReport(null),
        );
      }
      onFinished();
    },
    [client, onFinished],
  );

  useEvent('job.progressed', (payload) => {
    if (payload.kind !== 'detect') return;
    if (current.current === payload.jobId) setProgress(payload);
    else if (current.current === null) early.current.set(payload.jobId, { ...early.current.get(payload.jobId), progress: payload });
  });
  useEvent('job.finished', (payload) => {
    if (current.current === payload.jobId) finish(payload.jobId, { ok: payload.ok, message: payload.message });
    else if (current.current === null) early.current.set(payload.jobId, { ...early.current.get(payload.jobId), finished: { ok: payload.ok, message: payload.message } });
  });

  const start = useCallback(
    (input: DetectRunInput) => {
      setProgress(null);
      setFinished(null);
      setReport(null);
      early.current.clear();
      current.current = null;
      void action.run(async () => {
        const { jobId: id } = await client.call('detect.run', input);
        current.current = id;
        setJobId(id);
        const seen = early.current.get(id);
        early.current.clear();
        if (seen?.progress) setProgress(seen.progress);
        if (seen?.finished) finish(id, seen.finished);
      });
    },
    [action, client, finish],
  );

  const cancel = useCallback(() => {
    const id = current.current;
    if (id) void client.call('jobs.cancel', { jobId: id });
  }, [client]);

  return {
    jobId,
    progress,
    finished,
    report,
    running: jobId !== null && finished === null,
    pending: action.pending,
    error: action.error,
    start,
    cancel,
    clearError: action.clearError,
  };
}
