import type { Aliases } from '../tabular';
import type { IdentifierType } from '../types';

/**
 * 账户信息, 人员信息 and 子账户信息 columns (DOMAIN.md §1.1). Fields that become part of the account reference or the
 * person are named; every other non-empty column is kept as an attribute under its investigator name: the first
 * alias for the fields below (so 账号开户时间 and 开户日期 both arrive as 开户时间), the header as printed otherwise.
 */

/** A column that yields technology-chain identifiers (DOMAIN.md §1.1: 开户手机号, 最后登录IP, 手机银行/网银). */
export interface IdentifierColumn<F extends string> {
  type: Extract<IdentifierType, 'phone' | 'email' | 'ip' | 'mac' | 'device'>;
  role: string;
  /** the field holding when it was observed (e.g. 最后登录时间 for 最后登录IP) */
  timeField?: F;
}

export type AccountField =
  | 'holderName'
  | 'holderId'
  | 'idType'
  | 'card'
  | 'account'
  | 'bank'
  | 'openedAt'
  | 'balance'
  | 'available'
  | 'currency'
  | 'branch'
  | 'branchCode'
  | 'status'
  | 'closedAt'
  | 'accountType'
  | 'regPhone'
  | 'contactPhone'
  | 'agentPhone'
  | 'homePhone'
  | 'workPhone'
  | 'mobileBankingPhone'
  | 'onlineBankingPhone'
  | 'email'
  | 'lastLoginIp'
  | 'lastLoginMac'
  | 'lastLoginTime'
  | 'onlineBankingIp'
  | 'mobileBankingIp'
  | 'mobileBankingDevice'
  | 'mobileBankingOpened'
  | 'onlineBankingOpened'
  | 'subNumber'
  | 'subSeq'
  | 'txnTime'
  | 'txnAmount';

export const ACCOUNT_ALIASES: Aliases<AccountField> = {
  holderName: ['账户开户名称', '开户名称', '账户名称', '户名', '客户名称'],
  holderId: ['开户人证件号码', '开户人证照号码', '证件号码', '证照号码'],
  idType: ['开户人证件类型', '证件类型', '证照类型'],
  card: ['交易卡号', '卡号'],
  account: ['交易账号', '账号', '账户账号', '开户账号'],
  bank: ['账号开户银行', '开户银行', '开户行', '银行名称'],
  openedAt: ['开户时间', '账号开户时间', '开户日期'],
  balance: ['账户余额', '余额'],
  available: ['可用余额'],
  currency: ['币种'],
  branch: ['开户网点', '开户网点名称', '开户机构'],
  branchCode: ['开户网点代码', '网点代码'],
  status: ['账户状态'],
  closedAt: ['销户日期'],
  accountType: ['账户类型', '账户性质'],
  regPhone: ['开户联系方式', '开户手机号', '预留手机号', '开户预留手机号'],
  contactPhone: ['联系电话', '联系手机'],
  agentPhone: ['代理人电话', '代办人电话'],
  homePhone: ['住宅电话'],
  workPhone: ['单位电话'],
  mobileBankingPhone: ['手机银行签约手机号', '手机银行手机号', '手机银行绑定手机号'],
  onlineBankingPhone: ['网银签约手机号', '网银手机号', '网银绑定手机号'],
  email: ['邮箱地址', '电子邮箱', '邮箱'],
  lastLoginIp: ['最后登录IP', '最后登录IP地址', '登录IP'],
  lastLoginMac: ['最后登录MAC', '最后登录MAC地址', '登录MAC'],
  lastLoginTime: ['最后登录时间'],
  onlineBankingIp: ['网银登录IP', '网银最后登录IP'],
  mobileBankingIp: ['手机银行登录IP', '手机银行最后登录IP'],
  mobileBankingDevice: ['手机银行设备号', '手机银行登录设备'],
  mobileBankingOpened: ['手机银行开通日期', '手机银行开通时间'],
  onlineBankingOpened: ['网银开通日期', '网银开通时间'],
  // present only to tell 账户信息 apart from 子账户信息 and 交易明细 (see detect.ts)
  subNumber: ['子账户账号', '子账号', '子账户帐号'],
  subSeq: ['子账户序号'],
  txnTime: ['交易时间'],
  txnAmount: ['交易金额', '支出', '存入'],
};

