import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BANK_FORMATS, CCXK_TRANSACTIONS } from '@shared/parsers/bank';
import { detectFormats } from '@shared/parsers/registry';
import type { DetectInput, SourceRecord } from '@shared/parsers/types';
import { detectInputFor, mapAll, readFixtureRecords } from '../../../support/parser-records';
import { BANK_FIXTURES, FIXTURES } from './bank-fixtures';

const tsv = (...lines: string[]): SourceRecord[] => lines.map((line, i) => ({ sheet: '', line: i + 1, cells: line.split('\t') }));
const bankDetections = (input: DetectInput) => detectFormats(input, BANK_FORMATS);

describe('detection of the 查控 tables', () => {
  it.each<[keyof typeof FIXTURES, string, string]>([
    ['chakong32', 'ccxk.transactions', '32 列查控平台格式'],
    ['chakong34', 'ccxk.transactions', '34 列查控格式'],
    ['wangyin', 'ccxk.transactions', '网银标准格式'],
    ['xiecha', 'ccxk.transactions', '支出/存入分列'],
    ['accounts', 'ccxk.accounts', '查控账户信息'],
    ['persons', 'ccxk.persons', '查控人员信息'],
    ['subaccounts', 'ccxk.subaccounts', '查控子账户信息'],
  ])('%s → %s, alone among the bank formats, with a reason naming the layout and the file name', (fixture, id, label) => {
    const detections = bankDetections(detectInputFor(FIXTURES[fixture], BANK_FIXTURES));
    expect(detections.map((d) => d.format.id)).toEqual([id]);
    const [best] = detections;
    expect(best?.confidence).toBeGreaterThanOrEqual(0.95);
    expect(best?.reason).toContain(label);
    expect(best?.reason).toMatch(/表头匹配 \d+ 个字段/);
    expect(best?.reason).toMatch(/文件名含“(交易明细信息|账户信息|人员信息|子账户信息)”/);
  });

  it('is also the top pick among all built-in formats', () => {
    expect(detectFormats(detectInputFor(FIXTURES.chakong32, BANK_FIXTURES))[0]?.format.id).toBe('ccxk.transactions');
  });

  it('still detects a renamed file from its header alone, with less confidence, and distrusts a name that contradicts it', () => {
    const records = readFixtureRecords(FIXTURES.chakong34);
    const named = CCXK_TRANSACTIONS.detect({ fileName: '中国建设银行股份有限公司交易明细信息.csv', relPath: 'x/中国建设银行股份有限公司交易明细信息.csv', head: records });
    const renamed = CCXK_TRANSACTIONS.detect({ fileName: 'export (3).csv', relPath: 'export (3).csv', head: records });
    const misnamed = CCXK_TRANSACTIONS.detect({ fileName: '中国建设银行股份有限公司账户信息.csv', relPath: '中国建设银行股份有限公司账户信息.csv', head: records });
    expect(renamed?.confidence).toBeGreaterThanOrEqual(0.8);
    expect(renamed?.confidence).toBeLessThan(named?.confidence ?? 0);
    expect(renamed?.reason).not.toContain('文件名');
    expect(misnamed?.confidence).toBeLessThan(renamed?.confidence ?? 0);
    expect(misnamed?.reason).toContain('但文件名含“账户信息”');
  });

  it('finds a header below title rows and keeps the file line numbers', async () => {
    const records = tsv(
      '中国银行交易流水明细',
      '',
      '交易卡号\t交易账号\t交易时间\t交易金额\t交易余额\t收付标志\t交易对手账卡号\t对手户名',
      '6217850100012345677\t\t2024-03-10 09:30:00\t3000.00\t8000.00\t进\t6222020200112233446\t王小红',
    );
    expect(CCXK_TRANSACTIONS.detect({ fileName: 'a.csv', relPath: 'a.csv', head: records })?.confidence).toBeGreaterThan(0.6);
    const out = await mapAll(CCXK_TRANSACTIONS, records, { fileName: 'a.csv', relPath: 'a.csv', timeZone: 'Asia/Shanghai' });
    expect(out.filter((o) => o.type === 'txn').map((o) => o.line)).toEqual([4]);
  });

  it('reads each sheet of a workbook under its own header', async () => {
    const header = ['交易卡号', '交易时间', '交易金额', '收付标志', '交易余额'];
    const records: SourceRecord[] = [
      { sheet: '明细1', line: 1, cells: header },
      { sheet: '明细1', line: 2, cells: ['6217850100012345677', '2024-03-10 09:30:00', '10.00', '进', '10.00'] },
      { sheet: '明细2', line: 1, cells: ['说明：续表'] },
      { sheet: '明细2', line: 2, cells: header },
      { sheet: '明细2', line: 3, cells: ['6217850100012345677', '2024-03-11 09:30:00', '5.00', '出', '5.00'] },
    ];
    const out = await mapAll(CCXK_TRANSACTIONS, records, { fileName: 'a.xlsx', relPath: 'a.xlsx', timeZone: 'Asia/Shanghai' });
    expect(out.filter((o) => o.type === 'txn').map((o) => [o.sheet, o.line, o.amountMinor])).toEqual([
      ['明细1', 2, 1000],
      ['明细2', 3, -500],
    ]);
  });

  it('says so when a file has no recognisable header, and emits nothing else', async () => {
    const out = await mapAll(CCXK_TRANSACTIONS, tsv('姓名\t金额', '张三\t100'), { fileName: 'a.csv', relPath: 'a.csv', timeZone: 'Asia/Shanghai' });
    expect(out).toEqual([expect.objectContaining({ type: 'warning', code: 'HEADER_NOT_FOUND' })]);
  });
});

