import type { MappingRules, MappingTemplate } from '../../domain';
import { foldWidth } from '../../ids/fold-width';
import { deriveAmountDirection } from '../../money/direction';
import type { AmountConvention, DerivedAmount, Direction } from '../../money/direction';
import { parseBankAmount } from '../../money/parse-amount';
import { counterpartyNumber, idNumber, splitAccountNumber, textOrUndefined } from '../bank/account-number';
import { normaliseCurrency, successFlag } from '../bank/values';
import type { MapperOutput, ParseContext, RowError, SourceRecord, TxnDraft } from '../types';
import { readTemplateTime } from './read-time';
import { amountTextInYuan, headerUnit } from '../money-unit';
import { AMOUNT_REASONS as AMOUNT_REASON_WORDS } from '../reasons';
import { rowError, templateRows } from './template-rows';
import type { TemplateRow } from './template-rows';

type Row = TemplateRow;

const AMOUNT_REASONS: Readonly<Record<string, string>> = {
  ...AMOUNT_REASON_WORDS,
  'both-columns': '借方和贷方两列都有金额',
  'no-amount': '借方和贷方两列都为空',
};
/** A transaction table: rows into transactions in 分 with directions and UTC times, oddities counted per file. */
export async function* mapTemplateTransactions(template: MappingTemplate, records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  let missingTimes = 0;
  let badBalances = 0;
  let unknownDirections = 0;
  const extraFlags = directionWords(template.rules);
  yield* templateRows(template, records, (row) => {
    const output = mapRow(template, row, context, extraFlags);
    if (output.type === 'txn') {
      if (output.time.utcMs === null) missingTimes += 1;
      if (output.balanceMinor === null && row.get('balance') !== '' && parseBankAmount(row.get('balance')).ok === false) badBalances += 1;
      if (output.direction === null && output.amountMinor !== 0) unknownDirections += 1;
    }
    return [output];
  });
  if (missingTimes > 0) yield { type: 'warning', code: 'TEMPLATE_TIME_MISSING', message: `${missingTimes} 行交易时间为空或为占位值，时间记为未知` };
  if (badBalances > 0) yield { type: 'warning', code: 'TEMPLATE_BALANCE_UNREADABLE', message: `${badBalances} 行余额无法读取，已留空` };
  if (unknownDirections > 0) yield { type: 'warning', code: 'TEMPLATE_DIRECTION_UNKNOWN', message: `${unknownDirections} 行收付方向无法识别，金额按无方向记录` };
}

function directionWords(rules: MappingRules): Record<string, Direction> {
  const words: Record<string, Direction> = {};
  for (const word of rules.inWords) words[foldWidth(word).trim().toUpperCase()] = 'in';
  for (const word of rules.outWords) words[foldWidth(word).trim().toUpperCase()] = 'out';
  return words;
}

function mapRow(template: MappingTemplate, row: Row, context: ParseContext, extraFlags: Record<string, Direction>): TxnDraft | RowError {
  const { record } = row;
  const { rules, columnMap } = template;
  const error = (code: RowError['code'], message: string): RowError => rowError(record, code, message);

  const accountCell = splitAccountNumber(row.get('account'));
  if (accountCell.number === '') return error('MISSING_FIELD', `${columnMap.account ?? '账号'}为空，无法归属到账户`);

  const amount = readAmount(row, template, extraFlags);
  if (!amount.ok) return error(amount.missing ? 'MISSING_FIELD' : 'BAD_AMOUNT', amount.message);

  const time = readTemplateTime(row, rules, context.timeZone, record.sheet !== '', '交易时间');
  if (!time.ok) return error('BAD_TIME', time.message);

  const balance = parseBankAmount(row.get('balance'));
  const currencyCell = row.get('currency');
  const currency = currencyCell === '' ? rules.currency : normaliseCurrency(currencyCell).code;

  return {
    type: 'txn',
    sheet: record.sheet,
    line: record.line,
    raw: row.raw(),
    account: {
      kind: rules.accountKind,
      number: accountCell.number,
      subAccount: accountCell.subAccount,
      accountNumber: accountCell.number,
      holderName: textOrUndefined(row.get('accountName')),
      holderId: idNumber(row.get('accountId')),
    },
    time: time.instant,
    amountMinor: amount.signedMinor,
    currency,
    direction: amount.direction,
    directionRaw: amount.directionRaw,
    balanceMinor: balance.ok ? balance.minor : null,
    counterparty: {
      account: counterpartyNumber(row.get('counterpartyAccount')),
      name: textOrUndefined(row.get('counterpartyName')),
      bank: textOrUndefined(row.get('counterpartyBank')),
    },
    summary: textOrUndefined(row.get('summary')),
    channel: textOrUndefined(row.get('channel')),
    succeeded: successFlag(row.get('succeeded')) !== 'failed',
    failReason: successFlag(row.get('succeeded')) === 'failed' ? row.get('succeeded') : undefined,
    txnNo: textOrUndefined(row.get('txnNo')),
  };
}

