import { existsSync, readFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
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
 * Test-side reading of payment fixtures and corpus files into the records the ingest pipeline hands to a mapper:
 * encoding sniffed (BOM, strict UTF-8, else GB18030), CSV/TXT split with papaparse (LF line breaks with a trailing
 * CR dropped, because some exports mix CRLF and LF), workbooks read with exceljs (numbers as JavaScript prints them).
 */

/** The shared corpus folder (/work/shared/corpus when the project is /work/main); absent on other machines. */
export const CORPUS_DIR = resolve(__dirname, '../../../shared/corpus');
export const PAYMENT_FIXTURES = resolve(__dirname, '../fixtures/payment');
export const corpusAvailable = existsSync(resolve(CORPUS_DIR, 'cn-payments'));

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
      const atEof = end >= text.length && cells.length === 1 && cells[0] === '';
      if (!atEof) records.push({ sheet: '', line, cells });
      for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      start = end;
    },
  });
  return records;
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

/** Read a CSV, TXT or XLSX file; `root` decides relPath (the folder the user would have dropped). */
export async function loadFile(file: string, root: string): Promise<LoadedFile> {
  const fileName = basename(file);
  const relPath = relative(root, file).split(/[\\/]/).join('/');
  if (/\.xlsx$/i.test(file)) return { fileName, relPath, records: await workbookRecords(file) };
  const text = decodeText(readFileSync(file));
  const delimiter = /\.(txt|tsv)$/i.test(file) ? '\t' : ',';
  return { fileName, relPath, records: delimitedRecords(text, delimiter) };
}

/** What a detector sees: the first 30 rows of each sheet. */
export function detectInput(loaded: LoadedFile): DetectInput {
  const perSheet = new Map<string, number>();
  const head = loaded.records.filter((record) => {
    const seen = perSheet.get(record.sheet) ?? 0;
    perSheet.set(record.sheet, seen + 1);
    return seen < 30;
  });
  return { fileName: loaded.fileName, relPath: loaded.relPath, head };
}

export interface MappedFile {
  txns: TxnDraft[];
  accounts: AccountDraft[];
  identifiers: IdentifierDraft[];
  errors: RowError[];
  warnings: FileWarning[];
  all: MapperOutput[];
}

async function* iterate(records: readonly SourceRecord[]): AsyncIterable<SourceRecord> {
  for (const record of records) yield await Promise.resolve(record);
}

export async function mapFile(format: FormatSpec, loaded: LoadedFile, timeZone = 'Asia/Shanghai'): Promise<MappedFile> {
  const context: ParseContext = { fileName: loaded.fileName, relPath: loaded.relPath, timeZone };
  const out: MappedFile = { txns: [], accounts: [], identifiers: [], errors: [], warnings: [], all: [] };
  for await (const item of format.mapRows(iterate(loaded.records), context)) {
    out.all.push(item);
    if (item.type === 'txn') out.txns.push(item);
    else if (item.type === 'account') out.accounts.push(item);
    else if (item.type === 'identifier') out.identifiers.push(item);
    else if (item.type === 'error') out.errors.push(item);
    else if (item.type === 'warning') out.warnings.push(item);
  }
  return out;
}

/** Records from inline text, for small hand-written cases inside a test. */
export function textRecords(text: string, delimiter = '\t'): SourceRecord[] {
  return delimitedRecords(text, delimiter);
}

/** Wall-clock time in Asia/Shanghai (UTC+8, no DST since 1991) → UTC epoch ms. */
export function shanghai(wall: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(wall);
  if (!m) throw new Error(`bad wall time ${wall}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]) - 8, Number(m[5]), Number(m[6]));
}
