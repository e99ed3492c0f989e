import { join } from 'node:path';
import type { Command, CommandInput } from '../command';
import { UsageError, intFlag, stringFlag } from '../command';
import { createBackend } from '../../core/backend';
import { defaultCasesDir, defaultDataDir, findAppRoot } from '../../core/paths';
import { startLoopbackServer, type LoopbackServer } from '../../core/server/loopback-server';
import { OperatorStore } from '../../core/workspace/operators';
import { existsSync } from 'node:fs';

export interface ServeOptions {
  caseDir?: string | undefined;
  casesDir?: string | undefined;
  port?: number | undefined;
  operator?: string | undefined;
}

/** Start the backend behind the loopback server and print the one line with the URL (token in the fragment). */
export async function serve(options: ServeOptions, input: CommandInput): Promise<LoopbackServer> {
  const appRoot = findAppRoot(__dirname);
  const staticDir = join(appRoot, 'out', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new UsageError(`The app is not built (${staticDir} is missing): run npm install or npm run build first.`);
  }
  const dataDir = defaultDataDir();
  const backend = await createBackend({
    host: 'serve',
    dataDir,
    casesDir: options.casesDir ?? defaultCasesDir(),
    version: process.env.npm_package_version ?? '0.1.0',
  });
  if (options.caseDir) {
    const operators = new OperatorStore(dataDir);
    if (!operators.current()) {
      const created = operators.save({ name: options.operator ?? 'operator', unit: '', badge: '' });
      operators.select(created.id);
    }
    await backend.openCase(options.caseDir);
  }
  const server = await startLoopbackServer({ backend, staticDir, port: options.port });
  const shutdown = (): void => {
    void server
      .close()
      .then(() => backend.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  input.signal.addEventListener('abort', shutdown);
  return server;
}

export const serveCommand: Command = {
  path: ['serve'],
  summary: 'serve the app to a browser on 127.0.0.1 (random port, per-launch token)',
  usage: 'chainsight serve <caseDir> | --cases DIR [--port N] [--operator NAME]',
  options: { cases: { type: 'string' }, port: { type: 'string' }, operator: { type: 'string' } },
  positionals: { min: 0, max: 1 },
  async run(input) {
    const caseDir = input.positionals[0];
    const casesDir = stringFlag(input, 'cases');
    if (!caseDir && !casesDir) throw new UsageError('give a case folder or --cases DIR');
    const server = await serve(
      { caseDir, casesDir, port: intFlag(input, 'port', 0), operator: stringFlag(input, 'operator') },
      input,
    );
    if (!input.json) process.stdout.write(`${server.launchUrl}\n`);
    return { url: server.launchUrl, port: server.port, keepAlive: true };
  },
};
