import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../command';
import { defaultCasesDir, findAppRoot } from '../../core/paths';
import { serve } from './serve';

/**
 * The Electron binary is fetched lazily by the electron package; this only looks for it and never triggers the
 * download (machines without it — build and CI machines — get the loopback server instead).
 */
export function electronBinary(appRoot: string): string | null {
  const pkgDir = join(appRoot, 'node_modules', 'electron');
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export const startCommand: Command = {
  path: ['start'],
  summary: 'open the desktop app, or where Electron is not installed, serve it to a browser (npm start)',
  usage: 'chainsight start [--cases DIR]',
  options: { cases: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run(input) {
    const appRoot = findAppRoot(__dirname);
    const binary = electronBinary(appRoot);
    if (binary) {
      const child = spawn(binary, [appRoot], { stdio: 'inherit' });
      await new Promise<void>((resolve) => child.on('exit', () => resolve()));
      return { host: 'electron' };
    }
    const casesDir = typeof input.values.cases === 'string' ? input.values.cases : defaultCasesDir();
    const server = await serve({ casesDir }, input);
    input.progress('Electron runtime not installed here: serving Chainsight to the browser instead.');
    input.progress(`Cases folder: ${casesDir}`);
    input.progress('Open this address in Chromium or Chrome on this machine (Ctrl+C stops the server):');
    if (!input.json) process.stdout.write(`${server.launchUrl}\n`);
    return { host: 'serve', url: server.launchUrl, keepAlive: true };
  },
};
