import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** Where operator profiles and the recent-case list live (not case data). CHAINSIGHT_HOME overrides. */
export function defaultDataDir(): string {
  const override = process.env.CHAINSIGHT_HOME;
  if (override) return override;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Chainsight');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Chainsight');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'chainsight');
}

/** Where new cases go unless the user picks a folder. CHAINSIGHT_CASES overrides. */
export function defaultCasesDir(): string {
  return process.env.CHAINSIGHT_CASES ?? join(homedir(), 'Chainsight', 'cases');
}

/** The project root (the folder with package.json), found from a bundled or source file's location. */
export function findAppRoot(from: string): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
}
