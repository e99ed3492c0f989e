import { cellValue, findHeader, normaliseHeader, rowsAfterHeader } from '../tabular';
import type { Aliases, HeaderedRow } from '../tabular';
import type { AccountRef, DetectInput, Detection, FileWarning, MapperOutput, ParseContext, RowError, SourceRecord, TxnDraft } from '../types';
import { AccountRefCache, counterpartyNumber, splitAccountNumber, textOrUndefined } from './account-number';
import { hasAmount, readBalance, readBankAmount } from './amount';
import type { AmountCells } from './amount';
import { readBankTime } from './bank-time';
import { detectTransactions } from './detect';
import { nonDataRow } from './non-data-rows';
import { WarningTally } from './tally';
import { TXN_ALIASES } from './txn-aliases';
import type { TxnField } from './txn-aliases';
import { normaliseCurrency } from './values';

/**
 * 交易明细 a customer exported from online or mobile banking and handed over (DOMAIN.md §1.4): lower-grade material
 * in each bank's own layout (农行, 中行, 交行, 建行, 兴业, 招行, 工行 debit cards …), read through the 查控 vocabulary
 * plus the words these exports use. Such a statement names its own account once — in a column (中行 借记卡号), in
 * the title block above the header (`卡号: 1234****5678`, `账号：` with ideographic spaces, 账户账号), or only in the file name — and
 * its rows carry the counterparty alone. Credit-card bills (no running balance; their sign means repayment) and
 * securities fund flows are other tables and are never claimed here.
 */

/** The 查控 vocabulary, with the statement words first where a bank prints two columns for one field. */
export const STATEMENT_ALIASES: Aliases<TxnField> = {
  ...TXN_ALIASES,
  card: ['借记卡号', '本人卡号'],
  account: [],
  queryCard: [],
  holderName: ['账户户名', '户名', '账户名称', '客户姓名'],
  date: [...TXN_ALIASES.date, '记账日期', '记账日'],
  // 交易日期/记账日期 stand in for the time when no time column exists (招行: 记账日期 only)
  time: [...TXN_ALIASES.time, '记账时间', ...TXN_ALIASES.date, '记账日期', '记账日'],
  // 工行: 记账金额 is what moved the account (交易金额 may be in the foreign currency spent)
  outAmount: ['记账金额(支出)', '交易金额(支出)', ...TXN_ALIASES.outAmount],
  inAmount: ['记账金额(收入)', '交易金额(收入)', ...TXN_ALIASES.inAmount],
  currency: ['记账币种', ...TXN_ALIASES.currency],
  summary: [...TXN_ALIASES.summary, '交易名称', '交易类型', '交易说明'],
  cpName: [...TXN_ALIASES.cpName, '对手信息', '对方信息', '交易对手信息'],
};

const REQUIRED: readonly TxnField[] = ['time'];

const FORMAT_LABEL = '银行流水（客户自行导出）';

/** Columns only a 查控/调证 return prints: a file with any of them is the official format's, never this one. */
const OFFICIAL_ONLY = new Set(
  ['交易卡号', '交易账号', '查询卡号', '查询账号', '交易对手账卡号', '对手账卡号', '查询反馈结果原因', '交易证件号码', '交易户名', '本方账号', '本方卡号', '反馈单位', '查询对象名称'].map(
    normaliseHeader,
  ),
);

/** Header words of tables that are not a debit statement: card bills, securities fund flows, payment platforms. */
const OTHER_TABLE_WORDS = new Set(
  [
    '卡号后四位', '卡末四位', '卡号末四位', '卡号后4位', '证券代码', '证券名称', '成交数量', '成交价格', '股东账号', '股东代码',
    '用户ID', '交易单号', '商户单号', '商户订单号', '交易订单号', '支付宝用户ID', '微信号',
  ].map(normaliseHeader),
);

const POSTING_DATES = new Set(['记账日期', '记账日', '入账日期', '银行记账日'].map(normaliseHeader));
const TXN_DATES = new Set(['交易日期', '交易日'].map(normaliseHeader));
const TIME_COLUMNS = new Set(['交易时间', '记账时间', '交易日期时间'].map(normaliseHeader));

