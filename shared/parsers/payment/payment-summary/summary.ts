import { normaliseMac, parseIp } from '../../../ids/index';
import { parseFenAmount } from '../../../money/index';
import type { AmountResult } from '../../../money/index';
import { directionOfFlag, legendCodes } from '../../direction-words';
import { badAmountMessage } from '../../reasons';
import { cellText, mapTabular } from '../../tabular';
import type { Aliases, HeaderedRow } from '../../tabular';
import type { Counterparty, FormatSpec, MapperOutput, ParseContext, SourceRecord, TxnDraft } from '../../types';
import { clean, currencyCode, joinParts, opt, parseYuan, rowError, signedMinor } from '../common/cells';
import { detectPayment } from '../common/detect';
import { normaliseIdentifier } from '../common/identifiers';
import { readTime } from '../common/times';

/**
 * 支付流水汇总: transactions returned by payment institutions other than Alipay and Tenpay (the 公安 查控 layout for
 * 第三方支付机构). Each row names payer and payee (支付帐号, 银行卡 and bank); 交易主体的出入账标识 tells which side is the
 * subject. 交易支付设备ip and mac地址 feed the same-device analysis.
 */

type Field =
  | 'orderNo'
  | 'txnType'
  | 'payType'
  | 'direction'
  | 'time'
  | 'currency'
  | 'amount'
  | 'amountFen'
  | 'serial'
  | 'balance'
  | 'subject'
  | 'payeeBank'
  | 'payeeCard'
  | 'payeeAccount'
  | 'payeeMerchant'
  | 'merchantNo'
  | 'payerBank'
  | 'payerCard'
  | 'payerAccount'
  | 'deviceType'
  | 'ip'
  | 'mac'
  | 'deviceNo'
  | 'pos'
  | 'extSerial'
  | 'memo';

const ALIASES: Aliases<Field> = {
  orderNo: ['支付订单号'],
  txnType: ['交易类型'],
  payType: ['支付类型'],
  direction: ['交易主体的出入账标识', '出入账标识', '交易主体出入账标识'],
  time: ['交易时间'],
  currency: ['币种'],
  amount: ['交易金额', '金额', '交易金额(元)'],
  amountFen: ['交易金额(分)'],
  serial: ['交易流水号', '流水号'],
  balance: ['交易余额', '余额'],
  subject: ['支付帐号', '支付账号', '交易主体的支付帐号', '交易主体支付帐号'],
  payeeBank: ['收款方银行卡所属银行名称', '收款银行卡银行名称'],
  payeeCard: ['收款方银行卡所属银行卡号', '收款银行卡号'],
  payeeAccount: ['收款方的支付帐号', '收款方的支付账号', '收款支付账号', '收款支付帐号'],
  payeeMerchant: ['收款方的商户名称', '商户名称'],
  merchantNo: ['收款方的商户号'],
  payerBank: ['付款方银行卡所属银行名称', '付款银行卡银行名称'],
  payerCard: ['付款方银行卡所属银行卡号', '付款银行卡号'],
  payerAccount: ['付款方的支付帐号', '付款方的支付账号', '付款支付账号', '付款支付帐号'],
  deviceType: ['交易设备类型'],
  ip: ['交易支付设备ip', '交易支付设备IP', '设备IP'],
  mac: ['mac地址', 'MAC地址'],
  deviceNo: ['交易设备号'],
  pos: ['消费POS机编号'],
  extSerial: ['银行外部渠道交易流水号', '银行外部取道交易流水号'],
  memo: ['备注'],
};
const REQUIRED: readonly Field[] = ['direction', 'time'];

interface Side {
  account?: string;
  card?: string;
  bank?: string;
  name?: string;
}

function side(row: HeaderedRow<Field>, who: 'payer' | 'payee'): Side {
  return who === 'payer'
    ? { account: opt(row.get('payerAccount')), card: opt(row.get('payerCard')), bank: opt(row.get('payerBank')) }
    : { account: opt(row.get('payeeAccount')), card: opt(row.get('payeeCard')), bank: opt(row.get('payeeBank')), name: opt(row.get('payeeMerchant')) };
}

function mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  return mapTabular(records, ALIASES, REQUIRED, (row) => [mapRow(row, context)], '支付流水汇总：未找到表头（需要“交易主体的出入账标识”“交易时间”列），文件未导入任何行');
}

