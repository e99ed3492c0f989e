import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { createDualHasher, type FileDigests } from '../hashing/index';

export const ORIGINALS = 'originals';

export interface StoredOriginal extends FileDigests {
  /** path inside the case folder: originals/<sha256> */
  storedPath: string;
  absolutePath: string;
}

export interface StagedOriginal extends FileDigests {
  /** the hashed copy, not yet in place */
  tempPath: string;
  /** move it to originals/<sha256> and make it read-only */
  keep(): Promise<StoredOriginal>;
  /** drop it (a duplicate of a file already in the case, or a failed job) */
  discard(): Promise<void>;
}

/**
 * Copy a file byte for byte into the case's originals/ folder while hashing it (SHA-256 and SM3 in one pass). Kept
 * copies are named by their SHA-256 and made read-only; what gets parsed afterwards is the kept copy, so the hashes
 * describe exactly the bytes the data came from.
 */
export async function stageOriginal(caseDir: string, source: string, signal?: AbortSignal): Promise<StagedOriginal> {
  const dir = join(caseDir, ORIGINALS);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.incoming-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const hasher = createDualHasher();
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hasher.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(createReadStream(source), tap, createWriteStream(temp, { flags: 'wx' }), signal ? { signal } : {});
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  const digests = hasher.digest();
  return {
    ...digests,
    tempPath: temp,
    keep: async () => {
      const storedPath = `${ORIGINALS}/${digests.sha256}`;
      const absolutePath = join(caseDir, storedPath);
      await rename(temp, absolutePath);
      await chmod(absolutePath, 0o444);
      return { ...digests, storedPath, absolutePath };
    },
    discard: () => rm(temp, { force: true }),
  };
}

/** Undo the kept copies of a failed job (no source row refers to them). */
export async function discardOriginals(paths: readonly string[]): Promise<void> {
  for (const path of paths) await rm(path, { force: true });
}
