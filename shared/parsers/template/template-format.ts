import type { MappingRules, MappingTemplate, TemplateField } from '../../domain';
import { foldWidth } from '../../ids/fold-width';
import { deriveAmountDirection } from '../../money/direction';
import type { AmountConvention, DerivedAmount, Direction } from '../../money/direction';
import { parseBankAmount } from '../../money/parse-amount';
import { parseDateTime, parseSplitDateTime } from '../../time/parse-datetime';
import type { ParsedTime } from '../../time/parse-datetime';
import { counterpartyNumber, idNumber, splitAccountNumber, textOrUndefined } from '../bank/account-number';
import { normaliseCurrency, successFlag } from '../bank/values';
import { normaliseHeader, rowsAfterHeader } from '../tabular';
import type { Aliases, HeaderedRow } from '../tabular';
import type { DetectInput, Detection, FormatSpec, Instant, MapperOutput, ParseContext, RowError, SourceRecord, TxnDraft } from '../types';

type Row = HeaderedRow<TemplateField>;

/** The format id of a template version, as `import --format` takes it. */
export function templateFormatId(name: string, version: number): string {
  return `template:${name}@${version}`;
}

const AMOUNT_REASONS: Readonly<Record<string, string>> = {
  empty: '为空',
  'not-a-number': '不是数字',
  'bad-grouping': '千分位分隔不正确',
  exponent: '是科学计数法（原值已失真）',
  'too-many-decimals': '小数超过两位',
  'not-integer': '不是整数',
  'conflicting-signs': '正负号矛盾',
  'too-large': '超出可精确表示的范围',
  'both-columns': '借方和贷方两列都有金额',
  'no-amount': '借方和贷方两列都为空',
};

const TIME_REASONS: Readonly<Record<string, string>> = {
  unrecognised: '格式无法识别',
  'bad-date': '日期不存在',
  'bad-time': '时刻不存在',
  'bad-offset': '时区偏移无效',
  'bad-zone': '时区无效',
  'ambiguous-local-time': '当地时间有歧义',
  'nonexistent-local-time': '当地时间不存在',
  'excel-1900-02-29': 'Excel 1900-02-29 不存在',
};

/**
 * A saved column mapping as an import format: it recognises files whose header holds every cell of the template's
 * header signature, and maps their rows into transactions with the same money and time readers as the built-in
 * formats (amounts in 分, never floats; times to UTC with the original text kept). Rows it cannot read become row
 * errors naming the line.
 */
export function templateFormat(template: MappingTemplate): FormatSpec {
  const label = `列映射模板“${template.name}” v${template.version}`;
  return {
    id: templateFormatId(template.name, template.version),
    version: template.version,
    name: { zh: label, en: `Mapping template "${template.name}" v${template.version}` },
    kind: 'transactions',
    grade: template.rules.grade,
    detect: (input) => detectTemplate(template, input, label),
    mapRows: (records, context) => mapTemplateRows(template, records, context),
  };
}

function detectTemplate(template: MappingTemplate, input: DetectInput, label: string): Detection | null {
  const signature = new Set(template.headerSignature);
  let best: Detection | null = null;
  for (const record of input.head) {
    const cells = new Set(record.cells.map(normaliseHeader).filter((cell) => cell !== ''));
    if (![...signature].every((cell) => cells.has(cell))) continue;
    // the very header the template was made from scores highest; a wider header that contains it, a little less
    const confidence = 0.95 + (0.045 * signature.size) / Math.max(signature.size, cells.size);
    if (best === null || confidence > best.confidence) {
      best = { confidence, reason: `${label}：表头 ${signature.size}/${signature.size} 列与模板一致（第 ${record.line} 行）` };
    }
  }
  return best;
}

function aliasesOf(template: MappingTemplate): { aliases: Aliases<TemplateField>; required: TemplateField[] } {
  const aliases: Partial<Record<TemplateField, readonly string[]>> = {};
  const required: TemplateField[] = [];
  for (const [field, header] of Object.entries(template.columnMap) as [TemplateField, string | undefined][]) {
    if (header === undefined) continue;
    aliases[field] = [header];
    required.push(field);
  }
  return { aliases: aliases as Aliases<TemplateField>, required };
}

