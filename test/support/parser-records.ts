import { readFileSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { DetectInput, FormatSpec, MapperOutput, ParseContext, SourceRecord } from '@shared/parsers/types';

/**
 * Test-side stand-in for the ingest pipeline's reading: a fixture file → the SourceRecords a parser sees (cells
 * decoded and split, untrimmed, trailing tabs kept; 1-based line numbers of the original file).
 */

export type FixtureEncoding = 'gb18030' | 'utf-8' | 'auto';

export interface ReadOptions {
  /** default 'auto': UTF-8 when the bytes are valid UTF-8 (BOM dropped), else GB18030 */
  encoding?: FixtureEncoding;
  /** default: ',' when the first line has a comma outside quotes, else tab */
  delimiter?: ',' | '\t';
}

export function decodeFixture(bytes: Uint8Array, encoding: FixtureEncoding = 'auto'): string {
  if (encoding === 'gb18030') return iconv.decode(Buffer.from(bytes), 'gb18030');
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return iconv.decode(Buffer.from(bytes), 'gb18030');
  }
}

function sniffDelimiter(text: string): ',' | '\t' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  return firstLine.replace(/"[^"]*"/g, '').includes(',') ? ',' : '\t';
}

/** Decoded text → records; a quoted cell with line breaks advances the line count like the file does. */
export function textToRecords(text: string, delimiter: ',' | '\t' = sniffDelimiter(text)): SourceRecord[] {
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, quoteChar: '"' });
  const rows = parsed.data;
  // a final newline makes Papa report one empty row that is no line of the file
  const last = rows[rows.length - 1];
  if (last !== undefined && last.length === 1 && last[0] === '' && /\r?\n$/.test(text)) rows.pop();
  const records: SourceRecord[] = [];
  let line = 1;
  for (const cells of rows) {
    records.push({ sheet: '', line, cells });
    line += 1 + cells.reduce((breaks, cell) => breaks + (cell.match(/\n/g)?.length ?? 0), 0);
  }
  return records;
}

export function readFixtureRecords(path: string, options: ReadOptions = {}): SourceRecord[] {
  const text = decodeFixture(readFileSync(path), options.encoding);
  return textToRecords(text, options.delimiter ?? sniffDelimiter(text));
}

export async function* streamOf(records: readonly SourceRecord[]): AsyncIterable<SourceRecord> {
  for (const record of records) {
    await Promise.resolve();
    yield record;
  }
}

/** What the pipeline hands a detector: the file name, its path under the dropped folder, its first 30 rows. */
export function detectInputFor(path: string, root: string, records: readonly SourceRecord[] = readFixtureRecords(path)): DetectInput {
  return { fileName: basename(path), relPath: relative(root, path).split(sep).join('/'), head: records.slice(0, 30) };
}

export function contextFor(path: string, root: string, timeZone = 'Asia/Shanghai'): ParseContext {
  return { fileName: basename(path), relPath: relative(root, path).split(sep).join('/'), timeZone };
}

/** Run a format's mapper over records and gather everything it emits, in order. */
export async function mapAll(format: FormatSpec, records: readonly SourceRecord[], context: ParseContext): Promise<MapperOutput[]> {
  const out: MapperOutput[] = [];
  for await (const item of format.mapRows(streamOf(records), context)) out.push(item);
  return out;
}
