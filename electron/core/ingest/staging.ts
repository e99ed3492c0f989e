import { rm } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { AppError } from '@shared/api';
import { STAGING_DIR } from '../cases/case-session';

/**
 * Where a browser upload lands before it is imported: `<case>/.staging/<batch>/<relPath>`. The relative path comes
 * from the dropped folder and is hostile like any seized name: no absolute paths, no `..`, no NUL or backslash.
 */
export function stagingPath(caseDir: string, batch: string, relPath: string): { batchDir: string; file: string } {
  if (!/^[A-Za-z0-9-]{8,64}$/.test(batch)) throw new AppError('BAD_INPUT', 'Upload batch ids are 8–64 letters, digits or dashes.');
  const parts = relPath.split('/');
  if (relPath.length === 0 || relPath.length > 1024 || parts.some((part) => part === '' || part === '.' || part === '..' || /[\0\\:]/.test(part))) {
    throw new AppError('BAD_INPUT', `Refused upload path "${relPath.slice(0, 200)}".`);
  }
  const batchDir = resolve(caseDir, STAGING_DIR, batch);
  const file = resolve(batchDir, ...parts);
  if (!file.startsWith(batchDir + sep)) throw new AppError('BAD_INPUT', 'Upload path leaves its folder.');
  return { batchDir, file };
}

export function isStaged(caseDir: string, path: string): boolean {
  return resolve(path).startsWith(join(resolve(caseDir), STAGING_DIR) + sep);
}

/** Uploads are copied into originals/ by the import; the staged copies go afterwards, imported or not. */
export async function clearStaged(caseDir: string, paths: readonly string[]): Promise<void> {
  const root = join(resolve(caseDir), STAGING_DIR);
  for (const path of paths) {
    if (!isStaged(caseDir, path)) continue;
    // the whole upload batch goes, not only the folder that was imported from it
    const batch = resolve(path).slice(root.length + 1).split(sep)[0];
    if (batch) await rm(join(root, batch), { recursive: true, force: true });
  }
}
