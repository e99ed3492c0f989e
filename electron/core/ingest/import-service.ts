import type { MappingTemplate } from '@shared/domain';
import type { CaseSession } from '../cases/case-session';
import { toAppError } from '../api/router';
import { assertTimeZone } from '../cases/case-meta';
import { runImportJob } from './import-runner';
import type { ImportProgress, ImportReport } from './run-import';

export interface ImportCall {
  paths: readonly string[];
  operator: string;
  formatId?: string | undefined;
  /** saved column-mapping templates detection and --format may use */
  templates?: readonly MappingTemplate[] | undefined;
  timeZone?: string | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
}

/**
 * Import into an open case and record the outcome in its audit chain: what was imported, with each original's
 * hashes, or why the attempt failed (a failed attempt changes nothing else — ARCHITECTURE.md §5.6).
 */
export async function importIntoCase(session: CaseSession, call: ImportCall): Promise<ImportReport> {
  session.assertWritable();
  const timeZone = call.timeZone ?? session.meta().timeZone;
  assertTimeZone(timeZone);
  const params = { paths: call.paths, formatId: call.formatId ?? null, timeZone };
  try {
    const report = await runImportJob(session.db, {
      caseDir: session.caseDir,
      paths: call.paths,
      operator: call.operator,
      timeZone,
      formatId: call.formatId,
      templates: call.templates,
      signal: call.signal,
      onProgress: call.onProgress,
    });
    session.audit.append(call.operator, 'import.completed', {
      ...params,
      jobId: report.jobId,
      files: report.files.map((file) => ({
        file: file.file,
        status: file.status,
        sha256: file.sha256,
        sm3: file.sm3,
        format: file.format,
        imported: file.imported,
        rejected: file.rejected,
      })),
      quality: report.quality,
    });
    return report;
  } catch (error) {
    const appError = toAppError(error);
    session.audit.append(call.operator, 'import.failed', { ...params, error: appError.code, message: appError.message });
    throw appError;
  }
}
