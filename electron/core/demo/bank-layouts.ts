/**
 * How each bank prints 交易明细 in a 查控 return (DOMAIN.md §1.1): the 32-column 查控平台 layout, its 34-column
 * variant, the 网银标准 layout of 监委/检察 requests and the bank-side 协查 layout with split 支出/存入 columns,
 * with each bank's own direction flag, amount sign convention, time format and header aliases.
 */
import type { Account } from './model';
import type { Row } from './entry';
import type { BankKey } from './reference-data';
import { yuan } from './money';
import { parts } from './time';

export type LayoutId = 'chakong-32' | 'chakong-32-signed' | 'chakong-34' | 'wangyin-standard' | 'xiecha-split';

export interface BankStyle {
  bank: BankKey;
  layout: LayoutId;
  /** [inflow, outflow] flag values, or null where the layout has no flag column */
  flag: [string, string] | null;
  time: (t: number) => string;
  thousands: boolean;
  currency: string;
  success: [string, string];
  /** banks that print a trailing tab even on empty cells */
  tabOnEmpty: boolean;
  /** where a refused row's reason goes */
  failReasonIn: '查询反馈结果原因' | '备注';
  /** a value some banks print in 查询反馈结果原因 on every ordinary row */
  okFeedback: string;
  /** 人员信息 name column */
  personNameHeader: '客户名称' | '客户姓名';
}

const plain = (t: number): string => {
  const p = parts(t);
  return `${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}:${p.s}`;
};

export const BANK_STYLES: Record<BankKey, BankStyle> = {
  ICBC: { bank: 'ICBC', layout: 'chakong-32', flag: ['进', '出'], time: plain, thousands: false, currency: '人民币', success: ['是', '否'], tabOnEmpty: true, failReasonIn: '查询反馈结果原因', okFeedback: '', personNameHeader: '客户姓名' },
  CCB: {
    bank: 'CCB', layout: 'chakong-34', flag: ['贷', '借'],
    time: (t) => {
      const p = parts(t);
      return `${p.y}-${p.mo}-${p.d}-${p.h}.${p.mi}.${p.s}.000000`;
    },
    thousands: true, currency: 'CNY', success: ['是', '否'], tabOnEmpty: false, failReasonIn: '备注', okFeedback: '', personNameHeader: '客户姓名',
  },
  ABC: { bank: 'ABC', layout: 'chakong-32-signed', flag: null, time: plain, thousands: false, currency: '人民币', success: ['成功', '失败'], tabOnEmpty: true, failReasonIn: '备注', okFeedback: '', personNameHeader: '客户名称' },
  BOC: { bank: 'BOC', layout: 'xiecha-split', flag: null, time: plain, thousands: false, currency: '人民币元', success: ['是', '否'], tabOnEmpty: false, failReasonIn: '查询反馈结果原因', okFeedback: '', personNameHeader: '客户名称' },
  CMB: { bank: 'CMB', layout: 'wangyin-standard', flag: ['C', 'D'], time: plain, thousands: false, currency: 'RMB', success: ['是', '否'], tabOnEmpty: true, failReasonIn: '查询反馈结果原因', okFeedback: '', personNameHeader: '客户名称' },
  COMM: {
    bank: 'COMM', layout: 'chakong-32', flag: ['收', '付'],
    time: (t) => {
      const p = parts(t);
      return `${p.y}${p.mo}${p.d}${p.h}${p.mi}${p.s}`;
    },
    thousands: false, currency: '人民币', success: ['是', '否'], tabOnEmpty: true, failReasonIn: '查询反馈结果原因', okFeedback: '查询成功', personNameHeader: '客户姓名',
  },
  PSBC: {
    bank: 'PSBC', layout: 'chakong-32', flag: ['入', '出'],
    time: (t) => {
      const p = parts(t);
      return `${p.y}/${p.mo}/${p.d} ${p.h}:${p.mi}:${p.s}`;
    },
    thousands: false, currency: '人民币', success: ['是', '否'], tabOnEmpty: false, failReasonIn: '查询反馈结果原因', okFeedback: '', personNameHeader: '客户名称',
  },
  CIB: { bank: 'CIB', layout: 'chakong-34', flag: ['进', '出'], time: plain, thousands: false, currency: '人民币', success: ['是', '否'], tabOnEmpty: true, failReasonIn: '备注', okFeedback: '', personNameHeader: '客户名称' },
};

