// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { AppError, createClient, type EventMessage } from '@shared/api';
import { createHttpTransport } from '../../../renderer/src/app/http-transport';
import { takeToken } from '../../../renderer/src/app/token';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe('loopback HTTP transport', () => {
  it('posts the input as JSON to /api/<method> with the bearer token and returns the value', async () => {
    const fetchMock = vi.fn((_url: RequestInfo | URL, _init?: RequestInit) =>
      Promise.resolve(jsonResponse(200, { ok: true, value: { closed: true } })),
    );
    const client = createClient(createHttpTransport({ token: 'tok-123', fetch: fetchMock }));
    await expect(client.call('cases.close', {})).resolves.toEqual({ closed: true });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/cases.close');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer tok-123');
    expect(JSON.parse(init?.body as string)).toEqual({});
  });

  it('turns a 401 into a thrown AppError UNAUTHORIZED and tells the app', async () => {
    const onUnauthorized = vi.fn();
    const fetchMock = vi.fn(() => Promise.resolve(new Response('Unauthorized', { status: 401 })));
    const client = createClient(createHttpTransport({ token: null, fetch: fetchMock, onUnauthorized }));
    const error = await client.call('app.info', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('UNAUTHORIZED');
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('keeps the error Result of a 4xx reply: code, message and details reach the caller', async () => {
    const fetchMock = vi.fn(() =>
      Promise.resolve(
        jsonResponse(409, {
          ok: false,
          error: { code: 'CASE_LOCKED', message: 'case is open in serve (pid 4242) by 王警官', details: { pid: 4242 } },
        }),
      ),
    );
    const client = createClient(createHttpTransport({ token: 't', fetch: fetchMock }));
    const error = (await client.call('cases.open', { caseDir: '/x.chainsight' }).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('CASE_LOCKED');
    expect(error.message).toContain('王警官');
    expect(error.details).toEqual({ pid: 4242 });
  });

  it('reports an unreachable server as an error, not a crash', async () => {
    const fetchMock = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    const client = createClient(createHttpTransport({ token: 't', fetch: fetchMock }));
    const error = (await client.call('app.info', {}).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('INTERNAL');
    expect(error.details?.transport).toBe('unreachable');
  });

  it('reads newline-delimited events split across chunks, drops malformed ones, and reconnects', async () => {
    let connections = 0;
    const fetchMock = vi.fn((url: RequestInfo | URL, init?: RequestInit) => {
      expect(url).toBe('/api/events');
      expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer t');
      connections += 1;
      if (connections === 1) {
        const first = new Response(
          streamOf([
            '{"name":"case.changed","payload":{"caseDir":"/a.chai',
            'nsight"}}\n{"name":"no.such","payload":{}}\nnot json\n',
            '{"name":"job.finished","payload":{"jobId":"j1","ok":false}}\n',
          ]),
        );
        return Promise.resolve(first);
      }
      return Promise.resolve(new Response(streamOf(['{"name":"audit.appended","payload":{"seq":7,"action":"cases.updateMeta"}}\n'])));
    });
    const transport = createHttpTransport({ token: 't', fetch: fetchMock, backoff: { initialMs: 1, maxMs: 2 } });
    const seen: EventMessage[] = [];
    const off = transport.on((message) => seen.push(message));
    await vi.waitFor(() => expect(seen.map((m) => m.name)).toContain('audit.appended'));
    off();
    transport.close();
    // job.finished without its `message` field does not match the contract, so it is dropped
    expect(seen[0]).toEqual({ name: 'case.changed', payload: { caseDir: '/a.chainsight' } });
    expect(seen.map((m) => m.name)).not.toContain('job.finished');
    expect(connections).toBeGreaterThanOrEqual(2);
  });

  it('stops the event stream on 401', async () => {
    const onUnauthorized = vi.fn();
    const fetchMock = vi.fn(() => Promise.resolve(new Response('', { status: 401 })));
    const transport = createHttpTransport({ token: 'old', fetch: fetchMock, onUnauthorized, backoff: { initialMs: 1, maxMs: 1 } });
    transport.on(() => undefined);
    await vi.waitFor(() => expect(onUnauthorized).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    transport.close();
  });
});

describe('token from the URL fragment', () => {
  it('takes #token=…, keeps it for the tab and removes it from the visible URL', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const replaceState = vi.fn();
    const token = takeToken({
      location: { hash: '#token=abc%2B1', pathname: '/', search: '' },
      history: { replaceState, state: null },
      storage,
    });
    expect(token).toBe('abc+1');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/');
    // after a reload the fragment is gone, the tab still has its token
    expect(takeToken({ location: { hash: '', pathname: '/', search: '' }, history: { replaceState, state: null }, storage })).toBe('abc+1');
  });
});
