import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { detectFormats } from '../../../../../shared/parsers/registry';
import type { DetectInput, FormatSpec, IdentifierDraft, MapperOutput, MessageDraft, ParseContext, RowError, SourceRecord } from '../../../../../shared/parsers/types';

/**
 * Test-side stand-in for the ingest pipeline of the structured chat exports: a JSON/HTML file is one record holding
 * its whole text (input 'document'), a database is its tables' rows (input 'sqlite'); detectors see the first 64 KB.
 */

/** The shared corpus folder (/work/shared/corpus when the project is /work/main); absent on other machines. */
export const CORPUS_DIR = resolve(__dirname, '../../../../../../shared/corpus');
export const CHAT_FIXTURES = resolve(__dirname, '../../../../fixtures/chat');
export const corpusHas = (relative: string): boolean => existsSync(resolve(CORPUS_DIR, relative));

export function readText(path: string): string {
  return readFileSync(path, 'utf8').replace(/^\ufeff/, '');
}

export function documentDetectInput(text: string, relPath: string): DetectInput {
  return { fileName: basename(relPath), relPath, head: [], text: text.slice(0, 64 * 1024), container: 'text', entries: [] };
}

export function contextOf(relPath: string, timeZone = 'Asia/Shanghai'): ParseContext {
  return { fileName: basename(relPath), relPath, timeZone };
}

async function* streamOf(records: readonly SourceRecord[]): AsyncIterable<SourceRecord> {
  for (const record of records) yield await Promise.resolve(record);
}

export interface Mapped {
  all: MapperOutput[];
  messages: MessageDraft[];
  errors: RowError[];
  identifiers: IdentifierDraft[];
  warnings: string[];
}

export async function mapRecords(format: FormatSpec, records: readonly SourceRecord[], context: ParseContext): Promise<Mapped> {
  const out: Mapped = { all: [], messages: [], errors: [], identifiers: [], warnings: [] };
  for await (const item of format.mapRows(streamOf(records), context)) {
    out.all.push(item);
    if (item.type === 'message') out.messages.push(item);
    else if (item.type === 'error') out.errors.push(item);
    else if (item.type === 'identifier') out.identifiers.push(item);
    else if (item.type === 'warning') out.warnings.push(`${item.code}: ${item.message}`);
  }
  return out;
}

export function mapDocument(format: FormatSpec, text: string, relPath: string, timeZone = 'Asia/Shanghai'): Promise<Mapped> {
  return mapRecords(format, [{ sheet: '', line: 1, cells: [text] }], contextOf(relPath, timeZone));
}

/** The ids of the formats that claim a file, most confident first. */
export function claimants(input: DetectInput, formats?: readonly FormatSpec[]): string[] {
  return detectFormats(input, formats).map((ranked) => ranked.format.id);
}

/** Wall-clock time at a fixed UTC offset (minutes) → epoch ms. */
export function atOffset(wall: string, offsetMinutes: number): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(wall);
  if (!m) throw new Error(`bad wall time ${wall}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) - offsetMinutes * 60_000;
}
