import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { BANK_STYLES, csvLine, headersOf, noDataCells, rowCells } from '../../../electron/core/demo/bank-layouts';
import { blankEntry } from '../../../electron/core/demo/entry';
import { CASH } from '../../../electron/core/demo/plan';
import { encodeGb18030 } from '../../../electron/core/demo/sink';
import type { Account } from '../../../electron/core/demo/model';

const account: Account = { ...CASH, id: 'A00001', index: 1, card: '6222021234567890128', number: '4000123456789012345', printedNumber: '4000123456789012345', holderName: '张伟', holderIdNumber: '11010519491231002X', branchName: '中国工商银行福州鼓楼支行', branchCode: '350112345', city: '福州市', subject: true };

function row(dir: 1 | -1, amount: number, failReason = '') {
  const e = blankEntry(1_704_103_200, dir, amount);
  Object.assign(e, { cpName: '李娜', cpCard: '6217001234567890123', cpBank: '中国建设银行', summary: '转账', type: '转账', medium: '网银', online: true });
  return { e, seq: 1, serial: '20240101000010000001', balance: 1_234_567, failReason };
}

describe('bank 交易明细 layouts', () => {
  it('prints as many cells as each layout has headers, for rows and no-data answers', () => {
    for (const style of Object.values(BANK_STYLES)) {
      const headers = headersOf(style);
      expect(rowCells(style, account, row(1, 500_000), { bankName: 'x', approval: 'y', ip: '', mac: '' })).toHaveLength(headers.length);
      expect(noDataCells(style, account, '无交易', { bankName: 'x', approval: 'y', ip: '', mac: '' })).toHaveLength(headers.length);
    }
    expect(headersOf(BANK_STYLES.ICBC)).toHaveLength(32);
    expect(headersOf(BANK_STYLES.ABC)).toHaveLength(32);
    expect(headersOf(BANK_STYLES.CCB)).toHaveLength(34);
    expect(headersOf(BANK_STYLES.CMB)).toContain('借贷标志');
    expect(headersOf(BANK_STYLES.BOC)).toEqual(expect.arrayContaining(['支出', '存入']));
  });

  it('each bank writes the direction its own way: flags, signed amounts, split columns', () => {
    const ctx = { bankName: 'x', approval: 'y', ip: '', mac: '' };
    const cell = (bank: keyof typeof BANK_STYLES, dir: 1 | -1, name: string): string => {
      const style = BANK_STYLES[bank];
      return rowCells(style, account, row(dir, 123_450), ctx)[headersOf(style).indexOf(name)] ?? '';
    };
    expect([cell('ICBC', 1, '收付标志'), cell('ICBC', -1, '收付标志')]).toEqual(['进', '出']);
    expect([cell('CCB', 1, '收付标志'), cell('CCB', -1, '收付标志')]).toEqual(['贷', '借']);
    expect([cell('CMB', 1, '借贷标志'), cell('CMB', -1, '借贷标志')]).toEqual(['C', 'D']);
    expect([cell('ABC', 1, '交易金额'), cell('ABC', -1, '交易金额')]).toEqual(['+1234.50', '-1234.50']);
    expect([cell('BOC', -1, '支出'), cell('BOC', -1, '存入')]).toEqual(['1234.50', '0.00']);
    expect(cell('CCB', 1, '交易金额')).toBe('1,234.50');
    expect(cell('CCB', 1, '交易时间')).toBe('2024-01-01-10.00.00.000000');
    expect([cell('ABC', 1, '交易日期'), cell('ABC', 1, '交易时间')]).toEqual(['20240101', '100000']);
  });

  it('ends every header and value with a tab and quotes cells that hold commas', () => {
    expect(csvLine(['交易卡号', '', '1,234.50'], true)).toBe('交易卡号\t,\t,"1,234.50\t"');
    expect(csvLine(['a', '', 'b'], false)).toBe('a\t,,b\t');
  });
});

describe('GB18030', () => {
  it('round-trips names and rare characters with trailing tabs, byte-identical to iconv-lite', () => {
    const text = '张伟\t,龔鑫淼\t,䶮\t,𠀀\t,¥1,234.50\t,中国工商银行股份有限公司\t\r\n';
    const bytes = encodeGb18030(text);
    expect(bytes.equals(iconv.encode(text, 'gb18030'))).toBe(true);
    expect(iconv.decode(bytes, 'gb18030')).toBe(text);
    expect(iconv.decode(bytes, 'gb18030').split(',')[0]?.replace(/\t$/, '')).toBe('张伟');
  });
});
