import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { toAppError } from '../api/router';
import { AppError, type ApiErrorData, type Result } from '@shared/api';
import type { Backend } from '../host';
import { contentSecurityPolicy, injectNonce, newNonce } from '../security/csp';
import { mimeType, readStaticFile, resolveStaticPath } from './static-files';

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const MAX_UPLOAD_BYTES = 8 * 1024 ** 3;
const HEARTBEAT_MS = 15_000;

export interface LoopbackServer {
  url: string;
  /** the URL to open in a browser: the token travels in the fragment, never in a request line */
  launchUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export interface LoopbackOptions {
  backend: Backend;
  /** built renderer (out/renderer) */
  staticDir: string;
  port?: number;
  token?: string;
}

/**
 * The browser transport of ARCHITECTURE.md §2: 127.0.0.1 only, random port, a per-launch token on every /api call
 * and on the event stream, and Host/Origin checks against DNS rebinding and cross-site requests.
 */
export async function startLoopbackServer(options: LoopbackOptions): Promise<LoopbackServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  let port = 0;
  const streams = new Set<ServerResponse>();

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendResult(response, 500, { ok: false, error: internal(error) });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setCommonHeaders(response);
    if (!isOwnHost(request.headers.host, port) || !isOwnOrigin(request, port)) {
      sendResult(response, 403, fail('FORBIDDEN_ORIGIN', 'Requests must come from this server\'s own page.'));
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      if (!hasToken(request, tokenBytes)) {
        sendResult(response, 401, fail('UNAUTHORIZED', 'Missing or wrong token: open the URL printed by chainsight serve.'));
        return;
      }
      await handleApi(url.pathname.slice('/api/'.length), request, response);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    await serveStatic(url.pathname, response);
  }

  async function handleApi(route: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (route === 'events' && request.method === 'GET') {
      openEventStream(response);
      return;
    }
    if (route === 'upload' && request.method === 'POST') {
      sendResult(response, 200, await receiveUpload(request));
      return;
    }
    if (request.method !== 'POST') {
      sendResult(response, 405, fail('BAD_INPUT', 'Use POST /api/<method>.'));
      return;
    }
    let input: unknown;
    try {
      const body = await readBody(request);
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch (error) {
      sendResult(response, error instanceof AppError ? 413 : 400, fail('BAD_INPUT', 'The request body must be JSON (at most 10 MB).'));
      return;
    }
    sendResult(response, 200, await options.backend.dispatch(route, input));
  }

  /** A dropped file in browser mode: streamed to the case's staging folder, never held in memory. */
  async function receiveUpload(request: IncomingMessage): Promise<Result<unknown>> {
    try {
      const batch = String(request.headers['x-upload-batch'] ?? '');
      const relPath = decodeURIComponent(String(request.headers['x-upload-path'] ?? ''));
      const target = options.backend.uploadTarget(batch, relPath);
      await mkdir(dirname(target.file), { recursive: true });
      let size = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > MAX_UPLOAD_BYTES) callback(new AppError('BAD_INPUT', 'Upload larger than 8 GB refused.'));
          else callback(null, chunk);
        },
      });
      await pipeline(request, limit, createWriteStream(target.file, { flags: 'wx' }));
      return { ok: true, value: { batchDir: target.batchDir, file: target.file, size } };
    } catch (error) {
      request.resume();
      return { ok: false, error: toAppError(error).toData() };
    }
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' });
    response.flushHeaders();
    streams.add(response);
    const unsubscribe = options.backend.onEvent((message) => response.write(`${JSON.stringify(message)}\n`));
    const heartbeat = setInterval(() => response.write('\n'), HEARTBEAT_MS);
    response.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(response);
    });
  }

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    const wanted = pathname === '/' ? '/index.html' : pathname;
    const file = resolveStaticPath(options.staticDir, wanted);
    if (file === null) {
      response.writeHead(404).end();
      return;
    }
    // the renderer routes in the URL fragment, so only real files exist here (no fallback to the page)
    const content = await readStaticFile(file);
    if (content === null) {
      response.writeHead(404).end();
      return;
    }
    const nonce = newNonce();
    const isHtml = file.endsWith('.html');
    response.writeHead(200, {
      'Content-Type': mimeType(file),
      'Content-Security-Policy': contentSecurityPolicy(nonce),
      'Cache-Control': isHtml ? 'no-store' : 'private, max-age=3600',
    });
    response.end(isHtml ? injectNonce(content.toString('utf8'), nonce) : content);
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;

  return {
    url,
    launchUrl: `${url}#token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolvePromise) => {
        for (const stream of streams) stream.end();
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}

function setCommonHeaders(response: ServerResponse): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader('X-Frame-Options', 'DENY');
}

/** Only our own address: a DNS-rebinding page arrives with its own host name. */
export function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function isOwnOrigin(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) return false;
  const site = request.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

function hasToken(request: IncomingMessage, expected: Buffer): boolean {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new AppError('BAD_INPUT', 'Request body too large.'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolvePromise(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function fail(code: ApiErrorData['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function internal(error: unknown): ApiErrorData {
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

function sendResult(response: ServerResponse, status: number, result: Result<unknown>): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(result));
}
