import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccountRef } from '@shared/parsers/types';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { AccountResolver } from '../../../electron/core/ingest/account-resolver';
import { useTempDirs } from '../../support/temp-dir';

describe('AccountResolver', () => {
  const tempDir = useTempDirs();
  const open = () => CaseSession.create(join(tempDir(), 'case'), { caseName: '账户' }, { host: 'cli', operator: 't' });
  const accounts = (session: CaseSession) =>
    session.db.prepare('SELECT id, number, card_number, account_number, holder_name, holder_id, bank_name FROM account ORDER BY id').all();

  it('finds one account by card or account number, and back-fills the holder from whichever row names it', () => {
    const session = open();
    const resolver = new AccountResolver(session.db);
    const byCard: AccountRef = Object.freeze({ kind: 'bank', number: '6222020200112233445', subAccount: '', cardNumber: '6222020200112233445' });
    const id = resolver.resolve(byCard);
    expect(resolver.resolve(byCard)).toBe(id);
    // 账户信息 lists both numbers and the holder
    const full: AccountRef = { kind: 'bank', number: '6222020200112233445', subAccount: '', cardNumber: '6222020200112233445', accountNumber: '1202000012345', holderName: '张三', holderId: '110101199001011234', bankName: '工商银行' };
    expect(resolver.resolve(full)).toBe(id);
    // a later statement keyed by the account number alone
    expect(resolver.resolve({ kind: 'bank', number: '1202000012345', subAccount: '', accountNumber: '1202000012345' })).toBe(id);
    expect(accounts(session)).toEqual([
      { id, number: '6222020200112233445', card_number: '6222020200112233445', account_number: '1202000012345', holder_name: '张三', holder_id: '110101199001011234', bank_name: '工商银行' },
    ]);
    session.close();
  });

  it('reads a reference object that changed since it was last resolved by what it holds now', () => {
    const session = open();
    const resolver = new AccountResolver(session.db);
    const ref: AccountRef = { kind: 'bank', number: 'A1', subAccount: '' };
    const a1 = resolver.resolve(ref);
    ref.number = 'B2';
    const b2 = resolver.resolve(ref);
    expect(b2).not.toBe(a1);
    ref.holderName = '李四';
    expect(resolver.resolve(ref)).toBe(b2);
    expect(accounts(session)).toMatchObject([
      { id: a1, number: 'A1', holder_name: null },
      { id: b2, number: 'B2', holder_name: '李四' },
    ]);
    session.close();
  });
});
