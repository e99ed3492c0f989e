import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAYMENT_FORMATS } from '../../../../shared/parsers/payment/index';
import { detectFormats, formatById } from '../../../../shared/parsers/registry';
import type { FormatSpec } from '../../../../shared/parsers/types';
import { PAYMENT_FIXTURES, detectInput, loadFile, mapFile, shanghai, textRecords } from '../../../support/parser-records';
import type { MappedFile } from '../../../support/parser-records';

/** 财付通/微信 调证 returns (DOMAIN.md §1.3) in their folder tree, from test/fixtures/payment/tenpay. */

const TREE = 'tenpay/L-1770258514959-8-masd100%';
const ACCOUNT_DIR = 'IDCARD/372922197910112912/big_lu_1';

function format(id: string): FormatSpec {
  const spec = formatById(id, PAYMENT_FORMATS);
  if (spec === undefined) throw new Error(`no format ${id}`);
  return spec;
}

async function importAs(relative: string, id: string): Promise<MappedFile> {
  const loaded = await loadFile(join(PAYMENT_FIXTURES, TREE, relative), PAYMENT_FIXTURES);
  expect(detectFormats(detectInput(loaded), PAYMENT_FORMATS).map((r) => r.format.id)).toEqual([id]);
  return mapFile(format(id), loaded);
}

const BIG_LU = { kind: 'tenpay', number: 'big_lu_1', subAccount: '', holderName: '马尚德', holderId: '372922197910112912' };

describe('tenpay.trades (TenpayTrades.txt)', () => {
  it('reads amounts in 分, 借贷类型 出/入, both 网联/银联 and 第三方账户名称 columns, and the holder ID from the folder', async () => {
    const out = await importAs(`TP5d4b6f6488/${ACCOUNT_DIR}/TenpayTrades.txt`, 'tenpay.trades');
    expect(out.txns.map((t) => [t.line, t.amountMinor, t.direction, t.balanceMinor, t.counterparty.account ?? null, t.counterparty.name ?? null])).toEqual([
      [2, -10000, 'out', 0, 'wxid_test', '王云'],
      [3, 5000, 'in', 5000, 'wxid_test', '王云'],
      [4, -20000, 'out', 5000, 'wxid_abc123', '张三'],
      [5, -3000, 'out', 2000, '6217001210012077689', null],
      // 对手侧账户名称 empty: the counterparty side's 第三方账户名称 (second column of that name)
      [6, -1999, 'out', 1, null, '美团'],
      // empty 用户ID: the account folder (…/IDCARD/<身份证号>/<微信号>/) names the account
      [10, 100, 'in', 101, 'wxid_test', '王云'],
    ]);
    expect(out.txns[0]).toEqual({
      type: 'txn',
      sheet: '',
      line: 2,
      raw: expect.objectContaining({ 用户ID: 'big_lu_1', '网联/银联': '网联', '网联/银联#20': '', '第三方账户名称#23': '' }) as unknown,
      account: BIG_LU,
      time: { utcMs: shanghai('2025-08-11 08:00:00'), original: '2025-08-11 08:00:00', offsetMinutes: 480 },
      amountMinor: -10000,
      currency: 'CNY',
      direction: 'out',
      directionRaw: '出',
      balanceMinor: 0,
      counterparty: { account: 'wxid_test', name: '王云', bank: undefined },
      summary: '转账',
      channel: '余额支付 / 网联',
      succeeded: true,
      txnNo: '1000050001202508110000001',
      logNo: 'D1',
      memo: '微信转账; 测试',
    });
    expect(out.txns[1]?.time.utcMs).toBe(shanghai('2025-08-12 09:00:00'));
    // group red packet: received 3.50 of 200.00
    expect(out.txns[2]?.memo).toBe('微信红包; 恭喜发财; 群红包: 对手方接收金额 3.50 元 < 交易金额 200.00 元; 用户银行卡号 6222600110033606521');
    expect(out.txns[3]).toMatchObject({ counterparty: { bank: '中国建设银行' }, summary: '提现', memo: '微信提现' });
    expect(out.txns[5]?.account).toEqual(BIG_LU);
    expect(out.errors).toEqual([
      { type: 'error', sheet: '', line: 7, code: 'BAD_AMOUNT', message: '交易金额(分)“12.50”不是以分为单位的整数' },
      { type: 'error', sheet: '', line: 8, code: 'BAD_TIME', message: '交易时间“yesterday”无法读取：格式无法识别' },
    ]);
    // line 9 repeats the header: skipped, neither a row nor an error
    expect(out.all.some((o) => o.type !== 'warning' && 'line' in o && o.line === 9)).toBe(false);
  });

  it('notes a shortfall on a transfer that is not a red packet, and never on an inflow', async () => {
    const header = '用户ID\t交易单号\t借贷类型\t交易时间\t交易金额(分)\t对手方接收金额(分)\t备注1';
    const records = textRecords(`${header}\nu1\tT1\t出\t2025-01-01 10:00:00\t1000\t990\t微信转账\nu1\tT2\t入\t2025-01-01 11:00:00\t1000\t10\t微信红包`);
    const out = await mapFile(format('tenpay.trades'), { fileName: 'TenpayTrades.txt', relPath: 'x/TenpayTrades.txt', records });
    expect(out.txns.map((t) => t.memo)).toEqual(['微信转账; 对手方少收: 对手方接收金额 9.90 元 < 交易金额 10.00 元', '微信红包']);
    expect(out.txns[0]?.account).toEqual({ kind: 'tenpay', number: 'u1', subAccount: '', holderName: undefined, holderId: undefined });
  });
});