async function* mapTemplateRows(template: MappingTemplate, records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  const { aliases, required } = aliasesOf(template);
  let headerMissing = false;
  let missingTimes = 0;
  let badBalances = 0;
  let unknownDirections = 0;
  const extraFlags = directionWords(template.rules);
  for await (const row of rowsAfterHeader(records, aliases, required, () => (headerMissing = true))) {
    const output = mapRow(template, row, context, extraFlags);
    if (output.type === 'txn') {
      if (output.time.utcMs === null) missingTimes += 1;
      if (output.balanceMinor === null && row.get('balance') !== '' && parseBankAmount(row.get('balance')).ok === false) badBalances += 1;
      if (output.direction === null && output.amountMinor !== 0) unknownDirections += 1;
    }
    yield output;
  }
  if (headerMissing) {
    yield { type: 'warning', code: 'TEMPLATE_HEADER_NOT_FOUND', message: `前 30 行中未找到模板“${template.name}”映射的全部列，未导入任何行` };
  }
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
  const error = (code: RowError['code'], message: string): RowError => ({ type: 'error', sheet: record.sheet, line: record.line, code, message });

  const accountCell = splitAccountNumber(row.get('account'));
  if (accountCell.number === '') return error('MISSING_FIELD', `${columnMap.account ?? '账号'}为空，无法归属到账户`);

  const amount = readAmount(row, template, extraFlags);
  if (!amount.ok) return error(amount.missing ? 'MISSING_FIELD' : 'BAD_AMOUNT', amount.message);

  const time = readTime(row, rules, context.timeZone, record.sheet !== '');
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
  let input: AmountConvention;
  let column: string;
  if (rules.amountConvention === 'split') {
    input = { kind: 'split', outAmount: row.get('debit'), inAmount: row.get('credit') };
    column = `${debitHeader}/${creditHeader}`;
  } else if (rules.amountConvention === 'flag') {
    input = { kind: 'flag', amount: row.get('amount'), flag: row.get('direction'), extraFlags };
    column = amountHeader;
  } else {
    input = { kind: 'signed', amount: row.get('amount') };
    column = amountHeader;
  }
  const derived: DerivedAmount = deriveAmountDirection(input);
  if (!derived.ok) {
    const where = derived.column === 'out' ? debitHeader : derived.column === 'in' ? creditHeader : column;
    const value = derived.column === 'out' ? row.get('debit') : derived.column === 'in' ? row.get('credit') : input.kind === 'split' ? '' : input.amount;
    const missing = derived.reason === 'empty' || derived.reason === 'no-amount';
    return { ok: false, missing, message: `${where}“${value}”${AMOUNT_REASONS[derived.reason] ?? derived.reason}` };
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

type TimeRead = { ok: true; instant: Instant } | { ok: false; message: string };

function readTime(row: Row, rules: MappingRules, zone: string, excelSerial: boolean): TimeRead {
  const options = { zone, excelSerial };
  let parsed: ParsedTime;
  if (row.has('time')) parsed = parseDateTime(row.get('time'), options);
  else parsed = parseSplitDateTime(row.get('date'), row.get('timeOfDay'), options);
  if (!parsed.ok) {
    if (parsed.reason === 'empty' || parsed.reason === 'placeholder') {
      return { ok: true, instant: { utcMs: null, original: parsed.original, offsetMinutes: null } };
    }
    return { ok: false, message: `交易时间“${parsed.original}”无法读取：${TIME_REASONS[parsed.reason] ?? parsed.reason}` };
  }
  if (rules.dateForm !== 'auto' && row.has('time') && parsed.format !== rules.dateForm) {
    return { ok: false, message: `交易时间“${parsed.original}”不是模板规定的格式（${rules.dateForm}）` };
  }
  return { ok: true, instant: { utcMs: parsed.utcMs, original: parsed.original, offsetMinutes: parsed.offsetMinutes } };
}
