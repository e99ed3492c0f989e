import { cellText, findHeader, headered, isBlank, isRepeatedHeader } from '../../tabular';
import type { Aliases, HeaderedRow, HeaderMatch } from '../../tabular';
import type { SourceRecord } from '../../types';

/**
 * Personal bills (支付宝/微信 账单) put the account holder in title lines before the table (2019, 2023+ layouts) or in a
 * footer after it (2021 layout), and close the table with a dashed line followed by totals. This streams the table
 * rows like tabular.rowsAfterHeader but also collects those `键：值` lines per sheet.
 */

export type BillEvent<F extends string> =
  | { kind: 'row'; row: HeaderedRow<F>; meta: BillMeta }
  | { kind: 'sheet-end'; sheet: string; meta: BillMeta; headerFound: boolean };

/** 键 → 值 from the lines around the table (`支付宝账户：…`, `账号:[…]`, `微信昵称：[…]`, `姓名：…`). */
export type BillMeta = Map<string, string>;

const META_KEYS = ['支付宝账户', '账号', '账户', '姓名', '用户', '微信昵称'];
const META_PATTERNS = META_KEYS.map((key) => [key, new RegExp(`(?:^|[\\s,，])${key}\\s*[:：]\\s*(?:\\[([^\\]]*)\\]|([^\\s,，\\[\\]]+))`)] as const);

/** Key under which the bill's own record count (`共86笔记录`) is kept. */
export const STATED_COUNT = '共笔记录';

export function collectMeta(record: SourceRecord, meta: BillMeta): void {
  for (const cell of record.cells) {
    const text = cellText(cell);
    if (text === '') continue;
    const count = /^共\s*(\d+)\s*笔记录/.exec(text);
    if (count && !meta.has(STATED_COUNT)) meta.set(STATED_COUNT, count[1] ?? '');
    for (const [key, pattern] of META_PATTERNS) {
      const m = pattern.exec(text);
      const value = (m?.[1] ?? m?.[2] ?? '').trim();
      if (m && value !== '' && !meta.has(key)) meta.set(key, value);
    }
  }
}

/** A dashed rule or the totals/export block that closes a bill's table. */
function isFooterStart(record: SourceRecord): boolean {
  const first = record.cells.map(cellText).find((cell) => cell !== '') ?? '';
  return /^-{6,}/.test(first) || /^(共\d+笔记录|导出信息|导出时间)/.test(first);
}

interface SheetState<F extends string> {
  sheet: string;
  buffered: SourceRecord[];
  header: HeaderMatch<F> | null;
  inFooter: boolean;
  meta: BillMeta;
}

export async function* billRows<F extends string>(
  records: AsyncIterable<SourceRecord>,
  aliases: Aliases<F>,
  required: readonly F[],
  scan = 40,
): AsyncIterable<BillEvent<F>> {
  let state: SheetState<F> | null = null;
  const fresh = (sheet: string): SheetState<F> => ({ sheet, buffered: [], header: null, inFooter: false, meta: new Map() });

  function* dataRow(s: SheetState<F>, header: HeaderMatch<F>, record: SourceRecord): Iterable<BillEvent<F>> {
    if (isBlank(record) || isRepeatedHeader(record, header)) return;
    if (s.inFooter || isFooterStart(record)) {
      s.inFooter = true;
      collectMeta(record, s.meta);
      return;
    }
    yield { kind: 'row', row: headered(record, header), meta: s.meta };
  }

  function* endSheet(s: SheetState<F>): Iterable<BillEvent<F>> {
    if (s.header === null) {
      const found = findHeader(s.buffered, aliases, required);
      if (found !== null) yield* takeHeader(s, found);
    }
    yield { kind: 'sheet-end', sheet: s.sheet, meta: s.meta, headerFound: s.header !== null };
  }

  function* takeHeader(s: SheetState<F>, found: HeaderMatch<F>): Iterable<BillEvent<F>> {
    s.header = found;
    for (const before of s.buffered.slice(0, found.index)) collectMeta(before, s.meta);
    for (const pending of s.buffered.slice(found.index + 1)) yield* dataRow(s, found, pending);
    s.buffered = [];
  }

  for await (const record of records) {
    if (state === null || record.sheet !== state.sheet) {
      if (state !== null) yield* endSheet(state);
      state = fresh(record.sheet);
    }
    if (state.header !== null) {
      yield* dataRow(state, state.header, record);
      continue;
    }
    state.buffered.push(record);
    const found = findHeader(state.buffered, aliases, required);
    if (found !== null) yield* takeHeader(state, found);
    else if (state.buffered.length >= scan) {
      // no table yet: keep what the title lines say and look on in the next window
      for (const line of state.buffered) collectMeta(line, state.meta);
      state.buffered = [];
    }
  }
  if (state !== null) yield* endSheet(state);
}