const H32 = ['交易卡号', '交易账号', '查询反馈结果原因', '交易户名', '交易证件号码', '交易时间', '交易金额', '交易余额', '收付标志', '交易对手账卡号', '现金标志', '对手户名', '对手身份证号', '对手开户银行', '摘要说明', '交易币种', '交易网点名称', '交易发生地', '交易是否成功', '传票号', 'IP地址', 'MAC地址', '对手交易余额', '交易流水号', '日志号', '凭证种类', '凭证号', '交易柜员号', '备注', '商户名称', '商户代码', '交易类型'];
const H32_SIGNED = ['交易卡号', '交易账号', '查询反馈结果原因', '交易方户名', '交易方证件号码', '交易日期', '交易时间', '交易金额', '交易余额', '交易对手账卡号', '现金标志', '对手户名', '对手证件号', '对手开户银行', '摘要说明', '交易币种', '交易网点名称', '交易发生地', '交易是否成功', '传票号', 'IP地址', 'MAC地址', '对手交易余额', '交易流水号', '日志号', '凭证种类', '凭证号', '交易柜员号', '备注', '商户名称', '商户代码', '交易类型'];
const H34 = ['交易卡号', '交易账号', '查询反馈结果原因', '账户开户名称', '开户人证件号码', '交易时间', '交易金额', '交易余额', '收付标志', '交易对手账卡号', '现金标志', '对手户名', '对手身份证号', '对手开户银行', '摘要说明', '交易币种', '交易网点名称', '交易网点代码', '交易发生地', '交易是否成功', '传票号', 'IP地址', 'MAC地址', '对手交易余额', '交易流水号', '日志号', '凭证种类', '凭证号', '交易柜员号', '终端号', '备注', '商户名称', '商户号', '交易类型'];
/** 兴业 prints the 34-column layout with other names for five columns */
const H34_CIB = H34.map((h) => ({ 交易发生地: '交易场所', 交易柜员号: '柜员号', 备注: '附言', 终端号: '渠道号', 对手身份证号: '对手证件号' })[h] ?? h);
const HWY = ['反馈单位', '审批表', '查询对象名称', '查询卡号', '本方账号', '本方卡号', '交易时间', '借贷标志', '交易金额', '交易余额', '交易对方名称', '交易对方账号', '交易对方卡号', '交易对方证件号码', '交易对方账号开户行', '交易对手余额', '交易摘要', '交易币种', '现金标志', '交易网点名称', '交易发生地', '交易是否成功', '查询反馈结果原因', 'IP地址', 'MAC地址', '交易流水号', '日志号', '凭证种类', '凭证号', '记账柜员', '说明', '商户名称', '商户代码', '交易类型'];
const HXC = ['交易卡号', '交易账号', '交易户名', '交易证件号码', '交易日期', '交易时间', '支出', '存入', '交易余额', '交易对手账卡号', '对手户名', '对手身份证号', '对手开户银行', '对方机构号', '对方机构名', '摘要说明', '交易币种', '交易渠道', '交易网点名称', '交易国家或地区', '交易是否成功', '查询反馈结果原因', '授权柜员号', '交易柜员号', '交易流水号', '交易关联号', 'IP地址', 'MAC地址', '商户名称', '商户代码', '备注'];

export function headersOf(style: BankStyle): readonly string[] {
  switch (style.layout) {
    case 'chakong-32':
      return H32;
    case 'chakong-32-signed':
      return H32_SIGNED;
    case 'chakong-34':
      return style.bank === 'CIB' ? H34_CIB : H34;
    case 'wangyin-standard':
      return HWY;
    case 'xiecha-split':
      return HXC;
  }
}

export interface PrintContext {
  bankName: string;
  approval: string;
  ip: string;
  mac: string;
}

function outlet(account: Account, row: Row): string {
  switch (row.e.medium) {
    case '网银':
      return '网上银行';
    case '手机银行':
      return '手机银行';
    case '快捷支付':
      return '第三方支付';
    case 'POS':
      return row.e.merchantName !== '' ? row.e.merchantName : account.branchName;
    case 'ATM':
      return `${account.branchName}自助银行`;
    case '批量':
      return '总行营业部';
    default:
      return account.branchName;
  }
}

function teller(row: Row): string {
  if (row.e.medium === '网银' || row.e.medium === '手机银行' || row.e.medium === '快捷支付') return 'EB0001';
  if (row.e.medium === '批量') return 'PL0001';
  if (row.e.medium === 'POS' || row.e.medium === 'ATM') return 'ZD0001';
  return `G${row.serial.slice(-4)}`;
}

function isCard(value: string): boolean {
  return value.length >= 16 && value.length <= 19 && value.startsWith('6');
}

