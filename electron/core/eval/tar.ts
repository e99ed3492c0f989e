/** Reads the regular files of a (gzipped) ustar archive into memory: enough for the AMLSim sample tarballs. */
import { gunzipSync } from 'node:zlib';

const BLOCK = 512;
const MAX_TOTAL = 512 * 1024 * 1024;

function field(header: Buffer, offset: number, length: number): string {
  const raw = header.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end >= 0 ? end : raw.length).toString('utf8');
}

/** path → content of every regular file; names are kept as in the archive (no extraction to disk) */
export function readTarball(data: Buffer): Map<string, Buffer> {
  const tar = data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data, { maxOutputLength: MAX_TOTAL }) : data;
  const files = new Map<string, Buffer>();
  let offset = 0;
  let longName: string | null = null;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    const name = field(header, 0, 100);
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const prefix = field(header, 345, 155);
    const body = offset + BLOCK;
    if (!Number.isFinite(size) || size < 0 || body + size > tar.length) throw new Error('truncated or invalid tar archive');
    const content = tar.subarray(body, body + size);
    if (type === 'L') longName = content.toString('utf8').replace(/\0+$/, '');
    else {
      if (type === '0' || type === '\0') files.set(longName ?? (prefix ? `${prefix}/${name}` : name), Buffer.from(content));
      longName = null;
    }
    offset = body + Math.ceil(size / BLOCK) * BLOCK;
  }
  return files;
}
