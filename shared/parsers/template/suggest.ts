import type { ColumnMap, TemplateField, TemplateKind } from '../../domain';
import { ACCOUNT_ALIASES, PERSON_ALIASES } from '../bank/info-aliases';
import { TXN_ALIASES } from '../bank/txn-aliases';
import type { TxnField } from '../bank/txn-aliases';
import { normaliseHeader } from '../tabular';
import { ACCOUNT_WORDS, MESSAGE_WORDS, PERSON_WORDS } from './suggest-words';
import type { KindWords } from './suggest-words';

/** The bank vocabulary (DOMAIN.md §1.1) by template field: every name a 查控 return prints the column under. */
const FROM_BANK: Readonly<Partial<Record<TemplateField, readonly TxnField[]>>> = {
  account: ['card', 'account', 'queryCard'],
  accountName: ['holderName', 'queryName'],
  accountId: ['holderId'],
  date: ['date'],
  time: ['time'],
  amount: ['amount'],
  debit: ['outAmount'],
  credit: ['inAmount'],
  direction: ['flag'],
  balance: ['balance'],
  currency: ['currency'],
  counterpartyAccount: ['cpAccount', 'cpCard'],
  counterpartyName: ['cpName'],
  counterpartyBank: ['cpBank'],
  summary: ['summary', 'memo'],
  channel: ['channel'],
  succeeded: ['success'],
  txnNo: ['txnNo'],
};

/** Header words of statements exported in English and of other Chinese layouts (normalised: no spaces, lower case). */
const EXTRA: Readonly<Partial<Record<TemplateField, readonly string[]>>> = {
  account: ['account', 'accountno', 'accountno.', 'accountnumber', 'acctno', 'cardno', 'cardnumber', '账户', '卡号/账号', '账号/卡号'],
  accountName: ['accountname', 'holdername', 'accountholder', 'customername', '客户名称', '客户姓名'],
  accountId: ['idnumber', 'idno', 'holderid'],
  date: ['date', 'transactiondate', 'txndate', 'tradedate', 'postingdate', 'bookingdate', 'valuedate', '记账日期', '日期'],
  time: ['time', 'datetime', 'date/time', 'transactiontime', 'transactiondatetime', 'txntime', 'tradetime', 'timestamp', '时间', '记账时间'],
  amount: ['amount', 'transactionamount', 'txnamount', 'amt', '金额(元)', '交易金额(元)'],
  debit: ['debit', 'debitamount', 'debits', 'withdrawal', 'withdrawals', 'withdrawalamount', 'paidout', 'moneyout', 'outflow', '付款金额', '转出金额', '借方'],
  credit: ['credit', 'creditamount', 'credits', 'deposit', 'deposits', 'depositamount', 'paidin', 'moneyin', 'inflow', '收款金额', '转入金额', '贷方'],
  direction: ['direction', 'dr/cr', 'drcr', 'd/c', 'debit/credit', 'in/out', 'inout', '收/支', '收支', '出入账标识', '借贷类型'],
  balance: ['balance', 'runningbalance', 'balanceafter', 'closingbalance', 'availablebalance', '余额(元)'],
  currency: ['currency', 'ccy'],
  counterpartyAccount: ['counterpartyaccount', 'counterpartyaccountno', 'payeeaccount', 'beneficiaryaccount', 'oppositeaccount', '对方账户', '对方卡号/账号'],
  counterpartyName: ['counterparty', 'counterpartyname', 'payee', 'payeename', 'beneficiary', 'beneficiaryname', 'payer', 'payername', '交易对方'],
  counterpartyBank: ['counterpartybank', 'payeebank', 'beneficiarybank'],
  summary: ['description', 'summary', 'narrative', 'details', 'particulars', 'remarks', 'memo', 'purpose', '用途'],
  channel: ['channel', '交易方式'],
  succeeded: ['status', 'result', 'transactionstatus'],
  txnNo: ['transactionid', 'transactionno', 'txnid', 'txnno', 'serialno', 'referenceno', 'reference', 'journalno', '交易号', '交易单号', '流水号'],
};

/** Looser rules for headers no list names exactly: a word the header contains → field (first rule wins). */
const CONTAINS: readonly (readonly [RegExp, TemplateField])[] = [
  [/(对方|对手|counterparty|payee|beneficiary).*(账号|卡号|account)/, 'counterpartyAccount'],
  [/(对方|对手|counterparty|payee|beneficiary).*(行|bank)/, 'counterpartyBank'],
  [/(对方|对手|counterparty|payee|beneficiary)/, 'counterpartyName'],
  [/余额|balance/, 'balance'],
  [/支出|借方|debit|withdraw/, 'debit'],
  [/收入|存入|贷方|credit|deposit/, 'credit'],
  [/摘要|附言|description|narrat|remark/, 'summary'],
  [/金额|amount/, 'amount'],
  [/日期|date/, 'date'],
  [/时间|time/, 'time'],
];

