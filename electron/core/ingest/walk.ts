import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { AppError } from '@shared/api';

export interface InputFile {
  path: string;
  /** path inside what the user chose, '/'-separated: `<请求号>/<银行>交易明细信息.csv` */
  relPath: string;
  fileName: string;
  /** named by the user (not found by walking a folder): such a file must import or the job fails */
  explicit: boolean;
}

/** Files a folder walk never offers: operating-system litter and lock files. */
const JUNK = /^(\.ds_store|thumbs\.db|desktop\.ini|~\$.*|\..*)$/i;

/** Expand the chosen files and folders into the files to import, in a stable order. */
export async function collectInputs(paths: readonly string[]): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const given of paths) {
    const path = resolve(given);
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new AppError('IMPORT_UNREADABLE', `${given}: no such file or folder`, { file: given });
    }
    if (info.isDirectory()) {
      const root = path;
      for (const file of await walk(root)) {
        files.push({ path: file, relPath: [basename(root), ...relative(root, file).split(sep)].join('/'), fileName: basename(file), explicit: false });
      }
    } else {
      files.push({ path, relPath: basename(path), fileName: basename(path), explicit: true });
    }
  }
  return files;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found: string[] = [];
  for (const entry of entries) {
    if (JUNK.test(entry.name)) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(full)));
    else if (entry.isFile()) found.push(full);
  }
  return found;
}
