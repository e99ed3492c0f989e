import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseStats } from '../../../electron/core/cases/case-stats';
import type { GroundTruth } from '../../../electron/core/demo/truth-types';
import { useDemoCase } from '../transactions/demo-case';

/**
 * The generated case seen as an investigator would count it: one account per Tenpay wallet (its login trail, filed
 * under the queried phone, folded in), and Alipay trades whose counted row is the 账户明细 one, not the 余额明细 view.
 */
describe('demo case: wallets and Alipay trades once each', () => {
  const demo = useDemoCase(11, 3000);
  const truth = (): GroundTruth => JSON.parse(readFileSync(join(demo().dir, 'data', 'ground-truth.json'), 'utf8')) as GroundTruth;

  it('has one account per Tenpay wallet, holding the wallet’s login IPs and queried phone', () => {
    const { session } = demo();
    const wallets = truth().accounts.filter((account) => account.channel === 'tenpay');
    expect(wallets.length).toBeGreaterThan(0);
    const tenpay = session.db.prepare("SELECT id, number FROM account WHERE kind = 'tenpay' AND merged_into IS NULL ORDER BY number").all() as { id: number; number: string }[];
    expect(tenpay.map((account) => account.number)).toEqual(wallets.map((wallet) => wallet.number.toUpperCase()).sort());
    // identifiers of the wallet and of the records merged into it (the login trail filed under the queried phone)
    const of = "FROM identifier i JOIN account a ON a.id = i.account_id WHERE coalesce(a.merged_into, a.id) = ?";
    const ipsOf = session.db.prepare(`SELECT COUNT(*) ${of} AND i.type = 'ip' AND i.role = 'login'`).pluck();
    const phonesOf = session.db.prepare(`SELECT DISTINCT i.value ${of} AND i.type = 'phone' AND i.role = 'queried'`).pluck();
    for (const wallet of wallets) {
      const account = tenpay.find((row) => row.number === wallet.number.toUpperCase());
      expect(ipsOf.get(account?.id), wallet.number).toBeGreaterThan(0);
      expect(phonesOf.all(account?.id), wallet.number).toEqual([wallet.contactPhone]);
    }
    // no login is left on a record without a holder that is not part of a wallet
    expect(
      session.db
        .prepare("SELECT COUNT(*) FROM identifier i JOIN account a ON a.id = i.account_id WHERE i.role = 'login' AND a.kind = 'tenpay' AND a.holder_name IS NULL AND a.merged_into IS NULL")
        .pluck()
        .get(),
    ).toBe(0);
    const alipay = truth().accounts.filter((account) => account.channel === 'alipay').length;
    const byKind = Object.fromEntries(session.db.prepare('SELECT kind, COUNT(*) FROM account WHERE merged_into IS NULL GROUP BY kind').raw().all() as [string, number][]);
    expect(byKind).toMatchObject({ tenpay: wallets.length, alipay });
    expect(caseStats(session).accounts).toBe(Object.values(byKind).reduce((a, b) => a + b, 0));
    const folded = session.db.prepare("SELECT rows_out FROM cleaning_step WHERE step = 'phone-record-fold'").pluck().all();
    expect(folded).toEqual([wallets.length]);
  });

  it('counts each Alipay trade on its 账户明细 row, the 余额明细 row marked as its duplicate', () => {
    const { session } = demo();
    const marked = session.db
      .prepare(
        `SELECT ds.format_id AS duplicate, os.format_id AS original, COUNT(*) AS n
         FROM txn d JOIN source ds ON ds.id = d.source_id JOIN txn o ON o.id = d.dup_of JOIN source os ON os.id = o.source_id
         WHERE ds.format_id LIKE 'alipay.%' GROUP BY 1, 2`,
      )
      .all() as { duplicate: string; original: string; n: number }[];
    const ledgerRows = session.db.prepare("SELECT COUNT(*) FROM txn t JOIN source s ON s.id = t.source_id WHERE s.format_id = 'alipay.balance'").pluck().get() as number;
    expect(ledgerRows).toBeGreaterThan(0);
    expect(marked.map(({ duplicate, original, n }) => ({ duplicate, original, n }))).toEqual([{ duplicate: 'alipay.balance', original: 'alipay.trades', n: ledgerRows }]);
    expect(caseStats(session).duplicates).toBe(truth().totals.duplicates);
  });
});
