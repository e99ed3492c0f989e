import { headerUnit, unitOfBracket, YUAN } from './money-unit';
import type { MoneyUnit } from './money-unit';
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
  /** field → the column it is read from: the one printed under its earliest alias (see matchColumns) */
  columns: Map<F, number>;
  /** field → every column it matched, preferred first (HeaderedRow.firstOf reads past blank ones) */
  candidates: Map<F, readonly number[]>;
  /** the header texts as written, for raw-row keys */
  names: string[];
  matched: number;
}

/** The `="…"` wrapper spreadsheet exports put around numbers and dates to keep Excel from converting them. */
const FORMULA_TEXT = /^="(.*)"$/s;

/** A cell's value as a row mapper reads it: padding removed and an `="…"` text wrapper unwrapped. */
export function cellValue(cell: string | undefined): string {
  const text = cellText(cell);
  if (text.charCodeAt(0) !== 61) return text; // '=': the only way in, checked first since every cell passes here
  const wrapped = FORMULA_TEXT.exec(text);
  return wrapped === null ? text : (wrapped[1] ?? '').trim();
}

/**
 * Header cell → the key aliases are compared under: normaliseHeader of the unwrapped cell, with 帐 read as 账 (both
 * are printed: 交易帐号, 对方帐户). Kept apart from normaliseHeader, whose output saved templates store.
 */
function aliasKey(cell: string): string {
  return normaliseHeader(cellValue(cell)).replace(/帐/g, '账');
}

/**
 * A header past the bracket printed after it: `交易金额(元)` → `交易金额`, `余额（人民币）`, `借贷标志(0-借;1-贷)`, with the
 * unit the bracket names (null for a legend, or no unit at all). null when the header ends in no bracket.
 */
function splitSuffix(key: string): { base: string; unit: MoneyUnit | null } | null {
  const m = /^(.+?)[([【]([^()[\]【】]*)[)\]】]$/.exec(key);
  if (m === null) return null;
  return { base: m[1] ?? '', unit: unitOfBracket(m[2] ?? '') };
}

/** A header that states its unit as 分: `交易金额(分)`, `金额（单位：分）`. */
export function headerSaysFen(header: string): boolean {
  return headerUnit(header).fenDigits === 0;
}

interface AliasHit<F extends string> {
  field: F;
  /** position of the alias in its field's list (earlier = preferred); suffix-stripped matches rank after exact ones */
  rank: number;
}

interface AliasLookup<F extends string> {
  hits: ReadonlyMap<string, readonly AliasHit<F>[]>;
  /**
   * Fields that read their unit from the printed header: those with an alias naming a unit other than 元
   * (`交易金额(分)`). Only they take a column whose header names such a unit (`发生额(万元)`, `金额(美元)`) past its
   * bracket; for any other field that column is no match, so an amount in 分 or 万元 never passes for one in 元.
   */
  unitAware: ReadonlySet<F>;
}

/** Lookups built once per alias table (the tables are module constants; templates build theirs once per file). */
const lookups = new WeakMap<object, AliasLookup<string>>();

function aliasLookup<F extends string>(aliases: Aliases<F>): AliasLookup<F> {
  const cached = lookups.get(aliases) as AliasLookup<F> | undefined;
  if (cached !== undefined) return cached;
  const hits = new Map<string, AliasHit<F>[]>();
  const unitAware = new Set<F>();
  for (const field of Object.keys(aliases) as F[]) {
    aliases[field].forEach((alias, rank) => {
      const key = aliasKey(alias);
      const list = hits.get(key) ?? [];
      if (!list.some((hit) => hit.field === field)) list.push({ field, rank });
      hits.set(key, list);
      if (namesOtherUnit(splitSuffix(key)?.unit ?? null)) unitAware.add(field);
    });
  }
  const lookup: AliasLookup<F> = { hits, unitAware };
  lookups.set(aliases, lookup);
  return lookup;
}

function namesOtherUnit(unit: MoneyUnit | null): boolean {
  return unit !== null && unit.fenDigits !== YUAN.fenDigits;
}

const SUFFIX_RANK = 1000;

/** What a header key matches: exactly, else past its bracket (ranked after exact matches; see AliasLookup.unitAware). */
function hitsOf<F extends string>(lookup: AliasLookup<F>, key: string): readonly AliasHit<F>[] {
  const exact = lookup.hits.get(key);
  if (exact !== undefined) return exact;
  const suffix = splitSuffix(key);
  if (suffix === null) return [];
  const hits = lookup.hits.get(suffix.base) ?? [];
  const kept = namesOtherUnit(suffix.unit) ? hits.filter((hit) => lookup.unitAware.has(hit.field)) : hits;
  return kept.map((hit) => ({ field: hit.field, rank: hit.rank + SUFFIX_RANK }));
}

/** The fields a header cell is read as (exactly, else past its unit or legend), best first; [] when none. */
export function fieldsOfHeader<F extends string>(aliases: Aliases<F>, cell: string): F[] {
  return [...hitsOf(aliasLookup(aliases), aliasKey(cell))].sort((a, b) => a.rank - b.rank).map((hit) => hit.field);
}

/**
 * Field → its columns for one header row, preferred first. A field printed twice prefers the column of its earliest
 * alias (交易余额 over 账户余额, whatever their order), the first such column on a tie; a column may serve several
 * fields (an alias listed under two fields, e.g. 交易日期 as the date and, when no 交易时间 column exists, as the time).
 */
