import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BANK_STATEMENT, CCXK_TRANSACTIONS } from '@shared/parsers/bank';
import { detectFormats } from '@shared/parsers/registry';
import type { DetectInput, FileWarning, MapperOutput, RowError, SourceRecord, TxnDraft } from '@shared/parsers/types';
import { detectInputOf, openSourceFile } from '../../../../electron/core/ingest/read/open-source-file';
import { detectInputFor, mapAll, textRecords } from '../../../support/parser-records';
import { BANK_FIXTURES, shanghai } from './bank-fixtures';

interface Mapped {
  txns: TxnDraft[];
  errors: RowError[];
  warnings: FileWarning[];
}

function sorted(all: readonly MapperOutput[]): Mapped {
  return {
    txns: all.filter((item): item is TxnDraft => item.type === 'txn'),
    errors: all.filter((item): item is RowError => item.type === 'error'),
    warnings: all.filter((item): item is FileWarning => item.type === 'warning'),
  };
}

async function mapText(text: string, fileName = '流水.csv', delimiter = '\t'): Promise<Mapped> {
  return sorted(await mapAll(BANK_STATEMENT, textRecords(text, delimiter), { fileName, relPath: `材料/${fileName}`, timeZone: 'Asia/Shanghai' }));
}

const detectText = (text: string, fileName = '流水.csv', delimiter = '\t'): DetectInput => ({ fileName, relPath: fileName, head: textRecords(text, delimiter) });
const codes = (warnings: readonly FileWarning[]): string[] => warnings.map((warning) => warning.code);

