import { readFileSync } from 'node:fs';
import { basename, relative, resolve, sep } from 'node:path';
import yauzl from 'yauzl';
import type { DetectInput, FileWarning, FormatSpec, IdentifierDraft, MapperOutput, MessageDraft, ParseContext, RowError, SourceRecord } from '../../shared/parsers/types';
import { decodeText, textToRecords } from './parser-records';

/**
 * Test-side stand-in for the ingest pipeline's reading of chat exports: text → 'lines' records (CR stripped, no
 * record for the empty piece after a final newline, as electron/core/ingest/read/lines.ts does), CSV → table
 * records, the chat text of a WhatsApp zip, and a run of a format's survey then mapRows.
 */

export const CHAT_FIXTURES = resolve(__dirname, '../fixtures/chat');

export function textLines(text: string): SourceRecord[] {
  const pieces = text.split('\n');
  if (pieces[pieces.length - 1] === '') pieces.pop();
  return pieces.map((piece, index) => ({ sheet: '', line: index + 1, cells: [piece.endsWith('\r') ? piece.slice(0, -1) : piece] }));
}

export function csvRecords(text: string): SourceRecord[] {
  return textToRecords(text, ',');
}

export interface ChatFile {
  fileName: string;
  relPath: string;
  text: string;
  container: 'text' | 'zip';
  entries: string[];
}

/** A text file as the pipeline opens it (BOM dropped, UTF-8 or GB18030); `root` is the folder the user dropped. */
export function readChatFile(path: string, root: string): ChatFile {
  return { fileName: basename(path), relPath: relative(root, path).split(sep).join('/'), text: decodeText(readFileSync(path)), container: 'text', entries: [] };
}

/** A WhatsApp "Attach media" zip: its entry names and the text of its chat entry (`_chat.txt` / `WhatsApp Chat….txt`). */
export async function readChatZip(path: string, root: string): Promise<ChatFile> {
  const { entries, texts } = await new Promise<{ entries: string[]; texts: Map<string, Buffer> }>((done, fail) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) {
        fail(error ?? new Error('no zip'));
        return;
      }
      const names: string[] = [];
      const found = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        if (!/(?:^|\/)(?:_chat\.txt|WhatsApp[^/]*\.txt)$/i.test(entry.fileName) || entry.fileName.startsWith('__MACOSX/')) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            fail(streamError ?? new Error('no stream'));
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            found.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => done({ entries: names, texts: found }));
      zip.on('error', fail);
      zip.readEntry();
    });
  });
  const [bytes] = [...texts.values()];
  return {
    fileName: basename(path),
    relPath: relative(root, path).split(sep).join('/'),
    text: bytes === undefined ? '' : decodeText(bytes),
    container: 'zip',
    entries,
  };
}

/** What a detector sees: the head as the table reader splits it (none for a zip), the first 64 KB of text. */
export function chatDetectInput(file: ChatFile): DetectInput {
  const head = file.container === 'zip' ? [] : textToRecords(file.text).slice(0, 30);
  return { fileName: file.fileName, relPath: file.relPath, head, text: file.text.slice(0, 64 * 1024), container: file.container, entries: file.entries };
}

export function chatContext(file: Pick<ChatFile, 'fileName' | 'relPath'>, timeZone = 'Asia/Shanghai'): ParseContext {
  return { fileName: file.fileName, relPath: file.relPath, timeZone };
}

export interface ChatRun {
  messages: MessageDraft[];
  identifiers: IdentifierDraft[];
  errors: RowError[];
  warnings: FileWarning[];
  hints: Record<string, string>;
  all: MapperOutput[];
}

async function* streamOf(records: readonly SourceRecord[]): AsyncIterable<SourceRecord> {
  for (const record of records) yield await Promise.resolve(record);
}

/** The pipeline's two passes: the format's survey (when it has one), then mapRows with the survey's hints. */
export async function runChat(format: FormatSpec, records: readonly SourceRecord[], context: ParseContext): Promise<ChatRun> {
  const hints = format.survey ? await format.survey(streamOf(records), context) : {};
  const run: ChatRun = { messages: [], identifiers: [], errors: [], warnings: [], hints, all: [] };
  for await (const item of format.mapRows(streamOf(records), { ...context, hints })) {
    run.all.push(item);
    if (item.type === 'message') run.messages.push(item);
    else if (item.type === 'identifier') run.identifiers.push(item);
    else if (item.type === 'error') run.errors.push(item);
    else if (item.type === 'warning') run.warnings.push(item);
  }
  return run;
}

/** Wall-clock time in Asia/Shanghai (UTC+8 since 1991) → epoch ms, for asserting times to the minute or second. */
export function shanghaiMs(wall: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall);
  if (!m) throw new Error(`bad wall time ${wall}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]) - 8, Number(m[5]), Number(m[6] ?? 0));
}
