import { existsSync, readFileSync } from 'node:fs';
import { basename, relative, resolve, sep } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type {
  AccountDraft,
  DetectInput,
  FileWarning,
  FormatSpec,
  IdentifierDraft,
  MapperOutput,
  ParseContext,
  RowError,
  SourceRecord,
  TxnDraft,
} from '../../shared/parsers/types';

/**
 * Test-side stand-in for the ingest pipeline's reading: fixture and corpus files → the SourceRecords a mapper sees.
 * Encoding sniffed (BOM incl. UTF-16, strict UTF-8, else GB18030); CSV/TXT split with papaparse (cells untrimmed,
 * trailing tabs kept; LF line breaks with a trailing CR dropped, because some exports mix CRLF and LF; 1-based line
 * numbers of where each row starts, a quoted cell with line breaks advancing them like the file does); workbooks
 * read with exceljs (numbers as JavaScript prints them). Then the helpers that run a format over them.
 */

/** The shared corpus folder (/work/shared/corpus when the project is /work/main); absent on other machines. */
export const CORPUS_DIR = resolve(__dirname, '../../../shared/corpus');
export const PAYMENT_FIXTURES = resolve(__dirname, '../fixtures/payment');
export const corpusAvailable = existsSync(resolve(CORPUS_DIR, 'cn-payments'));

export type FixtureEncoding = 'gb18030' | 'utf-8' | 'auto';

export interface ReadOptions {
  /** default 'auto': a BOM decides, else UTF-8 when the bytes are valid UTF-8, else GB18030 */
  encoding?: FixtureEncoding;
  /** default: ',' when the first line has a comma outside quotes, else tab */
  delimiter?: ',' | '\t';
}

/** BOM (UTF-8, UTF-16 LE/BE), else strict UTF-8, else GB18030 — the pipeline's order without the detector. */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf-16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}

export function decodeFixture(bytes: Uint8Array, encoding: FixtureEncoding = 'auto'): string {
  if (encoding === 'gb18030') return iconv.decode(Buffer.from(bytes), 'gb18030');
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '');
  return decodeText(Buffer.from(bytes));
}

function sniffDelimiter(text: string): ',' | '\t' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  return firstLine.replace(/"[^"]*"/g, '').includes(',') ? ',' : '\t';
}

/** Delimited text → records with 1-based line numbers of where each row starts. */
export function delimitedRecords(text: string, delimiter: string): SourceRecord[] {
  const records: SourceRecord[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    skipEmptyLines: false,
    step: (result) => {
      const cells = [...result.data];
      const last = cells.length - 1;
      if (last >= 0 && cells[last]?.endsWith('\r')) cells[last] = cells[last].slice(0, -1);
      const end = result.meta.cursor;
      // a final newline makes Papa report one empty row that is no line of the file
      const atEof = end >= text.length && cells.length === 1 && cells[0] === '';
      if (!atEof) records.push({ sheet: '', line, cells });
      for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      start = end;
    },
  });
  return records;
}

/** Decoded text → records, the delimiter sniffed from the first line unless given. */
export function textToRecords(text: string, delimiter: ',' | '\t' = sniffDelimiter(text)): SourceRecord[] {
  return delimitedRecords(text, delimiter);
}

/** Records from inline text, for small hand-written cases inside a test (tab-separated unless told otherwise). */
export function textRecords(text: string, delimiter = '\t'): SourceRecord[] {
  return delimitedRecords(text, delimiter);
}

export function readFixtureRecords(path: string, options: ReadOptions = {}): SourceRecord[] {
  const text = decodeFixture(readFileSync(path), options.encoding);
  return textToRecords(text, options.delimiter ?? sniffDelimiter(text));
}

