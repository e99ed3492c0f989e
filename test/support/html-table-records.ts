import { Parser } from 'htmlparser2';
import type { SourceRecord } from '../../shared/parsers/types';

/**
 * Test-only stand-in for the pipeline's HTML table reader: every <table> of the document becomes sheet 'table N'
 * (numbered in the order the tables open, from 1), each of its <tr> a record whose line is the row's 1-based number
 * in that table, and each <td>/<th> a cell holding the element's text content (entities decoded, <br> read as a line
 * break, the text of <script> and <style> ignored), trimmed. Rows of a nested table belong to the nested table; their
 * text also counts towards the enclosing cell, as textContent would have it. Rows without cells are skipped but
 * still counted.
 */

interface OpenTable {
  number: number;
  rows: { line: number; cells: string[] }[];
  rowCount: number;
  row: string[] | null;
  cell: string | null;
}

export function htmlTableRecords(html: string): SourceRecord[] {
  const finished: OpenTable[] = [];
  const stack: OpenTable[] = [];
  let tables = 0;
  let ignoredDepth = 0;

  const appendText = (text: string): void => {
    if (ignoredDepth > 0) return;
    for (const table of stack) if (table.cell !== null) table.cell += text;
  };
  const closeCell = (table: OpenTable): void => {
    if (table.cell !== null && table.row !== null) table.row.push(table.cell.trim());
    table.cell = null;
  };
  const closeRow = (table: OpenTable): void => {
    closeCell(table);
    if (table.row !== null && table.row.length > 0) table.rows.push({ line: table.rowCount, cells: table.row });
    table.row = null;
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'script' || name === 'style') {
          ignoredDepth += 1;
          return;
        }
        const table = stack[stack.length - 1];
        if (name === 'table') {
          tables += 1;
          stack.push({ number: tables, rows: [], rowCount: 0, row: null, cell: null });
        } else if (table === undefined) {
          return;
        } else if (name === 'tr') {
          closeRow(table);
          table.rowCount += 1;
          table.row = [];
        } else if (name === 'td' || name === 'th') {
          closeCell(table);
          if (table.row === null) {
            table.rowCount += 1;
            table.row = [];
          }
          table.cell = '';
        } else if (name === 'br') {
          appendText('\n');
        }
      },
      ontext(text) {
        appendText(text);
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style') {
          ignoredDepth = Math.max(0, ignoredDepth - 1);
          return;
        }
        const table = stack[stack.length - 1];
        if (table === undefined) return;
        if (name === 'td' || name === 'th') closeCell(table);
        else if (name === 'tr') closeRow(table);
        else if (name === 'table') {
          closeRow(table);
          stack.pop();
          finished.push(table);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  while (stack.length > 0) {
    const table = stack.pop();
    if (table === undefined) break;
    closeRow(table);
    finished.push(table);
  }
  return finished
    .sort((a, b) => a.number - b.number)
    .flatMap((table) => table.rows.map((row) => ({ sheet: `table ${table.number}`, line: row.line, cells: row.cells })));
}
