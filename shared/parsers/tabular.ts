import type { Detection, MapperOutput, SourceRecord } from './types';

/**
 * Header handling shared by every tabular format: returns are full of trailing tabs, full-width brackets, title rows
 * above the header and alias column names. A format declares its fields and their aliases; this finds the header
 * row and reads cells by field.
 */

export type Aliases<F extends string> = Readonly<Record<F, readonly string[]>>;

/** Cell text without the padding returns add: trailing/leading tabs, spaces, NBSP, full-width spaces, BOM. */
export function cellText(cell: string | undefined): string {
  if (cell === undefined) return '';
  // String.prototype.trim removes exactly the characters of the regex's \s, which already holds NBSP, U+3000 and
  // the BOM; natively, and it runs for every cell of every row
  return cell.trim();
}

/** Header cell → comparable key: no padding or inner spaces, half-width brackets, ASCII lower-cased. */
export function normaliseHeader(cell: string): string {
  return cellText(cell)
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/^"+|"+$/g, '')
    .toLowerCase();
}

export interface HeaderMatch<F extends string> {
  /** index of the header row within the scanned records */
  index: number;
  line: number;
  /** field → column index (first matching column wins) */
  columns: Map<F, number>;
  /** the header texts as written, for raw-row keys */
  names: string[];
  matched: number;
}

/** Find the row (among the first ones) whose cells match the most aliases and hold every required field. */
export function findHeader<F extends string>(
  records: readonly SourceRecord[],
  aliases: Aliases<F>,
  required: readonly F[],
): HeaderMatch<F> | null {
  const lookup = new Map<string, F>();
  for (const field of Object.keys(aliases) as F[]) {
    for (const alias of aliases[field]) lookup.set(normaliseHeader(alias), field);
  }
  let best: HeaderMatch<F> | null = null;
  records.forEach((record, index) => {
    const columns = new Map<F, number>();
    record.cells.forEach((cell, column) => {
      const field = lookup.get(normaliseHeader(cell));
      if (field !== undefined && !columns.has(field)) columns.set(field, column);
    });
    if (!required.every((field) => columns.has(field))) return;
    if (best === null || columns.size > best.matched) {
      best = { index, line: record.line, columns, names: record.cells.map(cellText), matched: columns.size };
    }
  });
  return best;
}

/** Confidence from how much of a format's vocabulary a header uses; the reason names what matched. */
export function headerDetection<F extends string>(
  head: readonly SourceRecord[],
  aliases: Aliases<F>,
  required: readonly F[],
  label: string,
): Detection | null {
  const match = findHeader(head, aliases, required);
  if (match === null) return null;
  const total = Object.keys(aliases).length;
  const confidence = Math.min(0.99, 0.5 + (0.5 * match.matched) / total);
  const examples = [...match.columns.values()]
    .slice(0, 4)
    .map((column) => match.names[column])
    .join(', ');
  return { confidence, reason: `${label}: header matches ${match.matched}/${total} fields (${examples} …)` };
}

/** A data row read through its header. */
export interface HeaderedRow<F extends string> {
  record: SourceRecord;
  get(field: F): string;
  has(field: F): boolean;
  /** header → raw cell text, for provenance */
  raw(): Record<string, string>;
}

/**
 * Stream the rows after the header. Rows before the header are skipped; blank rows are dropped; a file without a
 * recognisable header within the first `scan` rows yields nothing and calls `onMissingHeader`.
 */
export async function* rowsAfterHeader<F extends string>(
  records: AsyncIterable<SourceRecord>,
  aliases: Aliases<F>,
  required: readonly F[],
  onMissingHeader: () => void,
  scan = 30,
): AsyncIterable<HeaderedRow<F>> {
  const buffered: SourceRecord[] = [];
  let header: HeaderMatch<F> | null = null;
  let currentSheet: string | null = null;
  let skipSheet = false;
  for await (const record of records) {
    if (record.sheet !== currentSheet) {
      // each sheet of a workbook has its own header
      currentSheet = record.sheet;
      header = null;
      skipSheet = false;
      buffered.length = 0;
    }
    if (skipSheet) continue;
    if (header === null) {
      buffered.push(record);
      const found = findHeader(buffered, aliases, required);
      if (found !== null) {
        header = found;
        for (const pending of buffered.slice(found.index + 1)) {
          if (!isBlank(pending)) yield headered(pending, found);
        }
        buffered.length = 0;
      } else if (buffered.length >= scan) {
        // a sheet without the table (a cover page, a note) does not stop the sheets after it
        onMissingHeader();
        skipSheet = true;
        buffered.length = 0;
      }
      continue;
    }
    if (!isBlank(record)) yield headered(record, header);
  }
  if (header === null && !skipSheet) {
    const found = findHeader(buffered, aliases, required);
    if (found === null) {
      onMissingHeader();
      return;
    }
    for (const pending of buffered.slice(found.index + 1)) {
      if (!isBlank(pending)) yield headered(pending, found);
    }
  }
}

/**
 * The loop of every headered table mapper: each row after the header (blank rows dropped) mapped to whatever it
 * yields — a draft, several (an account and its phones), a row error, or nothing (a repeated header line) — and,
 * when no header turned up in the first rows of a sheet, one file warning saying which columns were looked for.
 */
export async function* mapTabular<F extends string>(
  records: AsyncIterable<SourceRecord>,
  aliases: Aliases<F>,
  required: readonly F[],
  mapRow: (row: HeaderedRow<F>) => Iterable<MapperOutput>,
  noHeaderMessage: string,
  noHeaderCode = 'NO_HEADER',
): AsyncIterable<MapperOutput> {
  let missingHeader = false;
  for await (const row of rowsAfterHeader(records, aliases, required, () => (missingHeader = true))) {
    yield* mapRow(row);
  }
  if (missingHeader) yield { type: 'warning', code: noHeaderCode, message: noHeaderMessage };
}

/** A row with nothing but padding in it. */
export function isBlank(record: SourceRecord): boolean {
  return record.cells.every((cell) => cellText(cell) === '');
}

/** Read a record through its header: cells by field, raw keyed by header text (repeats as `名称#列号`). */
export function headered<F extends string>(record: SourceRecord, header: HeaderMatch<F>): HeaderedRow<F> {
  return {
    record,
    get: (field) => {
      const column = header.columns.get(field);
      return column === undefined ? '' : cellText(record.cells[column]);
    },
    has: (field) => header.columns.has(field),
    raw: () => {
      const raw: Record<string, string> = {};
      record.cells.forEach((cell, column) => {
        const name = header.names[column] || `列${column + 1}`;
        raw[name in raw ? `${name}#${column + 1}` : name] = cell;
      });
      return raw;
    },
  };
}
