import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import yauzl from 'yauzl';
import { unreadable } from './read-error';
import { inspectZip, type ZipLimits } from './zip-guard';

/** Chat exports with media: far above a real phone export, far below a bomb. */
export const CHAT_ZIP_LIMITS: ZipLimits = { maxEntries: 100_000, maxTotalBytes: 8 * 1024 ** 3, maxRatio: 200 };

export interface ZipEntryInfo {
  /** the name as stored, decoded (UTF-8 when flagged, else UTF-8 if valid, else GB18030) */
  name: string;
  size: number;
  /** names that climb out of the archive ('../x', '/etc/x', 'C:\x'): listed, never followed or extracted */
  unsafe: boolean;
  directory: boolean;
}

function decodeName(raw: Buffer, utf8Flag: boolean): string {
  if (utf8Flag) return raw.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return iconv.decode(raw, 'gb18030');
  }
}

export function isUnsafeEntryName(name: string): boolean {
  const normal = name.replace(/\\/g, '/');
  return normal.startsWith('/') || /^[a-zA-Z]:/.test(normal) || normal.split('/').includes('..');
}

type EntryVisitor = (info: ZipEntryInfo, open: () => Promise<Readable>) => Promise<boolean | undefined> | boolean | undefined;

/**
 * Walk a zip's entries in order without extracting anything to disk; the visitor may open an entry's stream and
 * returns true to stop. The archive is checked against the bomb limits first.
 */
export async function walkZip(file: string, displayName: string, visit: EntryVisitor): Promise<void> {
  const refusal = await inspectZip(file, CHAT_ZIP_LIMITS);
  if (refusal) throw unreadable(displayName, refusal);
  await new Promise<void>((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) {
        reject(unreadable(displayName, `not a readable zip archive (${error?.message ?? 'unknown error'})`));
        return;
      }
      const finish = (failure?: unknown): void => {
        zip.close();
        if (failure === undefined) resolve();
        else reject(failure instanceof Error && failure.name === 'AppError' ? failure : unreadable(displayName, `damaged zip archive (${failure instanceof Error ? failure.message : 'unknown error'})`));
      };
      zip.on('error', finish);
      zip.on('end', () => finish());
      zip.on('entry', (entry: yauzl.Entry) => {
        const raw = entry.fileName as unknown as Buffer;
        const name = decodeName(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)), (entry.generalPurposeBitFlag & 0x800) !== 0);
        const info: ZipEntryInfo = { name, size: entry.uncompressedSize, unsafe: isUnsafeEntryName(name), directory: name.endsWith('/') };
        const open = (): Promise<Readable> =>
          new Promise((resolveStream, rejectStream) => {
            zip.openReadStream(entry, (streamError, stream) => {
              if (streamError || !stream) rejectStream(streamError ?? new Error('no stream'));
              else resolveStream(stream);
            });
          });
        Promise.resolve(visit(info, open)).then(
          (stop) => (stop ? finish() : zip.readEntry()),
          finish,
        );
      });
      zip.readEntry();
    });
  });
}

export async function listZipEntries(file: string, displayName: string): Promise<ZipEntryInfo[]> {
  const entries: ZipEntryInfo[] = [];
  await walkZip(file, displayName, (info) => {
    entries.push(info);
    return false;
  });
  return entries;
}

/** SHA-256 and size of every regular, safe entry (attachments of a chat export), keyed by entry name. */
export async function hashZipEntries(file: string, displayName: string, wanted: ReadonlySet<string>): Promise<Map<string, { sha256: string; size: number }>> {
  const hashes = new Map<string, { sha256: string; size: number }>();
  await walkZip(file, displayName, async (info, open) => {
    if (info.directory || info.unsafe || !wanted.has(baseName(info.name))) return false;
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of await open()) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    hashes.set(baseName(info.name), { sha256: hash.digest('hex'), size });
    return false;
  });
  return hashes;
}

export const baseName = (name: string): string => name.replace(/\\/g, '/').split('/').pop() ?? name;

/**
 * The chat text inside a WhatsApp-style export: `_chat.txt`, `WhatsApp Chat with ….txt` / `与…的 WhatsApp 聊天.txt`,
 * else the only .txt at the top level (macOS resource forks under __MACOSX/ ignored).
 */
export function chatTextEntry(entries: readonly ZipEntryInfo[]): ZipEntryInfo | null {
  const texts = entries.filter((entry) => !entry.directory && !entry.unsafe && /\.txt$/i.test(entry.name) && !entry.name.startsWith('__MACOSX/'));
  const named = texts.find((entry) => /(^|\/)(_chat\.txt|WhatsApp.*\.txt)$/i.test(entry.name));
  if (named) return named;
  const topLevel = texts.filter((entry) => !entry.name.includes('/'));
  return topLevel.length === 1 ? (topLevel[0] ?? null) : texts.length === 1 ? (texts[0] ?? null) : null;
}

/** Open one entry by name as a stream (the chat text); the archive closes when the stream ends. */
export async function openZipEntry(file: string, displayName: string, name: string): Promise<Readable> {
  const refusal = await inspectZip(file, CHAT_ZIP_LIMITS);
  if (refusal) throw unreadable(displayName, refusal);
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true, decodeStrings: false, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) {
        reject(unreadable(displayName, `not a readable zip archive (${error?.message ?? 'unknown error'})`));
        return;
      }
      zip.on('error', (zipError: Error) => reject(unreadable(displayName, `damaged zip archive (${zipError.message})`)));
      zip.on('end', () => reject(unreadable(displayName, `the archive has no entry ${name}`)));
      zip.on('entry', (entry: yauzl.Entry) => {
        const raw = entry.fileName as unknown as Buffer;
        const entryName = decodeName(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)), (entry.generalPurposeBitFlag & 0x800) !== 0);
        if (entryName !== name) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) reject(unreadable(displayName, `entry ${name} could not be read (${streamError?.message ?? 'no stream'})`));
          else {
            stream.on('close', () => zip.close());
            resolve(stream);
          }
        });
      });
      zip.readEntry();
    });
  });
}
