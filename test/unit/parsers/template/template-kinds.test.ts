import { describe, expect, it } from 'vitest';
import type { MappingTemplate } from '@shared/domain';
import { detectFormats } from '@shared/parsers/registry';
import { detectableFormats, previewRecord, templateFormat } from '@shared/parsers/template';
import type { AccountDraft, FileWarning, IdentifierDraft, MessageDraft, PersonDraft, RowError, SourceRecord, TxnDraft } from '@shared/parsers/types';
import { mapAll } from '../../../support/parser-records';

const RULES: MappingTemplate['rules'] = {
  dateForm: 'auto',
  amountConvention: 'signed',
  inWords: [],
  outWords: [],
  currency: 'CNY',
  grade: 'self-provided',
  accountKind: 'bank',
};

function template(kind: MappingTemplate['kind'], header: string[], columnMap: MappingTemplate['columnMap'], rules: Partial<MappingTemplate['rules']> = {}): MappingTemplate {
  return {
    id: `template:t@1`,
    name: 't',
    kind,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    headerSignature: header.map((cell) => cell.toLowerCase().replace(/\s+/g, '')),
    columnMap,
    rules: { ...RULES, ...rules },
  };
}

function table(header: string[], rows: string[][], title = '某行开户资料（调取）'): SourceRecord[] {
  return [
    { sheet: '', line: 1, cells: [title] },
    { sheet: '', line: 2, cells: header.map((cell) => `${cell}\t`) },
    ...rows.map((cells, index) => ({ sheet: '', line: index + 3, cells })),
  ];
}

const CONTEXT = { fileName: '开户资料.csv', relPath: '调取/开户资料.csv', timeZone: 'Asia/Shanghai' };

const of = <T extends { type: string }>(outputs: { type: string }[], type: T['type']): T[] => outputs.filter((o): o is T => o.type === type);

describe('account templates (账户信息-like tables)', () => {
  const HEADER = ['序号', '卡号', '持卡人', '身份证号', '发卡行', '开卡日期', '状态', '预留手机', '备注'];
  const ACCOUNTS = template('accounts', HEADER, {
    account: '卡号',
    accountName: '持卡人',
    accountId: '身份证号',
    bank: '发卡行',
    openedAt: '开卡日期',
    accountStatus: '状态',
    phone: '预留手机',
  });

  it('is an accounts format and maps each row to an account with its holder, attributes and registered phone', async () => {
    const format = templateFormat(ACCOUNTS);
    expect(format).toMatchObject({ kind: 'accounts', input: { kind: 'table' } });
    const outputs = await mapAll(
      format,
      table(HEADER, [
        ['1', '6222 0202 0000 1234_2', '张三', '11010519491231002x', '工商银行', '2019-05-06', '正常', '138 0013 8000', '常用卡'],
        ['2', '', '李四', '', '', '', '', '', ''],
        ['3', '6217000011112222', '王五', '', '建设银行', '', '冻结', '无此号', ''],
      ]),
      CONTEXT,
    );
    const accounts = of<AccountDraft>(outputs, 'account');
    expect(accounts.map((a) => [a.line, a.account])).toEqual([
      [3, { kind: 'bank', number: '6222020200001234', subAccount: '2', accountNumber: '6222020200001234', bankName: '工商银行', holderName: '张三', holderId: '11010519491231002X' }],
      [5, { kind: 'bank', number: '6217000011112222', subAccount: '', accountNumber: '6217000011112222', bankName: '建设银行', holderName: '王五', holderId: undefined }],
    ]);
    // named facts under the names 查控 账户信息 uses; unmapped columns under their own header
    expect(accounts[0]?.attributes).toEqual({ 开户时间: '2019-05-06', 账户状态: '正常', 开户联系方式: '138 0013 8000', 序号: '1', 备注: '常用卡' });
    expect(accounts[0]?.raw['卡号']).toBe('6222 0202 0000 1234_2');

    const phones = of<IdentifierDraft>(outputs, 'identifier');
    expect(phones.map((p) => [p.line, p.identifierType, p.value, p.role, p.account?.number, p.observedAt?.utcMs])).toEqual([
      [3, 'phone', '13800138000', 'registration', '6222020200001234', Date.UTC(2019, 4, 5, 16, 0, 0)],
    ]);
    expect(of<RowError>(outputs, 'error')).toEqual([expect.objectContaining({ line: 4, code: 'MISSING_FIELD', message: '卡号为空，无法确定账户' })]);
    expect(of<FileWarning>(outputs, 'warning').map((w) => w.message)).toEqual([expect.stringContaining('“无此号”')]);
  });

  it('shows a mapped account in the preview by field, normalised', async () => {
    const [account] = of<AccountDraft>(await mapAll(templateFormat(ACCOUNTS), table(HEADER, [['1', '6222-0202-0000-1234', '张三', '', '工商银行', '2019-05-06', '正常', '', '']]), CONTEXT), 'account');
    expect(account && previewRecord(account)).toEqual({
      sheet: '',
      line: 3,
      fields: { account: '6222020200001234', accountName: '张三', bank: '工商银行', openedAt: '2019-05-06', accountStatus: '正常' },
    });
  });
});

