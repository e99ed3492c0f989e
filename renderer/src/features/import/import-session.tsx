import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { AppError, type EventPayload } from '@shared/api';
import type { InspectedFile, JobProgress } from '@shared/domain';
import { useClient, useEvent } from '../../app/client-context';
import { uploadFiles, type UploadEntry, type UploadFailure, type UploadProgress } from '../../app/upload';

export type Inspection =
  | { status: 'pending' }
  | { status: 'done'; files: InspectedFile[] }
  | { status: 'failed'; error: unknown };

/** One thing the user chose: a dropped file or folder (uploaded to the case's staging folder) or a typed path. */
export interface SelectionItem {
  id: string;
  /** the dropped file or folder name, or the path as typed */
  label: string;
  /** the path the backend inspects and imports */
  path: string;
  origin: 'upload' | 'path';
  inspection: Inspection;
}

export interface UploadRun {
  progress: UploadProgress;
  cancel: () => void;
}

export interface ImportRun {
  /** null until import.start answered */
  jobId: string | null;
  startedAt: number;
  progress: JobProgress | null;
  /** rows per second since the start, measured here (the job's own rate counts bytes) */
  rowsPerSecond: number | null;
  cancelling: boolean;
}

export type ImportFinished = EventPayload<'import.finished'>;

export interface ImportOutcome extends ImportFinished {
  /** uploads are removed from the staging folder after every attempt: they must be dropped again */
  hadUploads: boolean;
}

export interface ImportSession {
  items: SelectionItem[];
  upload: UploadRun | null;
  uploadFailures: UploadFailure[];
  uploadError: unknown;
  run: ImportRun | null;
  outcome: ImportOutcome | null;
  startError: unknown;
  cancelError: unknown;
  addUploads: (entries: UploadEntry[]) => Promise<void>;
  /** a dropped folder could not be read by the browser */
  reportUploadError: (error: unknown) => void;
  addPaths: (paths: string[]) => void;
  removeItem: (id: string) => void;
  /** inspect an item again (after a mapping template was saved, so detection now knows it) */
  reinspect: (id: string) => void;
  clearSelection: () => void;
  start: (options: { formatId?: string | undefined; timeZone?: string | undefined }) => Promise<void>;
  cancel: () => Promise<void>;
  dismissOutcome: () => void;
  dismissUploadProblems: () => void;
}

const ImportSessionContext = createContext<ImportSession | null>(null);

/** Events of jobs whose id we do not know yet: the event stream can beat the answer to import.start. */
const BUFFERED_JOBS = 16;

let nextItemId = 1;

function withProgress(run: ImportRun, progress: JobProgress | null): ImportRun {
  if (!progress) return run;
  const seconds = (Date.now() - run.startedAt) / 1000;
  const rowsPerSecond = progress.rows !== undefined && seconds > 0.5 ? progress.rows / seconds : run.rowsPerSecond;
  return { ...run, progress, rowsPerSecond };
}

/**
 * The import in progress for the open case, kept above the pages so that leaving the Import page never loses the
 * selection, the running job or its report (UX.md: never block, never lose).
 */
