import { beforeAll, describe, expect, it } from 'vitest';
import { CCXK_ACCOUNTS, CCXK_PERSONS, CCXK_SUBACCOUNTS } from '@shared/parsers/bank';
import { FIXTURES, byLine, parseFixture, shanghai, warning } from './bank-fixtures';
import type { Parsed } from './bank-fixtures';

describe('ccxk.accounts — 账户信息', () => {
  let parsed: Parsed;
  beforeAll(async () => {
    parsed = await parseFixture(CCXK_ACCOUNTS, FIXTURES.accounts);
  });

  it('gives one account per row and rejects the row without any number', () => {
    expect(parsed.accounts.map((a) => a.line)).toEqual([2, 3, 5]);
    expect(parsed.errors).toEqual([{ type: 'error', sheet: '', line: 4, code: 'MISSING_FIELD', message: '交易卡号和交易账号都为空，无法确定账户' }]);
  });

  it('keys the account as 交易明细 does and keeps the other columns as attributes under investigator names', () => {
    const a = byLine(parsed.accounts, 2);
    expect(a.account).toEqual({
      kind: 'bank',
      number: '6214620112345677',
      subAccount: '',
      cardNumber: '6214620112345677',
      accountNumber: '9550880212345600101',
      bankName: '广发银行股份有限公司',
      holderName: '李明华',
      holderId: '110105198503121234',
    });
    expect(a.attributes).toMatchObject({
      开户时间: '2019-06-18 10:22:31',
      账户状态: '正常',
      开户网点: '广发银行广州天河支行',
      账户余额: '13000.00',
      开户人证件类型: '居民身份证',
      手机银行开通日期: '2019-06-21',
      网银开通日期: '2019-06-28',
    });
    expect(a.attributes).not.toHaveProperty('交易卡号');
    expect(a.attributes).not.toHaveProperty('销户日期');
    expect(byLine(parsed.accounts, 3).attributes).toMatchObject({ 账户状态: '销户', 销户日期: '2024-01-31' });
    expect(a.raw['账号开户时间']).toBe('2019-06-18 10:22:31\t');
  });

  it('states the technology chain: registered phone (at opening), contact phones, e-mail, last login IP', () => {
    const ids = parsed.identifiers.filter((i) => i.line === 2).map((i) => [i.identifierType, i.value, i.role, i.observedAt?.utcMs ?? null]);
    expect(ids).toEqual([
      ['phone', '13812345678', 'registration', shanghai(2019, 6, 18, 10, 22, 31)],
      ['phone', '13812345678', 'contact', null],
      ['phone', '020-87654321', 'contact', null],
      ['email', 'limh@example.com', 'contact', null],
      ['ip', '183.14.25.7', 'login', shanghai(2024, 3, 14, 22, 10, 5)],
    ]);
    expect(parsed.identifiers.every((i) => i.account !== null)).toBe(true);
  });

  it('splits `_1` off 交易账号, normalises +86 phones, skips the 0.0.0.0 login IP', () => {
    expect(byLine(parsed.accounts, 3).account).toMatchObject({ number: '6214620198765434', subAccount: '1', accountNumber: '9550880212345600202' });
    const ids = parsed.identifiers.filter((i) => i.line === 3).map((i) => [i.identifierType, i.value, i.role]);
    expect(ids).toEqual([
      ['phone', '13900001111', 'registration'],
      ['phone', '0755-83456789', 'agent'],
    ]);
  });

  it('reads a landline written with a space and reports a number that is no phone', () => {
    expect(parsed.identifiers.filter((i) => i.line === 5).map((i) => [i.value, i.role])).toEqual([
      ['020-88886666', 'registration'],
      ['13700002222', 'agent'],
    ]);
    expect(byLine(parsed.accounts, 5).account.holderName).toBe('某某（广州）贸易有限公司');
    expect(warning(parsed, 'BANK_PHONE_UNREADABLE').message).toContain('“12345”');
  });
});

describe('ccxk.persons — 人员信息', () => {
  let parsed: Parsed;
  beforeAll(async () => {
    parsed = await parseFixture(CCXK_PERSONS, FIXTURES.persons);
  });

  it('gives a person per named row and rejects the nameless one', () => {
    expect(parsed.persons.map((p) => [p.line, p.name, p.idType, p.idNumber])).toEqual([
      [2, '李明华', '居民身份证', '110105198503121234'],
      [3, '某某（广州）贸易有限公司', '统一社会信用代码', '91440101MA59KQ3T7X'],
      [5, '孙某某', '居民身份证', '11010519850312008X'],
    ]);
    expect(parsed.errors).toEqual([{ type: 'error', sheet: '', line: 4, code: 'MISSING_FIELD', message: '客户名称为空' }]);
  });

  it('keeps 工作单位, 单位地址, 法人代表 as attributes and the full-width ID as written in raw', () => {
    expect(byLine(parsed.persons, 2).attributes).toEqual({
      工作单位: '广州某某科技有限公司',
      单位地址: '广州市天河区某某大道100号',
      联系电话: '020-87654321',
      联系手机: '13812345678',
    });
    expect(byLine(parsed.persons, 3).attributes['法人代表']).toBe('赵六');
    expect(byLine(parsed.persons, 5).raw['证照号码']).toBe('１１０１０５１９８５０３１２００８ｘ\t');
  });

  it('states phones and e-mail as identifiers not tied to an account', () => {
    expect(parsed.identifiers.map((i) => [i.line, i.account, i.identifierType, i.value, i.role])).toEqual([
      [2, null, 'phone', '020-87654321', 'contact'],
      [2, null, 'phone', '13812345678', 'contact'],
      [3, null, 'phone', '13700002222', 'contact'],
      [3, null, 'email', 'finance@example.cn', 'contact'],
    ]);
  });
});

describe('ccxk.subaccounts — 子账户信息', () => {
  let parsed: Parsed;
  beforeAll(async () => {
    parsed = await parseFixture(CCXK_SUBACCOUNTS, FIXTURES.subaccounts);
  });

  it('keys each sub-account by its parent and the `_n` suffix, else 子账户序号', () => {
    expect(parsed.accounts.map((a) => [a.line, a.account.number, a.account.subAccount])).toEqual([
      [2, '6214620112345677', '1'],
      [3, '6214620112345677', '2'],
      [4, '9550880299990001', '1'],
      [5, '6214620112345677', '0003'],
    ]);
    expect(byLine(parsed.accounts, 2).account).toMatchObject({ accountNumber: '9550880212345600101', bankName: '广发银行股份有限公司' });
  });

  it('keeps 子账户账号, 子账户类别 and 余额 as attributes', () => {
    expect(byLine(parsed.accounts, 3).attributes).toMatchObject({ 子账户账号: '9550880212345600101_2', 子账户类别: '整存整取定期', 余额: '50000.00' });
  });

  it('rejects a row with neither a sub-account nor a parent number', () => {
    expect(parsed.errors.map((e) => [e.line, e.code])).toEqual([[6, 'MISSING_FIELD']]);
  });
});