describe('person templates (人员信息-like tables)', () => {
  const HEADER = ['姓名', '证件类型', '证件号码', '手机', '住址', '工作单位'];
  const PERSONS = template('persons', HEADER, { name: '姓名', idType: '证件类型', idNumber: '证件号码', phone: '手机', address: '住址' });

  it('maps people with ID, phone and address, and rejects a row without a name', async () => {
    const format = templateFormat(PERSONS);
    expect(format.kind).toBe('persons');
    const outputs = await mapAll(
      format,
      table(HEADER, [
        ['赵六', '身份证', '11010519491231002x', '+86 139-0000-1111', '北京市朝阳区某路 1 号', '某贸易公司'],
        ['', '身份证', '110105194912310021', '', '', ''],
      ]),
      CONTEXT,
    );
    const people = of<PersonDraft>(outputs, 'person');
    expect(people).toEqual([
      expect.objectContaining({
        line: 3,
        name: '赵六',
        idType: '身份证',
        idNumber: '11010519491231002X',
        attributes: { 联系电话: '+86 139-0000-1111', 地址: '北京市朝阳区某路 1 号', 工作单位: '某贸易公司' },
      }),
    ]);
    expect(of<IdentifierDraft>(outputs, 'identifier').map((i) => [i.value, i.role, i.account])).toEqual([['13900001111', 'contact', null]]);
    expect(of<RowError>(outputs, 'error').map((e) => [e.line, e.code, e.message])).toEqual([[4, 'MISSING_FIELD', '姓名为空']]);
  });
});

