import { parentPort, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { toAppError } from '../api/router';
import { runImport, type ImportRequest } from './run-import';
import type { WorkerMessage, WorkerRequest } from './worker-protocol';

/**
 * Runs one import job off the main thread with its own connection to the case database (the main process holds the
 * writer lock and stays responsive). Progress and the result go back as messages; 'cancel' aborts and rolls back.
 */
async function main(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const request = workerData as WorkerRequest;
  const controller = new AbortController();
  port.on('message', (message: unknown) => {
    if (message === 'cancel') controller.abort(new Error('cancelled'));
  });
  const send = (message: WorkerMessage): void => port.postMessage(message);
  const db = openDatabase(join(request.caseDir, 'case.sqlite'), { readonly: false, create: false });
  try {
    const full: ImportRequest = { ...request, signal: controller.signal, onProgress: (progress) => send({ type: 'progress', progress }) };
    const report = await runImport(db, full);
    send({ type: 'done', report });
  } catch (error) {
    const appError = controller.signal.aborted ? toAppError(new Error('cancelled')) : toAppError(error);
    send({ type: 'failed', error: controller.signal.aborted ? { code: 'CANCELLED', message: 'The import was cancelled; nothing was written.' } : appError.toData() });
  } finally {
    db.close();
  }
}

void main();
