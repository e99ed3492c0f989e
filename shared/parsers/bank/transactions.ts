import { legendCodes } from '../direction-words';
import type { DirectionCodes } from '../direction-words';
import { headerUnit, YUAN } from '../money-unit';
import type { MoneyUnit } from '../money-unit';
import { rowsAfterHeader } from '../tabular';
import type { HeaderedRow } from '../tabular';
import type { FileWarning, MapperOutput, ParseContext, RowError, SourceRecord, TxnDraft } from '../types';
import { AccountRefCache, counterpartyNumber, idNumber, textOrUndefined } from './account-number';
import type { NumberDamage } from './account-number';
import { hasAmount, readBalance, readBankAmount } from './amount';
import type { AmountCells } from './amount';
import { readBankTime } from './bank-time';
import { DirectionEvidence } from './direction-evidence';
import { bankNameFromPath } from './file-name';
import { nonDataRow } from './non-data-rows';
import { NumberChecks } from './number-checks';
import { WarningTally } from './tally';
import { TXN_HEADER_ALIASES, TXN_REQUIRED } from './txn-aliases';
import type { TxnField } from './txn-aliases';
import { cashFlag, feedbackKind, ipAddress, macAddress, normaliseCurrency, saysFailed, successFlag } from './values';

type Row = HeaderedRow<TxnField>;

/** What the current sheet's header says about reading its rows. */
interface SheetReading {
  /** the split amount columns' headers as printed (the direction's raw text) */
  outHeader: string;
  inHeader: string;
  /** flag codes the flag column's header explains (`借贷标志(0-借;1-贷)`) */
  codes: DirectionCodes | undefined;
  /** the 交易金额 column's header as printed */
  amountHeader: string;
  /** the unit each amount column's header states (元 when none) */
  units: NonNullable<AmountCells['units']>;
  balanceUnit: MoneyUnit;
  /** date and time of day in two columns (交易日期 + 交易时间); false when 交易日期 is the only time column */
  splitTime: boolean;
}

interface FileState {
  context: ParseContext;
  fileBank: string | undefined;
  tally: WarningTally;
  accountRefs: AccountRefCache;
  numbers: NumberChecks;
  directions: DirectionEvidence;
  sheet: SheetReading;
}

function sheetReading(row: Row): SheetReading {
  return {
    outHeader: row.header('outAmount') || '支出',
    inHeader: row.header('inAmount') || '存入',
    codes: legendCodes(row.header('flag')),
    amountHeader: row.header('amount') || '交易金额',
    units: { amount: headerUnit(row.header('amount')), outAmount: headerUnit(row.header('outAmount')), inAmount: headerUnit(row.header('inAmount')) },
    balanceUnit: headerUnit(row.header('balance')),
    splitTime: row.has('date') && row.header('date') !== row.header('time'),
  };
}

/**
 * 交易明细信息 rows → transactions (DOMAIN.md §1.1). Every row becomes a TxnDraft, a RowError naming its line and
 * reason (unreadable amount or time, no account number), or, for a row that is only the bank's answer to the request
 * (查询反馈结果原因 such as “该账户在查询时段内无交易记录” and no amount), part of a file warning: such a row
 * records that nothing happened, so importing it as a zero-amount transaction would invent one, while rejecting it
 * as damaged would hide a statement the bank made. Failed transactions are kept and flagged (succeeded = false).
 */
export async function* mapTransactions(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  const tally = new WarningTally();
  const state: FileState = {
    context,
    fileBank: bankNameFromPath(context.fileName, context.relPath),
    tally,
    accountRefs: new AccountRefCache(),
    numbers: new NumberChecks(tally),
    directions: new DirectionEvidence(),
    sheet: { outHeader: '支出', inHeader: '存入', codes: undefined, amountHeader: '交易金额', units: {}, balanceUnit: YUAN, splitTime: false },
  };
  let headerMissing = false;
  const checkedSheets = new Set<string>();
  for await (const row of rowsAfterHeader(records, TXN_HEADER_ALIASES, TXN_REQUIRED, () => (headerMissing = true))) {
    if (!checkedSheets.has(row.record.sheet)) {
      checkedSheets.add(row.record.sheet);
      yield* headerWarnings(row);
      state.sheet = sheetReading(row);
    }
    const output = mapTransactionRow(row, state);
    if (output !== null) yield output;
  }
  if (headerMissing) {
    yield { type: 'warning', code: 'HEADER_NOT_FOUND', message: '前 30 行中未找到交易明细表头（需要“交易时间”或“交易日期”列），文件未导入任何行' };
  }
  yield* state.tally.warnings();
  const codes = state.directions.warning();
  if (codes !== null) yield codes;
}

