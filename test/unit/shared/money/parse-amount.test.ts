import { describe, expect, it } from 'vitest';
import { formatMinor, parseBankAmount, parseFenAmount } from '../../../../shared/money';

describe('parseBankAmount', () => {
  it.each<[string, number, string?]>([
    ['1,234.56', 123456],
    ['-1234.5', -123450],
    ['1234', 123400],
    ['１２３４．５０', 123450],
    ['１，２３４．５６', 123456],
    ['¥1,234.56', 123456, 'CNY'],
    ['￥1,234.56', 123456, 'CNY'],
    ['-¥1,234.56', -123456, 'CNY'],
    ['¥-1,234.56', -123456, 'CNY'],
    ['(1,234.56)', -123456],
    ['（1,234.56）', -123456],
    ['1234.56\t', 123456],
    ['\t 1234.56 \t', 123456],
    ['+500.00', 50000],
    ['500.00-', -50000],
    ['0.01', 1],
    ['.5', 50],
    ['12.', 1200],
    ['-0.00', 0],
    ['0', 0],
    ['00012.30', 1230],
    ['RMB 1,000.00', 100000, 'CNY'],
    ['CNY1000', 100000, 'CNY'],
    ['1000元', 100000, 'CNY'],
    ['人民币1000元', 100000, 'CNY'],
    ['USD 12.5', 1250, 'USD'],
    ['100港元', 10000, 'HKD'],
    ['1234.5000', 123450],
    ['9999999999999.99', 999999999999999],
  ])('%j → %d', (text, minor, currency) => {
    const result = parseBankAmount(text);
    expect(result).toEqual(currency === undefined ? { ok: true, minor, raw: text } : { ok: true, minor, currency, raw: text });
  });

  it.each<[string, string]>([
    ['', 'empty'],
    ['   \t', 'empty'],
    ['-', 'empty'],
    ['--', 'empty'],
    ['1234.567', 'too-many-decimals'],
    ['0.001', 'too-many-decimals'],
    ['1,23.45', 'bad-grouping'],
    ['12,34', 'bad-grouping'],
    ['1.2E+5', 'exponent'],
    ['1.23456e7', 'exponent'],
    ['abc', 'not-a-number'],
    ['12a', 'not-a-number'],
    ['1.2.3', 'not-a-number'],
    ['1 234.56', 'not-a-number'],
    ['.', 'not-a-number'],
    ['--5', 'conflicting-signs'],
    ['+-5', 'conflicting-signs'],
    ['(-5)', 'conflicting-signs'],
    ['¥100美元', 'not-a-number'],
    ['99999999999999.00', 'too-large'],
  ])('%j → %s', (text, reason) => {
    expect(parseBankAmount(text)).toEqual({ ok: false, reason, raw: text });
  });

  it('can refuse zero-padded extra decimals too', () => {
    expect(parseBankAmount('1234.5000', { extraZeroDecimals: 'reject' })).toEqual({ ok: false, reason: 'too-many-decimals', raw: '1234.5000' });
  });
});

describe('parseFenAmount (Tenpay 分 fields)', () => {
  it.each<[string, number]>([
    ['12345', 12345],
    ['0', 0],
    ['-500', -500],
    ['+500', 500],
    ['1,000', 1000],
    ['１００', 100],
    ['100\t', 100],
  ])('%j → %d', (text, minor) => expect(parseFenAmount(text)).toEqual({ ok: true, minor, raw: text }));

  it.each<[string, string]>([
    ['', 'empty'],
    ['100.00', 'not-integer'],
    ['1.5', 'not-integer'],
    ['1e3', 'not-a-number'],
    ['abc', 'not-a-number'],
    ['1234567890123456', 'too-large'],
  ])('%j → %s', (text, reason) => expect(parseFenAmount(text)).toEqual({ ok: false, reason, raw: text }));
});

describe('formatMinor', () => {
  it.each<[number, string]>([
    [123456, '1,234.56'],
    [-125075, '-1,250.75'],
    [5, '0.05'],
    [0, '0.00'],
    [100000000, '1,000,000.00'],
  ])('%d → %s', (minor, text) => expect(formatMinor(minor)).toBe(text));

  it('can leave out grouping', () => expect(formatMinor(123456, { grouping: false })).toBe('1234.56'));
});