/** the cells of one 交易明细 row, unescaped and without trailing tabs */
export function rowCells(style: BankStyle, account: Account, row: Row, ctx: PrintContext): string[] {
  const e = row.e;
  const ok = row.failReason === '';
  const amount = yuan(e.amount, { thousands: style.thousands });
  const balance = yuan(row.balance, { thousands: style.thousands });
  const flag = style.flag ? (e.dir > 0 ? style.flag[0] : style.flag[1]) : '';
  const success = ok ? style.success[0] : style.success[1];
  const feedback = ok ? style.okFeedback : style.failReasonIn === '查询反馈结果原因' ? `交易失败:${row.failReason}` : style.okFeedback;
  const remark = !ok && style.failReasonIn === '备注' ? `交易失败:${row.failReason}` : e.remark;
  const cash = e.cash ? '现金' : '转账';
  const log = row.serial.slice(-10);
  const voucherKind = e.medium === '柜面' ? '存折' : account.kind === 'corporate' ? '' : account.kind === 'credit' ? '信用卡' : '借记卡';
  const place = e.medium === 'POS' || e.medium === 'ATM' || e.medium === '柜面' ? account.city : '';
  const type = e.type;
  switch (style.layout) {
    case 'chakong-32':
      return [account.card, account.printedNumber, feedback, account.holderName, account.holderIdNumber, style.time(e.t), amount, balance, flag, e.cpCard, cash, e.cpName, e.cpIdNo, e.cpBank, e.summary, style.currency, outlet(account, row), place, success, '', ctx.ip, ctx.mac, '', row.serial, log, voucherKind, '', teller(row), remark, e.merchantName, e.merchantCode, type];
    case 'chakong-32-signed': {
      const p = parts(e.t);
      return [account.card, account.printedNumber, feedback, account.holderName, account.holderIdNumber, `${p.y}${p.mo}${p.d}`, `${p.h}${p.mi}${p.s}`, yuan(e.dir * e.amount, { signed: true }), balance, e.cpCard, cash, e.cpName, e.cpIdNo, e.cpBank, e.summary, style.currency, outlet(account, row), place, success, '', ctx.ip, ctx.mac, '', row.serial, log, voucherKind, '', teller(row), remark, e.merchantName, e.merchantCode, type];
    }
    case 'chakong-34':
      return [account.card, account.printedNumber, feedback, account.holderName, account.holderIdNumber, style.time(e.t), amount, balance, flag, e.cpCard, cash, e.cpName, e.cpIdNo, e.cpBank, e.summary, style.currency, outlet(account, row), account.branchCode, place, success, '', ctx.ip, ctx.mac, '', row.serial, log, voucherKind, '', teller(row), e.terminal, remark, e.merchantName, e.merchantCode, type];
    case 'wangyin-standard': {
      const card = isCard(e.cpCard);
      return [ctx.bankName, ctx.approval, account.holderName, account.card !== '' ? account.card : account.printedNumber, account.printedNumber, account.card, style.time(e.t), flag, amount, balance, e.cpName, card ? '' : e.cpCard, card ? e.cpCard : '', e.cpIdNo, e.cpBank, '', e.summary, style.currency, cash, outlet(account, row), place, success, feedback, ctx.ip, ctx.mac, row.serial, log, voucherKind, '', teller(row), remark, e.merchantName, e.merchantCode, type];
    }
    case 'xiecha-split': {
      const p = parts(e.t);
      const out = e.dir < 0 ? amount : '0.00';
      const inn = e.dir > 0 ? amount : '0.00';
      return [account.card, account.printedNumber, account.holderName, account.holderIdNumber, `${p.y}${p.mo}${p.d}`, `${p.h}${p.mi}${p.s}`, out, inn, balance, e.cpCard, e.cpName, e.cpIdNo, e.cpBank, '', e.cpBank, e.summary, style.currency, e.medium === '' ? '柜面' : e.medium, outlet(account, row), '中国', success, feedback, '', teller(row), row.serial, '', ctx.ip, ctx.mac, e.merchantName, e.merchantCode, remark];
    }
  }
}

/** a request answered with no transactions for an account: only the account and the reason */
export function noDataCells(style: BankStyle, account: Account, reason: string, ctx: PrintContext): string[] {
  const headers = headersOf(style);
  return headers.map((h) => {
    if (h === '交易卡号' || h === '查询卡号' || h === '本方卡号') return account.card;
    if (h === '交易账号' || h === '本方账号') return account.printedNumber;
    if (h === '交易户名' || h === '交易方户名' || h === '账户开户名称' || h === '查询对象名称') return account.holderName;
    if (h === '查询反馈结果原因') return reason;
    if (h === '反馈单位') return ctx.bankName;
    if (h === '审批表') return ctx.approval;
    return '';
  });
}

/** one CSV line: every non-empty cell (and, for some banks, every cell) ends with a tab */
export function csvLine(cells: readonly string[], tabOnEmpty: boolean): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) out += ',';
    const v = cells[i] ?? '';
    if (v === '') {
      if (tabOnEmpty) out += '\t';
    } else if (v.indexOf(',') === -1 && v.indexOf('"') === -1) {
      out += v;
      out += '\t';
    } else {
      out += `"${v.replace(/"/g, '""')}\t"`;
    }
  }
  return out;
}