describe('bank.statement: customer-exported debit statements', () => {
  it('is a self-provided transactions format, registered among the built-in formats', () => {
    expect(BANK_STATEMENT.grade).toBe('self-provided');
    expect(BANK_STATEMENT.kind).toBe('transactions');
    expect(BANK_STATEMENT.name.zh).toBe('银行流水（客户自行导出）');
    expect(detectFormats(detectText('交易日期\t交易时间\t交易金额\t本次余额\n20240101\t123456\t+1.00\t1.00'))[0]?.format.id).toBe('bank.statement');
  });

  it('reads a title block with padded TAB cells, 收入/支出 amount pairs, dash placeholders and a 合计 footer', async () => {
    const text = [
      '明细查询文件下载',
      '',
      '卡号: 6222****1234,卡别名: 工资卡',
      '',
      '交易日期,摘要,交易金额(收入),交易金额(支出),交易币种,记账金额(收入),记账金额(支出),记账币种,余额,对方户名',
      '"2024-03-02     \t","消费      \t","-    \t","-    \t","-   \t","          \t","13.40     \t","人民币    \t","986.60    \t","某某餐饮有限公司   \t"',
      '"2024-03-01     \t","他行汇入  \t","-    \t","-    \t","-   \t","1,000.00  \t","          \t","人民币    \t","1,000.00  \t","李四   \t"',
      '',
      '人民币合计,,,,,"1,000.00  \t","13.40  \t",',
    ].join('\n');
    expect(BANK_STATEMENT.detect(detectText(text, 'a.csv', ','))?.confidence).toBeGreaterThan(0);
    const { txns, errors, warnings } = await mapText(text, 'a.csv', ',');
    expect(errors).toEqual([]);
    expect(txns).toHaveLength(2);
    const [spent, received] = txns;
    expect(spent?.account).toMatchObject({ number: '6222****1234', cardNumber: '6222****1234' });
    expect(spent).toMatchObject({ amountMinor: -1340, direction: 'out', balanceMinor: 98660, currency: 'CNY', summary: '消费', counterparty: { name: '某某餐饮有限公司' } });
    expect(spent?.time.utcMs).toBe(shanghai(2024, 3, 2));
    expect(received).toMatchObject({ amountMinor: 100000, direction: 'in', balanceMinor: 100000, counterparty: { name: '李四' } });
    expect(codes(warnings)).toContain('BANK_TIME_DATE_ONLY');
    expect(warnings.find((warning) => warning.code === 'BANK_NON_DATA_ROWS')?.message).toContain('人民币合计');
  });

  it('reads split 支出/收入 columns under a 账　　号 key-value block (ideographic spaces), with 0.00 on the empty side', async () => {
    const text = [
      'China Construction Bank',
      '开户机构：\t某某支行',
      '币　　种：\t人民币',
      '账　　号：\t6217000011112222333',
      '账户户名\t王五',
      '',
      '记账日\t交易日期\t交易时间\t支出\t收入\t账户余额\t币种\t摘要\t对方账号\t对方户名',
      '20250101\t20250101\t18:53:19\t67.00\t0.00\t2,176.91\t人民币\t消费\t6222000000001111\t赵六',
      '20250102\t20250102\t09:00:00\t0.00\t500.00\t2,676.91\t人民币\t转账\t--\t--',
      '以上数据仅供参考|具体内容请以柜台为准',
    ].join('\n');
    const { txns, errors, warnings } = await mapText(text);
    expect(errors).toEqual([]);
    expect(txns).toHaveLength(2);
    expect(txns[0]?.account).toMatchObject({ number: '6217000011112222333', accountNumber: '6217000011112222333', holderName: '王五', bankName: '某某支行' });
    expect(txns[0]).toMatchObject({ amountMinor: -6700, direction: 'out', balanceMinor: 217691, counterparty: { account: '6222000000001111', name: '赵六' } });
    expect(txns[0]?.time.utcMs).toBe(shanghai(2025, 1, 1, 18, 53, 19));
    expect(txns[1]).toMatchObject({ amountMinor: 50000, direction: 'in', counterparty: { account: undefined, name: undefined } });
    expect(codes(warnings)).not.toContain('STATEMENT_ACCOUNT_UNKNOWN');
  });

  it('reads signed amounts (+10000.00 / -10.00) with YYYYMMDD + HHMMSS, a blank time read as the date only', async () => {
    const text = ['交易日期\t交易时间\t交易摘要\t交易金额\t本次余额\t对手信息\t交易渠道\t交易附言', '20240101\t123456\t转存\t+10000.00\t11000.00\t张三 6222000011112222\t超级网银\t转账', '20240103\t\t结息\t-10.00\t10990.00\t--\t\t'].join('\n');
    const { txns, errors, warnings } = await mapText(text);
    expect(errors).toEqual([]);
    expect(txns[0]).toMatchObject({ amountMinor: 1000000, direction: 'in', directionRaw: '+', balanceMinor: 1100000, channel: '超级网银', memo: '转账' });
    expect(txns[0]?.counterparty).toMatchObject({ name: '张三', account: '6222000011112222' });
    expect(txns[0]?.time.utcMs).toBe(shanghai(2024, 1, 1, 12, 34, 56));
    expect(txns[1]).toMatchObject({ amountMinor: -1000, direction: 'out', counterparty: { name: undefined, account: undefined } });
    expect(txns[1]?.time.utcMs).toBe(shanghai(2024, 1, 3));
    expect(warnings.find((warning) => warning.code === 'BANK_TIME_DATE_ONLY')?.message).toContain('第 3 行');
  });

  it('reads the bilingual 借贷 column (借 Dr / 贷 Cr) on unsigned amounts', async () => {
    const text = ['序号\t交易日期\t交易时间\t交易类型\t借贷\t交易金额\t余额\t对方账号\t对方户名\t摘要', '1\t2024-02-02\t13:15:12\t转账\t借 Dr\t3.21\t96.79\t6666666666666666\t哈哈\t', '2\t2024-02-03\t08:00:00\t存款利息\t贷 Cr\t1.23\t98.02\t\t\t'].join('\n');
    const { txns } = await mapText(text);
    expect(txns.map((txn) => [txn.amountMinor, txn.direction, txn.directionRaw])).toEqual([
      [-321, 'out', '借 Dr'],
      [123, 'in', '贷 Cr'],
    ]);
    // 摘要 is blank: the 交易类型 column says what happened
    expect(txns[0]?.summary).toBe('转账');
  });

  it('takes the account from a 借记卡号 column when the statement prints one', async () => {
    const text = ['中国银行交易流水明细单', '记账日期,记账时间,币别,金额,余额,交易名称,对方账户名,对方卡号/账号,借记卡号', '2025-08-22,17:57:17,人民币,"-3,000.00","3,240.28",跨行转账,张三,6226******5669,6217850000003167'].join('\n');
    const { txns, warnings } = await mapText(text, 'boc.csv', ',');
    expect(txns[0]).toMatchObject({ amountMinor: -300000, balanceMinor: 324028, summary: '跨行转账', counterparty: { name: '张三', account: '6226******5669' } });
    expect(txns[0]?.account).toMatchObject({ number: '6217850000003167', cardNumber: '6217850000003167' });
    expect(codes(warnings)).not.toContain('STATEMENT_ACCOUNT_UNKNOWN');
  });

  it('falls back to the digits of the file name, and says so', async () => {
    const text = '记账日期\t交易金额\t联机余额\n2024-01-01\t-5.00\t95.00';
    const { txns, warnings } = await mapText(text, '交易明细_1546_20250101_20250620.csv');
    expect(txns[0]?.account.number).toBe('1546');
    expect(warnings.find((warning) => warning.code === 'STATEMENT_ACCOUNT_FROM_FILE_NAME')?.message).toContain('1546');
  });

  it('puts a statement without any account number under a placeholder named after the file, never shared by two files', async () => {
    const text = '记账日期\t交易金额\t联机余额\n2024-01-01\t-5.00\t95.00';
    const first = await mapText(text, '招行流水.csv');
    const second = await mapText(text, '招行流水(1).csv');
    const one = first.txns[0]?.account.number;
    const two = second.txns[0]?.account.number;
    expect(one).toContain('招行流水.csv');
    expect(one).not.toBe(two);
    expect(first.warnings.find((warning) => warning.code === 'STATEMENT_ACCOUNT_UNKNOWN')?.message).toMatch(/请确认.*命名/);
  });
});

