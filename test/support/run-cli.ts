import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const APP_ROOT = resolve(__dirname, '..', '..');
export const CLI_BIN = join(APP_ROOT, 'electron', 'cli', 'chainsight.cjs');
/** The project-local Node 22 that npm scripts use. */
export const NODE22 = join(APP_ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'node.cmd' : 'node');

export function assertBuilt(): void {
  if (!existsSync(join(APP_ROOT, 'out', 'main', 'cli.js'))) {
    throw new Error('out/main/cli.js is missing: npm test builds before the tests (npm run build).');
  }
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  json: () => Record<string, unknown>;
}

/** Run the real `chainsight` launcher as a user would (through the project's Node 22). */
export function chainsight(args: string[], env: Record<string, string> = {}): CliRun {
  const run = spawnSync(NODE22, [CLI_BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    json: () => JSON.parse(run.stdout) as Record<string, unknown>,
  };
}
