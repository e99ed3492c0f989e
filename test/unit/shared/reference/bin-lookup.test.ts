import { describe, expect, it } from 'vitest';
import { createBinIndex, lookupBin } from '../../../../shared/reference';
import type { BinTable } from '../../../../shared/reference';

// Rows as in hexindai/bcbc data/bin.csv, including its duplicates.
const bcbc: BinTable = {
  source: 'bcbc',
  entries: [
    { bin: '622202', bankNameZh: '中国工商银行', bankCode: 'ICBC', cardType: 'DC', length: 19 },
    { bin: '621260', bankNameZh: '平安银行', bankCode: 'SPABANK', cardType: 'CC', length: 16 },
    { bin: '621260', bankNameZh: '常熟农村商业银行', bankCode: 'CSRCB', cardType: 'DC', length: 19 },
    { bin: '621260001', bankNameZh: '咸丰常农商村镇银行', bankCode: 'XFRCB', cardType: 'DC', length: 19 },
    { bin: '622309', bankNameZh: '浙商银行', bankCode: 'CZBANK', cardType: 'DC', length: 19 },
    { bin: '622309', bankNameZh: '中国工商银行', bankCode: 'ICBC', cardType: 'DC', length: 18 },
    { bin: '622452', bankNameZh: '江苏省农村信用联合社', bankCode: 'JSRCU', cardType: 'DC', length: 19 },
    { bin: '622452', bankNameZh: '江苏省农村信用联合社', bankCode: 'JSRCU', cardType: 'DC', length: 19 },
    { bin: '622700', bankNameZh: '中国建设银行', bankCode: 'CCB', cardType: 'DC', length: 19 },
    { bin: '95588', bankNameZh: '中国工商银行', bankCode: 'ICBC', cardType: 'DC', length: 19 },
    { bin: 'x12', bankNameZh: '坏行', bankCode: 'BAD', cardType: 'DC', length: 19 },
  ],
};
const index = createBinIndex([bcbc]);
const codes = (card: string) => lookupBin(index, card).candidates.map((c) => [c.bankCode, c.lengthMatches]);

describe('lookupBin', () => {
  it.each<[string, string | null, [string, boolean][], boolean]>([
    ['6222021234567890128', '622202', [['ICBC', true]], false],
    ['6222 0212 3456 7890 128', '622202', [['ICBC', true]], false],
    ['622202123456789012', '622202', [['ICBC', false]], false],
    // 19 digits at 621260: both lists' answers, the length match first
    ['6212601234567890123', '621260', [['CSRCB', true], ['SPABANK', false]], true],
    ['6212601234567890', '621260', [['SPABANK', true], ['CSRCB', false]], true],
    // the longer prefix wins when its length fits …
    ['6212600011234567890', '621260001', [['XFRCB', true]], false],
    // … and gives way to a shorter prefix that fits when it does not
    ['6212600011234567', '621260', [['SPABANK', true], ['CSRCB', false]], true],
    ['622309123456789012', '622309', [['ICBC', true], ['CZBANK', false]], true],
    ['6224521234567890123', '622452', [['JSRCU', true]], false],
    ['9558812345678901234', '95588', [['ICBC', true]], false],
    ['4111111111111111', null, [], false],
    ['not a card', null, [], false],
    ['', null, [], false],
  ])('%j', (card, prefix, expected, conflict) => {
    const found = lookupBin(index, card);
    expect(found.prefix).toBe(prefix);
    expect(codes(card)).toEqual(expected);
    expect(found.conflict).toBe(conflict);
  });

  it('merges further tables as extra candidates', () => {
    const other: BinTable = { source: 'other', entries: [{ bin: '622700', bankNameZh: '中国工商银行', bankCode: 'ICBC', cardType: 'DC', length: 19 }] };
    const merged = lookupBin(createBinIndex([bcbc, other]), '6227001234567890123');
    expect(merged.candidates.map((c) => [c.bankCode, c.source])).toEqual([['CCB', 'bcbc'], ['ICBC', 'other']]);
    expect(merged.conflict).toBe(true);
  });

  it('lets an override table replace a BIN', () => {
    const override: BinTable = {
      source: 'override',
      mode: 'override',
      entries: [{ bin: '622700', bankNameZh: '中国工商银行', bankCode: 'ICBC', cardType: 'DC', length: 19 }],
    };
    const found = lookupBin(createBinIndex([bcbc, override]), '6227001234567890123');
    expect(found.candidates.map((c) => [c.bankCode, c.source])).toEqual([['ICBC', 'override']]);
  });

  it('handles an empty index', () => {
    expect(lookupBin(createBinIndex([]), '6222021234567890128')).toEqual({ prefix: null, candidates: [], conflict: false });
  });
});
