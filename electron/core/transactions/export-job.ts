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
  /** append to the case's audit chain (the workspace's, which also announces it) */
  audit: (action: string, params: unknown) => void;
}

/**
 * `txns.export` as a background job: progress in rows and a cancel button in the status bar, the call itself
 * answering when the file is written. The outcome is audited here — written (path inside the case, rows, SHA-256),
 * cancelled or failed — since the router audits jobs only through the job.
 */
export async function runExportJob(deps: ExportJobDeps, input: { filter: TxnFilter; sort: TxnSort; format: 'csv' | 'xlsx' }): Promise<TxnExportResult> {
  const { session, jobs, audit } = deps;
  const label = input.format === 'csv' ? '导出交易明细（CSV）' : '导出交易明细（XLSX）';
  const params = { format: input.format, filter: input.filter, sort: input.sort };
  let jobId = '';
  try {
    return await jobs.run('export', { label, title: { key: 'export', format: input.format } }, async (job) => {
      jobId = job.id;
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
      audit('txns.export', { ...params, jobId, file: relative(session.caseDir, outcome.path), rows: outcome.rows, sha256: outcome.sha256 });
      return { ...outcome, jobId };
    });
  } catch (error) {
    const appError = toAppError(error);
    audit(appError.code === 'CANCELLED' ? 'txns.export.cancelled' : 'txns.export.failed', { ...params, jobId, error: appError.code, message: appError.message });
    throw appError;
  }
}
