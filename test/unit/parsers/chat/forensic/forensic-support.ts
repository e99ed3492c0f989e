import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { readXlsx } from '../../../../../electron/core/ingest/read/xlsx';
import { forensicChatTable } from '../../../../../shared/parsers/chat/forensic/format';
import type { DetectInput, FileWarning, IdentifierDraft, MapperOutput, MessageDraft, ParseContext, RowError, SourceRecord } from '../../../../../shared/parsers/types';
import { htmlTableRecords } from '../../../../support/html-table-records';
import { mapAll } from '../../../../support/parser-records';

export const FORENSIC_FIXTURES = resolve(__dirname, '../../../../fixtures/chat/forensic');

/** An .xlsx file through the pipeline's own streaming reader. */
export async function workbookRecords(file: string): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of readXlsx({ file, displayName: basename(file) })) records.push(record);
  return records;
}

export function htmlFileRecords(file: string): SourceRecord[] {
  return htmlTableRecords(readFileSync(file, 'utf8'));
}

/** What a detector sees: the first 30 rows of each sheet (or table). */
export function detectInputOf(fileName: string, records: readonly SourceRecord[], extra: Partial<DetectInput> = {}): DetectInput {
  const perSheet = new Map<string, number>();
  const head = records.filter((record) => {
    const seen = perSheet.get(record.sheet) ?? 0;
    perSheet.set(record.sheet, seen + 1);
    return seen < 30;
  });
  return { fileName, relPath: `取证报告/${fileName}`, head, ...extra };
}

export interface Mapped {
  messages: MessageDraft[];
  identifiers: IdentifierDraft[];
  errors: RowError[];
  warnings: FileWarning[];
  all: MapperOutput[];
}

export async function mapForensic(records: readonly SourceRecord[], fileName = 'report.xlsx', timeZone = 'Asia/Shanghai'): Promise<Mapped> {
  const context: ParseContext = { fileName, relPath: `取证报告/${fileName}`, timeZone };
  const all = await mapAll(forensicChatTable, records, context);
  return {
    messages: all.filter((item): item is MessageDraft => item.type === 'message'),
    identifiers: all.filter((item): item is IdentifierDraft => item.type === 'identifier'),
    errors: all.filter((item): item is RowError => item.type === 'error'),
    warnings: all.filter((item): item is FileWarning => item.type === 'warning'),
    all,
  };
}

/** Inline rows of one sheet, numbered from 1. */
export function rows(sheet: string, ...cells: string[][]): SourceRecord[] {
  return cells.map((row, index) => ({ sheet, line: index + 1, cells: row }));
}
