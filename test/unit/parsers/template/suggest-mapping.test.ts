import { describe, expect, it } from 'vitest';
import type { ColumnMap, TemplateKind } from '@shared/domain';
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

  const byKind: { name: string; kind: TemplateKind; headers: string[]; expected: ColumnMap }[] = [
    {
      name: 'a 查控 账户信息 header read as an account table',
      kind: 'accounts',
      headers: ['账户开户名称', '开户人证件号码', '交易卡号', '交易账号', '账号开户银行', '开户时间', '账户状态', '开户联系方式', '开户网点'],
      expected: {
        accountName: '账户开户名称',
        accountId: '开户人证件号码',
        account: '交易卡号',
        bank: '账号开户银行',
        openedAt: '开户时间',
        accountStatus: '账户状态',
        phone: '开户联系方式',
        branch: '开户网点',
      },
    },
    {
      name: 'a card list in other words, Chinese and English',
      kind: 'accounts',
      headers: ['Card Number', 'Cardholder Name', 'ID No.', 'Issuing Bank', 'Date Opened', 'Opening Balance', 'Mobile'],
      expected: { account: 'Card Number', accountName: 'Cardholder Name', accountId: 'ID No.', bank: 'Issuing Bank', openedAt: 'Date Opened', balance: 'Opening Balance', phone: 'Mobile' },
    },
    {
      name: 'a 人员信息-like person list',
      kind: 'persons',
      headers: ['客户姓名', '证件类型', '证件号码', '联系手机', '户籍地址', '工作单位'],
      expected: { name: '客户姓名', idType: '证件类型', idNumber: '证件号码', phone: '联系手机', address: '户籍地址' },
    },
    {
      name: 'an English person list',
      kind: 'persons',
      headers: ['Full Name', 'Document Type', 'Passport No', 'Telephone', 'Home Address'],
      expected: { name: 'Full Name', idType: 'Document Type', idNumber: 'Passport No', phone: 'Telephone', address: 'Home Address' },
    },
    {
      name: 'a forensic tool’s chat sheet',
      kind: 'messages',
      headers: ['序号', '会话名称', '聊天对象', '发送人账号', '发送人昵称', '发送时间', '消息类型', '消息内容'],
      expected: { conversationTitle: '会话名称', conversation: '聊天对象', senderId: '发送人账号', senderName: '发送人昵称', time: '发送时间', messageType: '消息类型', text: '消息内容' },
    },
    {
      name: 'an English chat export with a date and a time column',
      kind: 'messages',
      headers: ['Chat', 'Date', 'Time', 'Sender ID', 'Sender', 'Type', 'Message'],
      expected: { conversation: 'Chat', date: 'Date', timeOfDay: 'Time', senderId: 'Sender ID', senderName: 'Sender', messageType: 'Type', text: 'Message' },
    },
  ];

  it.each(byKind)('$name', ({ kind, headers, expected }) => {
    expect(suggestMapping(headers, kind)).toEqual(expected);
  });

  it('suggests only fields of the kind asked for', () => {
    expect(suggestMapping(['交易卡号', '交易时间', '交易金额'], 'persons')).toEqual({});
    expect(suggestMapping(['姓名', '手机号'], 'transactions')).toEqual({});
  });
});
