import { AppError, isErrorCode } from '@shared/api';
import { takeToken } from './token';

/** One file of a drop: its bytes (a File is a Blob the browser streams from disk) and its path inside the drop. */
export interface UploadEntry {
  blob: Blob;
  /** '/'-separated path inside what was dropped: `5104614320210702112732/广发银行交易明细信息.csv` or `流水.xlsx` */
  relPath: string;
}

export interface UploadProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  /** the file being sent now */
  current: string | null;
}

/** What the user dropped at the top level (a file or a folder), as a path on the server. */
export interface UploadRoot {
  name: string;
  path: string;
  isFolder: boolean;
}

export interface UploadFailure {
  relPath: string;
  error: AppError;
}

export interface UploadOutcome {
  batchId: string;
  /** the staging folder on the server; null when nothing arrived */
  batchDir: string | null;
  /** the top-level items, to inspect and import: a dropped folder keeps its name (it carries the 请求号) */
  roots: UploadRoot[];
  files: { relPath: string; path: string; size: number }[];
  /** files the server refused (e.g. a name it cannot store); the others still arrived */
  failures: UploadFailure[];
}

export interface UploadOptions {
  /** default: the per-launch token this tab keeps (the same source as the HTTP transport) */
  token?: string | null;
  baseUrl?: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  onProgress?: (progress: UploadProgress) => void;
  batchId?: string;
}

/** One random id per drop: 32 hex digits, within the server's 8–64 [A-Za-z0-9-]. */
export function newBatchId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

interface UploadAnswer {
  batchDir: string;
  file: string;
  size: number;
}

function isAnswer(value: unknown): value is UploadAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.batchDir === 'string' && typeof record.file === 'string' && typeof record.size === 'number';
}

/** The server's Result for one file: the stored path, or the error as an AppError with its stable code. */
async function readAnswer(response: Response): Promise<UploadAnswer> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: judged by the status below
  }
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (record.ok === true && isAnswer(record.value)) return record.value;
  if (record.ok === false && typeof record.error === 'object' && record.error !== null) {
    const error = record.error as Record<string, unknown>;
    const message = typeof error.message === 'string' ? error.message : `HTTP ${response.status}`;
    throw new AppError(isErrorCode(error.code) ? error.code : 'INTERNAL', message);
  }
  if (response.status === 401) throw new AppError('UNAUTHORIZED', 'missing or wrong access token');
  throw new AppError('INTERNAL', `HTTP ${response.status} ${response.statusText}`.trim());
}

/** The top-level path of `relPath` on the server, cut from the stored file's path (whatever its separator). */
function rootPath(answer: UploadAnswer, top: string): string {
  const { batchDir, file } = answer;
  if (file.startsWith(batchDir) && file.length > batchDir.length + top.length) return file.slice(0, batchDir.length + 1 + top.length);
  const sep = batchDir.includes('\\') && !batchDir.includes('/') ? '\\' : '/';
  return `${batchDir}${sep}${top}`;
}

/**
 * Browser mode (ARCHITECTURE.md §2): send dropped files to the loopback server, one `POST /api/upload` per file, the
 * body being the File itself so the browser streams it from disk (never read into a JS string). Files keep their
 * folder structure under one batch id per drop. A file the server refuses is listed and the rest continue; a
 * refused token, an unreachable server or a cancel stops the whole batch.
 */
export async function uploadFiles(entries: readonly UploadEntry[], options: UploadOptions = {}): Promise<UploadOutcome> {
  const batchId = options.batchId ?? newBatchId();
  const token = options.token === undefined ? takeToken() : options.token;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const base = options.baseUrl ?? '';
  const progress: UploadProgress = {
    filesDone: 0,
    filesTotal: entries.length,
    bytesDone: 0,
    bytesTotal: entries.reduce((sum, entry) => sum + entry.blob.size, 0),
    current: null,
  };
  const outcome: UploadOutcome = { batchId, batchDir: null, roots: [], files: [], failures: [] };
  const roots = new Map<string, UploadRoot>();

  for (const entry of entries) {
    if (options.signal?.aborted) throw new AppError('CANCELLED', 'upload cancelled');
    progress.current = entry.relPath;
    options.onProgress?.({ ...progress });
    const headers: Record<string, string> = {
      'Content-Type': 'application/octet-stream',
      'X-Upload-Batch': batchId,
      'X-Upload-Path': encodeURIComponent(entry.relPath),
    };
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await doFetch(`${base}/api/upload`, { method: 'POST', headers, body: entry.blob, signal: options.signal ?? null });
    } catch (error) {
      if (options.signal?.aborted) throw new AppError('CANCELLED', 'upload cancelled');
      const message = error instanceof Error ? error.message : String(error);
      throw new AppError('INTERNAL', `cannot reach the Chainsight service: ${message}`, { details: { transport: 'unreachable' } });
    }
    try {
      const answer = await readAnswer(response);
      outcome.batchDir = answer.batchDir;
      outcome.files.push({ relPath: entry.relPath, path: answer.file, size: answer.size });
      const parts = entry.relPath.split('/');
      const top = parts[0] ?? entry.relPath;
      if (!roots.has(top)) roots.set(top, { name: top, path: rootPath(answer, top), isFolder: parts.length > 1 });
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError('INTERNAL', String(error));
      if (appError.code === 'UNAUTHORIZED') throw appError;
      outcome.failures.push({ relPath: entry.relPath, error: appError });
    }
    progress.filesDone += 1;
    progress.bytesDone += entry.blob.size;
  }
  progress.current = null;
  options.onProgress?.({ ...progress });
  outcome.roots = [...roots.values()];
  return outcome;
}
