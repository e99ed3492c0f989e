import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/core/backend';
import { startLoopbackServer, type LoopbackServer } from '../../../electron/core/server/loopback-server';
import { useTempDirs } from '../../support/temp-dir';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP so the test controls Host and Origin exactly as a hostile page or a rebinding DNS name would. */
function send(server: LoopbackServer, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe('loopback server', () => {
  const tempDir = useTempDirs();
  let server: LoopbackServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  async function start(): Promise<LoopbackServer> {
    const root = tempDir();
    const staticDir = join(root, 'static');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<meta name="csp-nonce" content="__CSP_NONCE__"><div id="root"></div>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'do not serve');
    const backend = await createBackend({ host: 'serve', dataDir: join(root, 'data'), casesDir: join(root, 'cases'), version: 'test' });
    server = await startLoopbackServer({ backend, staticDir });
    return server;
  }

  it('binds 127.0.0.1 on a random port and prints the token only in the fragment', async () => {
    const s = await start();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(s.port).toBeGreaterThan(0);
    expect(s.launchUrl).toBe(`${s.url}#token=${s.token}`);
    expect(s.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers /api without the token with 401, and with a wrong token too', async () => {
    const s = await start();
    const host = `127.0.0.1:${s.port}`;
    const none = await send(s, '/api/app.info', { method: 'POST', headers: { host }, body: '{}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const wrong = await send(s, '/api/app.info', { method: 'POST', headers: { host, authorization: 'Bearer nope' }, body: '{}' });
    expect(wrong.status).toBe(401);
    const events = await send(s, '/api/events', { headers: { host } });
    expect(events.status).toBe(401);
  });

  it('serves a call with the token and returns errors as data', async () => {
    const s = await start();
    const headers = { host: `127.0.0.1:${s.port}`, authorization: `Bearer ${s.token}`, 'content-type': 'application/json' };
    const ok = await send(s, '/api/app.info', { method: 'POST', headers, body: '{}' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { host: 'serve', version: 'test', nativeDialogs: false } });
    const noCase = await send(s, '/api/cases.stats', { method: 'POST', headers, body: '{}' });
    expect(JSON.parse(noCase.body)).toMatchObject({ ok: false, error: { code: 'NO_CASE_OPEN' } });
    const notJson = await send(s, '/api/app.info', { method: 'POST', headers, body: '{oops' });
    expect(notJson.status).toBe(400);
  });

  it('refuses a foreign Origin and a foreign Host (DNS rebinding) even with the token', async () => {
    const s = await start();
    const auth = { authorization: `Bearer ${s.token}` };
    const foreignOrigin = await send(s, '/api/app.info', {
      method: 'POST',
      headers: { ...auth, host: `127.0.0.1:${s.port}`, origin: 'http://evil.example' },
      body: '{}',
    });
    expect(foreignOrigin.status).toBe(403);
    expect(JSON.parse(foreignOrigin.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ORIGIN' } });
    const rebound = await send(s, '/api/app.info', { method: 'POST', headers: { ...auth, host: `evil.example:${s.port}` }, body: '{}' });
    expect(rebound.status).toBe(403);
    const crossSite = await send(s, '/', { headers: { host: `127.0.0.1:${s.port}`, 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    const sameOrigin = await send(s, '/api/app.info', {
      method: 'POST',
      headers: { ...auth, host: `localhost:${s.port}`, origin: `http://localhost:${s.port}` },
      body: '{}',
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('serves the app with a strict CSP and a fresh nonce, and nothing outside its folder', async () => {
    const s = await start();
    const host = `127.0.0.1:${s.port}`;
    const first = await send(s, '/', { headers: { host } });
    const second = await send(s, '/', { headers: { host } });
    expect(first.status).toBe(200);
    const csp = String(first.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(first.body).toContain(`content="${nonce}"`);
    expect(first.body).not.toContain('__CSP_NONCE__');
    expect(second.body).not.toBe(first.body);
    expect((await send(s, '/assets/app.js', { headers: { host } })).headers['content-type']).toContain('javascript');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%00x']) {
      const reply = await send(s, path, { headers: { host } });
      expect(reply.body).not.toContain('do not serve');
    }
  });

  it('streams events to a client holding the token', async () => {
    const s = await start();
    const controller = new AbortController();
    const response = await fetch(`${s.url}api/events`, { headers: { authorization: `Bearer ${s.token}` }, signal: controller.signal });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const headers = { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' };
    const saved = (await (await fetch(`${s.url}api/operators.save`, { method: 'POST', headers, body: JSON.stringify({ name: '赵六', unit: '经侦', badge: '1' }) })).json()) as {
      value: { id: string };
    };
    await fetch(`${s.url}api/operators.select`, { method: 'POST', headers, body: JSON.stringify({ id: saved.value.id }) });
    await fetch(`${s.url}api/cases.create`, { method: 'POST', headers, body: JSON.stringify({ folderName: 'ev', meta: { caseName: 'E' } }) });
    let text = '';
    while (!text.includes('case.changed')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value as Uint8Array);
    }
    controller.abort();
    expect(text).toContain('"name":"case.changed"');
  });
});

describe('browser uploads', () => {
  const tempDir = useTempDirs();

  it('streams a dropped file into the case staging folder, refuses escaping paths, and an opened case starts clean', async () => {
    const root = tempDir();
    const staticDir = join(root, 'static');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<p>app</p>');
    const backend = await createBackend({ host: 'serve', dataDir: join(root, 'data'), casesDir: join(root, 'cases'), version: 't' });
    const server = await startLoopbackServer({ backend, staticDir });
    try {
      const json = { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' };
      const op = (await (await fetch(`${server.url}api/operators.save`, { method: 'POST', headers: json, body: JSON.stringify({ name: 'u', unit: '', badge: '' }) })).json()) as { value: { id: string } };
      await fetch(`${server.url}api/operators.select`, { method: 'POST', headers: json, body: JSON.stringify({ id: op.value.id }) });
      const created = (await (await fetch(`${server.url}api/cases.create`, { method: 'POST', headers: json, body: JSON.stringify({ folderName: 'up', meta: { caseName: 'up' } }) })).json()) as {
        value: { caseDir: string };
      };
      const upload = (path: string) =>
        fetch(`${server.url}api/upload`, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.token}`, 'x-upload-batch': 'batch-0001', 'x-upload-path': encodeURIComponent(path) },
          body: '交易卡号,交易金额\n1,2\n',
        }).then((r) => r.json() as Promise<{ ok: boolean; value?: { file: string; batchDir: string }; error?: { code: string } }>);
      const good = await upload('5104614320210702112732/工商银行交易明细信息.csv');
      expect(good.ok).toBe(true);
      expect(good.value?.file).toBe(join(created.value.caseDir, '.staging', 'batch-0001', '5104614320210702112732', '工商银行交易明细信息.csv'));
      expect(existsSync(good.value?.file ?? '')).toBe(true);
      for (const bad of ['../../evil.csv', '/etc/passwd', 'a/../../b.csv', 'a\\b.csv']) {
        expect(await upload(bad)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      }
      await fetch(`${server.url}api/cases.close`, { method: 'POST', headers: json, body: '{}' });
      await fetch(`${server.url}api/cases.open`, { method: 'POST', headers: json, body: JSON.stringify({ caseDir: created.value.caseDir }) });
      expect(existsSync(join(created.value.caseDir, '.staging'))).toBe(false);
    } finally {
      await server.close();
      await backend.close();
    }
  });
});
