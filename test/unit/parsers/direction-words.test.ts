import { describe, expect, it } from 'vitest';
import { directionOfFlag, legendCodes } from '@shared/parsers/direction-words';

describe('direction words', () => {
  it.each<[string, 'in' | 'out' | null]>([
    ['借 Dr', 'out'], ['贷 Cr', 'in'], ['1-收', 'in'], ['02-付', 'out'], ['已支出', 'out'], ['收入(贷)', 'in'], ['汇入', 'in'],
    ['0', null], ['O', null], ['借/贷', null], ['不计收支', null], ['转账', null], ['', null],
  ])('%j → %s', (cell, direction) => expect(directionOfFlag(cell)).toBe(direction));

  it.each<[string, 'in' | 'out']>([
    ['借', 'out'], ['贷', 'in'], ['收', 'in'], ['付', 'out'], ['进', 'in'], ['出', 'out'], ['支出', 'out'], ['收入', 'in'],
    ['D', 'out'], ['C', 'in'], ['Dr', 'out'], ['Cr', 'in'], ['+', 'in'], ['-', 'out'], ['1-收', 'in'], ['2：付', 'out'], ['已收入', 'in'],
    ['（贷）', 'in'], ['D 借', 'out'], ['Dr.', 'out'], ['汇出', 'out'], ['贷方 Cr', 'in'], ['ＣＲ', 'in'],
  ])('the direction word or code %j → %s', (cell, direction) => expect(directionOfFlag(cell)).toBe(direction));

  it.each(['收费', '取消支付', '入账失败', '收息', '付息', '收款人', '支付失败', '收费 C', '1-收费', '收/付', '借 Cr', 'OK', '1'])(
    'a free word or a mix that merely contains a direction word states none: %j',
    (cell) => expect(directionOfFlag(cell)).toBeNull(),
  );

  it('reads a cell through the header legend before anything else', () => {
    expect(directionOfFlag('1', { '1': 'in', '2': 'out' })).toBe('in');
    expect(directionOfFlag('收费', { '1': 'in' })).toBeNull();
  });

  it.each<[string, Record<string, 'in' | 'out'> | undefined]>([
    ['借贷标志(0-借;1-贷)', { '0': 'out', '1': 'in' }],
    ['收付标志（1：收，2：付）', { '1': 'in', '2': 'out' }],
    ['借贷方向[借:D 贷:C]', { D: 'out', C: 'in' }],
    ['借贷标志', undefined],
    ['借贷标志(元)', undefined],
    ['借贷标志(0-借;1)', undefined],
    ['借贷标志(0-借;1-贷;2)', undefined],
  ])('legend of %j', (header, codes) => expect(legendCodes(header)).toEqual(codes));
});