/**
 * A credit-card bill's hallmark: a transaction date beside a posting date and no time of day (工行/交行/招行/广发
 * 信用卡); a debit statement that prints both dates also prints the time (建行).
 */
function looksLikeCardBill(names: readonly string[]): boolean {
  const keys = new Set(names.map(normaliseHeader));
  const has = (set: ReadonlySet<string>): boolean => [...set].some((key) => keys.has(key));
  return has(POSTING_DATES) && has(TXN_DATES) && !has(TIME_COLUMNS);
}

export function detectCustomerStatement(input: DetectInput): Detection | null {
  const match = findHeader<TxnField>(input.head, STATEMENT_ALIASES, REQUIRED);
  if (match === null) return null;
  const keys = match.names.map(normaliseHeader);
  if (keys.some((key) => OFFICIAL_ONLY.has(key) || OTHER_TABLE_WORDS.has(key))) return null;
  if (detectTransactions(input) !== null) return null;
  const has = (field: TxnField): boolean => match.columns.has(field);
  if (!has('amount') && !has('outAmount') && !has('inAmount')) return null;
  if (!has('balance')) return null;
  if (looksLikeCardBill(match.names)) return null;
  const above = input.head.filter((record) => record.sheet === input.head[match.index]?.sheet && record.line < match.line);
  if (above.some((record) => record.cells.some((cell) => cell.includes('信用卡')))) return null;
  const confidence = Math.round((0.5 + 0.08 * Math.min(1, match.matched / 10)) * 100) / 100;
  const examples = (['time', 'amount', 'outAmount', 'inAmount', 'balance', 'cpName'] as const)
    .map((field) => match.columns.get(field))
    .filter((column): column is number => column !== undefined)
    .map((column) => match.names[column])
    .join(', ');
  return { confidence, reason: `${FORMAT_LABEL}：表头匹配 ${match.matched} 个字段（${examples} …），无查控回执的交易卡号/交易账号列` };
}

/** What the lines above the header say about the statement's own account. */
export interface TitleFacts {
  number?: string | undefined;
  /** the label the number was printed under (卡号, 账号 …) */
  label?: string | undefined;
  holderName?: string | undefined;
  bankName?: string | undefined;
  currency?: string | undefined;
  subAccount?: string | undefined;
}

const NUMBER_LABELS = new Set(['卡号', '账号', '账户账号', '借记卡号', '银行卡号', '客户账号', '账户', '账卡号', '查询账号', '卡/账号', '账/卡号']);
const HOLDER_LABELS = new Set(['账户户名', '户名', '账户名称', '客户姓名', '客户名称', '姓名']);
const BANK_LABELS = new Set(['开户机构', '开户行', '开户银行', '开户网点']);
const CURRENCY_LABELS = new Set(['币种', '币别', '货币']);
const SUB_LABELS = new Set(['卡内账户', '子账户序号', '子账户']);

/** `label: value` pairs of title rows: `卡号: 1234****5678` in one cell, or `账号：` (spaced out with U+3000) | `6222…` in two. */
function labelledValues(record: SourceRecord): [string, string][] {
  const pairs: [string, string][] = [];
  const cells = record.cells.map(cellValue);
  cells.forEach((cell, index) => {
    const inline = /^([^:：]{1,12})[:：]\s*(.*)$/.exec(cell);
    if (inline !== null && (inline[2] ?? '') !== '') {
      pairs.push([normaliseHeader(inline[1] ?? ''), (inline[2] ?? '').trim()]);
      return;
    }
    const label = normaliseHeader(cell.replace(/[:：]\s*$/, ''));
    const next = cells[index + 1] ?? '';
    if (label !== '' && next !== '' && !/[:：]/.test(next)) pairs.push([label, next]);
  });
  return pairs;
}

/** A number a title block or file name may key the statement by: digits (masks allowed) with at least one digit. */
function usableNumber(text: string): string | undefined {
  const { number } = splitAccountNumber(text);
  return /^[0-9A-Z*]+$/.test(number) && /\d/.test(number) && !/^X*\**X*$/.test(number) ? number : undefined;
}

function currencyIn(text: string): string | undefined {
  for (const word of text.split(/\s+/)) {
    const currency = normaliseCurrency(word);
    if (word !== '' && currency.known) return currency.code;
  }
  return undefined;
}

