import { createReadStream } from 'node:fs';
import { Parser } from 'htmlparser2';
import type { SourceRecord } from '@shared/parsers/types';
import { createTextDecoder, type TextEncoding } from './decode';
import { unreadable } from './read-error';

export interface HtmlTableOptions {
  file: string;
  displayName: string;
  encoding: TextEncoding;
  bomLength: number;
  signal?: AbortSignal | undefined;
  onBytes?: ((bytes: number) => void) | undefined;
  chunkBytes?: number | undefined;
}

interface OpenTable {
  sheet: string;
  rows: number;
  row: string[] | null;
  cell: string | null;
}

/** Past this a cell is hostile or junk; its text is cut (the row still imports). */
const MAX_CELL_CHARS = 4 * 1024 * 1024;

/**
 * The rows of every <table> of an HTML report (forensic tools export chat and contact tables this way), streamed:
 * sheet = 'table N' in document order, line = the row's number within its table, cells = each td/th's text content
 * (entities decoded, <br> as a line break, script and style ignored). Markup is parsed, never rendered or run.
 */
export async function* readHtmlTables(options: HtmlTableOptions): AsyncIterable<SourceRecord> {
  const ready: SourceRecord[] = [];
  const stack: OpenTable[] = [];
  let tables = 0;
  let skipping = 0;
  const top = (): OpenTable | undefined => stack[stack.length - 1];
  const endCell = (table: OpenTable): void => {
    if (table.cell !== null && table.row !== null) table.row.push(table.cell.replace(/\s+/g, (space) => (space.includes('\n') ? '\n' : ' ')).trim());
    table.cell = null;
  };
  const endRow = (table: OpenTable): void => {
    endCell(table);
    if (table.row !== null) {
      table.rows += 1;
      ready.push({ sheet: table.sheet, line: table.rows, cells: table.row });
    }
    table.row = null;
  };
  const parser = new Parser(
    {
      onopentagname(name) {
        if (name === 'script' || name === 'style' || name === 'template') skipping += 1;
        const table = top();
        if (name === 'table') {
          tables += 1;
          stack.push({ sheet: `table ${tables}`, rows: 0, row: null, cell: null });
        } else if (!table) {
          return;
        } else if (name === 'tr') {
          endRow(table);
          table.row = [];
        } else if (name === 'td' || name === 'th') {
          endCell(table);
          table.row ??= [];
          table.cell = '';
        } else if (name === 'br' && table.cell !== null) {
          table.cell += '\n';
        }
      },
      ontext(text) {
        const table = top();
        if (skipping > 0 || !table || table.cell === null) return;
        if (table.cell.length < MAX_CELL_CHARS) table.cell += text.slice(0, MAX_CELL_CHARS - table.cell.length);
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style' || name === 'template') skipping = Math.max(0, skipping - 1);
        const table = top();
        if (!table) return;
        if (name === 'table') {
          endRow(table);
          stack.pop();
        } else if (name === 'tr') {
          endRow(table);
        } else if (name === 'td' || name === 'th') {
          endCell(table);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  const decoder = createTextDecoder(options.encoding);
  const stream = createReadStream(options.file, { start: options.bomLength, highWaterMark: options.chunkBytes ?? 1 << 20 });
  try {
    for await (const chunk of stream) {
      if (options.signal?.aborted) throw options.signal.reason;
      const buffer = chunk as Buffer;
      options.onBytes?.(buffer.length);
      const text = decoder.write(buffer);
      if (text.includes('\0')) throw unreadable(options.displayName, 'contains NUL bytes: not an HTML file');
      parser.write(text);
      yield* ready.splice(0);
    }
    parser.write(decoder.end());
    parser.end();
    while (stack.length > 0) {
      const table = stack.pop();
      if (table) endRow(table);
    }
    yield* ready.splice(0);
  } finally {
    stream.destroy();
  }
}

/** An HTML page by its first bytes (a doctype or an <html>/<table>/<head> tag near the start). */
export function looksLikeHtml(sampleText: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|table|meta)\b/i.test(sampleText.slice(0, 4096));
}
