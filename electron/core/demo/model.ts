/** The generator's in-memory model of the fictional case: people, organisations, accounts and planted transfers. */
import type { Area, BankKey } from './reference-data';

export type Channel = 'bank' | 'tenpay' | 'alipay';

export type Role =
  | 'organiser'
  | 'relative'
  | 'agent'
  | 'legal-adviser'
  | 'mule'
  | 'client'
  | 'debtor'
  | 'borrower'
  | 'real-user'
  | 'debt-evader'
  | 'evader-relative'
  | 'card-holder'
  | 'merchant-front'
  | 'bystander';

/** how an account behaves when it is not doing anything planted: the legitimate noise around the scheme */
export type Persona =
  | 'salaried'
  | 'night-worker'
  | 'quiet'
  | 'landlord'
  | 'payroll-company'
  | 'wholesale-merchant'
  | 'pos-merchant'
  | 'credit-card'
  | 'mule'
  | 'wallet'
  | 'external';

export interface Relation {
  to: string;
  kind: 'spouse' | 'sibling' | 'parent' | 'child';
}

export interface Person {
  id: string;
  name: string;
  pinyin: string;
  gender: 'M' | 'F';
  birthDate: string;
  idNumber: string;
  phone: string;
  area: Area;
  address: string;
  employer: string;
  roles: Role[];
  relations: Relation[];
  /** home broadband address, IPv6 and computer MAC: what online-banking rows and login logs record */
  homeIp: string;
  ipv6: string;
  mac: string;
  /** the carrier NAT address the phone shows (shared by unrelated people), or a public one */
  mobileIp: string;
  wechat: { wxid: string; alias: string; nickname: string } | null;
  qq: string | null;
  alipayUid: string | null;
  /** the person whose phone and computer operate this person's accounts (the organiser, for relatives) */
  operatedBy: string | null;
}

export type OrgKind =
  | 'insurer'
  | 'lender'
  | 'card-centre'
  | 'acquirer'
  | 'employer'
  | 'payroll-company'
  | 'wholesale-merchant'
  | 'pos-merchant'
  | 'advisory-firm'
  | 'payment-institution';

export interface Org {
  id: string;
  name: string;
  uscc: string;
  kind: OrgKind;
  area: Area;
  legalRep: string | null;
  address: string;
}

export type AccountKind = 'debit' | 'credit' | 'corporate' | 'wallet';

export interface SubAccount {
  number: string;
  category: string;
  balance: number;
}

export interface Account {
  id: string;
  /** dense index: seeds the account's random stream and its serial numbers */
  index: number;
  channel: Channel;
  ownerId: string;
  holderName: string;
  holderIdNumber: string;
  holderIdType: '身份证' | '统一社会信用代码';
  /** for wallets, the bank of the main bound card */
  bank: BankKey;
  kind: AccountKind;
  /** 交易卡号 (empty for corporate accounts) */
  card: string;
  /** 交易账号 as the canonical digits */
  number: string;
  /** 交易账号 as this bank prints it (sub-account suffix `_n`, `-` segments) */
  printedNumber: string;
  subAccounts: SubAccount[];
  subject: boolean;
  persona: Persona;
  weight: number;
  noiseRows: number;
  openedAt: number;
  branchName: string;
  branchCode: string;
  /** 交易发生地 for counter and ATM rows */
  city: string;
  contactPhone: string;
  /** address and MAC of the device that runs online banking for this account */
  onlineIp: string;
  onlineMac: string;
  onlineIpv6: string;
  mobileIp: string;
  openingBalance: number;
  creditLimit: number;
  /** wallets: the user id printed in the files (wxid / 2088 UID) and login */
  walletId: string;
  walletLogin: string;
  boundCards: string[];
  /** UTF-8 or GB18030, for the per-account Tenpay file */
  encoding: 'UTF-8' | 'GB18030';
  merchant: { name: string; code: string; terminal: string } | null;
  /** the bank refuses this account's first noise out-row at or after this sequence number (0: none) */
  forcedFailureAt: number;
}

export type TransferKind =
  | 'deposit'
  | 'refund'
  | 'fee'
  | 'boss-cut'
  | 'hop'
  | 'mule-cashout'
  | 'family-support'
  | 'repayment'
  | 'ponzi-payout'
  | 'disbursement'
  | 'forwarding'
  | 'kickback'
  | 'circular'
  | 'evasion'
  | 'pos-spend'
  | 'settlement'
  | 'cash-back'
  | 'card-repayment'
  | 'self-transfer'
  | 'red-packet'
  | 'package-fee';

export interface Transfer {
  id: string;
  t: number;
  channel: Channel;
  from: Account;
  to: Account;
  amount: number;
  /** 摘要 / 交易用途 */
  summary: string;
  remark: string;
  kind: TransferKind;
  instance: string | null;
  benign: boolean;
  outSerial: string;
  inSerial: string;
  /** a POS spend names the merchant it was made at */
  merchant: { name: string; code: string; terminal: string } | null;
  /** the out leg is a cash withdrawal (no counterparty account) */
  cash: boolean;
}

export interface Leg {
  transfer: Transfer;
  account: Account;
  dir: 1 | -1;
  serial: string;
}

export interface Period {
  start: number;
  end: number;
}