describe('chat message templates', () => {
  const HEADER = ['会话', '发送人ID', '发送人', '时间', '消息类型', '内容'];
  const MESSAGES = template(
    'messages',
    HEADER,
    { conversation: '会话', senderId: '发送人ID', senderName: '发送人', time: '时间', messageType: '消息类型', text: '内容' },
    { dateForm: 'day-first' },
  );

  it('maps rows to messages of the conversation they name, reading day-first times, and rejects unreadable times', async () => {
    const format = templateFormat(MESSAGES);
    expect(format).toMatchObject({ kind: 'messages', input: { kind: 'table' } });
    const outputs = await mapAll(
      format,
      table(
        HEADER,
        [
          ['跑分群', 'wxid_a1', '老王', '15/03/2024 10:30:00', '文本', '<b>明天</b>9点到账'],
          ['跑分群', 'wxid_b2', '', '15.03.2024 10:31', '图片', ''],
          ['跑分群', '', '', '16-03-2024', '系统消息', '“老王”邀请“小李”加入了群聊'],
          ['跑分群', 'wxid_a1', '老王', '2024-03-16 08:00:00', '撤回', ''],
          ['跑分群', 'wxid_a1', '老王', '31/02/2024 10:00', '文本', '二月三十一日'],
          ['跑分群', 'wxid_a1', '老王', '03/15/2024 10:00', '文本', '月份在前'],
          ['跑分群', 'wxid_a1', '老王', '', '文本', '时间缺失'],
        ],
        '聊天记录导出',
      ),
      CONTEXT,
    );
    const messages = of<MessageDraft>(outputs, 'message');
    expect(messages.map((m) => [m.line, m.sender, m.messageType, m.text, m.time.utcMs])).toEqual([
      [3, { platform: 'other', id: 'wxid_a1', name: '老王' }, 'text', '<b>明天</b>9点到账', Date.UTC(2024, 2, 15, 2, 30, 0)],
      [4, { platform: 'other', id: 'wxid_b2', name: 'wxid_b2' }, 'image', '', Date.UTC(2024, 2, 15, 2, 31, 0)],
      [5, null, 'system', '“老王”邀请“小李”加入了群聊', Date.UTC(2024, 2, 15, 16, 0, 0)],
      [6, { platform: 'other', id: 'wxid_a1', name: '老王' }, 'recalled', '', Date.UTC(2024, 2, 16, 0, 0, 0)],
      [9, { platform: 'other', id: 'wxid_a1', name: '老王' }, 'text', '时间缺失', null],
    ]);
    expect(messages[0]).toMatchObject({
      conversation: { platform: 'other', key: '跑分群', title: '跑分群', kind: 'unknown' },
      outgoing: null,
      time: { original: '15/03/2024 10:30:00', offsetMinutes: 480 },
      attachments: [],
      externalId: '',
      replyTo: '',
    });
    expect(of<RowError>(outputs, 'error').map((e) => [e.line, e.code, e.message])).toEqual([
      [7, 'BAD_TIME', '发送时间“31/02/2024 10:00”无法读取：日期不存在'],
      [8, 'BAD_TIME', '发送时间“03/15/2024 10:00”无法读取：日期不存在'],
    ]);
    expect(of<FileWarning>(outputs, 'warning').map((w) => w.code)).toEqual(['TEMPLATE_TIME_MISSING']);
  });

  it('uses the file as the conversation when no column names one, and detection recognises the header', async () => {
    const header = ['Time', 'From', 'Message'];
    const perChat = template('messages', header, { time: 'Time', senderName: 'From', text: 'Message' });
    const records = table(header, [['2024-03-15T10:30:00+08:00', 'Alice', 'hi']], 'Chat with Alice');
    const [message] = of<MessageDraft>(await mapAll(templateFormat(perChat), records, CONTEXT), 'message');
    expect(message?.conversation).toEqual({ platform: 'other', key: '开户资料.csv', title: '开户资料.csv', kind: 'unknown' });
    expect(message?.sender).toEqual({ platform: 'other', id: '', name: 'Alice' });
    expect(message && previewRecord(message).fields).toEqual({
      conversation: '开户资料.csv',
      conversationTitle: '开户资料.csv',
      senderName: 'Alice',
      time: '2024-03-15 10:30:00',
      text: 'hi',
      messageType: 'text',
    });
    const ranked = detectFormats({ fileName: 'a.csv', relPath: 'a.csv', head: records }, detectableFormats([perChat]));
    expect(ranked[0]?.format).toMatchObject({ id: 'template:t@1', kind: 'messages' });
  });
});

describe('the day-first date rule on transaction templates', () => {
  const HEADER = ['Account', 'Date', 'Time', 'Amount'];
  const EU = template('transactions', HEADER, { account: 'Account', date: 'Date', timeOfDay: 'Time', amount: 'Amount' }, { dateForm: 'day-first' });

  it('reads DD/MM/YYYY beside a time column and refuses what is not day-first', async () => {
    const outputs = await mapAll(
      templateFormat(EU),
      table(HEADER, [
        ['62220001', '01/02/2024', '09:15', '-12.50'],
        ['62220001', '1.2.2024', '', '3'],
        ['62220001', '2024-02-03', '10:00:00', '4'],
        ['62220001', '20240203', '10:00:00', '5'],
      ]),
      CONTEXT,
    );
    const txns = of<TxnDraft>(outputs, 'txn');
    expect(txns.map((t) => [t.line, t.amountMinor, t.time.utcMs, t.time.original])).toEqual([
      [3, -1_250, Date.UTC(2024, 1, 1, 1, 15, 0), '01/02/2024 09:15'],
      [4, 300, Date.UTC(2024, 0, 31, 16, 0, 0), '1.2.2024'],
      [5, 400, Date.UTC(2024, 1, 3, 2, 0, 0), '2024-02-03 10:00:00'],
    ]);
    expect(of<RowError>(outputs, 'error').map((e) => [e.line, e.message])).toEqual([[6, '交易时间“20240203 10:00:00”无法读取：不是模板规定的格式（DD/MM/YYYY）']]);
  });
});
