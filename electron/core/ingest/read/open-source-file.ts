import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { SourceRecord } from '@shared/parsers/types';
import { chooseEncoding, createTextDecoder, type EncodingChoice } from './decode';
import { readDelimited, sniffDelimiter } from './delimited';
import { unreadable } from './read-error';
import { readXls } from './xls';
import { readXlsx } from './xlsx';

const SAMPLE_BYTES = 1 << 20;
export const HEAD_ROWS = 30;

export interface SourceFile {
  /** how it is read: 'utf-8', 'gb18030' … for text, 'xlsx' for workbooks */
  encoding: string;
  encodingReason: string;
  /** a fresh pass over every row */
  records(signal?: AbortSignal, onBytes?: (bytes: number) => void, chunkBytes?: number): AsyncIterable<SourceRecord>;
  /** the same reading plan for a byte-identical copy (the kept original) without sniffing it again */
  at(path: string): SourceFile;
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
  const extension = extname(displayName).toLowerCase();
  if (isZip && (extension === '.xlsx' || extension === '.xlsm' || extension === '')) {
    const xlsx = (file: string): SourceFile => ({
      encoding: 'xlsx',
      encodingReason: 'Office Open XML workbook',
      records: (signal) => readXlsx({ file, displayName, ...(signal ? { signal } : {}) }),
      at: xlsx,
    });
    return xlsx(path);
  }
  if (isOle) {
    const xls = (file: string): SourceFile => ({
      encoding: 'xls',
      encodingReason: 'Excel 97–2003 workbook (BIFF)',
      records: (signal) => readXls({ file, displayName, size, ...(signal ? { signal } : {}) }),
      at: xls,
    });
    return xls(path);
  }
  if (extension === '.xls' && !isZip && /^\s*</.test(sample.subarray(0, 64).toString('latin1'))) {
    throw unreadable(displayName, 'an HTML page saved with an .xls name (some systems export that way): open it in Excel and save as .xlsx');
  }
  if (isZip) throw unreadable(displayName, 'a zip archive: import the folder it contains (or an .xlsx workbook)');
  const choice: EncodingChoice = chooseEncoding(sample, size <= SAMPLE_BYTES);
  const sampleText = createTextDecoder(choice.encoding).write(sample.subarray(choice.bomLength));
  const delimiter = sniffDelimiter(sampleText, displayName);
  const text = (file: string): SourceFile => ({
    encoding: choice.encoding,
    encodingReason: choice.reason,
    at: text,
    records: (signal, onBytes, chunkBytes) =>
      readDelimited({
        file,
        displayName,
        encoding: choice.encoding,
        bomLength: choice.bomLength,
        delimiter,
        ...(signal ? { signal } : {}),
        ...(onBytes ? { onBytes } : {}),
        ...(chunkBytes ? { chunkBytes } : {}),
      }),
  });
  return text(path);
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
