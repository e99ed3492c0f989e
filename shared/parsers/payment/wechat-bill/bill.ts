import type { Aliases, HeaderedRow } from '../../tabular';
import type { AccountRef, FormatSpec, MapperOutput, ParseContext, SourceRecord } from '../../types';
import { mapBillRows } from '../common/bill-account';
import { billRows } from '../common/bill-stream';
import type { BillMeta } from '../common/bill-stream';
import { joinParts, opt } from '../common/cells';
import { billTxn } from '../common/bill-txn';
import { detectPayment } from '../common/detect';

/**
 * 微信支付账单明细 personal exports (CSV, and the XLSX of newer app versions), self-provided. Amounts carry ¥/￥ and
 * quotes; 收/支 is 收入/支出 or '/' for 中性交易 (充值, 提现, 零钱通, 理财通, 信用卡还款); '/' also marks empty cells.
 */

type Field = 'time' | 'txnType' | 'counterparty' | 'item' | 'direction' | 'amount' | 'method' | 'status' | 'txnNo' | 'orderNo' | 'memo';

const ALIASES: Aliases<Field> = {
  time: ['交易时间'],
  txnType: ['交易类型'],
  counterparty: ['交易对方'],
  item: ['商品'],
  direction: ['收/支', '收/支/其他', '收支'],
  amount: ['金额(元)', '金额'],
  method: ['支付方式', '交易方式'],
  status: ['当前状态', '交易状态'],
  txnNo: ['交易单号'],
  orderNo: ['商户单号'],
  memo: ['备注'],
};
const REQUIRED: readonly Field[] = ['time', 'txnType', 'counterparty', 'direction', 'amount'];

/** The bill names its account only by nickname (微信昵称); that is what the rows are keyed by until re-keyed. */
function accountFromMeta(meta: BillMeta): AccountRef | null {
  const nickname = meta.get('微信昵称');
  return nickname === undefined ? null : { kind: 'tenpay', number: nickname, subAccount: '', holderName: nickname };
}

/** Every 备注 column's text: some exports carry a second, unnamed-looking 备注 column after the first. */
function memos(row: HeaderedRow<Field>): string[] {
  return Object.entries(row.raw())
    .filter(([name]) => name === '备注' || name.startsWith('备注#'))
    .map(([, value]) => value);
}

function mapRow(row: HeaderedRow<Field>, account: AccountRef, context: ParseContext): MapperOutput {
  const cells = { record: row.record, raw: row.raw(), time: row.get('time'), amount: row.get('amount'), amountLabel: '金额(元)', direction: row.get('direction'), status: row.get('status') };
  return billTxn(cells, account, context, {
    counterparty: { name: opt(row.get('counterparty')) },
    summary: opt(row.get('txnType')),
    channel: opt(row.get('method')),
    txnNo: opt(row.get('txnNo')),
    logNo: opt(row.get('orderNo')),
    memo: joinParts([row.get('item'), ...memos(row)]),
  });
}

async function* mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  let nicknameWarned = false;
  for await (const item of mapBillRows(
    billRows(records, ALIASES, REQUIRED),
    { kind: 'tenpay', label: '微信支付账单', accountFromMeta, mapRow: (row, account) => mapRow(row, account, context) },
    context,
  )) {
    if (item.type === 'txn' && !nicknameWarned && !item.account.number.startsWith('账单未注明账户')) {
      nicknameWarned = true;
      yield {
        type: 'warning',
        code: 'ACCOUNT_IS_NICKNAME',
        message: `微信支付账单：账单只以微信昵称“${item.account.number}”标明账户；查明微信号后请关联`,
      };
    }
    yield item;
  }
}

export const wechatBill: FormatSpec = {
  id: 'wechat.bill',
  version: 1,
  name: { zh: '微信支付个人账单（当事人提供）', en: 'WeChat Pay personal bill export (self-provided)' },
  kind: 'transactions',
  grade: 'self-provided',
  detect: (input) =>
    detectPayment(input, {
      aliases: ALIASES,
      required: REQUIRED,
      label: '微信支付账单',
      nameHints: [/微信/, /wechat/i, /wx/i],
      contentHints: [/微信支付账单/, /微信昵称/],
    }),
  mapRows,
};
