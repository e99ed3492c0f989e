import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { AppError } from '@shared/api';
import type { CaseInfo, CaseMetaInput, HostKind, ImportReport, Operator } from '@shared/domain';
import { CaseSession } from '../cases/case-session';
import type { EventBus } from '../events';
import { importIntoCase } from '../ingest/import-service';
import { clearStaged } from '../ingest/staging';
import { generateDemo } from '../demo/generate';
import type { JobRegistry } from '../jobs';
import { toAppError } from '../api/router';
import { OperatorStore, operatorLabel } from './operators';
import { RecentCases } from './recent-cases';
import { TemplateStore } from './templates';

export type CaseJobKind = 'import' | 'detect' | 'export';

const BUSY_MESSAGE: Record<CaseJobKind, string> = {
  import: 'An import is running in this case',
  detect: 'A detector run is going on in this case',
  export: 'An export is being written from this case',
};

/**
 * The state of one backend: who is at the keyboard and which case is open (one at a time).
 * Shared by every client of that backend (Electron windows or browser tabs of one `serve`).
 */
export class Workspace {
  readonly operators: OperatorStore;
  readonly recent: RecentCases;
  readonly templates: TemplateStore;
  private session: CaseSession | null = null;
  /**
   * The long job writing into the open case, if any: an import (every other write waits for it) or a detector run
   * (which reads the whole case in batches, so no import may commit under it). One at a time.
   */
  private caseJob: { kind: CaseJobKind; jobId: string; settled: Promise<void> } | null = null;
  private readonly reports = new Map<string, ImportReport>();

  constructor(
    readonly host: Exclude<HostKind, 'cli'>,
    readonly dataDir: string,
    readonly casesDir: string,
    private readonly bus: EventBus,
    private readonly jobs: JobRegistry,
  ) {
    this.operators = new OperatorStore(dataDir);
    this.recent = new RecentCases(dataDir, casesDir);
    this.templates = new TemplateStore(dataDir);
  }

  get current(): CaseSession | null {
    return this.session;
  }

  requireCase(): CaseSession {
    if (!this.session) throw new AppError('NO_CASE_OPEN', 'No case is open: open or create one first.');
    return this.session;
  }

  requireOperator(): Operator {
    const operator = this.operators.current();
    if (!operator) throw new AppError('NO_OPERATOR', 'Choose an operator profile (name, unit, badge number) first.');
    return operator;
  }

  operatorLabel(): string {
    return operatorLabel(this.requireOperator());
  }

  createCase(input: { parentDir?: string | undefined; folderName: string; meta: CaseMetaInput }): CaseInfo {
    const owner = { host: this.host, operator: this.operatorLabel() };
    if (/[\\/]|^\.\.?$/.test(input.folderName)) {
      throw new AppError('BAD_INPUT', 'The case folder name cannot contain / or \\.');
    }
    const parent = resolve(input.parentDir ?? this.casesDir);
    mkdirSync(parent, { recursive: true });
    this.closeCase();
    const session = CaseSession.create(join(parent, input.folderName), input.meta, owner);
    return this.adopt(session);
  }

  /**
   * The demo case of the first run: the generator's fictional network (deterministic for its seed) in
   * `<cases>/demo-data/seed-N`, a case `demo-seed-N.chainsight` beside it, and its import started.
   */
  async createDemoCase(seed: number, txns: number): Promise<{ case: CaseInfo; jobId: string; dataDir: string }> {
    this.requireOperator();
    const dataDir = join(resolve(this.casesDir), 'demo-data', `seed-${seed}`);
    await generateDemo({ dir: dataDir, seed, txns });
    const info = this.createCase({
      folderName: `demo-seed-${seed}`,
      meta: { caseName: `演示案件（虚构数据，种子 ${seed}）`, caseNumber: `DEMO-${seed}`, cause: '演示：代理退保、反催收、贷款中介、恶意逃废债、信用卡套现' },
    });
    const jobId = this.startImport({ paths: [dataDir] });
    return { case: info, jobId, dataDir };
  }

  openCase(caseDir: string): CaseInfo {
    const owner = { host: this.host, operator: this.operatorLabel() };
    const target = resolve(caseDir);
    if (this.session?.caseDir === target) return this.session.info();
    this.closeCase();
    return this.adopt(CaseSession.open(target, owner, 'write'));
  }