export function ImportSessionProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [items, setItems] = useState<SelectionItem[]>([]);
  const [upload, setUpload] = useState<UploadRun | null>(null);
  const [uploadFailures, setUploadFailures] = useState<UploadFailure[]>([]);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [run, setRun] = useState<ImportRun | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const [cancelError, setCancelError] = useState<unknown>(null);
  const jobId = useRef<string | null>(null);
  const runHadUploads = useRef(false);
  const buffered = useRef(new Map<string, { progress?: JobProgress; finished?: ImportFinished }>());

  useEffect(() => {
    // a file dropped beside the drop zone must not make the browser leave the app to show it
    const keep = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  const remember = (id: string, update: { progress?: JobProgress; finished?: ImportFinished }) => {
    const map = buffered.current;
    map.set(id, { ...map.get(id), ...update });
    while (map.size > BUFFERED_JOBS) {
      const oldest = map.keys().next().value;
      if (oldest === undefined) break;
      map.delete(oldest);
    }
  };

  const inspect = useCallback(
    (item: SelectionItem) => {
      const update = (inspection: Inspection) =>
        setItems((prev) => prev.map((candidate) => (candidate.id === item.id ? { ...candidate, inspection } : candidate)));
      client.call('import.inspect', { paths: [item.path] }).then(
        ({ files }) => update({ status: 'done', files }),
        (error: unknown) => update({ status: 'failed', error }),
      );
    },
    [client],
  );

  const addItems = useCallback(
    (added: Omit<SelectionItem, 'id' | 'inspection'>[]) => {
      const fresh = added.map((item) => ({ ...item, id: `item-${nextItemId++}`, inspection: { status: 'pending' } as const }));
      setItems((prev) => {
        const known = new Set(prev.map((item) => item.path));
        return [...prev, ...fresh.filter((item) => !known.has(item.path))];
      });
      fresh.forEach(inspect);
    },
    [inspect],
  );

  const addPaths = useCallback(
    (paths: string[]) => addItems(paths.map((path) => ({ label: path, path, origin: 'path' as const }))),
    [addItems],
  );

  const addUploads = useCallback(
    async (entries: UploadEntry[]) => {
      setUploadError(null);
      if (entries.length === 0) {
        setUploadError(new AppError('IMPORT_NOTHING', ''));
        return;
      }
      const controller = new AbortController();
      const cancel = () => controller.abort();
      const total = entries.reduce((sum, entry) => sum + entry.blob.size, 0);
      setUpload({ progress: { filesDone: 0, filesTotal: entries.length, bytesDone: 0, bytesTotal: total, current: null }, cancel });
      try {
        const result = await uploadFiles(entries, {
          signal: controller.signal,
          onProgress: (progress) => setUpload({ progress, cancel }),
        });
        if (result.failures.length > 0) setUploadFailures((prev) => [...prev, ...result.failures]);
        addItems(result.roots.map((root) => ({ label: root.name, path: root.path, origin: 'upload' as const })));
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'CANCELLED')) setUploadError(error);
      } finally {
        setUpload(null);
      }
    },
    [addItems],
  );

  const finish = useCallback((payload: ImportFinished) => {
    jobId.current = null;
    setRun(null);
    setOutcome({ ...payload, hadUploads: runHadUploads.current });
    // uploads leave the staging folder after every attempt; typed paths stay on disk and can be tried again
    setItems((prev) => (payload.ok ? [] : prev.filter((item) => item.origin === 'path')));
  }, []);

  useEvent('job.progressed', (progress) => {
    if (progress.kind !== 'import') return;
    if (jobId.current === progress.jobId) setRun((prev) => (prev ? withProgress(prev, progress) : prev));
    else remember(progress.jobId, { progress });
  });

  useEvent('import.finished', (payload) => {
    if (jobId.current === payload.jobId) finish(payload);
    else remember(payload.jobId, { finished: payload });
  });

  const start = useCallback(
    async (options: { formatId?: string | undefined; timeZone?: string | undefined }) => {
      const paths = items.map((item) => item.path);
      if (paths.length === 0) return;
      setStartError(null);
      setCancelError(null);
      setOutcome(null);
      runHadUploads.current = items.some((item) => item.origin === 'upload');
      setRun({ jobId: null, startedAt: Date.now(), progress: null, rowsPerSecond: null, cancelling: false });
      try {
        const input: { paths: string[]; formatId?: string; timeZone?: string } = { paths };
        if (options.formatId) input.formatId = options.formatId;
        if (options.timeZone) input.timeZone = options.timeZone;
        const answer = await client.call('import.start', input);
        jobId.current = answer.jobId;
        const early = buffered.current.get(answer.jobId);
        buffered.current.delete(answer.jobId);
        setRun((prev) => (prev ? withProgress({ ...prev, jobId: answer.jobId }, early?.progress ?? prev.progress) : prev));
        if (early?.finished) finish(early.finished);
      } catch (error) {
        setRun(null);
        setStartError(error);
      }
    },
    [client, items, finish],
  );

  const cancel = useCallback(async () => {
    const id = jobId.current;
    if (!id) return;
    setCancelError(null);
    setRun((prev) => (prev ? { ...prev, cancelling: true } : prev));
    try {
      await client.call('jobs.cancel', { jobId: id });
    } catch (error) {
      setCancelError(error);
      setRun((prev) => (prev ? { ...prev, cancelling: false } : prev));
    }
  }, [client]);

  const value: ImportSession = {
    items,
    upload,
    uploadFailures,
    uploadError,
    run,
    outcome,
    startError,
    cancelError,
    addUploads,
    reportUploadError: setUploadError,
    addPaths,
    removeItem: (id) => setItems((prev) => prev.filter((item) => item.id !== id)),
    reinspect: (id) => {
      const item = items.find((candidate) => candidate.id === id);
      if (item) inspect(item);
    },
    clearSelection: () => {
      setItems([]);
      setUploadFailures([]);
      setUploadError(null);
      setStartError(null);
    },
    start,
    cancel,
    dismissOutcome: () => setOutcome(null),
    dismissUploadProblems: () => {
      setUploadFailures([]);
      setUploadError(null);
    },
  };
  return <ImportSessionContext.Provider value={value}>{children}</ImportSessionContext.Provider>;
}

export function useImportSession(): ImportSession {
  const session = useContext(ImportSessionContext);
  if (!session) throw new Error('useImportSession outside ImportSessionProvider');
  return session;
}