/** normalised header → field: the bank's own aliases, then the other words (which never override them). */
function exactMap(bank: readonly (readonly [TemplateField, readonly string[]])[], extra: Readonly<Partial<Record<TemplateField, readonly string[]>>>): ReadonlyMap<string, TemplateField> {
  const map = new Map<string, TemplateField>();
  for (const [field, aliases] of bank) for (const alias of aliases) map.set(normaliseHeader(alias), field);
  for (const [field, words] of Object.entries(extra) as [TemplateField, readonly string[]][]) {
    for (const word of words) if (!map.has(normaliseHeader(word))) map.set(normaliseHeader(word), field);
  }
  return map;
}

const TRANSACTION_WORDS: KindWords = {
  exact: exactMap(
    (Object.entries(FROM_BANK) as [TemplateField, readonly TxnField[]][]).map(([field, txnFields]) => [field, txnFields.flatMap((txnField) => TXN_ALIASES[txnField])] as const),
    EXTRA,
  ),
  contains: CONTAINS,
};

/** Words by kind; accounts and persons start from the 查控 账户信息 / 人员信息 aliases (DOMAIN.md §1.1). */
const WORDS: Readonly<Record<TemplateKind, KindWords>> = {
  transactions: TRANSACTION_WORDS,
  accounts: {
    exact: exactMap(
      [
        ['account', [...ACCOUNT_ALIASES.card, ...ACCOUNT_ALIASES.account]],
        ['accountName', ACCOUNT_ALIASES.holderName],
        ['accountId', ACCOUNT_ALIASES.holderId],
        ['idType', ACCOUNT_ALIASES.idType],
        ['bank', ACCOUNT_ALIASES.bank],
        ['branch', ACCOUNT_ALIASES.branch],
        ['openedAt', ACCOUNT_ALIASES.openedAt],
        ['accountStatus', ACCOUNT_ALIASES.status],
        ['balance', ACCOUNT_ALIASES.balance],
        ['currency', ACCOUNT_ALIASES.currency],
        ['phone', [...ACCOUNT_ALIASES.regPhone, ...ACCOUNT_ALIASES.contactPhone]],
      ],
      ACCOUNT_WORDS.extra,
    ),
    contains: ACCOUNT_WORDS.contains,
  },
  persons: {
    exact: exactMap(
      [
        ['name', PERSON_ALIASES.name],
        ['idType', PERSON_ALIASES.idType],
        ['idNumber', PERSON_ALIASES.idNumber],
        ['phone', [...PERSON_ALIASES.mobile, ...PERSON_ALIASES.contactPhone]],
      ],
      PERSON_WORDS.extra,
    ),
    contains: PERSON_WORDS.contains,
  },
  messages: { exact: exactMap([], MESSAGE_WORDS.extra), contains: MESSAGE_WORDS.contains },
};

/**
 * Which header is which field of a table of `kind`, from the names it prints (Chinese bank aliases, English export
 * words). Each field takes the first header that names it exactly, then the first that contains a telling word;
 * a header fills one field at most. Only a suggestion: the investigator confirms every choice on the mapping screen.
 */
export function suggestMapping(headers: readonly string[], kind: TemplateKind = 'transactions'): ColumnMap {
  const { exact, contains } = WORDS[kind];
  const names = headers.map((header) => header.trim());
  const keys = names.map(normaliseHeader);
  const found = new Map<TemplateField, number>();
  const used = new Set<number>();
  const take = (field: TemplateField, index: number): void => {
    if (found.has(field) || used.has(index) || keys[index] === '') return;
    found.set(field, index);
    used.add(index);
  };
  keys.forEach((key, index) => {
    const field = exact.get(key);
    if (field !== undefined) take(field, index);
  });
  keys.forEach((key, index) => {
    const rule = contains.find(([pattern]) => pattern.test(key));
    if (rule !== undefined) take(rule[1], index);
  });
  if (kind === 'transactions' || kind === 'messages') readDateAndTime(found);
  const map: ColumnMap = {};
  for (const [field, index] of found) map[field] = names[index];
  return map;
}

/** Rows with a time: a date column beside a time column is date + time of day; a lone date column is the time. */
function readDateAndTime(found: Map<TemplateField, number>): void {
  const date = found.get('date');
  const time = found.get('time');
  if (date !== undefined && time !== undefined) {
    // a date column beside a time column: the time column holds the time of day (查控 yyyyMMdd + HHmmss)
    found.delete('time');
    found.set('timeOfDay', time);
  } else if (date !== undefined) {
    // a lone date column is read as the row's time (a date without a time of day is a valid instant)
    found.delete('date');
    found.set('time', date);
  }
}
