import { isErrorCode, type ApiErrorData, type EventMessage, type Result, type Transport } from '@shared/api';
import { parseEventMessage } from './event-wire';

export interface HttpTransportOptions {
  /** the per-launch token from `#token=…`; null when the page was opened without it */
  token: string | null;
  /** '' = same origin (the loopback server serves the renderer too) */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** called once per 401 so the app can show how to get a valid address */
  onUnauthorized?: () => void;
  /** reconnect delays for the event stream */
  backoff?: { initialMs: number; maxMs: number };
}

export interface HttpTransport extends Transport {
  /** stop the event stream for good */
  close(): void;
}

/** Largest event line accepted; the stream is our own server's, but a runaway line must not eat memory. */
const MAX_LINE = 4 * 1024 * 1024;
/** A connection that stayed up this long counts as healthy: the next reconnect starts from the short delay. */
const HEALTHY_MS = 5000;

function failure(code: ApiErrorData['code'], message: string, details?: ApiErrorData['details']): Result<never> {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}

/** A body is a Result when it has the contract's shape; an unknown future error code becomes INTERNAL. */
function asResult(body: unknown): Result<unknown> | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  if (record.ok === true && 'value' in record) return { ok: true, value: record.value };
  if (record.ok !== false || typeof record.error !== 'object' || record.error === null) return null;
  const error = record.error as Record<string, unknown>;
  if (typeof error.message !== 'string') return null;
  if (!isErrorCode(error.code)) {
    return failure('INTERNAL', error.message, { originalCode: typeof error.code === 'string' ? error.code : null });
  }
  return { ok: false, error: error as unknown as ApiErrorData };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return null;
  }
}

/**
 * The loopback HTTP transport of ARCHITECTURE.md §2: `POST /api/<method>` with the bearer token; the reply body is
 * the Result JSON for every status. Events come from `GET /api/events` as newline-delimited JSON read over fetch
 * (not EventSource, so the Authorization header travels), reconnecting with exponential backoff.
 */
export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const backoff = options.backoff ?? { initialMs: 1000, maxMs: 30_000 };
  const listeners = new Set<(message: EventMessage) => void>();
  let stream: AbortController | null = null;
  let closed = false;

  const authHeaders = (): Record<string, string> =>
    options.token ? { Authorization: `Bearer ${options.token}` } : {};

  const unauthorized = (): void => options.onUnauthorized?.();

  async function call(method: string, input: unknown): Promise<Result<unknown>> {
    let response: Response;
    try {
      response = await doFetch(`${base}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...authHeaders() },
        body: JSON.stringify(input ?? {}),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return failure('INTERNAL', `cannot reach the Chainsight service: ${message}`, { transport: 'unreachable' });
    }
    const result = asResult(await readJson(response));
    if (result) {
      if (!result.ok && result.error.code === 'UNAUTHORIZED') unauthorized();
      return result;
    }
    if (response.status === 401) {
      unauthorized();
      return failure('UNAUTHORIZED', 'missing or wrong access token');
    }
    return failure('INTERNAL', `HTTP ${response.status} ${response.statusText}`.trim());
  }

  function emit(line: string): void {
    const text = line.trim();
    if (!text) return;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return;
    }
    const message = parseEventMessage(raw);
    if (!message) return;
    for (const listener of [...listeners]) listener(message);
  }

  async function readLines(body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      while (!signal.aborted) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let newline = buffer.indexOf('\n');
        while (newline >= 0) {
          emit(buffer.slice(0, newline));
          buffer = buffer.slice(newline + 1);
          newline = buffer.indexOf('\n');
        }
        if (buffer.length > MAX_LINE) buffer = '';
      }
      emit(buffer + decoder.decode());
    } finally {
      reader.releaseLock();
    }
  }

  function sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    });
  }

  async function runStream(signal: AbortSignal): Promise<void> {
    let delay = backoff.initialMs;
    while (!signal.aborted) {
      const started = Date.now();
      try {
        const response = await doFetch(`${base}/api/events`, { headers: authHeaders(), signal });
        if (response.status === 401) {
          unauthorized();
          return;
        }
        if (response.ok && response.body) await readLines(response.body, signal);
      } catch {
        // dropped or refused: retry below
      }
      if (signal.aborted) return;
      if (Date.now() - started >= HEALTHY_MS) delay = backoff.initialMs;
      await sleep(delay, signal);
      delay = Math.min(delay * 2, backoff.maxMs);
    }
  }

  function ensureStream(): void {
    if (stream || closed) return;
    const controller = new AbortController();
    stream = controller;
    void runStream(controller.signal).finally(() => {
      if (stream === controller) stream = null;
    });
  }

  function stopStream(): void {
    stream?.abort();
    stream = null;
  }

  return {
    call,
    on(listener) {
      listeners.add(listener);
      ensureStream();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stopStream();
      };
    },
    close() {
      closed = true;
      listeners.clear();
      stopStream();
    },
  };
}
