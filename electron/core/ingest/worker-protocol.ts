import type { ApiErrorData } from '@shared/api';
import type { ImportProgress, ImportReport, ImportRequest } from './run-import';

/** What the main thread sends to the import worker (functions and signals stay on the main side). */
export type WorkerRequest = Omit<ImportRequest, 'signal' | 'onProgress' | 'formats'>;

export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; report: ImportReport }
  | { type: 'failed'; error: ApiErrorData };