describe('payment-platform returns are never claimed', () => {
  it.each<[string, string, string]>([
    [
      'TenpayTrades.txt',
      '用户ID\t交易单号\t大单号\t用户侧账号名称\t借贷类型\t交易业务类型\t交易用途类型\t交易时间\t交易金额(分)\t账户余额(分)\t用户银行卡号\t用户侧银行名称\t用户侧网银联单号\t网联/银联\t第三方账户名称\t对手方ID\t对手侧账户名称\t对手方银行卡号\t对手侧银行名称\t对手侧网银联单号\t网联/银联\t基金公司信息\t间联/非间联交易\t第三方账户名称\t对手方接收时间\t对手方接收金额(分)\t备注1\t备注2',
      'wxid_abc123\t1000039901202403100123456789\t\t张三\t出\t转账\t\t2024-03-10 09:30:00\t50000\t120000\t6222020200112233446\t工商银行\t\t\t\twxid_def456\t李四\t\t\t\t\t\t\t\t2024-03-10 09:30:01\t50000\t微信转账\t',
    ],
    [
      'TenpayTrades-variant.txt',
      // a Tenpay export with bank-like column names still prints 交易单号 and 借贷类型
      '用户ID\t交易单号\t借贷类型\t交易时间\t交易金额\t账户余额\t交易卡号\t交易对手账卡号',
      'wxid_abc123\t1000039901202403100123456789\t出\t2024-03-10 09:30:00\t500.00\t1200.00\t6222020200112233446\t6217850100012345677',
    ],
    [
      '2088412846264555_账户明细d2_20240310_part1.csv',
      '交易号\t商户订单号\t交易创建时间\t付款时间\t最近修改时间\t交易来源地\t类型\t用户信息\t交易对方信息\t消费名称\t金额（元）\t收/支\t交易状态\t支付方式\t备注\t对应的协查数据',
      '2024031022001412345678901234\t\t2024-03-10 09:30:00\t2024-03-10 09:30:01\t\t其他\t即时到账\t2088412846264555(张三)\t2088000000000001(李四)\t转账\t500.00\t支出\t交易成功\t余额\t\t110105198503121234',
    ],
    [
      '注册信息.csv',
      '用户ID\t登录邮箱\t登录手机\t账户名称\t证件类型\t证件号\t可用余额\t绑定手机\t注册时间\t注册时IP\t绑定银行卡\t关联账户\t备注\t对应的协查数据',
      '2088412846264555\t\t13812345678\t张三\t身份证\t110105198503121234\t0.00\t13812345678\t2015-01-01 10:00:00\t1.2.3.4\t借记卡:ICBC:6222020200112233446;\t\t\t13812345678',
    ],
    [
      'TenpayRegInfo.txt',
      '账户状态\t账号\t注册姓名\t注册时间\t注册身份证号\t绑定手机\t绑定状态\t开户行信息\t银行账号',
      '正常\twxid_abc123\t张三\t2015-01-01 10:00:00\t110105198503121234\t13812345678\t绑定\t工商银行\t6222020200112233446',
    ],
    [
      '支付流水汇总.csv',
      '支付订单号\t交易类型\t支付类型\t出入账标识\t交易时间\t币种\t金额\t流水号\t余额\t收付款方银行\t收付款方卡号\t支付帐号\t商户名称\t交易支付设备ip\tmac地址\t备注',
      'P20240310001\t消费\t快捷\t出\t2024-03-10 09:30:00\tCNY\t500.00\tS001\t100.00\t工商银行\t6222020200112233446\tU001\t某商户\t1.2.3.4\tacde48001122\t',
    ],
  ])('%s', (fileName, header, row) => {
    expect(bankDetections({ fileName, relPath: `TP123/${fileName}`, head: tsv(header, row) })).toEqual([]);
  });
});

const CORPUS = resolve(import.meta.dirname, '../../../../../shared/corpus');

function csvFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.toLowerCase().endsWith('.csv'))
    .map((name) => join(dir, name));
}

describe.skipIf(!existsSync(join(CORPUS, 'cn-bank')))('customer-side statements and bills in ../shared/corpus', () => {
  // DOMAIN.md §1.4: customer statements are lower-grade material with their own layouts; a 查控 format must not
  // claim them (none has a 交易卡号/交易账号 subject column).
  const files = [...csvFiles(join(CORPUS, 'cn-bank')), ...csvFiles(join(CORPUS, 'cn-payments'))];

  it.each(files.map((file) => [relative(CORPUS, file), file]))('%s is not a 查控 return', (_name, file) => {
    expect(bankDetections(detectInputFor(file, CORPUS))).toEqual([]);
  });
});