export function readTitleBlock(records: readonly SourceRecord[]): TitleFacts {
  const facts: TitleFacts = {};
  for (const record of records) {
    for (const [label, value] of labelledValues(record)) {
      if (NUMBER_LABELS.has(label) && facts.number === undefined) {
        const number = usableNumber(value);
        if (number !== undefined) {
          facts.number = number;
          facts.label = label;
        }
      } else if (HOLDER_LABELS.has(label)) facts.holderName ??= textOrUndefined(value);
      else if (BANK_LABELS.has(label)) facts.bankName ??= /[\u4e00-\u9fa5]/.test(value) ? value : undefined;
      else if (CURRENCY_LABELS.has(label)) facts.currency ??= currencyIn(value);
      else if (SUB_LABELS.has(label)) {
        facts.subAccount ??= /^(\d{1,6})\b/.exec(value)?.[1];
        facts.currency ??= currencyIn(value);
      }
    }
  }
  return facts;
}

/**
 * Digits in a file (or sheet) name that can only be an account: a run of 4–19 digits standing alone between
 * separators, not a date (`交易明细_1546_20250101_20250620.xls` → 1546).
 */
export function numberFromName(name: string): string | undefined {
  const base = name.replace(/\.[A-Za-z0-9]{2,5}$/, '');
  const tokens = base.split(/[_\-\s.()（）[\]【】,，]+/).filter((token) => /^\d{4,19}$/.test(token));
  return tokens.find((token) => !/^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/.test(token) && !/^(?:19|20)\d{2}$/.test(token));
}

type Row = HeaderedRow<TxnField>;

/** How one sheet's rows find their account: a subject column, or one reference for every row. */
type Subject = { kind: 'column' } | { kind: 'fixed'; ref: AccountRef };

interface SheetState {
  subject: Subject;
  currency: string | undefined;
  bankName: string | undefined;
  holderName: string | undefined;
  subAccount: string;
  combinedCounterparty: boolean;
  splitTime: boolean;
}

const COMBINED_COUNTERPARTY = new Set(['对手信息', '对方信息', '交易对手信息'].map(normaliseHeader));

function sheetLabel(sheet: string): string {
  return sheet === '' ? '' : `工作表“${sheet}”：`;
}

/** The sheet's own account and how it was found, with the warning an investigator needs for a weak source. */
function subjectOf(row: Row, above: readonly SourceRecord[], context: ParseContext): { state: SheetState; warnings: FileWarning[] } {
  const facts = readTitleBlock(above);
  const warnings: FileWarning[] = [];
  const sheet = row.record.sheet;
  const base = {
    currency: facts.currency,
    bankName: facts.bankName,
    holderName: facts.holderName,
    subAccount: facts.subAccount ?? '',
    combinedCounterparty: COMBINED_COUNTERPARTY.has(normaliseHeader(row.header('cpName'))),
    splitTime: row.has('date') && row.header('date') !== row.header('time'),
  };
  const fixed = (number: string, card: boolean): Subject => ({
    kind: 'fixed',
    ref: Object.freeze({
      kind: 'bank',
      number,
      subAccount: base.subAccount,
      cardNumber: card ? number : undefined,
      accountNumber: card ? undefined : number,
      bankName: base.bankName,
      holderName: base.holderName,
    }),
  });
  if (row.has('card')) return { state: { ...base, subject: { kind: 'column' } }, warnings };
  if (facts.number !== undefined) return { state: { ...base, subject: fixed(facts.number, facts.label?.includes('卡') === true) }, warnings };
  const fromName = numberFromName(context.fileName) ?? (sheet === '' ? undefined : numberFromName(sheet));
  if (fromName !== undefined) {
    warnings.push({
      type: 'warning',
      code: 'STATEMENT_ACCOUNT_FROM_FILE_NAME',
      message: `${sheetLabel(sheet)}流水未写明本方账号，按文件名中的数字“${fromName}”归属账户（可能只是卡号后几位），请核实`,
    });
    return { state: { ...base, subject: fixed(fromName, true) }, warnings };
  }
  const name = `未命名账户（${context.relPath || context.fileName}${sheet === '' ? '' : `#${sheet}`}）`;
  warnings.push({
    type: 'warning',
    code: 'STATEMENT_ACCOUNT_UNKNOWN',
    message: `${sheetLabel(sheet)}流水中没有本方账号或卡号，所有行归属到占位账户“${name}”：请确认这是谁的哪个账户，并为其命名`,
  });
  return { state: { ...base, subject: { kind: 'fixed', ref: Object.freeze({ kind: 'bank', number: name, subAccount: '', holderName: base.holderName }) } }, warnings };
}

