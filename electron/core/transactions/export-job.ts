import { join, relative } from 'node:path';
import type { TxnExportResult, TxnFilter, TxnSort } from '@shared/domain';
import { toAppError } from '../api/router';
import { EXPORTS_DIR, type CaseSession } from '../cases/case-session';
import type { JobRegistry } from '../jobs';
import { exportTxns } from './txn-export';

/** Progress events at most this often: a million-row export would otherwise send hundreds. */
const PROGRESS_EVERY_MS = 250;

export interface ExportJobDeps {
  session: CaseSession;
  jobs: JobRegistry;
  /** append to the audit chain of the case the export reads (not whichever case is open when it ends) */
  audit: (action: string, params: unknown) => void;
  /**
   * Hold the case's one long-job slot for the export (Workspace.startCaseJob): no import commits under it and the case
   * is not closed or switched while it reads; `start` starts the job and returns its id.
   */
  claim: (start: (release: () => void) => string) => string;
}

/**
 * `txns.export` as a background job: progress in rows and a cancel button in the status bar, the call itself
 * answering when the file is written. The outcome is audited here — written (path inside the case, rows, SHA-256),
 * cancelled or failed — since the router audits jobs only through the job.
 */
export function runExportJob(deps: ExportJobDeps, input: { filter: TxnFilter; sort: TxnSort; format: 'csv' | 'xlsx' }): Promise<TxnExportResult> {
  const { session, jobs, audit, claim } = deps;
  const label = input.format === 'csv' ? '导出交易明细（CSV）' : '导出交易明细（XLSX）';
  const params = { format: input.format, filter: input.filter, sort: input.sort };
  return new Promise<TxnExportResult>((resolve, reject) => {
    claim((release) =>
      jobs.start(
        'export',
        { label, title: { key: 'export', format: input.format } },
        async (job) => {
          let reported = 0;
          const outcome = await exportTxns(session.db, {
            exportsDir: join(session.caseDir, EXPORTS_DIR),
            filter: input.filter,
            sort: input.sort,
            format: input.format,
            timeZone: session.meta().timeZone,
            signal: job.signal,
            onProgress: (done, total) => {
              const now = Date.now();
              if (done !== total && done !== 0 && now - reported < PROGRESS_EVERY_MS) return;
              reported = now;
              job.progress({ done, total, unit: 'rows' });
            },
          });
          audit('txns.export', { ...params, jobId: job.id, file: relative(session.caseDir, outcome.path), rows: outcome.rows, sha256: outcome.sha256 });
          return { ...outcome, jobId: job.id };
        },
        (outcome, jobId) => {
          release();
          if (outcome.ok) {
            resolve(outcome.value);
            return;
          }
          const appError = toAppError(outcome.error);
          try {
            audit(appError.code === 'CANCELLED' ? 'txns.export.cancelled' : 'txns.export.failed', { ...params, jobId, error: appError.code, message: appError.message });
          } catch {
            // the case was closed under a cancelled export (shutdown): there is no chain left to write to
          }
          reject(appError);
        },
      ),
    );
  });
}
