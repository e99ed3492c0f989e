import { describe, expect, it } from 'vitest';
import { Rng } from '../../../electron/core/demo/prng';
import { alipayUid, cardNumber, idCheckDigit, idNumber, luhnValid, mobile, uscc, wxid } from '../../../electron/core/demo/identifiers';

/** written out again here, from GB 11643 and GB 32100, so the generator is checked against a second reading */
function idValid(id: string): boolean {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(id[i]) * (w[i] ?? 0);
  return '10X98765432'[s % 11] === id[17];
}

function usccValid(code: string): boolean {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let s = 0;
  for (let i = 0; i < 17; i++) s += chars.indexOf(code.charAt(i)) * 3 ** i % 31;
  return chars.charAt((31 - (s % 31)) % 31) === code.charAt(17);
}

describe('identifiers', () => {
  it('computes the GB 11643 check digit of the standard example', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X');
  });

  it('generates valid 18-digit ID numbers whose sequence parity follows the sex', () => {
    const rng = new Rng('ids');
    for (let i = 0; i < 500; i++) {
      const male = i % 2 === 0;
      const id = idNumber(rng, '350122', '19850607', male);
      expect(id).toMatch(/^35012219850607\d{3}[\dX]$/);
      expect(idValid(id)).toBe(true);
      expect(Number(id.charAt(16)) % 2 === 1).toBe(male);
    }
  });

  it('generates Luhn-valid card numbers on the requested BIN', () => {
    const rng = new Rng('cards');
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    for (let i = 0; i < 500; i++) {
      const card = cardNumber(rng, '622202', 19);
      expect(card).toMatch(/^622202\d{13}$/);
      expect(luhnValid(card)).toBe(true);
    }
  });

  it('generates credit codes, phones, Alipay UIDs and WeChat ids in their published shapes', () => {
    const rng = new Rng('misc');
    for (let i = 0; i < 200; i++) {
      const code = uscc(rng, '440305', i % 2 === 0);
      expect(code).toMatch(/^9[12]440305[0-9A-HJ-NPQRTUWXY]{10}$/);
      expect(usccValid(code)).toBe(true);
      expect(mobile(rng)).toMatch(/^1[3-9]\d{9}$/);
      expect(alipayUid(rng)).toMatch(/^2088\d{12}$/);
      expect(wxid(rng)).toMatch(/^wxid_[a-z0-9]+$/);
    }
  });
});
