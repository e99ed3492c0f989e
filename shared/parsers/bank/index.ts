import type { FormatSpec } from '../types';
import { mapAccounts, mapSubaccounts } from './accounts';
import { detectCustomerStatement, mapCustomerStatement } from './customer-statement';
import { detectAccounts, detectPersons, detectSubaccounts, detectTransactions } from './detect';
import { mapPersons } from './persons';
import { mapTransactions } from './transactions';

/** 交易明细信息 in every layout of DOMAIN.md §1.1 (32-column, 34-column, 网银标准, bank-side 协查 with 支出/存入). */
export const CCXK_TRANSACTIONS: FormatSpec = {
  id: 'ccxk.transactions',
  version: 1,
  name: { zh: '查控交易明细信息', en: 'Bank return (查控): transactions' },
  kind: 'transactions',
  grade: 'official',
  detect: detectTransactions,
  mapRows: mapTransactions,
};

export const CCXK_ACCOUNTS: FormatSpec = {
  id: 'ccxk.accounts',
  version: 1,
  name: { zh: '查控账户信息', en: 'Bank return (查控): accounts' },
  kind: 'accounts',
  grade: 'official',
  detect: detectAccounts,
  mapRows: mapAccounts,
};

export const CCXK_PERSONS: FormatSpec = {
  id: 'ccxk.persons',
  version: 1,
  name: { zh: '查控人员信息', en: 'Bank return (查控): account holders' },
  kind: 'persons',
  grade: 'official',
  detect: detectPersons,
  mapRows: mapPersons,
};

export const CCXK_SUBACCOUNTS: FormatSpec = {
  id: 'ccxk.subaccounts',
  version: 1,
  name: { zh: '查控子账户信息', en: 'Bank return (查控): sub-accounts' },
  kind: 'subaccounts',
  grade: 'official',
  detect: detectSubaccounts,
  mapRows: mapSubaccounts,
};

/** 查控/调证 bank returns: 交易明细信息, 账户信息, 人员信息, 子账户信息 and their variants. */
export const BANK_FORMATS: readonly FormatSpec[] = [CCXK_TRANSACTIONS, CCXK_ACCOUNTS, CCXK_PERSONS, CCXK_SUBACCOUNTS];

/** 交易明细 a customer exported from online or mobile banking and handed over (DOMAIN.md §1.4): self-provided. */
export const BANK_STATEMENT: FormatSpec = {
  id: 'bank.statement',
  version: 1,
  name: { zh: '银行流水（客户自行导出）', en: 'Bank statement (customer export)' },
  kind: 'transactions',
  grade: 'self-provided',
  detect: detectCustomerStatement,
  mapRows: mapCustomerStatement,
};

/** Bank material handed over by a party rather than returned by the bank: lower integrity, kept apart from 查控. */
export const SELF_PROVIDED_BANK_FORMATS: readonly FormatSpec[] = [BANK_STATEMENT];
