import { describe, expect, it } from 'vitest';
import type { ColumnMap } from '@shared/domain';
import { suggestMapping } from '@shared/parsers/template';

describe('suggestMapping', () => {
  const cases: { name: string; headers: string[]; expected: ColumnMap }[] = [
    {
      name: '查控 32-column names, padded as returns print them',
      headers: ['交易卡号\t', '交易时间\t', '交易金额\t', '交易余额\t', '收付标志\t', '交易对手账卡号\t', '对手户名\t', '对手开户银行\t', '摘要说明\t', '交易流水号\t'],
      expected: {
        account: '交易卡号',
        time: '交易时间',
        amount: '交易金额',
        balance: '交易余额',
        direction: '收付标志',
        counterpartyAccount: '交易对手账卡号',
        counterpartyName: '对手户名',
        counterpartyBank: '对手开户银行',
        summary: '摘要说明',
        txnNo: '交易流水号',
      },
    },
    {
      name: 'a bank-side statement with 日期 + 时间 and split 支出/存入 columns',
      headers: ['本方账号', '户名', '交易日期', '交易时间', '支出金额', '存入金额', '余额', '对方户名', '对方账号', '摘要'],
      expected: {
        account: '本方账号',
        accountName: '户名',
        date: '交易日期',
        timeOfDay: '交易时间',
        debit: '支出金额',
        credit: '存入金额',
        balance: '余额',
        counterpartyName: '对方户名',
        counterpartyAccount: '对方账号',
        summary: '摘要',
      },
    },
    {
      name: 'an English export with split debit/credit and a lone date column',
      headers: ['Account No', 'Transaction Date', 'Description', 'Debit', 'Credit', 'Balance', 'Counterparty'],
      expected: {
        account: 'Account No',
        time: 'Transaction Date',
        summary: 'Description',
        debit: 'Debit',
        credit: 'Credit',
        balance: 'Balance',
        counterpartyName: 'Counterparty',
      },
    },
    {
      name: 'English words the lists do not name exactly, matched by what they contain',
      headers: ['Card number', 'Posting Date', 'Time', 'Withdrawal Amount (CNY)', 'Deposit Amount (CNY)', 'Running Balance (CNY)', 'Payee Account', 'Payee Name'],
      expected: {
        account: 'Card number',
        date: 'Posting Date',
        timeOfDay: 'Time',
        debit: 'Withdrawal Amount (CNY)',
        credit: 'Deposit Amount (CNY)',
        balance: 'Running Balance (CNY)',
        counterpartyAccount: 'Payee Account',
        counterpartyName: 'Payee Name',
      },
    },
    {
      name: 'a signed amount with a Dr/Cr flag and a status column',
      headers: ['Account', 'Date/Time', 'Amount', 'Dr/Cr', 'Currency', 'Status', 'Reference No'],
      expected: { account: 'Account', time: 'Date/Time', amount: 'Amount', direction: 'Dr/Cr', currency: 'Currency', succeeded: 'Status', txnNo: 'Reference No' },
    },
    { name: 'nothing it knows', headers: ['列1', 'foo', ''], expected: {} },
  ];

  it.each(cases)('$name', ({ headers, expected }) => {
    expect(suggestMapping(headers)).toEqual(expected);
  });

  it('gives each header to one field only', () => {
    const map = suggestMapping(['金额', '交易金额']);
    expect(map).toEqual({ amount: '金额' });
  });
});
