import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { AppError } from '@shared/api';
import type { TxnFilter, TxnSort } from '@shared/domain';
import { formatInZone } from '@shared/time';
import type { Db } from '../db/connection';
import { neutraliseCell, csvField } from './cell-safety';
import { EXPORT_COLUMNS, yuanText, type ExportColumn, type ExportRow } from './export-columns';
import { orderedIdsQuery } from './txn-query';
import { ROW_COLUMNS, tagsOf, toTxnRow, type RawRow } from './txn-rows';

/** Rows read and written per step; between steps the event loop runs other calls and the cancel is checked. */
const BATCH = 2000;
/** Excel's sheet limit is 1,048,576 rows including the header: longer views continue on further sheets. */
const XLSX_ROWS_PER_SHEET = 1_048_575;
/** Card and account numbers this long lose digits when Excel reads them as numbers. */
const LONG_NUMBER = /^\d{12,}$/;

export interface ExportCall {
  exportsDir: string;
  filter: TxnFilter;
  sort: TxnSort;
  format: 'csv' | 'xlsx';
  /** the zone the file name's time is written in */
  timeZone: string;
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface ExportOutcome {
  path: string;
  rows: number;
  sha256: string;
}

/** `交易明细_20240301-140509.csv`, with `-2`, `-3` … when that name is taken. */
function exportPath(dir: string, format: 'csv' | 'xlsx', timeZone: string): string {
  const stamp = formatInZone(Date.now(), timeZone).replace(/[-:]/g, '').replace(' ', '-');
  for (let n = 1; ; n += 1) {
    const path = join(dir, `交易明细_${stamp}${n === 1 ? '' : `-${n}`}.${format}`);
    if (!existsSync(path)) return path;
  }
}

interface ExportRaw extends RawRow {
  file: string;
  sourceSha256: string;
  sheet: string;
  line: number;
  rowHash: string;
}

function exportRows(db: Db, ids: readonly number[]): ExportRow[] {
  const raw = db
    .prepare(
      `SELECT ${ROW_COLUMNS}, s.rel_path AS file, s.sha256 AS sourceSha256, t.sheet, t.line, t.row_hash AS rowHash
       FROM txn t JOIN account a ON a.id = t.account_id JOIN source s ON s.id = t.source_id
       WHERE t.id IN (${ids.map(() => '?').join(',')})`,
    )
    .all(...ids) as ExportRaw[];
  const byId = new Map(raw.map((row) => [row.id, row]));
  const tags = tagsOf(db, ids);
  const rows: ExportRow[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row) rows.push({ ...toTxnRow(row, tags.get(id) ?? []), file: row.file, sourceSha256: row.sourceSha256, sheet: row.sheet, line: row.line, rowHash: row.rowHash });
  }
  return rows;
}

function csvCell(column: ExportColumn, row: ExportRow): string {
  const value = column.value(row);
  if (value === null) return '';
  if (column.kind === 'money' && typeof value === 'number') return yuanText(value);
  const text = String(value);
  if (column.kind === 'number-text' && LONG_NUMBER.test(text)) return `${text}\t`;
  return csvField(neutraliseCell(text));
}

function xlsxCell(column: ExportColumn, row: ExportRow): string | number | null {
  const value = column.value(row);
  if (value === null) return null;
  if (column.kind === 'money' && typeof value === 'number') return value / 100;
  if (column.kind === 'integer' && typeof value === 'number') return value;
  return neutraliseCell(String(value));
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface Sink {
  write(rows: readonly ExportRow[]): Promise<void>;
  finish(): Promise<void>;
}

function csvSink(path: string): Sink {
  const out: WriteStream = createWriteStream(path);
  const closed = once(out, 'close');
  // UTF-8 with a byte-order mark, so Excel and WPS open Chinese text without asking for an encoding
  out.write(`\uFEFF${EXPORT_COLUMNS.map((column) => csvField(column.header)).join(',')}\r\n`);
  return {
    async write(rows) {
      const text = rows.map((row) => EXPORT_COLUMNS.map((column) => csvCell(column, row)).join(',')).join('\r\n');
      if (!out.write(`${text}\r\n`)) await once(out, 'drain');
    },
    async finish() {
      if (!out.writableEnded) out.end();
      await closed;
    },
  };
}

function xlsxSink(path: string): Sink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  let sheet: ExcelJS.Worksheet | null = null;
  let sheets = 0;
  let rowsInSheet = 0;
  let finishing: Promise<void> | null = null;
  const startSheet = (): ExcelJS.Worksheet => {
    sheets += 1;
    const next = workbook.addWorksheet(sheets === 1 ? '交易明细' : `交易明细(${sheets})`, { views: [{ state: 'frozen', ySplit: 1 }] });
    next.columns = EXPORT_COLUMNS.map((column) => ({
      header: column.header,
      width: column.width,
      style: column.kind === 'money' ? { numFmt: '#,##0.00' } : column.kind === 'number-text' ? { numFmt: '@' } : {},
    }));
    next.getRow(1).font = { bold: true };
    rowsInSheet = 0;
    return next;
  };
  return {
    async write(rows) {
      for (const row of rows) {
        if (!sheet || rowsInSheet >= XLSX_ROWS_PER_SHEET) {
          sheet?.commit();
          sheet = startSheet();
        }
        sheet.addRow(EXPORT_COLUMNS.map((column) => xlsxCell(column, row))).commit();
        rowsInSheet += 1;
      }
      return Promise.resolve();
    },
    // finalized once: after a failure part-way through finishing, a second commit would make the zip writer raise
    // an error with no one to catch it
    finish() {
      finishing ??= (async () => {
        if (!sheet) sheet = startSheet();
        sheet.commit();
        await workbook.commit();
      })();
      return finishing;
    },
  };
}

/**
 * Write the whole filtered, sorted view to the case's exports/ folder as CSV (UTF-8 with BOM) or XLSX (exceljs
 * streaming writer), with provenance columns and cells that cannot start formulas. The ordered ids are read once
 * (a consistent list), then the rows in batches, yielding between batches so the app stays responsive; a cancel
 * removes the partial file.
 */
export async function exportTxns(db: Db, call: ExportCall): Promise<ExportOutcome> {
  const { sql, params } = orderedIdsQuery(db, call.filter, call.sort);
  const ids = Float64Array.from(db.prepare(sql).pluck().all(...params) as number[]);
  const path = exportPath(call.exportsDir, call.format, call.timeZone);
  const sink = call.format === 'csv' ? csvSink(path) : xlsxSink(path);
  let written = 0;
  try {
    call.onProgress?.(0, ids.length);
    for (let start = 0; start < ids.length; start += BATCH) {
      if (call.signal?.aborted) throw new AppError('CANCELLED', `Export cancelled after ${written} of ${ids.length} rows.`);
      const rows = exportRows(db, Array.from(ids.subarray(start, start + BATCH)));
      await sink.write(rows);
      written += rows.length;
      call.onProgress?.(written, ids.length);
      await nextTurn();
    }
    await sink.finish();
  } catch (error) {
    await sink.finish().catch(() => undefined);
    rmSync(path, { force: true });
    throw error;
  }
  return { path, rows: written, sha256: await sha256OfFile(path) };
}
