import { describe, expect, it } from 'vitest';
import { deriveAmountDirection, normaliseDirection } from '../../../../shared/money';

describe('normaliseDirection', () => {
  it.each<[string, 'in' | 'out' | null]>([
    ['进', 'in'], ['入', 'in'], ['收', 'in'], ['收入', 'in'], ['贷', 'in'], ['C', 'in'], ['c', 'in'], ['存入', 'in'],
    ['CR', 'in'], ['贷方', 'in'], ['转入', 'in'], ['Ｃ', 'in'], ['进\t', 'in'], [' 收入 ', 'in'],
    ['出', 'out'], ['付', 'out'], ['支出', 'out'], ['借', 'out'], ['D', 'out'], ['d', 'out'], ['取出', 'out'],
    ['支', 'out'], ['DR', 'out'], ['借方', 'out'], ['出\t', 'out'],
  ])('%j → %s', (raw, direction) => expect(normaliseDirection(raw)).toEqual({ direction, raw }));

  it.each<[string, string]>([
    ['', 'empty'],
    ['\t', 'empty'],
    ['O', 'unknown'],
    ['0', 'unknown'],
    ['1', 'unknown'],
    ['其他', 'unknown'],
    ['不计收支', 'neutral'],
  ])('%j → null (%s)', (raw, reason) => expect(normaliseDirection(raw)).toEqual({ direction: null, raw, reason }));

  it('takes a source’s own codes first', () => {
    expect(normaliseDirection('1', { '1': 'out', '2': 'in' })).toEqual({ direction: 'out', raw: '1' });
    expect(normaliseDirection('2', { '1': 'out', '2': 'in' })).toEqual({ direction: 'in', raw: '2' });
  });
});

describe('deriveAmountDirection', () => {
  it.each([
    [{ kind: 'flag', amount: '1,234.56', flag: '出' }, { amountMinor: 123456, direction: 'out', signedMinor: -123456, rawDirection: '出', warnings: [] }],
    [{ kind: 'flag', amount: '500.00\t', flag: '贷\t' }, { amountMinor: 50000, direction: 'in', signedMinor: 50000, rawDirection: '贷\t', warnings: [] }],
    [{ kind: 'flag', amount: '-500.00', flag: 'D' }, { amountMinor: 50000, direction: 'out', signedMinor: -50000, rawDirection: 'D', warnings: ['negative-amount-with-flag'] }],
    [{ kind: 'flag', amount: '88.00', flag: 'O' }, { amountMinor: 8800, direction: null, signedMinor: null, rawDirection: 'O', warnings: ['unknown-direction'] }],
    [{ kind: 'flag', amount: '88.00', flag: '' }, { amountMinor: 8800, direction: null, signedMinor: null, rawDirection: '', warnings: ['unknown-direction'] }],
    [{ kind: 'flag', amount: '0.00', flag: '进' }, { amountMinor: 0, direction: 'in', signedMinor: 0, rawDirection: '进', warnings: ['zero-amount'] }],
    [{ kind: 'signed', amount: '-1,000.00' }, { amountMinor: 100000, direction: 'out', signedMinor: -100000, rawDirection: null, warnings: [] }],
    [{ kind: 'signed', amount: '+20.5' }, { amountMinor: 2050, direction: 'in', signedMinor: 2050, rawDirection: null, warnings: [] }],
    [{ kind: 'signed', amount: '0' }, { amountMinor: 0, direction: null, signedMinor: 0, rawDirection: null, warnings: ['zero-amount'] }],
    [{ kind: 'split', outAmount: '300.00', inAmount: '' }, { amountMinor: 30000, direction: 'out', signedMinor: -30000, rawDirection: null, warnings: [] }],
    [{ kind: 'split', outAmount: '\t', inAmount: '1,000.00\t' }, { amountMinor: 100000, direction: 'in', signedMinor: 100000, rawDirection: null, warnings: [] }],
    [{ kind: 'split', outAmount: '0.00', inAmount: '66.60' }, { amountMinor: 6660, direction: 'in', signedMinor: 6660, rawDirection: null, warnings: [] }],
    [{ kind: 'split', outAmount: '0.00', inAmount: '0.00' }, { amountMinor: 0, direction: null, signedMinor: 0, rawDirection: null, warnings: ['zero-amount'] }],
    [{ kind: 'split', outAmount: '', inAmount: '-50.00' }, { amountMinor: 5000, direction: 'out', signedMinor: -5000, rawDirection: null, warnings: ['negative-in-split-column'] }],
  ] as const)('%j', (input, expected) => {
    expect(deriveAmountDirection(input)).toEqual({ ok: true, ...expected });
  });

  it('keeps the currency a value states', () => {
    expect(deriveAmountDirection({ kind: 'signed', amount: '-¥5.00' })).toMatchObject({ ok: true, currency: 'CNY', signedMinor: -500 });
  });

  it.each([
    [{ kind: 'flag', amount: 'abc', flag: '出' }, { reason: 'not-a-number', column: 'amount' }],
    [{ kind: 'flag', amount: '', flag: '出' }, { reason: 'empty', column: 'amount' }],
    [{ kind: 'signed', amount: '1.234' }, { reason: 'too-many-decimals', column: 'amount' }],
    [{ kind: 'split', outAmount: '', inAmount: '' }, { reason: 'no-amount' }],
    [{ kind: 'split', outAmount: '1.00', inAmount: '2.00' }, { reason: 'both-columns' }],
    [{ kind: 'split', outAmount: 'x', inAmount: '2.00' }, { reason: 'not-a-number', column: 'out' }],
  ] as const)('%j fails', (input, expected) => {
    expect(deriveAmountDirection(input)).toEqual({ ok: false, ...expected });
  });
});
