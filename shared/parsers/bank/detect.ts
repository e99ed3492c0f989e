import { findHeader, normaliseHeader } from '../tabular';
import type { HeaderMatch } from '../tabular';
import type { DetectInput, Detection } from '../types';
import { kindFromFileName } from './file-name';
import type { BankFileKind } from './file-name';
import { ACCOUNT_ALIASES, PERSON_ALIASES, SUBACCOUNT_ALIASES } from './info-aliases';
import type { AccountField, PersonField, SubaccountField } from './info-aliases';
import { TXN_HEADER_ALIASES, TXN_LAYOUT_LABELS, TXN_REQUIRED, txnLayout } from './txn-aliases';
import type { TxnField } from './txn-aliases';

/**
 * Detection of the four 查控 tables from their header vocabulary, raised when the file name announces the same
 * table (`…交易明细信息.csv`) and lowered when it announces another. Payment-platform returns share words with bank
 * returns (交易时间, 余额 …) but always print their own: a header holding any of those is never claimed here.
 */

const PLATFORM_WORDS = new Set(
  // amounts in 分 are not among them: a bank return may print 交易金额(分) too; TenpayTrades always has 用户ID/借贷类型
  ['用户ID', '交易单号', '大单号', '借贷类型', '交易号', '商户订单号', '对应的协查数据', '支付订单号', '支付帐号', '注册姓名', '注册时间', '注册身份证号', '登录邮箱', '登录手机', '绑定手机', '支付宝用户ID', '微信号'].map(normaliseHeader),
);

function isPlatformHeader(names: readonly string[]): boolean {
  return names.some((name) => PLATFORM_WORDS.has(normaliseHeader(name)));
}

interface Scored<F extends string> {
  match: HeaderMatch<F>;
  /** header fields a complete file of this table usually has, for the confidence */
  typical: number;
  label: string;
  keyFields: readonly F[];
}

function withNameHint<F extends string>(scored: Scored<F>, kind: BankFileKind, fileName: string): Detection {
  const { match } = scored;
  let confidence = 0.6 + 0.3 * Math.min(1, match.matched / scored.typical);
  const hint = kindFromFileName(fileName);
  let nameReason = '';
  if (hint?.kind === kind) {
    confidence += 0.09;
    nameReason = `；文件名含“${hint.word}”`;
  } else if (hint !== null) {
    confidence -= 0.2;
    nameReason = `；但文件名含“${hint.word}”`;
  }
  const examples = scored.keyFields
    .map((field) => match.columns.get(field))
    .filter((column): column is number => column !== undefined)
    .map((column) => match.names[column])
    .join(', ');
  return {
    confidence: Math.round(Math.min(0.99, Math.max(0.05, confidence)) * 100) / 100,
    reason: `${scored.label}：表头匹配 ${match.matched} 个字段（${examples} …）${nameReason}`,
  };
}

export function detectTransactions(input: DetectInput): Detection | null {
  const match = findHeader<TxnField>(input.head, TXN_HEADER_ALIASES, TXN_REQUIRED);
  if (match === null || isPlatformHeader(match.names)) return null;
  const has = (field: TxnField): boolean => match.columns.has(field);
  if (!has('card') && !has('account') && !has('queryCard')) return null;
  if (!has('amount') && !has('outAmount') && !has('inAmount')) return null;
  const label = `查控交易明细信息（${TXN_LAYOUT_LABELS[txnLayout(match.names)]}）`;
  return withNameHint(
    { match, typical: 20, label, keyFields: ['card', 'account', 'time', 'amount', 'outAmount', 'inAmount', 'flag', 'cpAccount'] },
    'transactions',
    input.fileName,
  );
}

export function detectAccounts(input: DetectInput): Detection | null {
  const match = findHeader<AccountField>(input.head, ACCOUNT_ALIASES, ['holderName']);
  if (match === null || isPlatformHeader(match.names)) return null;
  const has = (field: AccountField): boolean => match.columns.has(field);
  if (!has('card') && !has('account')) return null;
  // a 交易明细 (34-column layout names its subject 账户开户名称) or a 子账户信息 table, not 账户信息
  if (has('txnTime') && has('txnAmount')) return null;
  if (has('subNumber') || has('subSeq')) return null;
  const facts: AccountField[] = ['openedAt', 'balance', 'available', 'branch', 'status', 'closedAt', 'accountType', 'bank', 'regPhone'];
  if (!facts.some(has)) return null;
  return withNameHint({ match, typical: 12, label: '查控账户信息', keyFields: ['holderName', 'card', 'account', 'openedAt', 'status'] }, 'accounts', input.fileName);
}

export function detectPersons(input: DetectInput): Detection | null {
  const match = findHeader<PersonField>(input.head, PERSON_ALIASES, ['name', 'idNumber']);
  if (match === null || isPlatformHeader(match.names)) return null;
  // a table keyed by account numbers is 账户信息 (or 子账户信息), even when it names the holder 客户名称
  if (match.columns.has('card') || match.columns.has('account')) return null;
  return withNameHint({ match, typical: 4, label: '查控人员信息', keyFields: ['name', 'idType', 'idNumber', 'contactPhone'] }, 'persons', input.fileName);
}

export function detectSubaccounts(input: DetectInput): Detection | null {
  const match = findHeader<SubaccountField>(input.head, SUBACCOUNT_ALIASES, ['subNumber']);
  if (match === null || isPlatformHeader(match.names)) return null;
  return withNameHint({ match, typical: 5, label: '查控子账户信息', keyFields: ['card', 'account', 'subNumber', 'category', 'balance'] }, 'subaccounts', input.fileName);
}

