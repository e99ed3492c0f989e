import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAYMENT_FORMATS } from '../../../../shared/parsers/payment/index';
import { detectFormats, formatById } from '../../../../shared/parsers/registry';
import type { FormatSpec, SourceRecord } from '../../../../shared/parsers/types';
import { PAYMENT_FIXTURES, detectInput, loadFile, mapFile, shanghai, textRecords } from '../../../support/parser-records';
import type { LoadedFile, MappedFile } from '../../../support/parser-records';

/** 支付宝 调证 returns (DOMAIN.md §1.2), from the hand-written fixtures in test/fixtures/payment/alipay. */

function format(id: string): FormatSpec {
  const spec = formatById(id, PAYMENT_FORMATS);
  if (spec === undefined) throw new Error(`no format ${id}`);
  return spec;
}

async function load(name: string): Promise<LoadedFile> {
  return loadFile(join(PAYMENT_FIXTURES, 'alipay', name), PAYMENT_FIXTURES);
}

async function importAs(name: string, id: string): Promise<MappedFile> {
  const loaded = await load(name);
  expect(detectFormats(detectInput(loaded), PAYMENT_FORMATS).map((r) => r.format.id)).toEqual([id]);
  return mapFile(format(id), loaded);
}

const MA = { kind: 'alipay', number: '2088412846264555', subAccount: '', holderName: '马尚德' };

describe('alipay.register (注册信息)', () => {
  it('reads the GB18030 file with CRLF and tab-padded numbers into accounts and identifiers', async () => {
    const out = await importAs('768219766_注册信息_20260205111012.csv', 'alipay.register');
    expect(out.accounts.map((a) => [a.line, a.account.number, a.account.holderName, a.account.holderId])).toEqual([
      [2, '2088412846264555', '马尚德', '372922197910112912'],
      [3, '2088002020170361', '王云', '11010519491231002X'],
      [5, '2088111122223333', '李四', '3729**********2912'],
    ]);
    expect(out.accounts[0]?.attributes).toEqual({
      登录手机: '15900578144',
      证件类型: '身份证',
      可用余额: '0.00',
      绑定手机: '15900578144',
      注册时间: '2014-05-25 10:11:12',
      注册时IP: '115.239.210.27',
      绑定银行卡: '借记卡:COMM:6222600110033606521;借记卡:CCB:6217001210012077689;',
      关联账户: '2088002020170361',
      对应的协查数据: '372922197910112912',
    });
    expect(out.accounts[0]?.raw['用户ID']).toBe('2088412846264555\t');
    const registered = { utcMs: shanghai('2014-05-25 10:11:12'), original: '2014-05-25 10:11:12', offsetMinutes: 480 };
    const ma = out.identifiers.filter((i) => i.line === 2).map((i) => [i.identifierType, i.value, i.role, i.observedAt]);
    expect(ma).toEqual([
      ['phone', '15900578144', 'login', null],
      ['phone', '15900578144', 'bound-phone', null],
      ['id_card', '372922197910112912', 'registration', registered],
      ['ip', '115.239.210.27', 'registration', registered],
      ['bank_card', '6222600110033606521', 'bound-card', null],
      ['bank_card', '6217001210012077689', 'bound-card', null],
      ['alipay_uid', '2088002020170361', 'linked-account', null],
    ]);
    expect(out.identifiers.find((i) => i.line === 2)?.account).toMatchObject({ ...MA, holderId: '372922197910112912' });
    // e-mail lower-cased, IPv6 in RFC 5952 form
    const wang = out.identifiers.filter((i) => i.line === 3).map((i) => [i.identifierType, i.value, i.role]);
    expect(wang).toEqual([
      ['phone', '13800138000', 'login'],
      ['email', 'wangyun@example.com', 'login'],
      ['phone', '13800138000', 'bound-phone'],
      ['id_card', '11010519491231002X', 'registration'],
      ['ip', '240e:46d:bf00:eb1::1', 'registration'],
      ['bank_card', '4392250012345673', 'bound-card'],
    ]);
    // masked phone and ID, the 0.0.0.0 placeholder: kept in attributes, not identifiers
    expect(out.identifiers.filter((i) => i.line === 5)).toEqual([]);
    expect(out.errors).toEqual([{ type: 'error', sheet: '', line: 4, code: 'MISSING_FIELD', message: '用户ID为空' }]);
    expect(out.warnings).toEqual([
      {
        type: 'warning',
        code: 'TIME_KEPT_AS_TEXT',
        message: '第 5 行：注册时间“2019-13-01 00:00:00”无法读取：日期不存在；该行照常导入，只是没有这个时间（原文保留在原始数据中）',
      },
    ]);
  });
});

describe('alipay.logins (登陆日志)', () => {
  it('gives one login IP per row with its time, and the login name once per account', async () => {
    const out = await importAs('768219766_登陆日志_20260205111012.csv', 'alipay.logins');
    expect(out.identifiers.map((i) => [i.line, i.account?.number, i.identifierType, i.value, i.role, i.observedAt?.utcMs ?? null])).toEqual([
      [2, '2088412846264555', 'ip', '115.239.210.27', 'login', shanghai('2025-08-01 12:00:00')],
      [2, '2088412846264555', 'phone', '15900578144', 'login', null],
      [3, '2088412846264555', 'ip', '240e:46d:bf00:eb1::1', 'login', shanghai('2025-08-02 13:00:00')],
      [4, '2088002020170361', 'ip', '115.239.210.27', 'login', shanghai('2025-08-03 09:30:00')],
      [4, '2088002020170361', 'email', 'wangyun@example.com', 'login', null],
    ]);
    expect(out.identifiers[0]?.account).toEqual(MA);
    expect(out.errors).toEqual([
      { type: 'error', sheet: '', line: 5, code: 'BAD_ROW', message: '客户端ip“999.1.1.1”不是可用的 IP 地址（格式错误，或是占位值 0.0.0.0）' },
      { type: 'error', sheet: '', line: 6, code: 'MISSING_FIELD', message: '操作发生时间为空' },
    ]);
  });
});

