import { join, resolve } from 'node:path';
import { CCXK_TRANSACTIONS } from '@shared/parsers/bank';
import type { AccountDraft, FileWarning, FormatSpec, IdentifierDraft, MapperOutput, PersonDraft, RowError, SourceRecord, TxnDraft } from '@shared/parsers/types';
import { contextFor, mapAll, readFixtureRecords } from '../../../support/parser-records';

export const BANK_FIXTURES = resolve(import.meta.dirname, '../../../fixtures/bank');
/** a 公安 查控 request folder: files named `<银行名称><表名>.csv` */
export const POLICE_REQUEST = join(BANK_FIXTURES, '5104614320240315093012');
/** a 监委 request folder: one sub-folder per 反馈单位 */
export const JIWEI_REQUEST = join(BANK_FIXTURES, 'JW20240318000027');

export const FIXTURES = {
  chakong32: join(POLICE_REQUEST, '广发银行股份有限公司交易明细信息.csv'),
  chakong34: join(POLICE_REQUEST, '中国建设银行股份有限公司交易明细信息.csv'),
  xiecha: join(POLICE_REQUEST, '中国银行股份有限公司交易明细信息.csv'),
  wangyin: join(JIWEI_REQUEST, '招商银行股份有限公司', '交易明细信息.csv'),
  accounts: join(POLICE_REQUEST, '广发银行股份有限公司账户信息.csv'),
  persons: join(POLICE_REQUEST, '广发银行股份有限公司人员信息.csv'),
  subaccounts: join(POLICE_REQUEST, '广发银行股份有限公司子账户信息.csv'),
} as const;

/** UTC epoch ms of a wall time in Asia/Shanghai (UTC+8, no DST since 1991). */
export function shanghai(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  return Date.UTC(year, month - 1, day, hour - 8, minute, second, ms);
}

export interface Parsed {
  records: SourceRecord[];
  outputs: MapperOutput[];
  txns: TxnDraft[];
  accounts: AccountDraft[];
  persons: PersonDraft[];
  identifiers: IdentifierDraft[];
  errors: RowError[];
  warnings: FileWarning[];
}

export async function parseFixture(format: FormatSpec, path: string): Promise<Parsed> {
  const records = readFixtureRecords(path);
  const outputs = await mapAll(format, records, contextFor(path, BANK_FIXTURES));
  const of = <T extends MapperOutput['type']>(type: T): Extract<MapperOutput, { type: T }>[] =>
    outputs.filter((o): o is Extract<MapperOutput, { type: T }> => o.type === type);
  return {
    records,
    outputs,
    txns: of('txn'),
    accounts: of('account'),
    persons: of('person'),
    identifiers: of('identifier'),
    errors: of('error'),
    warnings: of('warning'),
  };
}

export function byLine<T extends { line: number }>(items: readonly T[], line: number): T {
  const found = items.find((item) => item.line === line);
  if (found === undefined) throw new Error(`nothing on line ${line}`);
  return found;
}

export function warning(parsed: Parsed, code: string): FileWarning {
  const found = parsed.warnings.find((w) => w.code === code);
  if (found === undefined) throw new Error(`no ${code} warning among ${parsed.warnings.map((w) => w.code).join(', ')}`);
  return found;
}

export interface TableOptions {
  /** workbook sheet name; '' (the default) for a text file */
  sheet?: string;
  fileName?: string;
  /** pad every header and cell with the trailing tab 查控 returns carry (default true) */
  tabs?: boolean;
  /** rows printed above the header (titles, 查询条件 …) */
  above?: readonly (readonly string[])[];
}

/** A hand-written 交易明细 table (header, rows) through the 查控 transaction mapper; lines count from 1. */
export async function mapTable(header: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): Promise<Parsed> {
  const pad = (cells: readonly string[]): string[] => cells.map((cell) => (options.tabs === false || cell === '' ? cell : `${cell}\t`));
  const table = [...(options.above ?? []), header, ...rows];
  const records: SourceRecord[] = table.map((cells, index) => ({ sheet: options.sheet ?? '', line: index + 1, cells: pad(cells) }));
  const fileName = options.fileName ?? '某银行股份有限公司交易明细信息.csv';
  const outputs = await mapAll(CCXK_TRANSACTIONS, records, { fileName, relPath: fileName, timeZone: 'Asia/Shanghai' });
  const of = <T extends MapperOutput['type']>(type: T): Extract<MapperOutput, { type: T }>[] =>
    outputs.filter((o): o is Extract<MapperOutput, { type: T }> => o.type === type);
  return { records, outputs, txns: of('txn'), accounts: of('account'), persons: of('person'), identifiers: of('identifier'), errors: of('error'), warnings: of('warning') };
}

/** The single transaction of a one-row table. */
export async function mapOneRow(header: readonly string[], row: readonly string[], options: TableOptions = {}): Promise<TxnDraft> {
  const parsed = await mapTable(header, [row], options);
  const [txn] = parsed.txns;
  if (txn === undefined || parsed.txns.length !== 1) throw new Error(`expected one transaction: ${JSON.stringify(parsed.outputs)}`);
  return txn;
}
