import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlobalSearchResult } from '@shared/domain';
import type { CaseSession } from '../../../electron/core/cases/case-session';
import { globalSearch } from '../../../electron/core/search/global-search';
import { CARD, PHONE, reviewCase } from './review-case';

const totals = (result: GlobalSearchResult) => ({
  transactions: result.transactions.total,
  messages: result.messages.total,
  identifiers: result.identifiers.total,
  accounts: result.accounts.total,
  persons: result.persons.total,
  sources: result.sources.total,
});

describe('global search (issue 6 §5)', () => {
  // one case for the read-only searches of this file
  let dir = '';
  let session: CaseSession | null = null;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chainsight-search-'));
    session = await reviewCase(dir);
  });
  afterAll(() => {
    session?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const reviewed = (): CaseSession => {
    if (!session) throw new Error('the case was not built');
    return session;
  };

  it('finds a phone as a counterparty account, in a 摘要, written in a message and as a registration phone', () => {
    const { db } = reviewed();
    const result = globalSearch(db, PHONE, 20);
    expect(result.readAs).toEqual([{ kind: 'mobile', value: PHONE, amountMinor: null, currency: null }]);
    expect(result.transactions.items.map((t) => [t.timeText, t.cpAccount, t.matched])).toEqual([
      ['2024-03-01 10:00', PHONE, ['cpAccount']],
      ['2024-03-02 11:00', CARD, ['summary']],
    ]);
    expect(result.messages.total).toBe(1);
    expect(result.messages.items[0]).toMatchObject({ sender: '张三', conversationTitle: '退保群' });
    expect(result.messages.items[0]?.matched).toContain('mention:mobile');
    expect(result.messages.items[0]?.snippet).toContain(PHONE);
    // 账户信息 of 广发: the registration phone of 李明华's card first, then the contact numbers
    expect(result.identifiers.items[0]).toMatchObject({ type: 'phone', value: PHONE, role: 'registration', account: '6214620112345677', holder: '李明华' });
    expect(result.identifiers.items[0]?.file).toContain('广发银行股份有限公司账户信息.csv');
    expect(result.identifiers.items.map((i) => i.role).sort()).toEqual(['contact', 'contact', 'registration']);
  });

  it('reads the phone the same however it is typed: spaces, dashes, +86, full-width digits', () => {
    const { db } = reviewed();
    const plain = totals(globalSearch(db, PHONE, 5));
    for (const typed of ['138 1234 5678', '138-1234-5678', '+86 13812345678', '１３８１２３４５６７８']) {
      const result = globalSearch(db, typed, 5);
      expect(result.readAs.map((r) => `${r.kind}:${r.value}`), typed).toEqual([`mobile:${PHONE}`]);
      expect(totals(result), typed).toEqual(plain);
    }
  });

  it('finds an amount exactly in either direction however it is written, in transactions and messages', () => {
    const { db } = reviewed();
    const expected = db.prepare('SELECT count(*) FROM txn WHERE abs(amount_minor) = 500000').pluck().get() as number;
    expect(expected).toBeGreaterThanOrEqual(2);
    for (const typed of ['5000', '5,000.00', '5千', '¥5000', '五千元', '５０００']) {
      const result = globalSearch(db, typed, 20);
      expect(result.readAs.map((r) => [r.kind, r.amountMinor]), typed).toEqual([['amount', 500000]]);
      expect(result.transactions.total, typed).toBe(expected);
      expect(new Set(result.transactions.items.map((t) => Math.abs(t.amountMinor))), typed).toEqual(new Set([500000]));
      expect(result.transactions.items.map((t) => t.direction).sort(), typed).toEqual(expect.arrayContaining(['in', 'out']));
      expect(result.messages.items.map((m) => m.matched), typed).toEqual([['mention:amount']]);
    }
    // 4,999 is not 5,000
    expect(globalSearch(db, '4999', 20).transactions.items.map((t) => t.amountMinor)).toEqual([-499900]);
  });

  it('finds a card number as counterparty, in message text, and a name as counterparty name, holder and person', () => {
    const { db } = reviewed();
    const card = globalSearch(db, CARD, 20);
    expect(card.readAs[0]).toMatchObject({ kind: 'card', value: CARD });
    expect(card.transactions.total).toBe(5);
    expect(card.transactions.items.every((t) => t.matched.includes('cpAccount'))).toBe(true);
    expect(card.messages.items.map((m) => m.sender)).toEqual(['李四']);

    const name = globalSearch(db, '王小红', 20);
    expect(name.readAs).toEqual([{ kind: 'text', value: '王小红', amountMinor: null, currency: null }]);
    expect(name.transactions.total).toBe(3);
    expect(name.transactions.items.every((t) => t.cpName === '王小红' && t.matched.includes('cpName'))).toBe(true);
    expect(name.messages.items[0]?.matched).toEqual(['text']);

    const holder = globalSearch(db, '李明华', 20);
    expect(holder.accounts.items.map((a) => [a.number, a.matched])).toEqual([
      ['6214620112345677', ['holderName']],
      ['6214620198765434', ['holderName']],
    ]);
    expect(holder.persons.items.map((p) => [p.name, p.idNumber])).toEqual([['李明华', '110105198503121234']]);
    expect(holder.transactions.items.every((t) => t.holder === '李明华' && t.matched.includes('ownHolder'))).toBe(true);

    const id = globalSearch(db, '110105198503121234', 20);
    expect(id.readAs[0]?.kind).toBe('id-number');
    expect(totals(id)).toMatchObject({ accounts: 2, persons: 1, transactions: holder.transactions.total });
  });

  it('finds transaction numbers, IP and MAC addresses, source files by name and by hash', () => {
    const { db } = reviewed();
    expect(globalSearch(db, 'gf20240302000002', 5).transactions.items.map((t) => [t.cpName, t.matched])).toEqual([['上海某某贸易有限公司（测试）', ['txnNo']]]);
    expect(globalSearch(db, '183.14.25.7', 5)).toMatchObject({ transactions: { total: 1 }, identifiers: { total: 1, items: [{ role: 'login' }] } });
    expect(globalSearch(db, 'AC-DE-48-00-11-22', 5).transactions.total).toBe(2);
    const files = globalSearch(db, '账户信息', 20);
    expect(files.sources.items.map((s) => s.fileName)).toEqual(['广发银行股份有限公司子账户信息.csv', '广发银行股份有限公司账户信息.csv']);
    const { sha256 } = db.prepare("SELECT sha256 FROM source WHERE file_name = 'chat.txt'").get() as { sha256: string };
    const prefix = sha256.slice(0, 16).toUpperCase();
    expect(prefix).toMatch(/[A-F]/);
    const byHash = globalSearch(db, prefix, 5);
    expect(byHash.sources.items.map((s) => [s.fileName, s.matched])).toEqual([['chat.txt', ['sha256']]]);
  });

  it('caps each group at the limit while counting everything, and says when nothing searchable was typed', () => {
    const { db } = reviewed();
    const capped = globalSearch(db, CARD, 2);
    expect(capped.transactions).toMatchObject({ total: 5 });
    expect(capped.transactions.items).toHaveLength(2);
    const nothing = globalSearch(db, '  -  ', 5);
    expect(nothing.readAs).toEqual([]);
    expect(Object.values(totals(nothing))).toEqual([0, 0, 0, 0, 0, 0]);
    // query syntax is searched for literally, never interpreted
    expect(totals(globalSearch(db, '"退保" OR *', 5)).messages).toBe(0);
    expect(totals(globalSearch(db, '%', 5))).toEqual({ transactions: 0, messages: 0, identifiers: 0, accounts: 0, persons: 0, sources: 0 });
  });
});