  /**
   * Close the open case. A running import, detector run or export makes the user cancel it first. `force` cancels it
   * here without waiting (shutdown() waits for it first): an import's transaction then never commits unless it was
   * already committing.
   */
  closeCase(options: { force?: boolean } = {}): boolean {
    if (!this.session) return false;
    if (this.caseJob) {
      if (!options.force) {
        throw new AppError('CASE_BUSY', `${BUSY_MESSAGE[this.caseJob.kind]}; cancel it before closing the case.`, { details: { jobId: this.caseJob.jobId, kind: this.caseJob.kind } });
      }
      this.jobs.cancel(this.caseJob.jobId);
      this.caseJob = null;
    }
    const session = this.session;
    this.session = null;
    session.close();
    this.bus.emit('case.changed', { caseDir: null });
    return true;
  }

  audit(action: string, params: unknown): void {
    this.auditIn(this.requireCase(), action, params);
  }

  /** Append to one session's audit chain: a job audits into the case it ran in, whatever is open when it ends. */
  auditIn(session: CaseSession, action: string, params: unknown): void {
    const entry = session.audit.append(this.operatorLabel(), action, params);
    if (session === this.session) this.bus.emit('audit.appended', { seq: entry.seq, action: entry.action });
  }

  /** Writes wait while an import runs (its transaction holds the case); tags and notes may go on during a detector run. */
  assertNotBusy(): void {
    if (this.caseJob?.kind === 'import') throw this.busyError(this.caseJob);
  }

  /**
   * Start a long job on the open case (import, detector run, export) when none is running; the slot is freed when
   * the job settles, whatever its outcome.
   */
  startCaseJob(kind: CaseJobKind, start: (release: () => void) => string): string {
    if (this.caseJob) throw this.busyError(this.caseJob);
    let settled = false;
    let jobId = '';
    let markSettled = (): void => undefined;
    const settledPromise = new Promise<void>((resolve) => (markSettled = resolve));
    const release = (): void => {
      settled = true;
      markSettled();
      if (this.caseJob?.jobId === jobId) this.caseJob = null;
    };
    jobId = start(release);
    if (!settled) this.caseJob = { kind, jobId, settled: settledPromise };
    return jobId;
  }

  /**
   * On shutdown: cancel the long job of the open case and wait for it to end (an import's worker may be past the
   * point where a cancel is seen, in its final commit: its audit entry must still reach the case), then close.
   */
  async shutdown(graceMs = 60_000): Promise<void> {
    const job = this.caseJob;
    if (job) {
      this.jobs.cancel(job.jobId);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([job.settled, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
    }
    this.closeCase({ force: true });
  }

  private busyError(job: { kind: CaseJobKind; jobId: string }): AppError {
    return new AppError('CASE_BUSY', `${BUSY_MESSAGE[job.kind]}; wait for it to finish or cancel it.`, { details: { jobId: job.jobId, kind: job.kind } });
  }

  /** Start an import job in the background; progress and the outcome arrive as events. */
  startImport(input: { paths: string[]; formatId?: string | undefined; timeZone?: string | undefined }): string {
    const session = this.requireCase();
    session.assertWritable();
    const operator = this.operatorLabel();
    // the names the user chose, not the staging folder an upload went through
    const names = input.paths.map((path) => basename(path));
    const label = names.length <= 2 ? `导入 ${names.join('、')}` : `导入 ${names[0] ?? ''} 等 ${names.length} 项`;
    return this.startCaseJob('import', (release) =>
      this.jobs.start(
        'import',
        { label, title: { key: 'import', names: names.slice(0, 2), count: names.length } },
        (job) =>
          importIntoCase(session, {
            ...input,
            operator,
            templates: this.templates.list(),
            signal: job.signal,
            onProgress: (p) =>
              job.progress({ done: p.bytesDone, total: p.bytesTotal, unit: 'bytes', rows: p.rows, files: { done: p.filesDone, total: p.filesTotal } }),
          }),
        (outcome, id) => {
          release();
          void clearStaged(session.caseDir, input.paths);
          if (outcome.ok) {
            this.reports.set(id, outcome.value);
            this.bus.emit('import.finished', { jobId: id, ok: true, report: outcome.value, error: null });
          } else {
            const error = toAppError(outcome.error);
            this.bus.emit('import.finished', { jobId: id, ok: false, report: null, error: { code: error.code, message: error.message } });
          }
          this.bus.emit('case.changed', { caseDir: session.caseDir });
        },
      ),
    );
  }

  importReport(jobId: string): ImportReport | null {
    return this.reports.get(jobId) ?? null;
  }

  private adopt(session: CaseSession): CaseInfo {
    this.session = session;
    const info = session.info();
    this.recent.remember({ caseDir: info.caseDir, caseNumber: info.meta.caseNumber, caseName: info.meta.caseName });
    this.bus.emit('case.changed', { caseDir: info.caseDir });
    return info;
  }
}
