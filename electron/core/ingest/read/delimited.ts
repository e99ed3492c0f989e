import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { SourceRecord } from '@shared/parsers/types';
import { createTextDecoder, type TextEncoding } from './decode';
import { unreadable } from './read-error';

/** No real return has a line this long; a file that does is binary junk or hostile. */
export const MAX_LINE_CHARS = 4 * 1024 * 1024;

export interface DelimitedOptions {
  file: string;
  displayName: string;
  encoding: TextEncoding;
  bomLength: number;
  delimiter: string;
  onBytes?: (bytes: number) => void;
  signal?: AbortSignal;
}

/**
 * Pick the delimiter from the first lines: tab-separated TXT returns (Tenpay) versus CSV whose every value carries a
 * trailing tab (查控). A delimiter wins when it splits every sample line into the same number (>1) of fields.
 */
export function sniffDelimiter(sampleText: string, fileName: string): string {
  const lines = sampleText.split(/\r?\n/).filter((line) => line.trim() !== '').slice(0, 20);
  const consistent = (delimiter: string): number => {
    const counts = lines.map((line) => Papa.parse<string[]>(line, { delimiter }).data[0]?.length ?? 0);
    const first = counts[0] ?? 0;
    return first > 1 && counts.every((count) => count === first) ? first : 0;
  };
  const comma = consistent(',');
  // `a\t,b\t,c\t`: tabs padding comma-separated values (查控 exports), not separating them
  const paddedCommas = lines.every((line) => /\t,/.test(line) || !line.includes('\t'));
  const tab = paddedCommas ? 0 : consistent('\t');
  const preferTab = /\.(txt|tsv)$/i.test(fileName);
  if (comma && tab) return preferTab ? '\t' : ',';
  if (tab) return '\t';
  if (comma) return ',';
  for (const delimiter of ['|', ';']) if (consistent(delimiter)) return delimiter;
  return preferTab ? '\t' : ',';
}

/** Decode a text file in a stream and guard against endless lines before the CSV parser buffers them. */
async function* decodedText(options: DelimitedOptions): AsyncIterable<string> {
  const decoder = createTextDecoder(options.encoding);
  const stream = createReadStream(options.file, { start: options.bomLength, highWaterMark: 1 << 20 });
  let sinceNewline = 0;
  let line = 1;
  const guard = (text: string): string => {
    let from = 0;
    for (;;) {
      const at = text.indexOf('\n', from);
      if (at === -1) break;
      if (sinceNewline + (at - from) > MAX_LINE_CHARS) throw unreadable(options.displayName, `line longer than ${MAX_LINE_CHARS / 1024 / 1024} MB (binary or damaged file?)`, line);
      sinceNewline = 0;
      line += 1;
      from = at + 1;
    }
    sinceNewline += text.length - from;
    if (sinceNewline > MAX_LINE_CHARS) throw unreadable(options.displayName, `line longer than ${MAX_LINE_CHARS / 1024 / 1024} MB (binary or damaged file?)`, line);
    return text;
  };
  for await (const chunk of stream) {
    if (options.signal?.aborted) throw options.signal.reason;
    const buffer = chunk as Buffer;
    options.onBytes?.(buffer.length);
    const text = decoder.write(buffer);
    if (text.includes('\0')) throw unreadable(options.displayName, 'contains NUL bytes: not a text file', line);
    if (text) yield guard(text);
  }
  const rest = decoder.end();
  if (rest) yield guard(rest);
}

/** Stream the rows of a CSV/TXT file as records with exact 1-based line numbers (quoted newlines counted). */
export async function* readDelimited(options: DelimitedOptions): AsyncIterable<SourceRecord> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
    delimiter: options.delimiter,
    // returns mix CRLF and LF within one file; split on LF and drop the CR below
    newline: '\n',
    skipEmptyLines: false,
    quoteChar: '"',
  }) as NodeJS.ReadWriteStream;
  const input = Readable.from(decodedText(options));
  input.on('error', (error) => parser.emit('error', error));
  input.pipe(parser);
  let line = 1;
  try {
    for await (const row of parser as AsyncIterable<string[]>) {
      const last = row.length - 1;
      if (last >= 0 && row[last]?.endsWith('\r')) row[last] = row[last].slice(0, -1);
      const record: SourceRecord = { sheet: '', line, cells: row };
      let breaks = 1;
      for (const cell of row) if (cell.includes('\n')) breaks += cell.split('\n').length - 1;
      line += breaks;
      yield record;
    }
  } finally {
    // a consumer that stops early (format detection reads only the head) must not leave the file open
    input.destroy();
  }
}
