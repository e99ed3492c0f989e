import type { EventMessage, Result } from '@shared/api';
import type { HostKind } from '@shared/domain';

/** Native dialogs exist only in Electron; other hosts leave them out and the router answers NOT_SUPPORTED_BY_HOST. */
export interface HostDialogs {
  pickFolder(options: { title?: string }): Promise<string | null>;
  pickSavePath(options: { title?: string; defaultName: string }): Promise<string | null>;
  /** files to import, several at once (and folders where the platform's dialog mixes them); [] when cancelled */
  pickFiles(options: { title?: string }): Promise<string[]>;
}

export interface BackendOptions {
  host: Exclude<HostKind, 'cli'>;
  /** app-level data: operator profiles, recent cases (not case data) */
  dataDir: string;
  /** default parent folder for new cases; `serve --cases DIR` sets it */
  casesDir: string;
  version: string;
  dialogs?: HostDialogs;
}

/** The Electron-free backend as every host sees it: raw calls in, results and events out. */
export interface Backend {
  dispatch(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (message: EventMessage) => void): () => void;
  /** where an uploaded file (browser mode) is written before it is imported; needs an open, writable case */
  uploadTarget(batch: string, relPath: string): { batchDir: string; file: string };
  /** open a case at start (`serve <caseDir>`) */
  openCase(caseDir: string): Promise<void>;
  close(): Promise<void>;
}