describe('time zones', () => {
  it("reads zone-less times in the case's zone and keeps a written '+0800 CST' offset", async () => {
    const header = '用户ID\t借贷类型\t交易时间\t交易金额(分)';
    const records = textRecords(`${header}\nu1\t出\t2025-07-01 10:00:00\t1\nu1\t出\t2025-07-01 10:00:00 +0800 CST\t1`);
    const out = await mapFile(format('tenpay.trades'), { fileName: 'TenpayTrades.txt', relPath: 'TenpayTrades.txt', records }, 'Europe/Berlin');
    expect(out.txns.map((t) => [t.time.utcMs, t.time.offsetMinutes])).toEqual([
      [Date.UTC(2025, 6, 1, 8, 0, 0), 120],
      [Date.UTC(2025, 6, 1, 2, 0, 0), 480],
    ]);
  });
});

describe('tenpay.register (TenpayRegInfo.txt)', () => {
  it('gives an account per bound-card row and each identifier once; rows without 账号 are rejected', async () => {
    const out = await importAs(`TP6855cf4fd/${ACCOUNT_DIR}/TenpayRegInfo.txt`, 'tenpay.register');
    expect(out.accounts.map((a) => [a.line, a.account, a.attributes])).toEqual([
      [
        2,
        BIG_LU,
        { 账户状态: '正常', 注册时间: '2015-01-28 02:11:13', 绑定手机: '15900578144', 绑定状态: '绑定确认(正常)', 开户行信息: '交行借记卡快捷支付', 银行账号: '6222600110033606521' },
      ],
      [
        3,
        BIG_LU,
        { 账户状态: '正常', 注册时间: '2015-01-28 02:11:13', 绑定手机: '15900578144', 绑定状态: '已解绑', 开户行信息: '建行借记卡快捷支付', 银行账号: '6217001210012077689' },
      ],
    ]);
    expect(out.identifiers.map((i) => [i.line, i.identifierType, i.value, i.role, i.observedAt?.utcMs ?? null])).toEqual([
      [2, 'id_card', '372922197910112912', 'registration', shanghai('2015-01-28 02:11:13')],
      [2, 'phone', '15900578144', 'bound-phone', null],
      [2, 'bank_card', '6222600110033606521', 'bound-card', null],
      [3, 'bank_card', '6217001210012077689', 'bound-card', null],
    ]);
    // line 4 '注销信息' is a section title
    expect(out.errors).toEqual([{ type: 'error', sheet: '', line: 5, code: 'MISSING_FIELD', message: '账号为空' }]);
  });
});

