import { formatMinor, parseFenAmount } from '../../../money/index';
import type { AmountErrorReason, AmountResult } from '../../../money/index';
import { directionOfFlag } from '../../direction-words';
import { badAmountMessage } from '../../reasons';
import { cellText, headerSaysFen, normaliseHeader, mapTabular } from '../../tabular';
import type { Aliases, HeaderedRow } from '../../tabular';
import type { AccountRef, FormatSpec, MapperOutput, ParseContext, SourceRecord, TxnDraft } from '../../types';
import { clean, joinParts, opt, parseYuan, rowError, signedMinor } from '../common/cells';
import { detectPayment } from '../common/detect';
import { readTime } from '../common/times';
import { tenpayPathFacts } from './path';
import type { TenpayPathFacts } from './path';

/**
 * TenpayTrades.txt: 财付通 transactions returned to police, tab-delimited, amounts in 分. The header repeats 网联/银联 and
 * 第三方账户名称 (first the user's side, then the counterparty's); the first of each is read by field, the second by
 * position through the raw row (`名称#列号`).
 */

type Field =
  | 'userId'
  | 'txnNo'
  | 'bigNo'
  | 'userName'
  | 'direction'
  | 'bizType'
  | 'useType'
  | 'time'
  | 'amount'
  | 'balance'
  | 'userCard'
  | 'userBank'
  | 'channel'
  | 'cpId'
  | 'cpName'
  | 'cpCard'
  | 'cpBank'
  | 'cpTime'
  | 'cpAmount'
  | 'memo1'
  | 'memo2';

const ALIASES: Aliases<Field> = {
  userId: ['用户ID'],
  txnNo: ['交易单号'],
  bigNo: ['大单号'],
  userName: ['用户侧账号名称'],
  direction: ['借贷类型', '借贷标志', '收支类型', '出入账标识'],
  bizType: ['交易业务类型', '交易类型'],
  useType: ['交易用途类型', '交易用途'],
  time: ['交易时间'],
  // amounts are in 分 unless the header says 元 (see amountIn)
  amount: ['交易金额(分)', '交易金额(元)'],
  balance: ['账户余额(分)', '账户余额(元)'],
  userCard: ['用户银行卡号'],
  userBank: ['用户侧银行名称'],
  channel: ['网联/银联'],
  cpId: ['对手方ID'],
  cpName: ['对手侧账户名称', '对手方名称'],
  cpCard: ['对手方银行卡号'],
  cpBank: ['对手侧银行名称', '对手方银行名称'],
  cpTime: ['对手方接收时间'],
  cpAmount: ['对手方接收金额(分)', '对手方接收金额(元)'],
  memo1: ['备注1'],
  memo2: ['备注2'],
};
const REQUIRED: readonly Field[] = ['userId', 'direction', 'time', 'amount'];

