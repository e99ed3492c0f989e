import { open } from 'node:fs/promises';
import type { SourceRecord } from '@shared/parsers/types';
import { createTextDecoder, type TextEncoding } from './decode';
import { unreadable } from './read-error';

/**
 * JSON and HTML exports are parsed whole (a JSON document has no rows to stream by); past this size the file is
 * refused with a clear message instead of exhausting memory. Telegram splits large exports itself.
 */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

export interface DocumentOptions {
  file: string;
  displayName: string;
  encoding: TextEncoding;
  bomLength: number;
  signal?: AbortSignal | undefined;
  onBytes?: ((bytes: number) => void) | undefined;
}

/** The whole decoded text as one record (`cells: [text]`, line 1). */
export async function* readDocument(options: DocumentOptions): AsyncIterable<SourceRecord> {
  const handle = await open(options.file, 'r');
  let bytes: Buffer;
  try {
    const size = (await handle.stat()).size;
    if (size > MAX_DOCUMENT_BYTES) {
      throw unreadable(options.displayName, `${Math.round(size / 1024 / 1024)} MB is more than the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB a JSON/HTML export may have here; export the chat in parts`);
    }
    bytes = Buffer.alloc(size);
    await handle.read(bytes, 0, size, 0);
  } finally {
    await handle.close();
  }
  if (options.signal?.aborted) throw options.signal.reason;
  options.onBytes?.(bytes.length);
  const decoder = createTextDecoder(options.encoding);
  const text = decoder.write(bytes.subarray(options.bomLength)) + decoder.end();
  if (text.includes('\0')) throw unreadable(options.displayName, 'contains NUL bytes: not a text file');
  yield { sheet: '', line: 1, cells: [text] };
}