describe('tenpay.bound-cards (绑卡历史)', () => {
  it('records bind and unbind times, the bank-reserved phone and the card holder ID', async () => {
    const out = await importAs(`TP6855cf4fd/${ACCOUNT_DIR}/绑卡历史.txt`, 'tenpay.bound-cards');
    expect(out.identifiers.map((i) => [i.line, i.identifierType, i.value, i.role, i.observedAt?.utcMs ?? null])).toEqual([
      [2, 'bank_card', '6222600110033606521', 'bound-card', shanghai('2015-01-28 02:15:00')],
      [2, 'phone', '15900578144', 'bank-reserved-phone', null],
      [2, 'id_card', '372922197910112912', 'bank-card-holder', null],
      [3, 'bank_card', '6217001210012077689', 'bound-card', shanghai('2016-05-01 10:00:00')],
      [3, 'bank_card', '6217001210012077689', 'unbound-card', shanghai('2020-03-01 09:00:00')],
      [5, 'bank_card', '6225880112345674', 'bound-card', null],
      [5, 'phone', '13800138000', 'bank-reserved-phone', null],
    ]);
    expect(out.identifiers[0]?.account).toEqual({ kind: 'tenpay', number: 'big_lu_1', subAccount: '' });
    expect(out.errors).toEqual([
      { type: 'error', sheet: '', line: 4, code: 'BAD_ROW', message: '银行卡号“6214****1234”不是卡号或账号' },
    ]);
    expect(out.warnings).toEqual([
      { type: 'warning', code: 'TIME_KEPT_AS_TEXT', message: '第 5 行：绑定时间“2021/02/30 10:00”无法读取：日期不存在；该行照常导入，只是没有这个时间（原文保留在原始数据中）' },
    ]);
  });
});

describe('tenpay.logins (WX登录轨迹)', () => {
  it("reads '+0800 CST' times and IPv6 behind the empty first column, keyed by the queried phone", async () => {
    const out = await importAs('WX7c469f4c56/IPHONE/15900578144/WX登录轨迹.txt', 'tenpay.logins');
    const account = { kind: 'tenpay', number: '15900578144', subAccount: '' };
    expect(out.identifiers.map((i) => [i.line, i.account, i.identifierType, i.value, i.role, i.observedAt])).toEqual([
      [3, account, 'ip', '240e:46d:bf00:eb1:a427:d4ff:fefc:66e9', 'login', { utcMs: Date.UTC(2026, 0, 27, 3, 53, 50), original: '2026-01-27 11:53:50 +0800 CST', offsetMinutes: 480 }],
      [3, account, 'phone', '15900578144', 'queried', null],
      [4, account, 'ip', '115.239.210.27', 'login', { utcMs: Date.UTC(2026, 0, 26, 0, 0, 1), original: '2026-01-26 08:00:01 +0800 CST', offsetMinutes: 480 }],
      [7, account, 'ip', '115.239.210.27', 'login', { utcMs: Date.UTC(2026, 0, 23, 23, 30, 0), original: '2026-01-24 07:30:00 +0800 CST', offsetMinutes: 480 }],
    ]);
    expect(out.errors).toEqual([
      { type: 'error', sheet: '', line: 5, code: 'BAD_ROW', message: 'IP“0.0.0.0”不是可用的 IP 地址（格式错误，或是占位值 0.0.0.0）' },
      { type: 'error', sheet: '', line: 6, code: 'MISSING_FIELD', message: 'IP为空' },
    ]);
  });

  it('keeps IPs unlinked, with a warning, when nothing names the account', async () => {
    const records = textRecords('登录日志：\n\t时间\tIP\n\t2026-01-27 11:53:50 +0800 CST\t115.239.210.27');
    const out = await mapFile(format('tenpay.logins'), { fileName: '登录轨迹.txt', relPath: 'drop/登录轨迹.txt', records });
    expect(out.identifiers.map((i) => [i.account, i.value])).toEqual([[null, '115.239.210.27']]);
    expect(out.warnings.map((w) => w.code)).toEqual(['ACCOUNT_UNKNOWN']);
  });
});