function matchColumns<F extends string>(cells: readonly string[], lookup: AliasLookup<F>): Map<F, number[]> {
  const found = new Map<F, { column: number; rank: number }[]>();
  cells.forEach((cell, column) => {
    const key = aliasKey(cell);
    if (key === '') return;
    for (const hit of hitsOf(lookup, key)) {
      const list = found.get(hit.field) ?? [];
      list.push({ column, rank: hit.rank });
      found.set(hit.field, list);
    }
  });
  // Array.prototype.sort is stable: equal ranks keep their column order
  return new Map([...found].map(([field, list]) => [field, list.sort((a, b) => a.rank - b.rank).map((c) => c.column)]));
}

/** Find the row (among the first ones) whose cells match the most aliases and hold every required field. */
export function findHeader<F extends string>(
  records: readonly SourceRecord[],
  aliases: Aliases<F>,
  required: readonly F[],
): HeaderMatch<F> | null {
  const lookup = aliasLookup(aliases);
  let best: HeaderMatch<F> | null = null;
  records.forEach((record, index) => {
    const candidates = matchColumns(record.cells, lookup);
    if (!required.every((field) => candidates.has(field))) return;
    if (best === null || candidates.size > best.matched) {
      const columns = new Map([...candidates].map(([field, list]) => [field, list[0] ?? -1]));
      best = { index, line: record.line, columns, candidates, names: record.cells.map(cellText), matched: candidates.size };
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
  return { confidence, reason: `${label}：表头匹配 ${match.matched}/${total} 个字段（${examples} …）` };
}

/** A data row read through its header. */
export interface HeaderedRow<F extends string> {
  record: SourceRecord;
  /** the field's cell as cellValue reads it; '' when the header has no such column */
  get(field: F): string;
  /**
   * The field's cell read by `read`, or, when that makes nothing of it (blank, a dash, a placeholder), the first of
   * the other columns the field matched that it does make something of: 交易户名 blank beside 账户开户名称 张三 gives
   * 张三, per row. For fields whose aliases all name the same value (names, ID numbers, banks); never for amounts,
   * times or flags, whose columns differ in unit or meaning. undefined when no column gives a value.
   */
  firstOf<T>(field: F, read: (cell: string) => T | undefined): T | undefined;
  has(field: F): boolean;
  /** the field's column header as printed (padding removed); '' when the header has no such column */
  header(field: F): string;
  /** header → raw cell text, for provenance */
  raw(): Record<string, string>;
}

/**
 * Stream the rows after the header. Rows before the header are skipped; blank rows and the header printed again
 * (page breaks of exports) are dropped; a file without a recognisable header within the first `scan` rows yields
 * nothing and calls `onMissingHeader`.
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
          if (isDataRow(pending, found)) yield headered(pending, found);
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
    if (isDataRow(record, header)) yield headered(record, header);
  }
  if (header === null && !skipSheet) {
    const found = findHeader(buffered, aliases, required);
    if (found === null) {
      onMissingHeader();
      return;
    }
    for (const pending of buffered.slice(found.index + 1)) {
      if (isDataRow(pending, found)) yield headered(pending, found);
    }
  }
}

/** Neither blank nor the header printed again (exports repeat it at every page break). */
function isDataRow<F extends string>(record: SourceRecord, header: HeaderMatch<F>): boolean {
  return !isBlank(record) && !isRepeatedHeader(record, header);
}

/** Per header: its matched columns with their alias keys, computed once (every data row is checked against them). */
const headerKeys = new WeakMap<object, readonly (readonly [number, string])[]>();

/** True when every column the header matched holds its own header text again (padding and width aside). */
export function isRepeatedHeader<F extends string>(record: SourceRecord, header: HeaderMatch<F>): boolean {
  let keys = headerKeys.get(header);
  if (keys === undefined) {
    keys = [...new Set(header.columns.values())].map((column) => [column, aliasKey(header.names[column] ?? '')] as const);
    headerKeys.set(header, keys);
  }
  if (keys.length === 0) return false;
  // a data row differs in its first column already: most rows are told apart by one character, without normalising
  return keys.every(([column, key]) => sameKey(record.cells[column] ?? '', key));
}

/** aliasKey(cell) === key, deciding from the first character when it settles it (it does for almost every data row). */
function sameKey(cell: string, key: string): boolean {
  const text = cell.trimStart();
  const first = text.charAt(0);
  // a quote or `=` may be unwrapped, a bracket or 帐 rewritten, a letter lower-cased: those go the long way
  if (first !== '' && first !== '"' && first !== '=' && first !== '（' && first !== '帐' && first.toLowerCase() === first && first !== key.charAt(0)) return false;
  return aliasKey(cell) === key;
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
      return column === undefined ? '' : cellValue(record.cells[column]);
    },
    firstOf: (field, read) => {
      for (const column of header.candidates.get(field) ?? []) {
        const value = read(cellValue(record.cells[column]));
        if (value !== undefined) return value;
      }
      return undefined;
    },
    has: (field) => header.columns.has(field),
    header: (field) => {
      const column = header.columns.get(field);
      return column === undefined ? '' : (header.names[column] ?? '');
    },
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
