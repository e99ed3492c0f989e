import { createReadStream } from 'node:fs';
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
  /** read size; detection reads only the head, so it asks for small chunks */
  chunkBytes?: number;
}

/**
 * Pick the delimiter from the first lines: tab-separated TXT returns (Tenpay) versus CSV whose every value carries a
 * trailing tab (查控). A delimiter wins when it splits every sample line into the same number (>1) of fields.
 */
export function sniffDelimiter(sampleText: string, fileName: string): string {
  const lines = firstLines(sampleText, 20);
  const sample = lines.join('\n');
  const consistent = (delimiter: string): number => {
    const rows = Papa.parse<string[]>(sample, { delimiter, newline: '\n' }).data;
    const first = rows[0]?.length ?? 0;
    return first > 1 && rows.every((row) => row.length === first) ? first : 0;
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

/** The first `count` lines that are not blank, without splitting the rest of a megabyte sample. */
function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let from = 0;
  while (lines.length < count && from < text.length) {
    const at = text.indexOf('\n', from);
    const end = at === -1 ? text.length : at;
    // a CR belongs to the line break only when a LF follows (as `split(/\r?\n/)` reads it)
    const line = text.slice(from, at !== -1 && end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    if (line.trim() !== '') lines.push(line);
    from = end + 1;
  }
  return lines;
}

/** Decode a text file in a stream and guard against endless lines before the CSV parser buffers them. */
async function* decodedText(options: DelimitedOptions): AsyncIterable<string> {
  const decoder = createTextDecoder(options.encoding);
  const stream = createReadStream(options.file, { start: options.bomLength, highWaterMark: options.chunkBytes ?? 1 << 20 });
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

/**
 * The end of the last complete record in `text`: the last line break outside quotes (RFC 4180 quotes pair up, so
 * an even count of quote characters before a break means it is not inside a field). -1 when there is none.
 * Jumps from quote to quote and looks for the last break in each unquoted stretch, so text without quotes (most
 * returns) costs one native search.
 */
export function lastRecordBreak(text: string): number {
  let last = -1;
  let from = 0;
  let quoted = false;
  for (;;) {
    const quote = text.indexOf('"', from);
    const end = quote === -1 ? text.length : quote;
    if (!quoted && end > from) {
      const found = text.lastIndexOf('\n', end - 1);
      if (found >= from) last = found;
    }
    if (quote === -1) return last;
    quoted = !quoted;
    from = quote + 1;
  }
}

/**
 * Stream the rows of a CSV/TXT file as records with exact 1-based line numbers (quoted newlines counted).
 * Decoded text is cut at record boundaries and each run handed to papaparse whole, which keeps its full speed
 * (its stream mode re-parses on every backpressure pause).
 */
export async function* readDelimited(options: DelimitedOptions): AsyncIterable<SourceRecord> {
  const config = { delimiter: options.delimiter, newline: '\n' as const, skipEmptyLines: false, quoteChar: '"' };
  let line = 1;
  let pending = '';
  function parse(text: string): SourceRecord[] {
    // returns mix CRLF and LF within one file: read every line break as LF (a CR before a closing quote's line
    // break would otherwise glue the quote into the value)
    const rows = Papa.parse<string[]>(text.includes('\r') ? text.replace(/\r\n/g, '\n') : text, config).data;
    // only a quoted value can hold a line break: without quotes every row is one line
    const multiLine = text.includes('"');
    const records: SourceRecord[] = new Array<SourceRecord>(rows.length);
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i] ?? [];
      records[i] = { sheet: '', line, cells: row };
      let breaks = 1;
      if (multiLine) for (const cell of row) if (cell.includes('\n')) breaks += cell.split('\n').length - 1;
      line += breaks;
    }
    return records;
  }
  for await (const text of decodedText(options)) {
    pending += text;
    const cut = lastRecordBreak(pending);
    if (cut === -1) continue;
    // the CR of a CRLF at the cut belongs to the line break, not to the last value
    const complete = pending.slice(0, pending.charCodeAt(cut - 1) === 13 ? cut - 1 : cut);
    pending = pending.slice(cut + 1);
    for (const record of parse(complete)) yield record;
  }
  const rest = pending.endsWith('\r') ? pending.slice(0, -1) : pending;
  if (rest !== '') for (const record of parse(rest)) yield record;
}
