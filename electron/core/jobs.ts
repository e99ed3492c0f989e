import { randomUUID } from 'node:crypto';
import type { JobProgress } from '@shared/domain';
import type { EventBus } from './events';

export interface JobHandle {
  id: string;
  signal: AbortSignal;
  progress(update: Omit<JobProgress, 'jobId' | 'kind' | 'label' | 'title' | 'ratePerSecond' | 'etaSeconds'>): void;
}

/** what the job is, as data the screens word in their language */
export type JobTitle = NonNullable<JobProgress['title']>;

/** how a job is described: the Chinese line alone, or with its structured title */
export type JobLabel = string | { label: string; title: JobTitle };

/**
 * Background jobs (imports, analyses): each gets an AbortSignal for cancel and reports progress as events,
 * with the rate and time left computed here once for every kind of job. A job is described by its Chinese label and,
 * where the caller gives one, a structured title the screens put in words in either language.
 */
export class JobRegistry {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly bus: EventBus) {}

  async run<T>(kind: string, described: JobLabel, work: (job: JobHandle) => Promise<T>): Promise<T> {
    const { label, title } = typeof described === 'string' ? { label: described, title: undefined } : described;
    const id = randomUUID();
    const controller = new AbortController();
    this.running.set(id, controller);
    const started = Date.now();
    const handle: JobHandle = {
      id,
      signal: controller.signal,
      progress: ({ done, total, unit, ...extra }) => {
        const seconds = (Date.now() - started) / 1000;
        const rate = seconds > 0 ? done / seconds : null;
        const eta = rate && total !== null && rate > 0 ? Math.max(0, (total - done) / rate) : null;
        this.bus.emit('job.progressed', { jobId: id, kind, label, ...(title ? { title } : {}), done, total, unit, ratePerSecond: rate, etaSeconds: eta, ...extra });
      },
    };
    try {
      const result = await work(handle);
      this.bus.emit('job.finished', { jobId: id, ok: true, message: null });
      return result;
    } catch (error) {
      this.bus.emit('job.finished', { jobId: id, ok: false, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      this.running.delete(id);
    }
  }

  /** Start a job in the background and return its id at once; its outcome arrives as events. */
  start<T>(kind: string, label: JobLabel, work: (job: JobHandle) => Promise<T>, settled: (outcome: { ok: true; value: T } | { ok: false; error: unknown }, jobId: string) => void): string {
    let id = '';
    const promise = this.run(kind, label, (job) => {
      id = job.id;
      return work(job);
    });
    promise.then(
      (value) => settled({ ok: true, value }, id),
      (error: unknown) => settled({ ok: false, error }, id),
    );
    return id;
  }

  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    if (!controller) return false;
    controller.abort();
    return true;
  }
}