function readAmount(row: HeaderedRow<Field>): { field: string; text: string; result: AmountResult } | null {
  if (clean(row.get('amount')) !== '') return { field: '交易金额', text: clean(row.get('amount')), result: parseYuan(row.get('amount')) };
  if (clean(row.get('amountFen')) !== '') return { field: '交易金额(分)', text: clean(row.get('amountFen')), result: parseFenAmount(clean(row.get('amountFen'))) };
  return null;
}

function mapRow(row: HeaderedRow<Field>, context: ParseContext): MapperOutput {
  const record = row.record;
  const directionRaw = row.get('direction');
  const direction = directionOfFlag(clean(directionRaw), legendCodes(row.header('direction')));
  const payer = side(row, 'payer');
  const payee = side(row, 'payee');
  const subjectNumber = clean(row.get('subject'));
  // the subject is the named 支付帐号, else the side the flag points at (出 → payer, 入 → payee)
  let own: Side | undefined;
  let other: Side | undefined;
  if (subjectNumber !== '') {
    own = { account: subjectNumber };
    if (direction === 'out' || (direction === null && payer.account === subjectNumber)) other = payee;
    else if (direction === 'in' || (direction === null && payee.account === subjectNumber)) other = payer;
  } else if (direction === 'out') [own, other] = [payer, payee];
  else if (direction === 'in') [own, other] = [payee, payer];
  const number = own?.account ?? own?.card;
  if (number === undefined) {
    return rowError(record, 'MISSING_FIELD', `无法确定交易主体的支付帐号（出入账标识为“${cellText(directionRaw)}”）`);
  }
  const time = readTime(record, '交易时间', row.get('time'), context);
  if (!time.ok) return time.error;
  const amount = readAmount(row);
  if (amount === null) return rowError(record, 'MISSING_FIELD', '交易金额为空');
  if (!amount.result.ok) return rowError(record, 'BAD_AMOUNT', badAmountMessage(amount.field, amount.text, amount.result.reason));
  let balanceMinor: number | null = null;
  if (clean(row.get('balance')) !== '') {
    const balance = parseYuan(row.get('balance'));
    if (!balance.ok) return rowError(record, 'BAD_AMOUNT', badAmountMessage('交易余额', clean(row.get('balance')), balance.reason));
    balanceMinor = balance.minor;
  }
  const magnitude = Math.abs(amount.result.minor);
  const counterparty: Counterparty = other === undefined ? {} : { account: other.account ?? other.card, name: other.name, bank: other.bank };
  const ip = clean(row.get('ip'));
  const mac = clean(row.get('mac'));
  // unreadable device values stay visible in the memo; the all-zero placeholders (0.0.0.0, 00-00-…) are dropped
  const badIp = ip !== '' && parseIp(ip) === null ? `交易支付设备ip ${ip}` : undefined;
  const badMac = mac !== '' && normaliseMac(mac) === null && !/^(?:[0:.-]+|[fF:.-]+)$/.test(mac) ? `mac地址 ${mac}` : undefined;
  const draft: TxnDraft = {
    type: 'txn',
    sheet: record.sheet,
    line: record.line,
    raw: row.raw(),
    account: { kind: 'payment', number, subAccount: '', cardNumber: own?.card, bankName: own?.bank },
    time: time.instant,
    amountMinor: signedMinor(direction, magnitude),
    currency: currencyCode(row.get('currency')),
    direction,
    directionRaw,
    balanceMinor,
    counterparty,
    summary: opt(row.get('txnType')),
    channel: opt(row.get('payType')),
    succeeded: true,
    ip: normaliseIdentifier('ip', ip) ?? undefined,
    mac: normaliseIdentifier('mac', mac) ?? undefined,
    device: joinParts([row.get('deviceType'), row.get('deviceNo'), row.get('pos')], ' / '),
    merchant: direction === 'out' ? opt(row.get('payeeMerchant')) : undefined,
    merchantCode: direction === 'out' ? opt(row.get('merchantNo')) : undefined,
    txnNo: opt(row.get('orderNo')),
    logNo: opt(row.get('serial')) ?? opt(row.get('extSerial')),
    memo: joinParts([row.get('memo'), badIp, badMac]),
  };
  return draft;
}

export const paymentSummary: FormatSpec = {
  id: 'payment.summary',
  version: 1,
  name: { zh: '第三方支付机构支付流水汇总', en: 'Payment institution transaction summary (支付流水汇总), police return' },
  kind: 'transactions',
  grade: 'official',
  detect: (input) =>
    detectPayment(input, { aliases: ALIASES, required: REQUIRED, label: '支付流水汇总', nameHints: [/支付流水/, /第三方/] }),
  mapRows,
};