describe('alipay.trades (账户明细)', () => {
  it('splits 用户信息/交易对方信息 and lets each row name its own account', async () => {
    const out = await importAs('768219766_账户明细d2_20260206160408_part1.csv', 'alipay.trades');
    expect(out.txns.map((t) => [t.line, t.account.number, t.amountMinor, t.direction, t.succeeded])).toEqual([
      [2, '2088412846264555', 10000, 'in', true],
      [3, '2088412846264555', -5000, 'out', true],
      [4, '2088002020170361', -10000, 'out', true],
      [5, '2088412846264555', -123450, 'out', true],
      [6, '2088412846264555', -8800, 'out', false],
    ]);
    expect(out.txns[0]).toMatchObject({
      account: { ...MA, holderId: '372922197910112912' },
      time: { utcMs: shanghai('2025-08-09 08:50:20'), original: '2025-08-09 08:50:20', offsetMinutes: 480 },
      currency: 'CNY',
      directionRaw: '收入',
      balanceMinor: null,
      counterparty: { account: '2088002020170361', name: '王云' },
      summary: '转账',
      txnNo: '2025080922001425551408762501',
      logNo: 'O1',
      location: '支付宝网站',
      memo: '即时到账交易',
    });
    expect(out.txns[0]?.raw['交易号']).toBe('2025080922001425551408762501\t');
    // (银行名)卡号 and 姓名(银行名)(卡号) counterparties
    expect(out.txns[1]?.counterparty).toEqual({ account: '6217001210012077689', name: undefined, bank: '中国建设银行' });
    expect(out.txns[3]?.counterparty).toEqual({ account: '6225880112345674', name: '王云', bank: '招商银行' });
    expect(out.txns[3]?.memo).toBe('提现; 备注文字');
    // the second subject (queried by phone): no holder ID from 对应的协查数据
    expect(out.txns[2]?.account).toEqual({ kind: 'alipay', number: '2088002020170361', subAccount: '', holderName: '王云' });
    expect(out.txns[4]).toMatchObject({ failReason: '交易关闭', channel: '花呗', logNo: 'T200P1', counterparty: { account: '2088555566667777', name: '某某专营店' } });
    expect(out.errors).toEqual([
      { type: 'error', sheet: '', line: 7, code: 'BAD_AMOUNT', message: '金额（元）“abc”不是数字' },
      { type: 'error', sheet: '', line: 8, code: 'BAD_TIME', message: '交易创建时间“2025-02-30 10:00:00”无法读取：日期不存在' },
      { type: 'error', sheet: '', line: 9, code: 'MISSING_FIELD', message: '用户信息“null”中没有支付宝账号' },
    ]);
  });

  it('reads one sheet per queried ID, each with its header; a sheet named by a UID covers name-only 用户信息', async () => {
    const header = '交易号\t交易创建时间\t用户信息\t交易对方信息\t金额（元）\t收/支\t交易状态';
    const sheet = (name: string, text: string): SourceRecord[] => textRecords(text).map((r) => ({ ...r, sheet: name }));
    const records = [
      ...sheet('372922197910112912', `${header}\nA1\t2025-08-09 08:50:20\t2088412846264555(马尚德)\t2088002020170361(王云)\t100\t收入\t交易成功`),
      ...sheet('2088002020170361', `${header}\nA2\t2025-08-10 08:50:20\t王云\t2088412846264555(马尚德)\t50.5\t支出\t交易成功`),
    ];
    const out = await mapFile(format('alipay.trades'), { fileName: 'x_账户明细.xlsx', relPath: 'r/x_账户明细.xlsx', records });
    expect(out.txns.map((t) => [t.sheet, t.line, t.account.number, t.account.holderName, t.amountMinor])).toEqual([
      ['372922197910112912', 2, '2088412846264555', '马尚德', 10000],
      ['2088002020170361', 2, '2088002020170361', '王云', -5050],
    ]);
  });
});

describe('alipay.balance (余额明细)', () => {
  it('takes the direction from the 收入/支出 column, negative 支出 values and null markers included', async () => {
    const out = await importAs('768219766_余额明细_20260206160408.csv', 'alipay.balance');
    expect(out.txns.map((t) => [t.line, t.amountMinor, t.direction, t.directionRaw, t.balanceMinor, t.time.utcMs])).toEqual([
      [2, 10000, 'in', '收入金额(+)', 10000, shanghai('2025-08-09 08:50:21')],
      [3, -5000, 'out', '支出金额(-)', 5000, shanghai('2025-08-10 09:00:00')],
      // 交易发生日期 empty: 银行处理日期 is used
      [4, 35, 'in', '收入金额(+)', 5035, shanghai('2025-08-11 10:00:00')],
    ]);
    expect(out.txns[1]).toMatchObject({
      account: MA,
      counterparty: { account: '6217001210012077689', bank: '中国建设银行' },
      summary: '提现',
      txnNo: '20250810100002',
      memo: '提现到卡',
      succeeded: true,
    });
    expect(out.txns[0]).toMatchObject({ counterparty: { account: '2088002020170361', name: '王云' }, location: '支付宝' });
    expect(out.errors).toEqual([
      { type: 'error', sheet: '', line: 5, code: 'BAD_AMOUNT', message: '收入金额(+)“5.00”和支出金额(-)“-5.00”都有金额' },
      { type: 'error', sheet: '', line: 6, code: 'BAD_AMOUNT', message: '余额（元）“x”不是数字' },
    ]);
  });
});
