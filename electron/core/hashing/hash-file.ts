import { createHash, getHashes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Sm3 } from './sm3';

export interface FileDigests {
  /** Bytes hashed. */
  size: number;
  /** Lower-case hex. */
  sha256: string;
  /** Lower-case hex, GB/T 32905-2016. */
  sm3: string;
}

/** SHA-256 and SM3 over the same bytes, fed chunk by chunk (e.g. while an original is copied into the case). */
export interface DualHasher {
  update(chunk: Uint8Array): void;
  digest(): FileDigests;
}

/** OpenSSL's SM3 where the runtime has it (Node); Electron's BoringSSL has none, so the TypeScript one there. */
const nativeSm3 = getHashes().includes('sm3');

function createSm3(): { update(chunk: Uint8Array): void; digestHex(): string } {
  if (!nativeSm3) return new Sm3();
  const hash = createHash('sm3');
  return { update: (chunk) => hash.update(chunk), digestHex: () => hash.digest('hex') };
}

export function createDualHasher(): DualHasher {
  const sha256 = createHash('sha256');
  const sm3 = createSm3();
  let size = 0;
  return {
    update(chunk) {
      sha256.update(chunk);
      sm3.update(chunk);
      size += chunk.length;
    },
    digest() {
      return { size, sha256: sha256.digest('hex'), sm3: sm3.digestHex() };
    },
  };
}

export interface HashOptions {
  /** Stops reading and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called after each chunk with the bytes hashed so far. */
  onProgress?: (bytes: number) => void;
}

/** Hashes any stream of byte chunks in one pass; memory stays at one chunk. */
export async function hashStream(source: AsyncIterable<Uint8Array>, options: HashOptions = {}): Promise<FileDigests> {
  const hasher = createDualHasher();
  let bytes = 0;
  for await (const chunk of source) {
    options.signal?.throwIfAborted();
    hasher.update(chunk);
    bytes += chunk.length;
    options.onProgress?.(bytes);
  }
  options.signal?.throwIfAborted();
  return hasher.digest();
}

/** Default read size: large enough to amortise per-chunk overhead, small enough to keep memory flat. */
const CHUNK_BYTES = 1 << 20;

/** SHA-256 and SM3 of a file in one streaming pass (constant memory, any file size), with its size. */
export async function hashFile(path: string, options: HashOptions = {}): Promise<FileDigests> {
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES, signal: options.signal });
  return hashStream(stream as AsyncIterable<Uint8Array>, options);
}
