import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { createBinIndex } from '@shared/reference/bin-lookup';
import type { BinEntry, BinIndex, BinTable, CardType } from '@shared/reference/bin-lookup';
import { findAppRoot } from '../paths';

const CARD_TYPES: readonly CardType[] = ['DC', 'CC', 'SCC', 'PC'];
const COLUMNS = ['bin', 'bank_name_zh', 'bank_code', 'card_type', 'length'] as const;

export interface BinCsvProblem {
  /** 1-based line in the file, comment lines included. */
  line: number;
  message: string;
}

export interface ParsedBinCsv {
  table: BinTable;
  problems: BinCsvProblem[];
}

/** The shipped table, resources/reference/bin.csv. */
export function defaultBinTablePath(): string {
  return join(findAppRoot(__dirname), 'resources', 'reference', 'bin.csv');
}

/**
 * Parses a BIN CSV (`bin,bank_name_zh,bank_code,card_type,length`; `#` lines are comments). Bad rows are skipped and
 * listed, never guessed at.
 */
export function parseBinCsv(text: string, source: string, mode: BinTable['mode'] = 'merge'): ParsedBinCsv {
  const problems: BinCsvProblem[] = [];
  const lines = text.split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '' && !l.startsWith('#'));
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, comments: '#', skipEmptyLines: true, transform: (v) => v.trim() });
  const missing = COLUMNS.filter((c) => !parsed.meta.fields?.includes(c));
  if (missing.length > 0) {
    return { table: { source, entries: [], mode }, problems: [{ line: headerIndex + 1, message: `missing columns: ${missing.join(', ')}` }] };
  }
  // Papaparse drops comment lines from its row count; map data rows back to file lines ourselves.
  const dataLines: number[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) if ((lines[i] ?? '').trim() !== '' && !(lines[i] ?? '').startsWith('#')) dataLines.push(i + 1);
  const entries: Omit<BinEntry, 'source'>[] = [];
  parsed.data.forEach((row, i) => {
    const line = dataLines[i] ?? 0;
    const bin = row.bin ?? '';
    const cardType = row.card_type as CardType;
    const length = Number(row.length);
    if (!/^\d{2,12}$/.test(bin)) problems.push({ line, message: `bad bin ${JSON.stringify(bin)}` });
    else if (!CARD_TYPES.includes(cardType)) problems.push({ line, message: `bad card_type ${JSON.stringify(row.card_type)}` });
    else if (!Number.isInteger(length) || length < 12 || length > 19) problems.push({ line, message: `bad length ${JSON.stringify(row.length)}` });
    else if (!row.bank_code || !row.bank_name_zh) problems.push({ line, message: 'missing bank' });
    else entries.push({ bin, bankNameZh: row.bank_name_zh, bankCode: row.bank_code, cardType, length });
  });
  for (const error of parsed.errors) problems.push({ line: dataLines[error.row ?? -1] ?? 0, message: error.message });
  return { table: { source, entries, mode }, problems };
}

const tables = new Map<string, ParsedBinCsv>();
let defaultIndex: BinIndex | null = null;

/** Reads and parses a BIN CSV once per path (the shipped table by default) and keeps it. */
export function loadBinTable(path: string = defaultBinTablePath(), source = 'bcbc'): ParsedBinCsv {
  const key = `${source}\u0000${path}`;
  let table = tables.get(key);
  if (!table) {
    table = parseBinCsv(readFileSync(path, 'utf8'), source);
    tables.set(key, table);
  }
  return table;
}

/** The index over the shipped table, built on first use. Pass `overrides` to put a case's own tables on top. */
export function loadBinIndex(overrides: readonly BinTable[] = []): BinIndex {
  if (overrides.length > 0) return createBinIndex([loadBinTable().table, ...overrides]);
  defaultIndex ??= createBinIndex([loadBinTable().table]);
  return defaultIndex;
}