function headerWarnings(row: Row): FileWarning[] {
  const warnings: FileWarning[] = [];
  const sheet = row.record.sheet === '' ? '' : `工作表“${row.record.sheet}”：`;
  if (!row.has('card') && !row.has('account') && !row.has('queryCard')) {
    warnings.push({ type: 'warning', code: 'BANK_NO_ACCOUNT_COLUMN', message: `${sheet}表头没有交易卡号或交易账号列，行无法归属到账户` });
  }
  if (!row.has('amount') && !row.has('outAmount') && !row.has('inAmount')) {
    warnings.push({ type: 'warning', code: 'BANK_NO_AMOUNT_COLUMN', message: `${sheet}表头没有交易金额（或支出/存入）列` });
  }
  if (!row.has('balance')) {
    warnings.push({ type: 'warning', code: 'BANK_NO_BALANCE_COLUMN', message: `${sheet}表头没有余额列，无法做余额连续性核对` });
  }
  const balanceUnit = headerUnit(row.header('balance'));
  if (row.has('balance') && balanceUnit.fenDigits === null) {
    warnings.push({
      type: 'warning',
      code: 'BANK_BALANCE_UNIT_UNKNOWN',
      message: `${sheet}余额列“${row.header('balance')}”的单位是“${balanceUnit.name}”，不是人民币元，无法换算：余额未导入`,
    });
  }
  if (row.has('amount') && !row.has('flag') && !row.has('outAmount') && !row.has('inAmount')) {
    warnings.push({ type: 'warning', code: 'BANK_SIGNED_AMOUNTS', message: `${sheet}没有收付标志列：方向按交易金额的正负号读取（负数为出）` });
  }
  return warnings;
}