describe('tenpay.basic-info (regInfobasicInfo.txt)', () => {
  it('reads the 键: 值 lines into the WeChat account, its alias and phones', async () => {
    const out = await importAs('WX544675d857/IPHONE/15900578144/regInfobasicInfo.txt', 'tenpay.basic-info');
    const account = { kind: 'tenpay', number: 'wxid_1gpmsukrzuam22', subAccount: '' };
    expect(out.accounts).toEqual([
      {
        type: 'account',
        sheet: '',
        line: 1,
        raw: { 微信号: 'wxid_1gpmsukrzuam22', 别名: 'big_lu_1', 昵称: '大陆', 当前绑定手机号: '15900578144', 注册时间: '2018-09-28 12:44:02' },
        account,
        attributes: { 别名: 'big_lu_1', 昵称: '大陆', 当前绑定手机号: '15900578144', 注册时间: '2018-09-28 12:44:02' },
      },
    ]);
    expect(out.identifiers.map((i) => [i.line, i.identifierType, i.value, i.role])).toEqual([
      [1, 'wechat_id', 'wxid_1gpmsukrzuam22', 'wxid'],
      [2, 'wechat_id', 'big_lu_1', 'alias'],
      [4, 'phone', '15900578144', 'bound-phone'],
      [1, 'phone', '15900578144', 'queried'],
    ]);
    expect(out.errors).toEqual([]);
  });

  it('starts a new account at each 微信号 line and accepts tab-separated keys', async () => {
    const records = textRecords('微信号\twxid_aaaa1111\n昵称\t甲\n微信号: wxid_bbbb2222\n别名: bee_2\n昵称:');
    const out = await mapFile(format('tenpay.basic-info'), { fileName: 'regInfobasicInfo.txt', relPath: 'r/regInfobasicInfo.txt', records });
    expect(out.accounts.map((a) => [a.line, a.account.number, a.attributes])).toEqual([
      [1, 'wxid_aaaa1111', { 昵称: '甲' }],
      [3, 'wxid_bbbb2222', { 别名: 'bee_2' }],
    ]);
  });
});

describe('regInfobasicInfo as a table', () => {
  it('reads one account per row below a 微信号/别名/昵称 header', async () => {
    const { tenpayBasicInfo } = await import('@shared/parsers/payment/tenpay/basic-info');
    const head = [
      { sheet: '', line: 1, cells: ['微信号', '别名', '昵称', '绑定手机', '注册时间'] },
      { sheet: '', line: 2, cells: ['wxid_brw0sz6pc34eza', 'huhongjia234', '老胡', '17621890447', '2024-04-10 18:08:07'] },
    ];
    const input = { fileName: 'regInfobasicInfo.txt', relPath: '微信/WX1/IPHONE/17621890447/regInfobasicInfo.txt', head };
    expect(tenpayBasicInfo.detect(input)?.confidence).toBeGreaterThan(0.8);
    const out = [];
    async function* records() {
      yield* await Promise.resolve(head);
    }
    for await (const item of tenpayBasicInfo.mapRows(records(), { fileName: input.fileName, relPath: input.relPath, timeZone: 'Asia/Shanghai' })) out.push(item);
    expect(out[0]).toMatchObject({ type: 'account', line: 2, account: { kind: 'tenpay', number: 'wxid_brw0sz6pc34eza' }, attributes: { 别名: 'huhongjia234', 昵称: '老胡' } });
    expect(out.filter((o) => o.type === 'identifier').map((o) => (o.type === 'identifier' ? [o.identifierType, o.value] : []))).toEqual(
      expect.arrayContaining([
        ['wechat_id', 'wxid_brw0sz6pc34eza'],
        ['phone', '17621890447'],
      ]),
    );
  });
});
