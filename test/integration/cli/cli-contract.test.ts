import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { useTempDirs } from '../../support/temp-dir';
import { APP_ROOT, CLI_BIN, NODE22, assertBuilt, chainsight } from '../../support/run-cli';

const STATS_KEYS = [
  'sources', 'transactions', 'messages', 'accounts', 'conversations', 'handles', 'failed', 'rejected', 'duplicates',
  'mirrorPairs', 'balanceBreaks', 'sumInMinor', 'sumOutMinor', 'audit', 'lexiconHits', 'identifiers',
];

describe('chainsight CLI (the contract of ARCHITECTURE.md §6)', () => {
  const tempDir = useTempDirs();
  beforeAll(() => assertBuilt());

  it('case init then stats --json prints every contract key', () => {
    const dir = tempDir();
    const env = { CHAINSIGHT_HOME: join(dir, 'home') };
    const init = chainsight(['case', 'init', join(dir, 'cases', 'c.chainsight'), '--name', '测试案', '--json'], env);
    expect(init.status).toBe(0);
    expect(init.json()).toMatchObject({ ok: true, caseDir: join(dir, 'cases', 'c.chainsight'), meta: { caseName: '测试案', timeZone: 'Asia/Shanghai' } });
    expect(existsSync(join(dir, 'cases', 'c.chainsight', 'case.sqlite'))).toBe(true);

    const stats = chainsight(['stats', join(dir, 'cases', 'c.chainsight'), '--json'], env);
    expect(stats.status).toBe(0);
    const json = stats.json();
    for (const key of STATS_KEYS) expect(json).toHaveProperty(key);
    expect(json.audit).toEqual({ ok: true, entries: 2, brokenAtSeq: null });
    expect(json.sumInMinor).toEqual({});
  });

  it('refuses a second writer with a clear message and exit code 1', () => {
    const dir = tempDir();
    const holder = CaseSession.create(join(dir, 'busy'), { caseName: 'busy' }, { host: 'electron', operator: '值班民警' });
    try {
      const again = chainsight(['case', 'init', holder.caseDir, '--json'], { CHAINSIGHT_HOME: dir });
      expect(again.status).toBe(1);
      expect(again.json()).toMatchObject({ ok: false, error: { code: 'CASE_EXISTS' } });
      // stats is a reader and works while the case is open elsewhere
      expect(chainsight(['stats', holder.caseDir, '--json'], { CHAINSIGHT_HOME: dir }).status).toBe(0);
    } finally {
      holder.close();
    }
  });

  it('exit codes: 2 for bad usage, 1 for failure with {ok:false,error:{code,message}}', () => {
    const dir = tempDir();
    const unknown = chainsight(['frobnicate', '--json']);
    expect(unknown.status).toBe(2);
    expect(unknown.json()).toMatchObject({ ok: false, error: { code: 'BAD_USAGE' } });
    const missing = chainsight(['stats']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('usage: chainsight stats');
    const badFlag = chainsight(['stats', dir, '--bogus']);
    expect(badFlag.status).toBe(2);
    const notACase = chainsight(['stats', dir, '--json']);
    expect(notACase.status).toBe(1);
    expect(notACase.json()).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } });
    expect(notACase.stderr).toContain('No Chainsight case');
  });

  it('formats --json lists formats and templates', () => {
    const run = chainsight(['formats', '--json']);
    expect(run.status).toBe(0);
    const json = run.json();
    expect(json.ok).toBe(true);
    expect(Array.isArray(json.formats)).toBe(true);
    expect(Array.isArray(json.templates)).toBe(true);
  });

  it('refuses Node older than 22 with a clear message', () => {
    const system = spawnSync('node', ['--version'], { encoding: 'utf8', env: { PATH: '/usr/bin:/usr/local/bin:/bin' } });
    const major = Number(system.stdout.replace(/^v/, '').split('.')[0]);
    if (system.status !== 0 || major >= 22) return; // no older Node on this machine to try with
    const run = spawnSync('node', [CLI_BIN, 'formats'], { encoding: 'utf8', env: { PATH: '/usr/bin:/usr/local/bin:/bin' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/needs Node\.js 22 or newer/);
  });

  it('serve prints one line with the URL and the token in the fragment, and stops on SIGTERM', async () => {
    const dir = tempDir();
    const child = spawn(NODE22, [CLI_BIN, 'serve', '--cases', dir], { cwd: APP_ROOT, env: { ...process.env, CHAINSIGHT_HOME: dir } });
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        if (out.includes('\n')) resolve(out.trim());
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    expect(line).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{40,}$/);
    const url = new URL(line);
    const token = url.hash.slice('#token='.length);
    const unauthorised = await fetch(new URL('/api/app.info', url), { method: 'POST', body: '{}' });
    expect(unauthorised.status).toBe(401);
    const ok = await fetch(new URL('/api/app.info', url), { method: 'POST', body: '{}', headers: { authorization: `Bearer ${token}` } });
    expect(await ok.json()).toMatchObject({ ok: true, value: { host: 'serve', casesDir: dir } });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('chainsight import (hand-written 查控 fixtures)', () => {
  const tempDir = useTempDirs();
  beforeAll(() => assertBuilt());

  it('imports a request folder as one job and prints the contract keys per file', () => {
    const dir = tempDir();
    const env = { CHAINSIGHT_HOME: join(dir, 'home') };
    const caseDir = join(dir, 'c.chainsight');
    expect(chainsight(['case', 'init', caseDir], env).status).toBe(0);
    const run = chainsight(['import', caseDir, join(APP_ROOT, 'test', 'fixtures', 'bank', '5104614320240315093012'), '--json'], env);
    expect(run.status).toBe(0);
    const json = run.json() as { files: Record<string, unknown>[] };
    expect(json.files).toHaveLength(6);
    for (const file of json.files) {
      for (const key of ['file', 'format', 'encoding', 'rowsRead', 'imported', 'rejected', 'warnings', 'errors']) expect(file).toHaveProperty(key);
    }
    const gf = json.files.find((f) => String(f.file).endsWith('广发银行股份有限公司交易明细信息.csv'));
    expect(gf).toMatchObject({ format: 'ccxk.transactions', encoding: 'gb18030', imported: 9, rejected: 2 });
    expect(gf?.errors).toEqual(expect.arrayContaining([expect.objectContaining({ line: 9, code: 'BAD_AMOUNT' })]));

    const stats = chainsight(['stats', caseDir, '--json'], env).json();
    expect(stats).toMatchObject({ sources: 6, transactions: 20, rejected: 7 });
    // the import is in the audit chain with the originals' hashes
    expect(stats.audit).toMatchObject({ ok: true });

    const again = chainsight(['import', caseDir, join(APP_ROOT, 'test', 'fixtures', 'bank', '5104614320240315093012'), '--json'], env);
    expect(again.status).toBe(1);
    expect(again.json()).toMatchObject({ ok: false, error: { code: 'IMPORT_NOTHING' } });
    expect(again.stderr).toContain('already imported as source #');
  });
});
