/**
 * Writes one generated file in chunks: encodes (GB18030 or UTF-8), hashes and counts bytes and lines as it goes,
 * so a file of millions of rows never sits in memory.
 */
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import iconv from 'iconv-lite';

const CHUNK_CHARS = 1 << 15;

/**
 * GB18030 is stateless, so runs of non-ASCII text can be encoded separately and cached: names, bank names and
 * summaries repeat on every row, and encoding only them keeps iconv-lite off the hot path.
 */
const runCache = new Map<string, Buffer>();
const createdDirs = new Set<string>();
/** reused for every flush (writes are synchronous), so chunks allocate nothing */
let scratch = Buffer.allocUnsafe(CHUNK_CHARS * 4 + 4_096);

/** forget which folders exist (call before writing into a folder that may have been emptied) */
export function resetSinkCaches(): void {
  createdDirs.clear();
}

/** GB18030 bytes of `text` (a copy; the writer itself encodes into a reused buffer) */
export function encodeGb18030(text: string): Buffer {
  return Buffer.from(encodeIntoScratch(text));
}

/** the bytes are valid until the next call */
function encodeIntoScratch(text: string): Buffer {
  if (scratch.length < text.length * 4) scratch = Buffer.allocUnsafe(text.length * 4);
  const out = scratch;
  let o = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[o++] = c;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && text.charCodeAt(j) >= 0x80) j++;
    const run = text.slice(i, j);
    let bytes = runCache.get(run);
    if (!bytes) {
      // an unpooled copy: a small pooled Buffer would keep its whole 8 KB pool slab alive in the cache
      const encoded = iconv.encode(run, 'gb18030');
      bytes = Buffer.allocUnsafeSlow(encoded.length);
      encoded.copy(bytes);
      if (runCache.size >= 20_000) runCache.clear();
      runCache.set(run, bytes);
    }
    bytes.copy(out, o);
    o += bytes.length;
    i = j;
  }
  return out.subarray(0, o);
}

export type Encoding = 'GB18030' | 'UTF-8';

export interface ClosedFile {
  path: string;
  encoding: Encoding;
  bytes: number;
  sha256: string;
  lines: number;
}

export class FileSink {
  private parts: string[] = [];
  private pending = 0;
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;
  private lineCount = 0;

  /** `path` is relative to `root`, with forward slashes; it names the file in the ground truth */
  constructor(
    root: string,
    readonly path: string,
    readonly encoding: Encoding,
    private readonly eol: '\r\n' | '\n' = '\r\n',
  ) {
    const full = join(root, ...path.split('/'));
    const dir = dirname(full);
    if (!createdDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      createdDirs.add(dir);
    }
    this.fd = openSync(full, 'w');
  }

  /** lines written so far (the next line's number is this + 1) */
  get lines(): number {
    return this.lineCount;
  }

  /** append one line; returns its 1-based line number */
  line(text: string): number {
    this.parts.push(text, this.eol);
    this.pending += text.length + 2;
    this.lineCount++;
    if (this.pending >= CHUNK_CHARS) this.flush();
    return this.lineCount;
  }

  /** append text that may span lines (JSON), counting its newlines */
  raw(text: string): void {
    this.parts.push(text);
    this.pending += text.length;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineCount++;
    if (this.pending >= CHUNK_CHARS) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.pending = 0;
    const buf = this.encoding === 'GB18030' ? encodeIntoScratch(text) : Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < buf.length) offset += writeSync(this.fd, buf, offset, buf.length - offset);
    this.hash.update(buf);
    this.bytes += buf.length;
  }

  close(): ClosedFile {
    this.flush();
    closeSync(this.fd);
    return { path: this.path, encoding: this.encoding, bytes: this.bytes, sha256: this.hash.digest('hex'), lines: this.lineCount };
  }
}
