import ExcelJS from 'exceljs';
import type { SourceRecord } from '@shared/parsers/types';
import { unreadable } from './read-error';
import { XLSX_LIMITS, inspectZip } from './zip-guard';

export interface WorkbookOptions {
  file: string;
  displayName: string;
  signal?: AbortSignal;
}

/** Cell value → the text a person sees; dates as wall-clock text (Excel stores local time without a zone). */
export function cellToText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return wallClock(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellToText(value.result);
    if ('error' in value) return String(value.error);
  }
  return '';
}

function wallClock(date: Date): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const text = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return text;
}

/** Stream the rows of every worksheet of an .xlsx file (exceljs streaming reader; the zip is inspected first). */
export async function* readXlsx(options: WorkbookOptions): AsyncIterable<SourceRecord> {
  const refusal = await inspectZip(options.file, XLSX_LIMITS);
  if (refusal) throw unreadable(options.displayName, refusal);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(options.file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const worksheet of reader) {
      const sheet = (worksheet as unknown as { name?: string }).name ?? '';
      for await (const row of worksheet) {
        if (options.signal?.aborted) throw options.signal.reason;
        const values = row.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        for (let column = 1; column < values.length; column += 1) cells.push(cellToText(values[column]));
        yield { sheet, line: row.number, cells };
      }
    }
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (error instanceof Error && error.name === 'AppError') throw error;
    throw unreadable(options.displayName, `damaged workbook (${error instanceof Error ? error.message : String(error)})`);
  }
}
