import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy, NONCE_PLACEHOLDER } from '../../../electron/core/security/csp';
import { createAppHandler, handleAppProtocol, registerAppScheme } from '../../../electron/main/protocol';
import { protocol, resetElectronMock } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

const SECRET = 'root:x:0:0:seized-case-data';
const FONT = new Uint8Array([0x77, 0x4f, 0x46, 0x32, 0, 1, 2, 3]);
let base: string;
let rendererDir: string;

const get = (url: string, method = 'GET'): Promise<Response> => createAppHandler(rendererDir)({ url, method });

function nonceOf(html: string): string {
  const match = /<meta name="csp-nonce" content="([^"]+)">/.exec(html);
  if (!match?.[1]) throw new Error(`no nonce in ${html}`);
  return match[1];
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'chainsight-protocol-'));
  rendererDir = join(base, 'out', 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    join(rendererDir, 'index.html'),
    `<html><head><meta name="csp-nonce" content="${NONCE_PLACEHOLDER}"><style nonce="${NONCE_PLACEHOLDER}"></style></head></html>`,
  );
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(rendererDir, 'assets', 'noto.woff2'), FONT);
  // beside the renderer, as the case folders and the rest of the disk are
  await writeFile(join(base, 'out', 'secret.txt'), SECRET);
  await writeFile(join(base, 'secret.txt'), SECRET);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('app:// protocol', () => {
  beforeEach(() => resetElectronMock());

  it('registers app as a standard, secure, fetch-capable scheme', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves index.html with a fresh nonce that matches the CSP header', async () => {
    const first = await get('app://chainsight/index.html');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await first.text();
    expect(html).not.toContain(NONCE_PLACEHOLDER);
    const nonce = nonceOf(html);
    expect(html).toContain(`<style nonce="${nonce}">`);
    expect(first.headers.get('content-security-policy')).toBe(contentSecurityPolicy(nonce));
    expect(first.headers.get('content-security-policy')).toContain(`'nonce-${nonce}'`);

    const second = nonceOf(await (await get('app://chainsight/')).text());
    expect(second).not.toBe(nonce);
  });

  it('sets the CSP and nosniff on every response, with the right MIME types', async () => {
    const script = await get('app://chainsight/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toMatch(/^default-src 'self'; /);
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');

    const font = await get('app://chainsight/assets/noto.woff2');
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(FONT);
    expect(font.headers.get('content-security-policy')).toMatch(/^default-src 'self'; /);

    const missing = await get('app://chainsight/assets/none.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toMatch(/^default-src 'self'; /);
  });

  it.each([
    'app://chainsight/../../etc/passwd',
    'app://chainsight/..%2f..%2f..%2fetc%2fpasswd',
    'app://chainsight/..%2fsecret.txt',
    'app://chainsight/..%2f..%2fsecret.txt',
    'app://chainsight/assets/..%2f..%2f..%2fsecret.txt',
    'app://chainsight/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://chainsight/..%5c..%5csecret.txt',
    'app://chainsight/%2fetc%2fpasswd',
    'app://chainsight/C:%2fWindows%2fwin.ini',
  ])('refuses %s', async (url) => {
    const response = await get(url);
    expect(response.status === 403 || response.status === 404).toBe(true);
    const body = await response.text();
    expect(body).not.toContain('root:');
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'self'; /);
  });

  it('answers 403 when a decoded path would leave out/renderer', async () => {
    expect((await get('app://chainsight/..%2fsecret.txt')).status).toBe(403);
  });

  it('serves nothing for other hosts or methods', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('file:///etc/passwd')).status).toBe(404);
    expect((await get('app://chainsight/index.html', 'POST')).status).toBe(405);
  });

  it('is installed with protocol.handle on the app scheme', async () => {
    handleAppProtocol(rendererDir);
    expect(protocol.handle).toHaveBeenCalledTimes(1);
    const [scheme, handler] = protocol.handle.mock.calls[0] ?? [];
    expect(scheme).toBe('app');
    const response = await handler?.(new Request('app://chainsight/index.html'));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-security-policy')).toContain("'nonce-");
  });
});
