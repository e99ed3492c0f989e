import { isAlipayUid, isValidResidentId } from '../../../ids/index';
import { normaliseDirection } from '../../../money/index';
import { directionOfFlag } from '../../direction-words';
import { cellText, mapTabular } from '../../tabular';
import { badAmountMessage } from '../../reasons';
import type { Aliases, HeaderedRow } from '../../tabular';
import type { AccountRef, FormatSpec, MapperOutput, ParseContext, SourceRecord, TxnDraft } from '../../types';
import { clean, joinParts, opt, parseYuan, rowError, signedMinor, statusSucceeded } from '../common/cells';
import { detectPayment } from '../common/detect';
import { readTime } from '../common/times';
import { splitAlipayParty } from './party';

type Field =
  | 'txnNo'
  | 'orderNo'
  | 'created'
  | 'paid'
  | 'modified'
  | 'source'
  | 'type'
  | 'user'
  | 'counterparty'
  | 'item'
  | 'amount'
  | 'direction'
  | 'status'
  | 'method'
  | 'serial'
  | 'memo'
  | 'queried'
  | 'fundStatus';

const ALIASES: Aliases<Field> = {
  txnNo: ['交易号', '交易订单号'],
  orderNo: ['商户订单号', '商家订单号'],
  created: ['交易创建时间', '创建时间', '交易时间'],
  paid: ['付款时间'],
  modified: ['最近修改时间'],
  source: ['交易来源地'],
  type: ['类型', '交易类型'],
  user: ['用户信息', '用户'],
  counterparty: ['交易对方信息', '交易对方', '对方信息'],
  item: ['消费名称', '商品名称'],
  amount: ['金额（元）', '金额', '交易金额'],
  // 资金状态 (已收入/已支出) stands in for 收/支 when a return prints only it
  direction: ['收/支', '收支', '资金状态'],
  fundStatus: ['资金状态'],
  status: ['交易状态'],
  method: ['支付方式'],
  serial: ['充值流水号', '清算流水号', '充值流水号/清算流水号'],
  memo: ['备注'],
  queried: ['对应的协查数据'],
};
const REQUIRED: readonly Field[] = ['user', 'counterparty', 'amount', 'direction'];

function mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  return mapTabular(records, ALIASES, REQUIRED, (row) => [mapRow(row, context)], '账户明细：未找到表头（需要“用户信息”“交易对方信息”“金额（元）”“收/支”列），文件未导入任何行');
}

/**
 * One 账户明细 row. The row's own 用户信息 names the account (a file can hold several queried subjects); a sheet named
 * by a 2088 UID is the fallback when the cell has no account number.
 */
function mapRow(row: HeaderedRow<Field>, context: ParseContext): MapperOutput {
  const record = row.record;
  const user = splitAlipayParty(row.get('user'));
  const sheetUid = isAlipayUid(record.sheet) ? cellText(record.sheet) : undefined;
  const number = user.account ?? sheetUid;
  if (number === undefined) return rowError(record, 'MISSING_FIELD', `用户信息“${row.get('user')}”中没有支付宝账号`);

  const timeField = clean(row.get('created')) !== '' ? 'created' : clean(row.get('paid')) !== '' ? 'paid' : 'modified';
  const timeName = { created: '交易创建时间', paid: '付款时间', modified: '最近修改时间' }[timeField];
  const time = readTime(record, timeName, row.get(timeField), context);
  if (!time.ok) return time.error;

  const amountText = row.get('amount');
  if (clean(amountText) === '') return rowError(record, 'MISSING_FIELD', '金额（元）为空');
  const amount = parseYuan(amountText);
  if (!amount.ok) return rowError(record, 'BAD_AMOUNT', badAmountMessage('金额（元）', cellText(amountText), amount.reason));

  const { direction, directionRaw } = tradeDirection(row, amount.minor);
  const magnitude = Math.abs(amount.minor);
  const status = clean(row.get('status'));
  const succeeded = statusSucceeded(status);
  const queried = clean(row.get('queried'));
  const account: AccountRef = { kind: 'alipay', number, subAccount: '', holderName: user.name };
  if (isValidResidentId(queried)) account.holderId = queried.toUpperCase();
  const counterparty = splitAlipayParty(row.get('counterparty'));

  const draft: TxnDraft = {
    type: 'txn',
    sheet: record.sheet,
    line: record.line,
    raw: row.raw(),
    account,
    time: time.instant,
    amountMinor: signedMinor(direction, magnitude),
    currency: 'CNY',
    direction,
    directionRaw,
    balanceMinor: null,
    counterparty: { account: counterparty.account, name: counterparty.name, bank: counterparty.bank },
    summary: opt(row.get('item')) ?? opt(row.get('type')),
    channel: opt(row.get('method')),
    succeeded,
    failReason: succeeded ? undefined : status,
    txnNo: opt(row.get('txnNo')),
    logNo: opt(row.get('orderNo')),
    location: opt(row.get('source')),
    memo: joinParts([row.get('type'), row.get('memo')]),
  };
  return draft;
}

/**
 * 收/支 when it says which way, and no direction when it says 不计收支 (a refund or a move between the holder's own
 * funds: counted neither in nor out, whatever 资金状态 says). 资金状态 (已收入/已支出) only fills a blank 收/支, as in
 * the personal bills (bill-txn.ts); else the sign of an amount written with one. The raw text is the cell that decided
 * ('-' for the sign).
 */
function tradeDirection(row: HeaderedRow<Field>, signed: number): { direction: 'in' | 'out' | null; directionRaw: string } {
  const printed = row.get('direction');
  const stated = directionOfFlag(clean(printed));
  if (stated !== null) return { direction: stated, directionRaw: printed };
  if (normaliseDirection(clean(printed)).reason === 'neutral') return { direction: null, directionRaw: printed };
  const fund = row.get('fundStatus');
  const fromFund = clean(printed) === '' ? directionOfFlag(clean(fund)) : null;
  if (fromFund !== null) return { direction: fromFund, directionRaw: fund };
  const amountText = clean(row.get('amount'));
  if (signed < 0) return { direction: 'out', directionRaw: '-' };
  if (amountText.startsWith('+')) return { direction: 'in', directionRaw: '+' };
  return { direction: null, directionRaw: printed };
}

export const alipayTrades: FormatSpec = {
  id: 'alipay.trades',
  version: 1,
  name: { zh: '支付宝账户明细', en: 'Alipay account transactions (police return)' },
  kind: 'transactions',
  grade: 'official',
  detect: (input) =>
    detectPayment(input, { aliases: ALIASES, required: REQUIRED, label: '支付宝账户明细', nameHints: [/账户明细/, /交易明细/, /alipay.*trade/i] }),
  mapRows,
};
