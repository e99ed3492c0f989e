import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { SourceRecord } from '@shared/parsers/types';
import { createTextDecoder, type TextEncoding } from './decode';
import { unreadable } from './read-error';

/**
 * A chat line may be long (a pasted complaint letter, a forwarded script) but not endless: past this a file is
 * binary junk or hostile and the job stops with the line number. Mappers cut long message texts themselves.
 */
export const MAX_CHAT_LINE_CHARS = 64 * 1024 * 1024;

export interface LineStreamOptions {
  displayName: string;
  encoding: TextEncoding;
  signal?: AbortSignal | undefined;
  onBytes?: ((bytes: number) => void) | undefined;
}

/** Decoded lines of a byte stream, one record each (`cells: [line]`, CR stripped, 1-based line numbers). */
export async function* linesOf(stream: Readable, options: LineStreamOptions): AsyncIterable<SourceRecord> {
  const decoder = createTextDecoder(options.encoding);
  let pending = '';
  let line = 1;
  const cut = (text: string): string => (text.endsWith('\r') ? text.slice(0, -1) : text);
  function* complete(): Iterable<SourceRecord> {
    let from = 0;
    for (;;) {
      const at = pending.indexOf('\n', from);
      if (at === -1) break;
      yield { sheet: '', line, cells: [cut(pending.slice(from, at))] };
      line += 1;
      from = at + 1;
    }
    pending = pending.slice(from);
    if (pending.length > MAX_CHAT_LINE_CHARS) {
      throw unreadable(options.displayName, `line longer than ${MAX_CHAT_LINE_CHARS / 1024 / 1024} M characters (binary or damaged file?)`, line);
    }
  }
  try {
    for await (const chunk of stream) {
      if (options.signal?.aborted) throw options.signal.reason;
      const buffer = chunk as Buffer;
      options.onBytes?.(buffer.length);
      const text = decoder.write(buffer);
      if (text.includes('\0')) throw unreadable(options.displayName, 'contains NUL bytes: not a text file', line);
      pending += text;
      yield* complete();
    }
    pending += decoder.end();
    yield* complete();
    if (pending !== '') yield { sheet: '', line, cells: [cut(pending)] };
  } finally {
    stream.destroy();
  }
}

export interface LinesOptions extends LineStreamOptions {
  file: string;
  bomLength: number;
}

/** The lines of a text file (WhatsApp, QQ TXT exports). */
export function readLines(options: LinesOptions): AsyncIterable<SourceRecord> {
  return linesOf(createReadStream(options.file, { start: options.bomLength, highWaterMark: 1 << 20 }), options);
}
