import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ROOT, CLI_BIN, NODE22, assertBuilt } from '../support/run-cli';

/** Start `chainsight serve --cases` on a fresh home folder; tests read CHAINSIGHT_E2E_URL and CHAINSIGHT_E2E_DIR. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  assertBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'chainsight-e2e-'));
  const child = spawn(NODE22, [CLI_BIN, 'serve', '--cases', join(dir, 'cases')], {
    cwd: APP_ROOT,
    env: { ...process.env, CHAINSIGHT_HOME: join(dir, 'home') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (line) resolve(line.trim());
    });
    child.on('exit', (code) => reject(new Error(`chainsight serve exited with ${code}`)));
  });
  process.env.CHAINSIGHT_E2E_URL = url;
  process.env.CHAINSIGHT_E2E_DIR = dir;
  return async () => {
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
}
