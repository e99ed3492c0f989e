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
  account: ['交易账号', '本方账号', '账号', '账卡号', '交易账卡号', '本方账卡号', '交易账户', '本方账户'],
  queryCard: ['查询卡号', '查询账号', '查询账户'],
  holderName: ['交易户名', '交易方户名', '账户开户名称', '本方户名', '本方名称', '户名', '账户名称', '交易方名称', '账户户名', '本方账户名称', '客户名称'],
  queryName: ['查询对象名称', '查询对象'],
  holderId: ['交易证件号码', '交易方证件号码', '开户人证件号码', '本方证件号码', '证件号码', '交易证照号码', '交易方证照号码', '开户人证照号码', '证照号码', '客户证件号码'],
  bank: ['反馈单位', '账号开户银行', '交易方开户行', '开户银行', '开户行'],
  date: ['交易日期', '交易发生日期', '发生日期'],
  time: ['交易时间', '交易发生时间', '发生时间', '交易日期时间'],
  // the unit of an amount column comes from its printed header: 交易金额(分) is read in 分 (amount.ts)
  amount: ['交易金额', '金额', '发生额', '交易发生额', '发生金额', '交易金额(分)', '金额(分)', '发生额(分)'],
  outAmount: ['支出', '支出金额', '借方金额', '借方发生额', '借方', '借方发生金额', '付款金额', '转出金额', '取款金额', '支取金额', '出账金额', '支出金额(分)', '借方金额(分)', '借方发生额(分)'],
  inAmount: ['存入', '存入金额', '收入', '收入金额', '贷方金额', '贷方发生额', '贷方', '贷方发生金额', '收款金额', '转入金额', '存款金额', '入账金额', '存入金额(分)', '收入金额(分)', '贷方金额(分)', '贷方发生额(分)'],
  flag: [
    '收付标志', '借贷标志', '借贷标记', '收支标志', '进出标志', '资金收付标志', '借贷方向', '交易方向', '收付方向', '收支方向', '资金流向',
    '资金方向', '借贷标识', '收付标识', '进出账标志', '出入账标志', '出入账标识', '交易借贷标志', '借贷', '借贷别', '收支', '收/支', '进出', '收付',
  ],
  balance: ['交易余额', '余额', '交易后余额', '账户余额', '本次余额', '联机余额', '交易后账户余额', '当前余额', '结余', '交易余额(分)', '余额(分)'],
  currency: ['交易币种', '币种', '币别', '货币', '交易货币', '币种名称', '货币种类'],
  cpAccount: [
    '交易对手账卡号', '对手账卡号', '交易对方账号', '交易对手账号', '对方账号', '对手账号', '交易对方账卡号', '对方账卡号', '对手方账号', '交易对手账户',
    '对方账户', '对手账户', '对方卡号/账号', '对方账号/卡号', '收付款人账号',
  ],
  cpCard: ['交易对方卡号', '对方卡号', '对手卡号', '交易对手卡号', '对手方卡号'],
  cpName: [
    '对手户名', '交易对方名称', '交易对方户名', '交易对手名称', '对方户名', '对方名称', '对手名称', '对方账户名称', '交易对手户名', '对手方户名', '对手方名称',
    '对方账户名', '对手账户名称', '交易对方账户名称', '对手姓名', '对方姓名', '对方客户名称', '对方单位名称', '收付款人名称',
  ],
  cpId: ['对手身份证号', '对手证件号', '对手证件号码', '交易对方证件号码', '交易对手证照号码', '对方证件号码', '对方证件号', '交易对手证件号码', '对手方证件号码', '对方身份证号'],
  cpBank: [
    '对手开户银行', '交易对方账号开户行', '对手开户行', '对方开户行', '对方开户银行', '对方行名', '对方机构名', '对方银行', '交易对方开户行', '交易对手开户行',
    '交易对手行名', '对手行名', '对方开户机构', '对手开户机构', '对手方开户行', '对方银行名称', '对方账户开户行', '对方金融机构名称',
  ],
  summary: ['摘要说明', '交易摘要', '摘要', '摘要信息', '摘要内容'],
  channel: ['交易渠道', '渠道', '交易渠道名称', '渠道名称'],
  device: ['终端号', '渠道号', '交易终端号', '设备号', '设备编号', '终端编号', '交易设备号', '终端设备号', '设备ID', '设备标识', '设备序列号', 'IMEI'],
  cash: ['现金标志', '现转标志', '现金/转账'],
  branch: ['交易网点名称', '交易网点', '网点名称', '交易机构', '交易机构名称', '交易网点名', '营业网点', '交易行', '交易行名', '网点'],
  location: ['交易发生地', '交易场所', '交易地点', '交易地址', '交易地区'],
  success: ['交易是否成功', '交易结果', '交易状态', '是否成功', '交易成功标志', '成功标志'],
  feedback: ['查询反馈结果原因', '查询反馈结果', '反馈结果原因', '反馈原因'],
  ip: ['IP地址', 'IP', '交易IP', '交易IP地址', '交易设备IP', '设备IP', '终端IP', '客户端IP', 'IPV4地址', 'IPV6地址'],
  mac: ['MAC地址', 'MAC', '交易MAC', '交易MAC地址', '设备MAC', '交易设备MAC', '终端MAC'],
  txnNo: ['交易流水号', '系统交易流水号', '流水号', '核心流水号', '交易参考号'],
  logNo: ['日志号'],
  memo: ['备注', '附言', '说明', '交易备注', '交易附言', '用途', '交易用途', '资金用途', '备注信息', '附加信息', '客户摘要'],
  merchant: ['商户名称', '商户名'],
  merchantCode: ['商户代码', '商户号'],
};

/**
 * The aliases a 交易明细 header is read with: TXN_ALIASES, and the date columns also as the time when no 交易时间 column
 * exists (a 交易日期 holding the date-time, or only the date). TXN_ALIASES itself names each header once, for the
 * mapping-template suggestions built from it.
 */
export const TXN_HEADER_ALIASES: Aliases<TxnField> = { ...TXN_ALIASES, time: [...TXN_ALIASES.time, ...TXN_ALIASES.date] };

/** Every 交易明细 layout has a time column: 交易时间 (a date-time, or the time of day beside 交易日期), else 交易日期 alone. */
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