/** `张三 66666666666666`, `北京住房公积金管理中心1111111111`: a name and a trailing account number in one cell. */
export function splitCounterparty(cell: string): { name?: string | undefined; account?: string | undefined } {
  const text = textOrUndefined(cell);
  if (text === undefined) return {};
  const m = /^(.*?)[\s:：/]*([0-9*]{6,})$/.exec(text);
  if (m === null) return { name: text };
  return { name: textOrUndefined(m[1] ?? ''), account: counterpartyNumber(m[2] ?? '') };
}

/** A totals row of a statement (`人民币合计`, `美元合计`): not caught by the 查控 totals words, which start the cell. */
const CURRENCY_TOTAL = /^[\u4e00-\u9fa5A-Za-z]{0,6}(?:合\s*计|总\s*计)/;

/** A cell that holds something (not blank, not a dash placeholder): 工行 prints amounts and currencies twice. */
const present = (cell: string): string | undefined => (/^[-—–\s]*$/.test(cell) ? undefined : cell);

interface FileState {
  context: ParseContext;
  tally: WarningTally;
  refs: AccountRefCache;
  sheet: SheetState;
}

/** Customer statement rows → transactions of the statement's own account (grade self-provided). */
export async function* mapCustomerStatement(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  const seen: SourceRecord[] = [];
  let tapSheet: string | null = null;
  async function* tap(): AsyncIterable<SourceRecord> {
    for await (const record of records) {
      if (record.sheet !== tapSheet) {
        tapSheet = record.sheet;
        seen.length = 0;
      }
      if (seen.length < 40) seen.push(record);
      yield record;
    }
  }
  let headerMissing = false;
  const state: FileState = { context, tally: new WarningTally(), refs: new AccountRefCache(), sheet: emptySheet() };
  const started = new Set<string>();
  for await (const row of rowsAfterHeader(tap(), STATEMENT_ALIASES, REQUIRED, () => (headerMissing = true))) {
    if (!started.has(row.record.sheet)) {
      started.add(row.record.sheet);
      const above = seen.filter((record) => record.line < row.record.line && !isHeaderOf(record, row));
      const subject = subjectOf(row, above, context);
      state.sheet = subject.state;
      yield* subject.warnings;
      if (!row.has('balance')) {
        yield { type: 'warning', code: 'BANK_NO_BALANCE_COLUMN', message: `${sheetLabel(row.record.sheet)}表头没有余额列，无法核对余额连续性（客户自行提供的流水尤需核对）` };
      }
    }
    const output = mapStatementRow(row, state);
    if (output !== null) yield output;
  }
  if (headerMissing) {
    yield { type: 'warning', code: 'HEADER_NOT_FOUND', message: '前 30 行中未找到流水表头（需要“交易日期”“记账日期”或“交易时间”列），文件未导入任何行' };
  }
  yield* state.tally.warnings();
}

function emptySheet(): SheetState {
  return { subject: { kind: 'column' }, currency: undefined, bankName: undefined, holderName: undefined, subAccount: '', combinedCounterparty: false, splitTime: false };
}

/** The header row itself is among the rows above the first data row; its cells are no title facts. */
function isHeaderOf(record: SourceRecord, row: Row): boolean {
  const header = row.header('time');
  return header !== '' && record.cells.some((cell) => cellValue(cell) === header);
}

function accountOf(row: Row, state: FileState): AccountRef | null {
  const { sheet } = state;
  if (sheet.subject.kind === 'fixed') return sheet.subject.ref;
  const ref = state.refs.get({ card: row.get('card'), account: '', bankName: sheet.bankName, holderName: row.firstOf('holderName', textOrUndefined) ?? sheet.holderName });
  return ref === null || sheet.subAccount === '' || ref.subAccount !== '' ? ref : Object.freeze({ ...ref, subAccount: sheet.subAccount });
}