describe('bank.statement detection', () => {
  const debit = '交易日期\t交易时间\t交易金额\t余额\t对方户名\n20240101\t123456\t-1.00\t9.00\t张三';

  it('claims a debit statement with less confidence than a 查控 return gets', () => {
    const detection = BANK_STATEMENT.detect(detectText(debit));
    expect(detection?.confidence).toBeGreaterThan(0.3);
    expect(detection?.confidence).toBeLessThan(0.6);
    expect(detection?.reason).toContain('银行流水（客户自行导出）');
  });

  it.each([
    ['a 查控 subject column', '交易卡号\t交易时间\t交易金额\t交易余额\t收付标志\n6222000011112222\t20240101123456\t1.00\t9.00\t进'],
    ['a 查控-only counterparty column', '交易时间\t交易金额\t交易余额\t交易对手账卡号\n20240101123456\t1.00\t9.00\t6222000011112222'],
    ['no balance column', '交易日期\t交易时间\t交易金额\t对方户名\n20240101\t123456\t-1.00\t张三'],
    ['no amount column', '交易日期\t交易时间\t余额\n20240101\t123456\t9.00'],
    ['a card bill: transaction and posting dates, no time', '交易日期\t记账日期\t摘要\t交易金额(收入)\t交易金额(支出)\t余额\n2023-04-22\t2023-04-22\t消费\t\t0.01\t-6,086.11'],
    ['a card bill: card last four digits', '交易日\t交易时间\t卡号后四位\t金额\t余额\n2024-12-13\t10:00:00\t4260\t50.00\t0.00'],
    ['a securities fund flow', '成交日期\t成交时间\t证券代码\t证券名称\t发生金额\t余额\n20220119\t10:51:44\t159938\t医药ETF\t-760.84\t100.00'],
  ])('does not claim a header with %s', (_name, text) => {
    expect(BANK_STATEMENT.detect(detectText(text))).toBeNull();
  });

  it('does not claim a file whose title calls it a credit-card statement', () => {
    expect(BANK_STATEMENT.detect(detectText(`招商银行信用卡对账单\n${debit}`))).toBeNull();
  });

  it('leaves every 查控 fixture to the 查控 format', () => {
    const files = readdirSync(BANK_FIXTURES, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(5);
    for (const name of files) {
      const input = detectInputFor(join(BANK_FIXTURES, name), BANK_FIXTURES);
      expect(BANK_STATEMENT.detect(input), name).toBeNull();
      if (name.includes('交易明细')) expect(detectFormats(input)[0]?.format.id, name).toBe(CCXK_TRANSACTIONS.id);
    }
  });
});

const CORPUS = resolve(import.meta.dirname, '../../../../../shared/corpus');
const BANK_CORPUS = join(CORPUS, 'cn-bank', 'double-entry-generator');

interface FirstRow {
  wall: [number, number, number, number?, number?, number?];
  amountMinor: number;
  direction: 'in' | 'out';
  balanceMinor: number | null;
  counterparty: string | undefined;
}

async function openCorpusFile(relPath: string): Promise<{ input: DetectInput; records: SourceRecord[]; fileName: string }> {
  const path = join(BANK_CORPUS, relPath);
  const fileName = basename(path);
  const file = await openSourceFile(path, fileName);
  const input = await detectInputOf(file, fileName, relative(CORPUS, path));
  const records: SourceRecord[] = [];
  for await (const record of file.records()) records.push(record);
  return { input, records, fileName };
}

describe.skipIf(!existsSync(BANK_CORPUS))('bank.statement on the customer statements of ../shared/corpus/cn-bank', () => {
  it.each<[string, number, string, FirstRow]>([
    ['abc/abc-debit-records.csv', 5, '未命名账户', { wall: [2024, 1, 1, 12, 34, 56], amountMinor: 1000000, direction: 'in', balanceMinor: 1100000, counterparty: '哈哈' }],
    ['boc/boc-debit-records.csv', 17, '3167', { wall: [2025, 8, 22, 17, 57, 17], amountMinor: -7189, direction: 'out', balanceMinor: 324028, counterparty: '张三' }],
    ['bocom/bocom-debit-records.csv', 6, '未命名账户', { wall: [2025, 1, 1], amountMinor: 123, direction: 'in', balanceMinor: 133463, counterparty: '应付个人活期储蓄存款利息' }],
    ['ccb/ccb-交易明细_xxxx_2025xxxx_2025xxxx.xls', 6, '1546', { wall: [2025, 1, 1, 18, 53, 19], amountMinor: -6700, direction: 'out', balanceMinor: 217691, counterparty: '中***融科技有限公司' }],
    ['cib/cib-debit-cny-records.xlsx', 7, 'CARDMOCK001', { wall: [2024, 1, 1], amountMinor: 1000, direction: 'in', balanceMinor: 1000, counterparty: '示例用户' }],
    ['cib/cib-debit-usd-records.xlsx', 3, 'CARDMOCK001', { wall: [2024, 1, 6], amountMinor: 3000, direction: 'in', balanceMinor: 3000, counterparty: '示例用户' }],
    ['cmb/cmb-debit-records.csv', 5, '未命名账户', { wall: [2024, 1, 1], amountMinor: 123400, direction: 'in', balanceMinor: 127166, counterparty: '北京住房公积金管理中心' }],
    // the sample masks its balances (xx,yyyy.zz): kept as unreadable, warned
    ['icbc/icbc-debit-v1-records.csv', 11, '1234****9876', { wall: [2023, 5, 2], amountMinor: -1340, direction: 'out', balanceMinor: null, counterparty: '深圳市财付通支付科技有限公司' }],
    ['icbc/icbc-debit-v2-records.csv', 11, '1234****9876', { wall: [2023, 5, 2], amountMinor: -1340, direction: 'out', balanceMinor: null, counterparty: '深圳市财付通支付科技有限公司' }],
  ])('%s: detected as bank.statement, %i rows, account %s', async (relPath, rows, account, first) => {
    const { input, records, fileName } = await openCorpusFile(relPath);
    const [best] = detectFormats(input);
    expect(best?.format.id).toBe('bank.statement');
    expect(best?.format.grade).toBe('self-provided');
    const { txns, errors } = sorted(await mapAll(BANK_STATEMENT, records, { fileName, relPath, timeZone: 'Asia/Shanghai' }));
    expect(errors).toEqual([]);
    expect(txns).toHaveLength(rows);
    const [row] = txns;
    expect(row?.account.number).toContain(account);
    expect(row?.time.utcMs).toBe(shanghai(...first.wall));
    expect(row).toMatchObject({ amountMinor: first.amountMinor, direction: first.direction, balanceMinor: first.balanceMinor });
    expect(row?.counterparty.name).toBe(first.counterparty);
  });

  it('keeps the USD and CNY sub-accounts of one 兴业 card apart, each in its currency', async () => {
    const read = async (relPath: string): Promise<TxnDraft | undefined> => {
      const { records, fileName } = await openCorpusFile(relPath);
      return sorted(await mapAll(BANK_STATEMENT, records, { fileName, relPath, timeZone: 'Asia/Shanghai' })).txns[0];
    };
    const cny = await read('cib/cib-debit-cny-records.xlsx');
    const usd = await read('cib/cib-debit-usd-records.xlsx');
    expect([cny?.currency, cny?.account.subAccount, cny?.account.holderName]).toEqual(['CNY', '001', '示例用户']);
    expect([usd?.currency, usd?.account.subAccount]).toEqual(['USD', '003']);
  });

  it.each([
    'boc/boc-credit-records.csv',
    'bocom/bocom-credit-records.csv',
    'cgb/cgb-credit-records.csv',
    'citic/citic-credit-records.xls',
    'cmb/cmb-credit-records.csv',
    'icbc/icbc-credit-records.csv',
    'securities/htsec-trades.xlsx',
    'securities/hxsec-records.xls',
  ])('%s (credit-card bill or securities) stays unrecognised', async (relPath) => {
    const { input } = await openCorpusFile(relPath);
    expect(detectFormats(input)).toEqual([]);
  });
});
