import { describe, expect, it } from 'vitest';
import { lookupBin } from '../../../shared/reference/bin-lookup';
import { loadBinIndex, loadBinTable, parseBinCsv } from '../../../electron/core/reference/load-bin-table';

describe('the shipped BIN table (resources/reference/bin.csv)', () => {
  it('loads every row of the source without problems, once', () => {
    const first = loadBinTable();
    expect(first.problems).toEqual([]);
    expect(first.table.entries).toHaveLength(1100);
    expect(loadBinTable()).toBe(first);
    expect(loadBinIndex()).toBe(loadBinIndex());
  });

  it.each<[string, string, string]>([
    ['6222021234567890128', 'ICBC', '中国工商银行'],
    ['6217001234567890123', 'CCB', '中国建设银行'],
    ['6228481234567890123', 'ABC', '中国农业银行'],
    ['6216611234567890123', 'BOC', '中国银行'],
    ['6225881234567898', 'CMB', '招商银行'],
    ['6222621234567890123', 'COMM', '交通银行'],
    ['6210981234567890123', 'PSBC', '中国邮政储蓄银行'],
    ['622908123456789012', 'CIB', '兴业银行'],
  ])('%s → %s', (card, bankCode, bankNameZh) => {
    const found = lookupBin(loadBinIndex(), card);
    expect(found.candidates[0]).toMatchObject({ bankCode, bankNameZh, lengthMatches: true, source: 'bcbc' });
    expect(found.conflict).toBe(false);
  });

  it('returns both banks for the duplicated BIN 622309, the length-matching one first', () => {
    const found = lookupBin(loadBinIndex(), '622309123456789012');
    expect(found.prefix).toBe('622309');
    expect(found.conflict).toBe(true);
    expect(found.candidates.map((c) => [c.bankCode, c.length, c.lengthMatches])).toEqual([
      ['ICBC', 18, true],
      ['CZBANK', 19, false],
    ]);
  });

  it('lets a case override an entry', () => {
    const override = parseBinCsv('bin,bank_name_zh,bank_code,card_type,length\n622700,中国工商银行,ICBC,DC,19\n', 'override:test', 'override');
    const found = lookupBin(loadBinIndex([override.table]), '6227001234567890123');
    expect(found.candidates.map((c) => [c.bankCode, c.source])).toEqual([['ICBC', 'override:test']]);
    expect(lookupBin(loadBinIndex(), '6227001234567890123').candidates[0]?.bankCode).toBe('CCB');
  });
});

describe('parseBinCsv', () => {
  it('skips and lists bad rows with their file lines', () => {
    const csv = [
      '# comment',
      'bin,bank_name_zh,bank_code,card_type,length',
      '622202,中国工商银行,ICBC,DC,19',
      'abc,某银行,X,DC,19',
      '622203,中国工商银行,ICBC,XX,19',
      '# another comment',
      '622204,中国工商银行,ICBC,DC,99',
      '622205,,ICBC,DC,19',
    ].join('\n');
    const { table, problems } = parseBinCsv(csv, 't');
    expect(table.entries.map((e) => e.bin)).toEqual(['622202']);
    expect(problems).toEqual([
      { line: 4, message: 'bad bin "abc"' },
      { line: 5, message: 'bad card_type "XX"' },
      { line: 7, message: 'bad length "99"' },
      { line: 8, message: 'missing bank' },
    ]);
  });

  it('reports missing columns', () => {
    expect(parseBinCsv('bin,bank\n1,2\n', 't').problems).toEqual([{ line: 1, message: 'missing columns: bank_name_zh, bank_code, card_type, length' }]);
  });
});
