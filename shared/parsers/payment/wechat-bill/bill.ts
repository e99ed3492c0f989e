import { normaliseDirection } from '../../../money/index';
import { cellText } from '../../tabular';
import type { Aliases, HeaderedRow } from '../../tabular';
import type { AccountRef, FormatSpec, MapperOutput, ParseContext, SourceRecord, TxnDraft } from '../../types';
import { mapBillRows } from '../common/bill-account';
import { billRows } from '../common/bill-stream';
import type { BillMeta } from '../common/bill-stream';
import { clean, joinParts, opt, parseYuan, rowError, signedMinor, statusSucceeded } from '../common/cells';
import { detectPayment } from '../common/detect';
import { readTime } from '../common/times';

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
  direction: ['收/支', '收/支/其他'],
  amount: ['金额(元)'],
  method: ['支付方式', '交易方式'],
  status: ['当前状态'],
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
  const record = row.record;
  const time = readTime(record, '交易时间', row.get('time'), context);
  if (!time.ok) return time.error;
  const amountText = row.get('amount');
  if (clean(amountText) === '') return rowError(record, 'MISSING_FIELD', '金额(元) is empty');
  const amount = parseYuan(amountText);
  if (!amount.ok) return rowError(record, 'BAD_AMOUNT', `金额(元) '${cellText(amountText)}' is not an amount (${amount.reason})`);
  const directionRaw = row.get('direction');
  const { direction } = normaliseDirection(clean(directionRaw));
  const magnitude = Math.abs(amount.minor);
  const status = clean(row.get('status'));
  const succeeded = statusSucceeded(status);
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
    counterparty: { name: opt(row.get('counterparty')) },
    summary: opt(row.get('txnType')),
    channel: opt(row.get('method')),
    succeeded,
    failReason: succeeded ? undefined : status,
    txnNo: opt(row.get('txnNo')),
    logNo: opt(row.get('orderNo')),
    memo: joinParts([row.get('item'), ...memos(row)]),
  };
  return draft;
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
        message: `微信支付账单: the bill names its account only by the nickname '${item.account.number}'; link it to the 微信号 when known`,
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
