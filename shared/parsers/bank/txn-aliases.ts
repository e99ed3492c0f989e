import type { Aliases } from '../tabular';

/**
 * 交易明细信息 columns across the layouts of DOMAIN.md §1.1: the 32-column 查控平台 layout, its 34-column variant,
 * the 监委/检察 网银标准 layout and the bank-side 协查 layout with split 支出/存入 columns. Each field lists every
 * name it is printed under; columns not listed here (传票号, 凭证号, 交易柜员号, 交易关联号 …) are kept in the row's
 * raw values only.
 */
export type TxnField =
  | 'card'
  | 'account'
  | 'queryCard'
  | 'holderName'
  | 'queryName'
  | 'holderId'
  | 'bank'
  | 'date'
  | 'time'
  | 'amount'
  | 'outAmount'
  | 'inAmount'
  | 'flag'
  | 'balance'
  | 'currency'
  | 'cpAccount'
  | 'cpCard'
  | 'cpName'
  | 'cpId'
  | 'cpBank'
  | 'summary'
  | 'channel'
  | 'device'
  | 'cash'
  | 'branch'
  | 'location'
  | 'success'
  | 'feedback'
  | 'ip'
  | 'mac'
  | 'txnNo'
  | 'logNo'
  | 'memo'
  | 'merchant'
  | 'merchantCode';

export const TXN_ALIASES: Aliases<TxnField> = {
  card: ['交易卡号', '本方卡号', '卡号'],
  account: ['交易账号', '本方账号', '账号', '账卡号'],
  queryCard: ['查询卡号', '查询账号', '查询账户'],
  holderName: ['交易户名', '交易方户名', '账户开户名称', '本方户名', '本方名称', '户名', '账户名称'],
  queryName: ['查询对象名称', '查询对象'],
  holderId: ['交易证件号码', '交易方证件号码', '开户人证件号码', '本方证件号码', '证件号码'],
  bank: ['反馈单位', '账号开户银行', '交易方开户行', '开户银行', '开户行'],
  date: ['交易日期'],
  time: ['交易时间', '交易发生时间'],
  amount: ['交易金额', '金额', '发生额'],
  outAmount: ['支出', '支出金额', '借方金额', '借方发生额'],
  inAmount: ['存入', '存入金额', '收入', '收入金额', '贷方金额', '贷方发生额'],
  flag: ['收付标志', '借贷标志', '借贷标记', '收支标志', '进出标志', '资金收付标志', '借贷方向', '交易方向'],
  balance: ['交易余额', '余额', '交易后余额', '账户余额'],
  currency: ['交易币种', '币种', '币别'],
  cpAccount: ['交易对手账卡号', '对手账卡号', '交易对方账号', '交易对手账号', '对方账号', '对手账号'],
  cpCard: ['交易对方卡号', '对方卡号', '对手卡号'],
  cpName: ['对手户名', '交易对方名称', '交易对方户名', '交易对手名称', '对方户名', '对方名称', '对手名称', '对方账户名称'],
  cpId: ['对手身份证号', '对手证件号', '对手证件号码', '交易对方证件号码', '交易对手证照号码', '对方证件号码', '对方证件号'],
  cpBank: ['对手开户银行', '交易对方账号开户行', '对手开户行', '对方开户行', '对方开户银行', '对方行名', '对方机构名', '对方银行'],
  summary: ['摘要说明', '交易摘要', '摘要'],
  channel: ['交易渠道', '渠道'],
  device: ['终端号', '渠道号', '交易终端号'],
  cash: ['现金标志', '现转标志', '现金/转账'],
  branch: ['交易网点名称', '交易网点', '网点名称'],
  location: ['交易发生地', '交易场所', '交易地点', '交易地址'],
  success: ['交易是否成功', '交易结果', '交易状态'],
  feedback: ['查询反馈结果原因', '查询反馈结果', '反馈结果原因', '反馈原因'],
  ip: ['IP地址', 'IP', '交易IP', '交易IP地址'],
  mac: ['MAC地址', 'MAC', '交易MAC', '交易MAC地址'],
  txnNo: ['交易流水号', '系统交易流水号', '流水号'],
  logNo: ['日志号'],
  memo: ['备注', '附言', '说明', '交易备注'],
  merchant: ['商户名称', '商户名'],
  merchantCode: ['商户代码', '商户号'],
};

/** Every 交易明细 layout has a 交易时间 column (a date-time, or the time of day beside 交易日期). */
export const TXN_REQUIRED: readonly TxnField[] = ['time'];

export type TxnLayout = '32' | '34' | 'wangyin' | 'xiecha';

export const TXN_LAYOUT_LABELS: Readonly<Record<TxnLayout, string>> = {
  '32': '32 列查控平台格式',
  '34': '34 列查控格式',
  wangyin: '网银标准格式',
  xiecha: '银行协查格式（支出/存入分列）',
};

/** Header words only one layout prints (normalised: no spaces, ASCII lower case). */
const LAYOUT_MARKERS: readonly (readonly [TxnLayout, readonly string[]])[] = [
  ['xiecha', ['支出', '存入', '支出金额', '存入金额', '交易渠道', '对方机构名', '对方机构号', '交易关联号', '授权柜员号']],
  ['wangyin', ['本方账号', '本方卡号', '借贷标志', '交易对方名称', '交易对方账号', '查询对象名称', '查询卡号', '反馈单位', '审批表']],
  ['34', ['账户开户名称', '开户人证件号码', '交易网点代码', '终端号', '渠道号', '商户号']],
];

/** Which layout a header is, from the marker words it uses (the 32-column layout has none of them). */
export function txnLayout(headerNames: readonly string[]): TxnLayout {
  const names = new Set(headerNames.map((name) => name.replace(/\s+/g, '').toLowerCase()));
  let best: TxnLayout = '32';
  let bestHits = 0;
  for (const [layout, markers] of LAYOUT_MARKERS) {
    const hits = markers.filter((marker) => names.has(marker)).length;
    if (hits > bestHits) {
      best = layout;
      bestHits = hits;
    }
  }
  return best;
}
