import { describe, expect, it } from 'vitest';
import { directionOfFlag, legendCodes } from '@shared/parsers/direction-words';

describe('direction words', () => {
  it.each<[string, 'in' | 'out' | null]>([
    ['借 Dr', 'out'], ['贷 Cr', 'in'], ['1-收', 'in'], ['02-付', 'out'], ['已支出', 'out'], ['收入(贷)', 'in'], ['汇入', 'in'],
    ['0', null], ['O', null], ['借/贷', null], ['不计收支', null], ['转账', null], ['', null],
  ])('%j → %s', (cell, direction) => expect(directionOfFlag(cell)).toBe(direction));

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
