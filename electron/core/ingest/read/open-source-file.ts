import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { DetectInput, FormatInput, SourceRecord } from '@shared/parsers/types';
import { chooseEncoding, createTextDecoder, type EncodingChoice, type TextEncoding } from './decode';
import { readDelimited, sniffDelimiter } from './delimited';
import { readDocument } from './document';
import { looksLikeHtml, readHtmlTables } from './html-table';
import { linesOf, readLines } from './lines';
import { unreadable } from './read-error';
import { SQLITE_MAGIC, listSqliteTables, readSqliteTables } from './sqlite-tables';
import { readXls } from './xls';
import { readXlsx } from './xlsx';
import { chatTextEntry, listZipEntries, openZipEntry } from './zip-archive';

const SAMPLE_BYTES = 1 << 20;
const DETECT_TEXT_CHARS = 64 * 1024;
export const HEAD_ROWS = 30;

export type Container = NonNullable<DetectInput['container']>;

export interface ReadOptions {
  signal?: AbortSignal | undefined;
  onBytes?: ((bytes: number) => void) | undefined;
  chunkBytes?: number | undefined;
}

export interface SourceFile {
  /** the file this plan reads */
  path: string;
  container: Container;
  /** how it is read: 'utf-8', 'gb18030' … for text, 'xlsx', 'xls', 'zip', 'sqlite' otherwise */
  encoding: string;
  encodingReason: string;
  /** the first ~64 KB of decoded text (of the chat text entry for a zip); '' for workbooks and databases */
  text: string;
  /** zip entry names or database table names */
  entries: readonly string[];
  /** a fresh pass over the file as the format's input kind asks (rows of cells by default) */
  read(input: FormatInput | undefined, options?: ReadOptions): AsyncIterable<SourceRecord>;
  /** rows of cells: CSV/TXT split on the sniffed delimiter, workbook rows, or the rows of an HTML page's tables */
  records(signal?: AbortSignal, onBytes?: (bytes: number) => void, chunkBytes?: number): AsyncIterable<SourceRecord>;
  /** the same reading plan for a byte-identical copy (the kept original) without sniffing it again */
  at(path: string): SourceFile;
}

async function* nothing(): AsyncIterable<SourceRecord> {
  // a container without rows of that kind
}

function wrongInput(displayName: string, container: Container, input: FormatInput): never {
  throw unreadable(displayName, `a ${container} file cannot be read as ${input.kind}`);
}

