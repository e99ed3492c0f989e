import { mapTabular } from '../../tabular';
import { badAmountMessage } from '../../reasons';
import type { Aliases, HeaderedRow } from '../../tabular';
import type { FormatSpec, MapperOutput, ParseContext, SourceRecord, TxnDraft } from '../../types';
import { clean, opt, parseYuan, rowError, signedMinor } from '../common/cells';
import { detectPayment } from '../common/detect';
import { readTime } from '../common/times';
import { splitAlipayParty } from './party';

type Field = 'txnNo' | 'account' | 'counterparty' | 'time' | 'bankTime' | 'inAmount' | 'outAmount' | 'balance' | 'bizType' | 'location' | 'bank' | 'memo' | 'queried';

const ALIASES: Aliases<Field> = {
  txnNo: ['交易订单号/外部流水号', '交易订单号', '外部流水号', '流水号'],
  account: ['账户', '交易账户'],
  counterparty: ['对方帐户', '对方账户'],
  time: ['交易发生日期', '交易发生时间'],
  bankTime: ['银行处理日期'],
  inAmount: ['收入金额(+)（元）', '收入金额(+)', '收入金额(+)元', '收入金额（元）'],
  outAmount: ['支出金额(-)（元）', '支出金额(-)', '支出金额(-)元', '支出金额（元）'],
  balance: ['余额（元）', '余额'],
  bizType: ['业务类型'],
  location: ['交易发生地'],
  bank: ['银行名称'],
  memo: ['备注'],
  queried: ['对应的协查数据'],
};
const REQUIRED: readonly Field[] = ['account', 'time', 'inAmount', 'outAmount'];

function mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  return mapTabular(records, ALIASES, REQUIRED, (row) => [mapRow(row, context)], '余额明细：未找到表头（需要“账户”“交易发生日期”“收入金额(+)”“支出金额(-)”列），文件未导入任何行');
}

/**
 * One 余额明细 row. The column decides the direction: 支出金额(-) is often written negative ("-1200.0") and 'null'
 * marks the unused column, so magnitudes are taken from whichever column holds a non-zero amount.
 */
function mapRow(row: HeaderedRow<Field>, context: ParseContext): MapperOutput {
  const record = row.record;
  const party = splitAlipayParty(row.get('account'));
  if (party.account === undefined) return rowError(record, 'MISSING_FIELD', `账户“${row.get('account')}”中没有支付宝账号`);
  const useBankTime = clean(row.get('time')) === '' && clean(row.get('bankTime')) !== '';
  const time = readTime(record, useBankTime ? '银行处理日期' : '交易发生日期', row.get(useBankTime ? 'bankTime' : 'time'), context);
  if (!time.ok) return time.error;

  const inText = clean(row.get('inAmount'));
  const outText = clean(row.get('outAmount'));
  const inAmount = inText === '' ? null : parseYuan(inText);
  const outAmount = outText === '' ? null : parseYuan(outText);
  if (inAmount && !inAmount.ok) return rowError(record, 'BAD_AMOUNT', badAmountMessage('收入金额(+)', inText, inAmount.reason));
  if (outAmount && !outAmount.ok) return rowError(record, 'BAD_AMOUNT', badAmountMessage('支出金额(-)', outText, outAmount.reason));
  const inMinor = Math.abs(inAmount?.ok ? inAmount.minor : 0);
  const outMinor = Math.abs(outAmount?.ok ? outAmount.minor : 0);
  if (inAmount === null && outAmount === null) return rowError(record, 'MISSING_FIELD', '收入金额(+)和支出金额(-)都为空');
  if (inMinor !== 0 && outMinor !== 0) return rowError(record, 'BAD_AMOUNT', `收入金额(+)“${inText}”和支出金额(-)“${outText}”都有金额`);
  const direction = inMinor !== 0 ? 'in' : outMinor !== 0 ? 'out' : null;

  let balanceMinor: number | null = null;
  const balanceText = clean(row.get('balance'));
  if (balanceText !== '') {
    const balance = parseYuan(balanceText);
    if (!balance.ok) return rowError(record, 'BAD_AMOUNT', badAmountMessage('余额（元）', balanceText, balance.reason));
    balanceMinor = balance.minor;
  }
  const counterparty = splitAlipayParty(row.get('counterparty'));
  const draft: TxnDraft = {
    type: 'txn',
    sheet: record.sheet,
    line: record.line,
    raw: row.raw(),
    account: { kind: 'alipay', number: party.account, subAccount: '', holderName: party.name },
    time: time.instant,
    amountMinor: direction === 'out' ? signedMinor('out', outMinor) : inMinor,
    currency: 'CNY',
    direction,
    // the column the amount stood in is the direction
    directionRaw: direction === 'in' ? '收入金额(+)' : direction === 'out' ? '支出金额(-)' : '',
    balanceMinor,
    counterparty: { account: counterparty.account, name: counterparty.name, bank: counterparty.bank ?? opt(row.get('bank')) },
    summary: opt(row.get('bizType')),
    succeeded: true,
    txnNo: opt(row.get('txnNo')),
    location: opt(row.get('location')),
    memo: opt(row.get('memo')),
  };
  return draft;
}

export const alipayBalance: FormatSpec = {
  id: 'alipay.balance',
  version: 1,
  name: { zh: '支付宝余额明细', en: 'Alipay balance ledger (police return)' },
  kind: 'transactions',
  grade: 'official',
  detect: (input) =>
    detectPayment(input, { aliases: ALIASES, required: REQUIRED, label: '支付宝余额明细', nameHints: [/余额明细/, /alipay.*balance/i] }),
  mapRows,
};
