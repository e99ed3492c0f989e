import { describe, expect, it } from 'vitest';
import { csvField, neutraliseCell, startsFormula } from '../../../electron/core/transactions/cell-safety';

describe('exported cells cannot start formulas', () => {
  it.each([
    ['=HYPERLINK("http://x.example","点我")', `'=HYPERLINK("http://x.example","点我")`],
    ['+86 138 0000 0000', `'+86 138 0000 0000`],
    ['-1+2', `'-1+2`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
  ])('prefixes %j with an apostrophe', (text, safe) => {
    expect(startsFormula(text)).toBe(true);
    expect(neutraliseCell(text)).toBe(safe);
    expect(startsFormula(neutraliseCell(text))).toBe(false);
  });

  it('leaves ordinary text and plain negative numbers alone', () => {
    for (const text of ['张三', '-1234.56', '-5', '6222021234567890123', 'a=b', '']) {
      expect(startsFormula(text)).toBe(false);
      expect(neutraliseCell(text)).toBe(text);
    }
  });

  it('quotes CSV fields that hold a comma, quote or line break', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"你好"')).toBe('"说""你好"""');
    expect(csvField('两\n行')).toBe('"两\n行"');
    expect(csvField('plain')).toBe('plain');
  });
});