/** Work out how to read a file (container, encoding, delimiter) from its extension and first bytes. */
export async function openSourceFile(path: string, displayName: string): Promise<SourceFile> {
  const handle = await open(path, 'r');
  let sample: Buffer;
  let size: number;
  try {
    size = (await handle.stat()).size;
    const buffer = Buffer.alloc(Math.min(SAMPLE_BYTES, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    sample = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (size === 0) throw unreadable(displayName, 'the file is empty');
  const isZip = sample[0] === 0x50 && sample[1] === 0x4b;
  const isOle = sample[0] === 0xd0 && sample[1] === 0xcf && sample[2] === 0x11 && sample[3] === 0xe0;
  const isSqlite = sample.subarray(0, 16).toString('latin1') === SQLITE_MAGIC;
  const extension = extname(displayName).toLowerCase();
  if (isZip && (extension === '.xlsx' || extension === '.xlsm' || extension === '')) {
    const xlsx = (file: string): SourceFile => ({
      path: file,
      container: 'xlsx',
      encoding: 'xlsx',
      encodingReason: 'Office Open XML workbook',
      text: '',
      entries: [],
      records: (signal) => readXlsx({ file, displayName, ...(signal ? { signal } : {}) }),
      read: (input, options = {}) =>
        !input || input.kind === 'table' ? readXlsx({ file, displayName, ...(options.signal ? { signal: options.signal } : {}) }) : wrongInput(displayName, 'xlsx', input),
      at: xlsx,
    });
    return xlsx(path);
  }
  if (isOle) {
    const xls = (file: string): SourceFile => ({
      path: file,
      container: 'xls',
      encoding: 'xls',
      encodingReason: 'Excel 97–2003 workbook (BIFF)',
      text: '',
      entries: [],
      records: (signal) => readXls({ file, displayName, size, ...(signal ? { signal } : {}) }),
      read: (input, options = {}) =>
        !input || input.kind === 'table' ? readXls({ file, displayName, size, ...(options.signal ? { signal: options.signal } : {}) }) : wrongInput(displayName, 'xls', input),
      at: xls,
    });
    return xls(path);
  }
  if (isSqlite) return openSqlite(path, displayName);
  if (isZip) return openZip(path, displayName);
  const choice: EncodingChoice = chooseEncoding(sample, size <= SAMPLE_BYTES);
  const sampleText = createTextDecoder(choice.encoding).write(sample.subarray(choice.bomLength));
  const html = looksLikeHtml(sampleText);
  if (extension === '.xls' && html) {
    throw unreadable(displayName, 'an HTML page saved with an .xls name (some systems export that way): open it in Excel and save as .xlsx');
  }
  const delimiter = sniffDelimiter(sampleText, displayName);
  const text = (file: string): SourceFile => {
    const plain = { file, displayName, encoding: choice.encoding, bomLength: choice.bomLength };
    const table = (options: ReadOptions): AsyncIterable<SourceRecord> =>
      html ? readHtmlTables({ ...plain, ...options }) : readDelimited({ ...plain, delimiter, ...definedOnly(options) });
    return {
      path: file,
      container: 'text',
      encoding: choice.encoding,
      encodingReason: html ? `${choice.reason}; HTML page (rows of its tables)` : choice.reason,
      text: sampleText.slice(0, DETECT_TEXT_CHARS),
      entries: [],
      at: text,
      records: (signal, onBytes, chunkBytes) => table({ signal, onBytes, chunkBytes }),
      read: (input, options = {}) => {
        if (!input || input.kind === 'table') return table(options);
        if (input.kind === 'lines') return readLines({ ...plain, ...options });
        if (input.kind === 'document') return readDocument({ ...plain, ...options });
        return wrongInput(displayName, 'text', input);
      },
    };
  };
  return text(path);
}

function definedOnly(options: ReadOptions): { signal?: AbortSignal; onBytes?: (bytes: number) => void; chunkBytes?: number } {
  return {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onBytes ? { onBytes: options.onBytes } : {}),
    ...(options.chunkBytes ? { chunkBytes: options.chunkBytes } : {}),
  };
}

async function openSqlite(path: string, displayName: string): Promise<SourceFile> {
  const tables = await listSqliteTables({ file: path, displayName });
  const sqlite = (file: string): SourceFile => ({
    path: file,
    container: 'sqlite',
    encoding: 'sqlite',
    encodingReason: `SQLite database (${tables.length} tables)`,
    text: '',
    entries: tables,
    records: () => nothing(),
    read: (input, options = {}) =>
      input?.kind === 'sqlite' ? readSqliteTables({ file, displayName, tables: input.tables, signal: options.signal }) : input ? wrongInput(displayName, 'sqlite', input) : nothing(),
    at: sqlite,
  });
  return sqlite(path);
}

/** A zip that is not a workbook: a chat export with media (WhatsApp) — its chat text is what formats look at. */
async function openZip(path: string, displayName: string): Promise<SourceFile> {
  const entries = await listZipEntries(path, displayName);
  const chat = chatTextEntry(entries);
  let text = '';
  let encoding: TextEncoding = 'utf-8';
  let reason = `zip archive (${entries.length} entries)`;
  if (chat) {
    const stream = await openZipEntry(path, displayName, chat.name);
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      bytes += (chunk as Buffer).length;
      if (bytes >= SAMPLE_BYTES) break;
    }
    stream.destroy();
    const sample = Buffer.concat(chunks);
    const choice = chooseEncoding(sample, bytes < SAMPLE_BYTES);
    encoding = choice.encoding;
    text = createTextDecoder(encoding).write(sample.subarray(choice.bomLength)).slice(0, DETECT_TEXT_CHARS);
    reason = `zip archive (${entries.length} entries); chat text ${chat.name}: ${choice.reason}`;
  }
  const zip = (file: string): SourceFile => ({
    path: file,
    container: 'zip',
    encoding,
    encodingReason: reason,
    text,
    entries: entries.map((entry) => entry.name),
    records: () => nothing(),
    read: (input, options = {}) => {
      if (input?.kind !== 'lines' || !chat) return input ? wrongInput(displayName, 'zip', input) : nothing();
      return (async function* () {
        const stream = await openZipEntry(file, displayName, chat.name);
        // a BOM at the start of the entry is dropped by the line reader's caller: strip it from the first line
        let first = true;
        for await (const record of linesOf(stream, { displayName, encoding, signal: options.signal, onBytes: options.onBytes })) {
          if (first) {
            first = false;
            const cell = record.cells[0] ?? '';
            yield cell.startsWith('\ufeff') ? { ...record, cells: [cell.slice(1)] } : record;
          } else {
            yield record;
          }
        }
      })();
    },
    at: zip,
  });
  return zip(path);
}

/** What format detection sees of a file. */
export async function detectInputOf(file: SourceFile, fileName: string, relPath: string): Promise<DetectInput> {
  const head = file.container === 'zip' || file.container === 'sqlite' ? [] : await readHead(file);
  return { fileName, relPath, head, text: file.text, container: file.container, entries: file.entries };
}

/** The first rows of each sheet, for format detection. */
export async function readHead(file: SourceFile, perSheet = HEAD_ROWS): Promise<SourceRecord[]> {
  const head: SourceRecord[] = [];
  const counts = new Map<string, number>();
  const controller = new AbortController();
  try {
    for await (const record of file.records(controller.signal, undefined, 64 * 1024)) {
      const count = counts.get(record.sheet) ?? 0;
      if (count < perSheet) {
        head.push(record);
        counts.set(record.sheet, count + 1);
      } else if (record.sheet === '') {
        break;
      }
    }
  } finally {
    controller.abort();
  }
  return head;
}