/** The second column named `name` (the counterparty side of 网联/银联 and 第三方账户名称), '' when there is none. */
export function secondColumn(raw: Record<string, string>, name: string): string {
  const key = normaliseHeader(name);
  const found = Object.keys(raw).find((header) => header.includes('#') && normaliseHeader(header.replace(/#\d+$/, '')) === key);
  return found === undefined ? '' : cellText(raw[found]);
}

function mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  const facts = tenpayPathFacts(context.relPath);
  return mapTabular(
    records,
    ALIASES,
    REQUIRED,
    (row) => (isRepeatedHeader(row) ? [] : [mapRow(row, facts, context)]),
    'TenpayTrades：未找到表头（需要“用户ID”“借贷类型”“交易时间”“交易金额(分)”列），文件未导入任何行',
  );
}

/** Concatenated returns repeat the header line; it is not data. */
function isRepeatedHeader(row: HeaderedRow<Field>): boolean {
  return normaliseHeader(row.get('amount')) === normaliseHeader('交易金额(分)') && normaliseHeader(row.get('userId')) === normaliseHeader('用户ID');
}

/** A money cell in the unit its header states: 分 for `…(分)` (the return's own), 元 for `…(元)`. */
function amountIn(row: HeaderedRow<Field>, field: 'amount' | 'balance' | 'cpAmount'): AmountResult {
  const text = clean(row.get(field));
  return headerSaysFen(row.header(field)) ? parseFenAmount(text) : parseYuan(text);
}

function optionalAmount(row: HeaderedRow<Field>, field: 'balance' | 'cpAmount'): { ok: true; minor: number | null } | { ok: false; reason: AmountErrorReason } {
  if (clean(row.get(field)) === '') return { ok: true, minor: null };
  const parsed = amountIn(row, field);
  return parsed.ok ? { ok: true, minor: parsed.minor } : { ok: false, reason: parsed.reason };
}

/** `交易金额(分)“12.5”不是以分为单位的整数`, or why a 元 amount could not be read (`交易金额(元)“abc”不是数字`). */
function badAmount(row: HeaderedRow<Field>, field: 'amount' | 'balance', reason: AmountErrorReason): string {
  const header = row.header(field);
  const text = clean(row.get(field));
  if (headerSaysFen(header) && reason === 'not-integer') return `${header}“${text}”不是以分为单位的整数`;
  return badAmountMessage(header, text, reason);
}

function mapRow(row: HeaderedRow<Field>, facts: TenpayPathFacts, context: ParseContext): MapperOutput {
  const record = row.record;
  const number = clean(row.get('userId')) || facts.accountDir || '';
  if (number === '') return rowError(record, 'MISSING_FIELD', '用户ID为空');
  const time = readTime(record, '交易时间', row.get('time'), context);
  if (!time.ok) return time.error;
  if (clean(row.get('amount')) === '') return rowError(record, 'MISSING_FIELD', `${row.header('amount')}为空`);
  const amount = amountIn(row, 'amount');
  if (!amount.ok) return rowError(record, 'BAD_AMOUNT', badAmount(row, 'amount', amount.reason));
  const balance = optionalAmount(row, 'balance');
  if (!balance.ok) return rowError(record, 'BAD_AMOUNT', badAmount(row, 'balance', balance.reason));

  const directionRaw = row.get('direction');
  const direction = directionOfFlag(clean(directionRaw));
  const magnitude = Math.abs(amount.minor);
  const raw = row.raw();
  const account: AccountRef = { kind: 'tenpay', number, subAccount: '', holderName: opt(row.get('userName')), holderId: facts.idCard };
  const received = optionalAmount(row, 'cpAmount');
  const memo1 = clean(row.get('memo1'));
  let packetNote: string | undefined;
  if (direction === 'out' && received.ok && received.minor !== null && received.minor < magnitude) {
    const redPacket = [memo1, row.get('bizType'), row.get('useType')].some((text) => text.includes('红包'));
    const what = redPacket ? '群红包' : '对手方少收';
    packetNote = `${what}: 对手方接收金额 ${formatMinor(received.minor)} 元 < 交易金额 ${formatMinor(magnitude)} 元`;
  }
  const userCard = clean(row.get('userCard'));
  const userBank = clean(row.get('userBank'));
  // the bank card that funded or received the money: the link to the bank's own statement
  const cardNote = userCard === '' ? undefined : `用户银行卡号 ${userCard}${userBank === '' ? '' : `（${userBank}）`}`;
  const draft: TxnDraft = {
    type: 'txn',
    sheet: record.sheet,
    line: record.line,
    raw,
    account,
    time: time.instant,
    amountMinor: signedMinor(direction, magnitude),
    currency: 'CNY',
    direction,
    directionRaw,
    balanceMinor: balance.minor,
    counterparty: {
      account: opt(row.get('cpId')) ?? opt(row.get('cpCard')),
      name: opt(row.get('cpName')) ?? opt(secondColumn(raw, '第三方账户名称')),
      bank: opt(row.get('cpBank')),
    },
    summary: opt(row.get('useType')),
    channel: joinParts([row.get('bizType'), row.get('channel')], ' / '),
    succeeded: true,
    txnNo: opt(row.get('txnNo')),
    logNo: opt(row.get('bigNo')),
    memo: joinParts([memo1, row.get('memo2'), packetNote, cardNote]),
  };
  return draft;
}

export const tenpayTrades: FormatSpec = {
  id: 'tenpay.trades',
  version: 1,
  name: { zh: '财付通交易明细（TenpayTrades）', en: 'Tenpay (WeChat Pay) transactions, police return' },
  kind: 'transactions',
  grade: 'official',
  detect: (input) =>
    detectPayment(input, { aliases: ALIASES, required: REQUIRED, label: '财付通交易明细 TenpayTrades', nameHints: [/TenpayTrades/i, /财付通/] }),
  mapRows,
};