export const ACCOUNT_IDENTIFIERS: Partial<Readonly<Record<AccountField, IdentifierColumn<AccountField>>>> = {
  regPhone: { type: 'phone', role: 'registration', timeField: 'openedAt' },
  contactPhone: { type: 'phone', role: 'contact' },
  agentPhone: { type: 'phone', role: 'agent' },
  homePhone: { type: 'phone', role: 'home' },
  workPhone: { type: 'phone', role: 'work' },
  mobileBankingPhone: { type: 'phone', role: 'mobile-banking', timeField: 'mobileBankingOpened' },
  onlineBankingPhone: { type: 'phone', role: 'online-banking', timeField: 'onlineBankingOpened' },
  email: { type: 'email', role: 'contact' },
  lastLoginIp: { type: 'ip', role: 'login', timeField: 'lastLoginTime' },
  lastLoginMac: { type: 'mac', role: 'login', timeField: 'lastLoginTime' },
  onlineBankingIp: { type: 'ip', role: 'online-banking-login' },
  mobileBankingIp: { type: 'ip', role: 'mobile-banking-login' },
  mobileBankingDevice: { type: 'device', role: 'mobile-banking' },
};

export type PersonField = 'name' | 'idType' | 'idNumber' | 'contactPhone' | 'mobile' | 'homePhone' | 'workPhone' | 'agentPhone' | 'email' | 'card' | 'account';

export const PERSON_ALIASES: Aliases<PersonField> = {
  name: ['客户名称', '客户姓名', '姓名', '开户名称', '名称'],
  idType: ['证照类型', '证件类型'],
  idNumber: ['证照号码', '证件号码', '身份证号', '身份证号码'],
  contactPhone: ['联系电话'],
  mobile: ['联系手机', '手机号码', '手机号'],
  homePhone: ['住宅电话'],
  workPhone: ['单位电话'],
  agentPhone: ['代办人电话', '代理人电话'],
  email: ['邮箱地址', '电子邮箱'],
  // present only so that an 账户信息 header is not taken for 人员信息
  card: ['交易卡号', '卡号'],
  account: ['交易账号', '账号'],
};

export const PERSON_IDENTIFIERS: Partial<Readonly<Record<PersonField, IdentifierColumn<PersonField>>>> = {
  contactPhone: { type: 'phone', role: 'contact' },
  mobile: { type: 'phone', role: 'contact' },
  homePhone: { type: 'phone', role: 'home' },
  workPhone: { type: 'phone', role: 'work' },
  agentPhone: { type: 'phone', role: 'agent' },
  email: { type: 'email', role: 'contact' },
};

export type SubaccountField = 'card' | 'account' | 'subNumber' | 'subSeq' | 'category' | 'balance' | 'currency' | 'holderName' | 'holderId' | 'bank' | 'status';

export const SUBACCOUNT_ALIASES: Aliases<SubaccountField> = {
  card: ['交易卡号', '卡号'],
  account: ['交易账号', '开户账号', '账号', '查询账户', '主账号', '主账户账号'],
  subNumber: ['子账户账号', '子账号', '子账户帐号'],
  subSeq: ['子账户序号'],
  category: ['子账户类别', '子账户类型'],
  balance: ['余额', '账户余额', '子账户余额'],
  currency: ['币种'],
  holderName: ['账户人姓名', '账户开户名称', '户名', '名称', '客户名称'],
  holderId: ['开户人证件号码', '证件号码'],
  bank: ['银行名称', '账号开户银行', '开户银行'],
  status: ['账户状态'],
};
