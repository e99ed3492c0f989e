import { formatMinor } from '../../../money/index';
import type { Aliases, HeaderedRow } from '../../tabular';
import type { AccountRef, FormatSpec, MapperOutput, ParseContext, SourceRecord } from '../../types';
import { mapBillRows } from '../common/bill-account';
import { billRows } from '../common/bill-stream';
import type { BillMeta } from '../common/bill-stream';
import { joinParts, opt, parseYuan } from '../common/cells';
import { billTxn } from '../common/bill-txn';
import { detectPayment } from '../common/detect';

/**
 * 支付宝交易明细 personal exports (支付宝 app/PC 账单), self-provided: the 2019 layout (交易号 … 交易创建时间 … 商品名称 …
 * 金额（元）), the 2021 layout (收/支 first, 交易时间 last, holder in the footer) and the 2023+ layout (交易时间 first,
 * 24 title lines before the header).
 */

type Field =
  | 'time'
  | 'paid'
  | 'category'
  | 'counterparty'
  | 'cpAccount'
  | 'item'
  | 'direction'
  | 'amount'
  | 'method'
  | 'status'
  | 'txnNo'
  | 'orderNo'
  | 'memo'
  | 'source'
  | 'fee'
  | 'refund'
  | 'fundStatus';

const ALIASES: Aliases<Field> = {
  time: ['交易时间', '交易创建时间'],
  paid: ['付款时间'],
  category: ['交易分类', '类型'],
  counterparty: ['交易对方'],
  cpAccount: ['对方账号'],
  item: ['商品说明', '商品名称'],
  direction: ['收/支'],
  amount: ['金额', '金额（元）'],
  method: ['收/付款方式'],
  status: ['交易状态'],
  txnNo: ['交易订单号', '交易号'],
  orderNo: ['商家订单号'],
  memo: ['备注'],
  source: ['交易来源地'],
  fee: ['服务费（元）'],
  refund: ['成功退款（元）'],
  fundStatus: ['资金状态'],
};
const REQUIRED: readonly Field[] = ['time', 'counterparty', 'amount', 'direction', 'status'];

function accountFromMeta(meta: BillMeta): AccountRef | null {
  const number = meta.get('支付宝账户') ?? meta.get('账号') ?? meta.get('账户');
  if (number === undefined) return null;
  return { kind: 'alipay', number, subAccount: '', holderName: meta.get('姓名') ?? meta.get('用户') };
}

/** A non-zero 服务费/成功退款 amount as memo text (they change what the row means for the balance). */
function extraAmount(label: string, text: string): string | undefined {
  const amount = parseYuan(text);
  return amount.ok && amount.minor !== 0 ? `${label} ${formatMinor(amount.minor)} 元` : undefined;
}

function mapRow(row: HeaderedRow<Field>, account: AccountRef, context: ParseContext): MapperOutput {
  const cells = {
    record: row.record,
    raw: row.raw(),
    time: row.get('time'),
    amount: row.get('amount'),
    amountLabel: '金额',
    direction: row.get('direction'),
    fundStatus: row.get('fundStatus'),
    status: row.get('status'),
  };
  return billTxn(cells, account, context, {
    counterparty: { name: opt(row.get('counterparty')), account: opt(row.get('cpAccount')) },
    summary: opt(row.get('item')),
    channel: opt(row.get('method')),
    txnNo: opt(row.get('txnNo')),
    logNo: opt(row.get('orderNo')),
    location: opt(row.get('source')),
    memo: joinParts([row.get('memo'), extraAmount('服务费', row.get('fee')), extraAmount('成功退款', row.get('refund'))]),
  });
}

async function* mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  yield* mapBillRows(
    billRows(records, ALIASES, REQUIRED),
    { kind: 'alipay', label: '支付宝账单', accountFromMeta, mapRow: (row, account) => mapRow(row, account, context) },
    context,
  );
}

export const alipayBill: FormatSpec = {
  id: 'alipay.bill',
  version: 1,
  name: { zh: '支付宝个人账单（当事人提供）', en: 'Alipay personal bill export (self-provided)' },
  kind: 'transactions',
  grade: 'self-provided',
  detect: (input) =>
    detectPayment(input, {
      aliases: ALIASES,
      required: REQUIRED,
      label: '支付宝个人账单',
      nameHints: [/alipay/i, /支付宝/],
      contentHints: [/支付宝/, /交易记录明细/],
    }),
  mapRows,
};