function mapTransactionRow(row: Row, state: FileState): TxnDraft | RowError | null {
  const { record } = row;
  const line = record.line;
  const { tally, sheet } = state;
  const error = (code: RowError['code'], message: string): RowError => ({ type: 'error', sheet: record.sheet, line, code, message });

  const amountCells: AmountCells = {
    amount: row.get('amount'),
    outAmount: row.get('outAmount'),
    inAmount: row.get('inAmount'),
    flag: row.get('flag'),
    hasFlagColumn: row.has('flag'),
    outHeader: sheet.outHeader,
    inHeader: sheet.inHeader,
    codes: sheet.codes,
    amountHeader: sheet.amountHeader,
    units: sheet.units,
  };
  const time = readBankTime({
    date: row.get('date'),
    time: row.get('time'),
    hasDateColumn: sheet.splitTime,
    zone: state.context.timeZone,
    excelSerial: record.sheet !== '',
  });
  if (!time.ok || time.instant.utcMs === null) {
    const nonData = nonDataRow(row, hasAmount(amountCells));
    if (nonData !== null) {
      tally.add('BANK_NON_DATA_ROWS', line, nonData.slice(0, 20));
      return null;
    }
  }
  const feedback = row.get('feedback');
  if (!hasAmount(amountCells)) {
    if (feedback !== '' && feedbackKind(feedback) !== 'success') {
      tally.add('BANK_FEEDBACK_ONLY_ROWS', line, feedback);
      return null;
    }
    return error('MISSING_FIELD', '交易金额为空');
  }

  const damaged = checkNumbers(row, state);
  const account = state.accountRefs.get({
    card: row.get('card'),
    account: row.get('account'),
    fallback: row.get('queryCard'),
    bankName: row.firstOf('bank', textOrUndefined) ?? state.fileBank,
    holderName: row.firstOf('holderName', textOrUndefined) ?? row.firstOf('queryName', textOrUndefined),
    holderId: row.firstOf('holderId', idNumber),
  });
  if (account === null) {
    if (damaged !== undefined) return error('MISSING_FIELD', `${damaged.column}“${damaged.text}”被 Excel 改成了科学计数法，原号码已无法恢复，无法归属到账户`);
    return error('MISSING_FIELD', '交易卡号和交易账号都为空，无法归属到账户');
  }

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

  const balance = readBalance(row.get('balance'), sheet.balanceUnit);
  if (balance === 'bad') tally.add('BANK_BALANCE_UNREADABLE', line, row.get('balance'));
  const currency = normaliseCurrency(row.get('currency'));
  if (!currency.known) tally.add('BANK_CURRENCY_UNKNOWN', line, row.get('currency'));
  const ip = ipAddress(row.get('ip'));
  if (ip.unreadable) tally.add('BANK_IP_UNREADABLE', line, row.get('ip'));
  const mac = macAddress(row.get('mac'));
  if (mac.unreadable) tally.add('BANK_MAC_UNREADABLE', line, row.get('mac'));

  const memo = textOrUndefined(row.get('memo'));
  const outcome = rowOutcome(row.get('success'), feedback, memo);
  if (outcome.unknownFlag) tally.add('BANK_SUCCESS_FLAG_UNKNOWN', line, row.get('success'));
  if (outcome.succeeded && typeof balance === 'number') {
    const code = amount.notes.includes('unknown-direction') && amount.directionRaw !== '' ? amount.directionRaw.toUpperCase() : null;
    state.directions.observe(account.subAccount === '' ? account.number : `${account.number}_${account.subAccount}`, code, Math.abs(amount.amountMinor), balance);
  }

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
      account: row.firstOf('cpCard', counterpartyNumber) ?? row.firstOf('cpAccount', counterpartyNumber),
      name: row.firstOf('cpName', textOrUndefined),
      id: row.firstOf('cpId', idNumber),
      bank: row.firstOf('cpBank', textOrUndefined),
    },
    summary: textOrUndefined(row.get('summary')),
    channel: textOrUndefined(row.get('channel')),
    isCash: cashFlag(row.get('cash')),
    succeeded: outcome.succeeded,
    failReason: outcome.failReason,
    ip: ip.value,
    mac: mac.value,
    device: textOrUndefined(row.get('device')),
    merchant: textOrUndefined(row.get('merchant')),
    merchantCode: textOrUndefined(row.get('merchantCode')),
    txnNo: textOrUndefined(row.get('txnNo')),
    logNo: textOrUndefined(row.get('logNo')),
    branch: textOrUndefined(row.get('branch')),
    location: textOrUndefined(row.get('location')),
    memo,
  };
}

/**
 * Whether the bank says the transaction went through. 交易是否成功 decides when it is readable; otherwise a
 * 查询反馈结果原因 that says 失败 marks the row failed. The reason is the feedback text, else a 备注 that says 失败
 * (some banks put it there), else the flag as printed.
 */
function rowOutcome(flagCell: string, feedback: string, memo: string | undefined): { succeeded: boolean; failReason?: string; unknownFlag: boolean } {
  const flag = successFlag(flagCell);
  const kind = feedbackKind(feedback);
  const failed = flag === 'failed' || ((flag === 'blank' || flag === 'unknown') && kind === 'failure');
  if (!failed) return { succeeded: true, unknownFlag: flag === 'unknown' };
  const reason = kind === 'failure' || kind === 'other' ? feedback : memo !== undefined && saysFailed(memo) ? memo : flagCell;
  return { succeeded: false, failReason: reason, unknownFlag: false };
}

/**
 * Runs the number checks over the row's account and card cells; the first subject cell Excel turned into scientific
 * notation, for the row error when no other number is left to key the row by.
 */
function checkNumbers(row: Row, state: FileState): { column: string; text: string } | undefined {
  const line = row.record.line;
  let damaged: { column: string; text: string } | undefined;
  const subject = (field: TxnField, isCard: boolean): void => {
    const cell = row.get(field);
    const damage: NumberDamage | null = state.numbers.check(cell, line, isCard);
    if (damage === 'exponent' && damaged === undefined) damaged = { column: row.header(field), text: cell };
  };
  subject('card', true);
  subject('account', false);
  subject('queryCard', false);
  state.numbers.check(row.get('cpCard'), line, true);
  state.numbers.check(row.get('cpAccount'), line, false);
  return damaged;
}
