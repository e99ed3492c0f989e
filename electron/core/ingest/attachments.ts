import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, relative, resolve, isAbsolute } from 'node:path';
import type { Db } from '../db/connection';
import type { SourceFile } from './read/open-source-file';
import { baseName, hashZipEntries } from './read/zip-archive';
import type { InputFile } from './walk';

async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** A name the export wrote, resolved inside the folder the chat file sits in — never outside it. */
function besideExport(input: InputFile, name: string): string | null {
  const folder = dirname(input.path);
  const normal = name.replace(/\\/g, '/');
  if (isAbsolute(normal) || /^[a-zA-Z]:/.test(normal)) return null;
  const candidate = resolve(folder, normal);
  const inside = relative(folder, candidate);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? null : candidate;
}

/**
 * Record SHA-256 and size of the files a source's messages refer to, when the export carries them: entries of the
 * chat's zip (WhatsApp "with media"), or files beside the export (Telegram's photos/, files/). Attachments that are
 * not there keep null hashes; the returned warnings say how many were missing.
 */
export async function hashAttachments(db: Db, sourceId: number, file: SourceFile, input: InputFile): Promise<string[]> {
  const rows = db
    .prepare('SELECT a.id, a.name FROM attachment a JOIN message m ON m.id = a.message_id WHERE m.source_id = ? ORDER BY a.id')
    .all(sourceId) as { id: number; name: string }[];
  if (rows.length === 0) return [];
  const update = db.prepare('UPDATE attachment SET sha256 = ?, size = ? WHERE id = ?');
  let found = 0;
  if (file.container === 'zip') {
    const hashes = await hashZipEntries(file.path, input.relPath, new Set(rows.map((row) => baseName(row.name))));
    for (const row of rows) {
      const hash = hashes.get(baseName(row.name));
      if (!hash) continue;
      update.run(hash.sha256, hash.size, row.id);
      found += 1;
    }
  } else {
    for (const row of rows) {
      const path = besideExport(input, row.name);
      if (path === null) continue;
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) continue;
      const hash = await hashFile(path);
      update.run(hash.sha256, hash.size, row.id);
      found += 1;
    }
  }
  const missing = rows.length - found;
  return missing > 0 ? [`${missing} of ${rows.length} attachments are not in the export; their hashes are not recorded`] : [];
}