function mapStatementRow(row: Row, state: FileState): TxnDraft | RowError | null {
  const { record } = row;
  const { line } = record;
  const { tally, sheet } = state;
  const error = (code: RowError['code'], message: string): RowError => ({ type: 'error', sheet: record.sheet, line, code, message });

  const amountCells: AmountCells = {
    amount: row.get('amount'),
    outAmount: row.firstOf('outAmount', present) ?? '',
    inAmount: row.firstOf('inAmount', present) ?? '',
    flag: row.get('flag'),
    hasFlagColumn: row.has('flag'),
    outHeader: row.header('outAmount') || '支出',
    inHeader: row.header('inAmount') || '收入',
    amountHeader: row.header('amount') || '交易金额',
  };
  const time = readBankTime({ date: row.get('date'), time: row.get('time'), hasDateColumn: sheet.splitTime, zone: state.context.timeZone, excelSerial: record.sheet !== '' });
  if (!time.ok || time.instant.utcMs === null) {
    const first = record.cells.map(cellValue).find((text) => text !== '') ?? '';
    const nonData = CURRENCY_TOTAL.test(first) ? first : nonDataRow(row, hasAmount(amountCells));
    if (nonData !== null) {
      tally.add('BANK_NON_DATA_ROWS', line, nonData.slice(0, 20));
      return null;
    }
  }
  if (!hasAmount(amountCells)) return error('MISSING_FIELD', '交易金额为空');
  const account = accountOf(row, state);
  if (account === null) return error('MISSING_FIELD', `${row.header('card')}为空，无法归属到账户`);
  const amount = readBankAmount(amountCells);
  if (!amount.ok) return error('BAD_AMOUNT', amount.message);
  if (!time.ok) return error('BAD_TIME', time.message);
  for (const note of amount.notes) {
    if (note === 'unknown-direction') tally.add('BANK_DIRECTION_UNKNOWN', line, amount.directionRaw);
    else if (note === 'direction-from-sign') tally.add('BANK_DIRECTION_FROM_SIGN', line, amountCells.flag);
    else tally.add('BANK_NEGATIVE_AMOUNT_WITH_FLAG', line);
  }
  if (time.note === 'missing') tally.add('BANK_TIME_MISSING', line, time.instant.original);
  if (time.note === 'midnight') tally.add('BANK_TIME_MIDNIGHT', line);
  if (time.note === 'date-only') tally.add('BANK_TIME_DATE_ONLY', line, time.instant.original);

  const balance = readBalance(row.get('balance'));
  if (balance === 'bad') tally.add('BANK_BALANCE_UNREADABLE', line, row.get('balance'));
  const currencyCell = row.firstOf('currency', present);
  const currency = currencyCell === undefined ? { code: sheet.currency ?? 'CNY', known: true } : normaliseCurrency(currencyCell);
  if (!currency.known) tally.add('BANK_CURRENCY_UNKNOWN', line, currencyCell);

  const combined = sheet.combinedCounterparty ? splitCounterparty(row.get('cpName')) : undefined;
  return {
    type: 'txn',
    sheet: record.sheet,
    line,
    raw: row.raw(),
    account,
    time: time.instant,
    amountMinor: amount.amountMinor,
    currency: currency.code,
    direction: amount.direction,
    directionRaw: amount.directionRaw,
    balanceMinor: balance === 'bad' ? null : balance,
    counterparty: {
      account: row.firstOf('cpCard', counterpartyNumber) ?? row.firstOf('cpAccount', counterpartyNumber) ?? combined?.account,
      name: combined === undefined ? row.firstOf('cpName', textOrUndefined) : combined.name,
      bank: row.firstOf('cpBank', textOrUndefined),
    },
    summary: row.firstOf('summary', textOrUndefined),
    channel: textOrUndefined(row.get('channel')),
    succeeded: true,
    txnNo: textOrUndefined(row.get('txnNo')),
    logNo: textOrUndefined(row.get('logNo')),
    branch: textOrUndefined(row.get('branch')),
    location: textOrUndefined(row.get('location')),
    memo: row.firstOf('memo', textOrUndefined),
  };
}
