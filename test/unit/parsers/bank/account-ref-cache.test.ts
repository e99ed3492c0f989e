import { describe, expect, it } from 'vitest';
import { AccountRefCache, bankAccountRef } from '@shared/parsers/bank/account-number';

describe('AccountRefCache', () => {
  const parts = { card: '6222 0202 0011 2233 445\t', account: '', bankName: '工商银行', holderName: '张三', holderId: '' };

  it('gives the rows of one subject the same reference, equal to building it afresh', () => {
    const cache = new AccountRefCache();
    const first = cache.get(parts);
    expect(first).toEqual(bankAccountRef(parts));
    expect(first).toMatchObject({ number: '6222020200112233445', holderName: '张三' });
    expect(cache.get({ ...parts })).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('keeps subjects apart by every cell: another holder, bank, account or fallback is another reference', () => {
    const cache = new AccountRefCache();
    const first = cache.get(parts);
    for (const change of [{ holderName: '李四' }, { holderId: '110101199001011234' }, { bankName: '农业银行' }, { account: '1234567890' }, { fallback: '99' }]) {
      const other = cache.get({ ...parts, ...change });
      expect(other).not.toBe(first);
      expect(other).toEqual(bankAccountRef({ ...parts, ...change }));
    }
  });

  it('remembers rows without any number as null', () => {
    const cache = new AccountRefCache();
    expect(cache.get({ card: '--', account: '' })).toBeNull();
    expect(cache.get({ card: '--', account: '' })).toBeNull();
  });
});
