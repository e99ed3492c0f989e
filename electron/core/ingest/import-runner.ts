import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '@shared/api';
import type { Db } from '../db/connection';
import { findAppRoot } from '../paths';
import { runImport, type ImportReport, type ImportRequest } from './run-import';
import type { WorkerMessage, WorkerRequest } from './worker-protocol';

/** The bundled worker (electron-vite builds electron/core/ingest/import.worker.ts to out/main/import-worker.js). */
export function importWorkerPath(): string | null {
  const path = join(findAppRoot(__dirname), 'out', 'main', 'import-worker.js');
  return existsSync(path) && !process.env.VITEST ? path : null;
}

/**
 * Run an import job in a worker thread when the app is built (so the server and the window stay responsive),
 * in-process otherwise (tests run the TypeScript sources directly).
 */
export function runImportJob(db: Db, request: ImportRequest): Promise<ImportReport> {
  const script = importWorkerPath();
  if (!script) return runImport(db, request);
  const { signal, onProgress, formats: _formats, ...data } = request;
  const workerRequest: WorkerRequest = data;
  return new Promise<ImportReport>((resolve, reject) => {
    const worker = new Worker(script, { workerData: workerRequest });
    const cancel = (): void => worker.postMessage('cancel');
    signal?.addEventListener('abort', cancel, { once: true });
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        onProgress?.(message.progress);
        return;
      }
      settled = true;
      void worker.terminate();
      if (message.type === 'done') resolve(message.report);
      else reject(AppError.fromData(message.error));
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      signal?.removeEventListener('abort', cancel);
      if (!settled) reject(new AppError('INTERNAL', `The import worker stopped unexpectedly (exit ${code}).`));
    });
  });
}