export async function workbookRecords(file: string): Promise<SourceRecord[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const records: SourceRecord[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values as ExcelJS.CellValue[];
      const cells: string[] = [];
      for (let column = 1; column < values.length; column++) cells.push(cellText(values[column]));
      records.push({ sheet: sheet.name, line: rowNumber, cells });
    });
  });
  return records;
}

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().replace('T', ' ').slice(0, 19);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  if (typeof value === 'object' && 'text' in value && typeof value.text === 'string') return value.text;
  return '';
}

export interface LoadedFile {
  fileName: string;
  relPath: string;
  records: SourceRecord[];
}

function relPathOf(file: string, root: string): string {
  return relative(root, file).split(sep).join('/');
}

/** Read a CSV, TXT or XLSX file; `root` decides relPath (the folder the user would have dropped). */
export async function loadFile(file: string, root: string): Promise<LoadedFile> {
  const fileName = basename(file);
  const relPath = relPathOf(file, root);
  if (/\.xlsx$/i.test(file)) return { fileName, relPath, records: await workbookRecords(file) };
  const text = decodeText(readFileSync(file));
  const delimiter = /\.(txt|tsv)$/i.test(file) ? '\t' : ',';
  return { fileName, relPath, records: delimitedRecords(text, delimiter) };
}

/** What a detector sees: the file's name, its path under the dropped folder, the first 30 rows of each sheet. */
export function detectInput(loaded: LoadedFile): DetectInput {
  const perSheet = new Map<string, number>();
  const head = loaded.records.filter((record) => {
    const seen = perSheet.get(record.sheet) ?? 0;
    perSheet.set(record.sheet, seen + 1);
    return seen < 30;
  });
  return { fileName: loaded.fileName, relPath: loaded.relPath, head };
}

/** {@link detectInput} for a text fixture read with {@link readFixtureRecords} (or the records given). */
export function detectInputFor(path: string, root: string, records: readonly SourceRecord[] = readFixtureRecords(path)): DetectInput {
  return detectInput({ fileName: basename(path), relPath: relPathOf(path, root), records: [...records] });
}

export function contextFor(path: string, root: string, timeZone = 'Asia/Shanghai'): ParseContext {
  return { fileName: basename(path), relPath: relPathOf(path, root), timeZone };
}

export async function* streamOf(records: readonly SourceRecord[]): AsyncIterable<SourceRecord> {
  for (const record of records) {
    await Promise.resolve();
    yield record;
  }
}

/** Run a format's mapper over records and gather everything it emits, in order. */
export async function mapAll(format: FormatSpec, records: readonly SourceRecord[], context: ParseContext): Promise<MapperOutput[]> {
  const out: MapperOutput[] = [];
  for await (const item of format.mapRows(streamOf(records), context)) out.push(item);
  return out;
}

export interface MappedFile {
  txns: TxnDraft[];
  accounts: AccountDraft[];
  identifiers: IdentifierDraft[];
  errors: RowError[];
  warnings: FileWarning[];
  all: MapperOutput[];
}

/** {@link mapAll} over a loaded file, its outputs sorted by type as well. */
export async function mapFile(format: FormatSpec, loaded: LoadedFile, timeZone = 'Asia/Shanghai'): Promise<MappedFile> {
  const context: ParseContext = { fileName: loaded.fileName, relPath: loaded.relPath, timeZone };
  const all = await mapAll(format, loaded.records, context);
  return {
    txns: all.filter((item): item is TxnDraft => item.type === 'txn'),
    accounts: all.filter((item): item is AccountDraft => item.type === 'account'),
    identifiers: all.filter((item): item is IdentifierDraft => item.type === 'identifier'),
    errors: all.filter((item): item is RowError => item.type === 'error'),
    warnings: all.filter((item): item is FileWarning => item.type === 'warning'),
    all,
  };
}

/** Wall-clock time in Asia/Shanghai (UTC+8, no DST since 1991) → UTC epoch ms. */
export function shanghai(wall: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(wall);
  if (!m) throw new Error(`bad wall time ${wall}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]) - 8, Number(m[5]), Number(m[6]));
}