type AmountRead =
  | { ok: true; signedMinor: number; direction: Direction | null; directionRaw: string }
  | { ok: false; missing: boolean; message: string };

function readAmount(row: Row, template: MappingTemplate, extraFlags: Record<string, Direction>): AmountRead {
  const { rules, columnMap } = template;
  // the headers as the investigator chose them: messages name the column they can find in the file
  const debitHeader = columnMap.debit ?? '借方';
  const creditHeader = columnMap.credit ?? '贷方';
  const amountHeader = columnMap.amount ?? '交易金额';
  // a unit the mapped header states (交易金额(分), 金额（万元）) is read exactly; another currency is refused, never read as 元
  const fields = rules.amountConvention === 'split' ? ([['debit', debitHeader], ['credit', creditHeader]] as const) : ([['amount', amountHeader]] as const);
  const inYuan: Partial<Record<'amount' | 'debit' | 'credit', string>> = {};
  for (const [field, header] of fields) {
    const unit = headerUnit(header);
    const text = amountTextInYuan(row.get(field), unit);
    if (text === null) {
      const reason = unit.fenDigits === null ? `的单位是${unit.name}，不是人民币，不能按元读取` : '无法按表头的单位换算';
      return { ok: false, missing: false, message: `${header}“${row.get(field)}”${reason}` };
    }
    inYuan[field] = text;
  }
  let input: AmountConvention;
  let column: string;
  if (rules.amountConvention === 'split') {
    input = { kind: 'split', outAmount: inYuan.debit ?? '', inAmount: inYuan.credit ?? '' };
    column = `${debitHeader}/${creditHeader}`;
  } else if (rules.amountConvention === 'flag') {
    input = { kind: 'flag', amount: inYuan.amount ?? '', flag: row.get('direction'), extraFlags };
    column = amountHeader;
  } else {
    input = { kind: 'signed', amount: inYuan.amount ?? '' };
    column = amountHeader;
  }
  const derived: DerivedAmount = deriveAmountDirection(input);
  if (!derived.ok) {
    const where = derived.column === 'out' ? debitHeader : derived.column === 'in' ? creditHeader : column;
    // the cell as written, not as rescaled to 元
    const value = derived.column === 'out' ? row.get('debit') : derived.column === 'in' ? row.get('credit') : input.kind === 'split' ? '' : row.get('amount');
    const missing = derived.reason === 'empty' || derived.reason === 'no-amount';
    const inFen = derived.reason === 'too-many-decimals' && headerUnit(where).fenDigits !== 2;
    return { ok: false, missing, message: `${where}“${value}”${inFen ? '不能按表头的单位精确换算（小数位过多）' : (AMOUNT_REASONS[derived.reason] ?? derived.reason)}` };
  }
  if (input.kind === 'split') {
    const raw = derived.direction === 'out' ? debitHeader : derived.direction === 'in' ? creditHeader : '';
    return { ok: true, signedMinor: derived.signedMinor ?? derived.amountMinor, direction: derived.direction, directionRaw: raw };
  }
  if (input.kind === 'flag') {
    // an unknown flag with a minus sign is an outflow: every convention we know writes outflows, never inflows, so
    if (derived.direction === null && derived.warnings.includes('negative-amount-with-flag')) {
      return { ok: true, signedMinor: -derived.amountMinor, direction: 'out', directionRaw: '-' };
    }
    return { ok: true, signedMinor: derived.signedMinor ?? derived.amountMinor, direction: derived.direction, directionRaw: input.flag };
  }
  const sign = derived.direction === 'out' ? '-' : derived.direction === 'in' ? '+' : '';
  return { ok: true, signedMinor: derived.signedMinor ?? derived.amountMinor, direction: derived.direction, directionRaw: sign };
}

