import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SourceRecord } from '@shared/parsers/types';
import { unreadable } from './read-error';

/** Caps for legacy .xls parsing: SheetJS reads the whole workbook into memory, so it runs fenced off. */
export const XLS_LIMITS = { maxBytes: 200 * 1024 * 1024, heapMb: 1536, timeoutMs: 120_000 } as const;

/**
 * The worker: SheetJS CE 0.20.3 (the @e965/xlsx republish, pinned by integrity in package-lock.json — the npm
 * `xlsx` 0.18.5 has unfixed advisories on untrusted files) reads the workbook and posts each sheet's rows back as
 * text cells (formatted as Excel shows them). Plain JavaScript, loaded with eval so it runs the same from the
 * bundle and from the sources.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const XLSX = require(workerData.xlsx);
try {
  const book = XLSX.readFile(workerData.file, { cellDates: false, cellNF: false, cellHTML: false, cellFormula: false, dense: true });
  for (const name of book.SheetNames) {
    const rows = XLSX.utils.sheet_to_json(book.Sheets[name], { header: 1, raw: false, defval: '', blankrows: true });
    let batch = [];
    rows.forEach((cells, index) => {
      batch.push({ sheet: name, line: index + 1, cells: cells.map((cell) => (cell == null ? '' : String(cell))) });
      if (batch.length === 2000) { parentPort.postMessage({ rows: batch }); batch = []; }
    });
    if (batch.length) parentPort.postMessage({ rows: batch });
  }
  parentPort.postMessage({ done: true });
} catch (error) {
  parentPort.postMessage({ error: String(error && error.message || error) });
}
`;

interface XlsMessage {
  rows?: SourceRecord[];
  done?: boolean;
  error?: string;
}

export interface XlsOptions {
  file: string;
  displayName: string;
  size: number;
  signal?: AbortSignal;
}

/** Stream the rows of a legacy .xls workbook from a capped worker (memory, time); a damaged file fails clearly. */
export async function* readXls(options: XlsOptions): AsyncIterable<SourceRecord> {
  if (options.size > XLS_LIMITS.maxBytes) {
    throw unreadable(options.displayName, `legacy .xls larger than ${XLS_LIMITS.maxBytes / 1024 / 1024} MB: save it as .xlsx or CSV and import that`);
  }
  const xlsx = createRequire(__filename).resolve('@e965/xlsx');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file: options.file, xlsx },
    resourceLimits: { maxOldGenerationSizeMb: XLS_LIMITS.heapMb },
  });
  const queue: XlsMessage[] = [];
  let wake: (() => void) | null = null;
  const push = (message: XlsMessage): void => {
    queue.push(message);
    wake?.();
  };
  worker.on('message', (message: XlsMessage) => push(message));
  worker.on('error', (error) => push({ error: error.message }));
  worker.on('exit', (code) => push(code === 0 ? { done: true } : { error: `the .xls reader stopped (exit ${code}; out of memory?)` }));
  const timer = setTimeout(() => push({ error: `reading took longer than ${XLS_LIMITS.timeoutMs / 1000} s` }), XLS_LIMITS.timeoutMs);
  try {
    for (;;) {
      if (options.signal?.aborted) throw options.signal.reason;
      const message = queue.shift();
      if (!message) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      if (message.error) throw unreadable(options.displayName, `damaged or unsupported .xls workbook (${message.error})`);
      if (message.rows) yield* message.rows;
      if (message.done) return;
    }
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}
