import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { caseStats } from '../../../electron/core/cases/case-stats';
import { runImport } from '../../../electron/core/ingest/run-import';
import { useTempDirs } from '../../support/temp-dir';

/**
 * Alipay police returns list a trade twice: 账户明细 (with the counterparty's name, goods name, channel …) and 余额明细
 * (the balance-ledger view, same 交易号). Whichever file is imported first, in one job or two, the 账户明细 row is the
 * original the grid, the flow graph and the detectors count, and the ledger row is its duplicate.
 */

const SUBJECT = '2088412846264555(马尚德)';
const ID_NO = '372922197910112912';
const LEDGER = [
  '交易订单号/外部流水号,账户,对方帐户,交易发生日期,银行处理日期,收入金额(+)（元）,支出金额(-)（元）,余额（元）,业务类型,交易发生地,银行名称,备注,对应的协查数据',
  `2024061922001000240000001019,${SUBJECT},2088002020170361,2024-06-19 10:00:00,,100.00,null,100.00,即时到账交易,,,,${ID_NO}`,
  `2024062022001000240000002049,${SUBJECT},2088510159128115,2024-06-20 11:00:00,,null,-6.43,93.57,在线支付,,,,${ID_NO}`,
];
const ACCOUNT_DETAILS = [
  '交易号,商户订单号,交易创建时间,付款时间,最近修改时间,交易来源地,类型,用户信息,交易对方信息,消费名称,金额（元）,收/支,交易状态,支付方式,充值流水号,备注,对应的协查数据',
  `2024061922001000240000001019,,2024-06-19 10:00:00,2024-06-19 10:00:00,,支付宝网站,即时到账交易,${SUBJECT},2088002020170361(王云),转账,100.00,收入,交易成功,余额,,,${ID_NO}`,
  `2024062022001000240000002049,T200P1,2024-06-20 11:00:00,2024-06-20 11:00:00,,其他,在线支付,${SUBJECT},2088510159128115(锦江康民大药房),生活缴费,6.43,支出,交易成功,余额,,,${ID_NO}`,
  // closed, so not in the ledger: a row without a twin
  `2024062122001000240000003001,,2024-06-21 09:00:00,,,淘宝,担保交易,${SUBJECT},2088555566667777(某某专营店),商品,88.00,支出,交易关闭,花呗,,,${ID_NO}`,
];

type Order = 'ledger-first' | 'details-first';

function writeReturn(dir: string): { ledger: string; details: string } {
  const ledger = join(dir, '4101050820250621191532_余额明细.csv');
  const details = join(dir, '4101050820250621191532_账户明细d2_20250621191532_part1.csv');
  writeFileSync(ledger, iconv.encode(`${LEDGER.join('\r\n')}\r\n`, 'gb18030'));
  writeFileSync(details, iconv.encode(`${ACCOUNT_DETAILS.join('\r\n')}\r\n`, 'gb18030'));
  return { ledger, details };
}

/** The two files in the order given, as one job or as one job each. */
async function importReturn(tempDir: () => string, order: Order, jobs: 1 | 2) {
  const dir = tempDir();
  const session = CaseSession.create(join(dir, 'case'), { caseName: '支付宝' }, { host: 'cli', operator: 't' });
  const { ledger, details } = writeReturn(dir);
  const paths = order === 'ledger-first' ? [ledger, details] : [details, ledger];
  const run = (files: string[]) => runImport(session.db, { caseDir: session.caseDir, paths: files, operator: 't', timeZone: 'Asia/Shanghai' });
  if (jobs === 1) await run(paths);
  else for (const path of paths) await run([path]);
  return session;
}

function whatTheCaseShows(session: CaseSession) {
  const originals = session.db
    .prepare(
      `SELECT t.txn_no AS txnNo, s.format_id AS format, t.cp_name AS counterparty, t.summary,
              (SELECT COUNT(*) FROM txn d JOIN source ds ON ds.id = d.source_id WHERE d.dup_of = t.id AND ds.format_id = 'alipay.balance') AS ledgerDuplicates
       FROM txn t JOIN source s ON s.id = t.source_id WHERE t.dup_of IS NULL ORDER BY t.txn_no`,
    )
    .all();
  const stats = caseStats(session);
  return {
    originals,
    stats: { transactions: stats.transactions, duplicates: stats.duplicates, failed: stats.failed, accounts: stats.accounts, sumInMinor: stats.sumInMinor, sumOutMinor: stats.sumOutMinor },
  };
}

function outrankedByJob(session: CaseSession): number[] {
  return (session.db.prepare("SELECT detail FROM cleaning_step WHERE step = 'duplicates' ORDER BY job_id").pluck().all() as string[]).map(
    (detail) => (JSON.parse(detail) as { outranked: number }).outranked,
  );
}

describe('the richer row of an Alipay trade listed twice is the original', () => {
  const tempDir = useTempDirs();
  const expected = {
    originals: [
      { txnNo: '2024061922001000240000001019', format: 'alipay.trades', counterparty: '王云', summary: '转账', ledgerDuplicates: 1 },
      { txnNo: '2024062022001000240000002049', format: 'alipay.trades', counterparty: '锦江康民大药房', summary: '生活缴费', ledgerDuplicates: 1 },
      { txnNo: '2024062122001000240000003001', format: 'alipay.trades', counterparty: '某某专营店', summary: '商品', ledgerDuplicates: 0 },
    ],
    stats: { transactions: 5, duplicates: 2, failed: 1, accounts: 1, sumInMinor: { CNY: 10000 }, sumOutMinor: { CNY: 643 } },
  };

  for (const jobs of [1, 2] as const) {
    for (const order of ['ledger-first', 'details-first'] as const) {
      it(`${order}, ${jobs === 1 ? 'in one job' : 'in two jobs'}`, async () => {
        const session = await importReturn(tempDir, order, jobs);
        expect(whatTheCaseShows(session)).toEqual(expected);
        // the cleaning record says when the earliest row was not kept as the original
        const outranked = outrankedByJob(session);
        expect(outranked.reduce((a, b) => a + b, 0)).toBe(order === 'ledger-first' ? 2 : 0);
        session.close();
      });
    }
  }

  it('a later job that brings the 账户明细 rows points the ledger rows at them and records it', async () => {
    const session = await importReturn(tempDir, 'ledger-first', 2);
    const steps = session.db.prepare("SELECT job_id AS job, tool, rows_out AS marked, detail FROM cleaning_step WHERE step = 'duplicates' ORDER BY job_id").all() as {
      job: number;
      tool: string;
      marked: number;
      detail: string;
    }[];
    const recorded = steps.map((step) => {
      const detail = JSON.parse(step.detail) as { byTxnNo: number; outranked: number; repointed: number };
      return { job: step.job, marked: step.marked, byTxnNo: detail.byTxnNo, outranked: detail.outranked, repointed: detail.repointed };
    });
    expect(recorded).toEqual([
      { job: 1, marked: 0, byTxnNo: 0, outranked: 0, repointed: 0 },
      { job: 2, marked: 2, byTxnNo: 2, outranked: 2, repointed: 0 },
    ]);
    expect(steps[1]?.tool).toBe('chainsight-quality@3');
    // job 2's record names each ledger row that stopped being the original, and the row that replaced it
    const replaced = session.db
      .prepare(
        `SELECT l.id, NULL AS before, l.dup_of AS after FROM txn l JOIN source s ON s.id = l.source_id
         WHERE s.format_id = 'alipay.balance' ORDER BY l.id`,
      )
      .all();
    expect(replaced).toHaveLength(2);
    expect((JSON.parse(steps[1]?.detail ?? '{}') as { changed: unknown }).changed).toEqual(replaced);
    session.close();
  });

  it('a case marked under the earliest-row rule: the next job of the account re-ranks it, names each changed row and counts no new duplicate', async () => {
    const dir = tempDir();
    const session = await importReturn(() => dir, 'details-first', 1);
    // the marks an earlier version (earliest row first) left: the ledger rows original, the 账户明细 rows their duplicates
    const pairs = session.db
      .prepare(
        `SELECT d.id AS details, l.id AS ledger FROM txn d JOIN txn l ON l.dup_of = d.id JOIN source s ON s.id = l.source_id
         WHERE s.format_id = 'alipay.balance' ORDER BY d.id`,
      )
      .all() as { details: number; ledger: number }[];
    expect(pairs).toHaveLength(2);
    for (const { details, ledger } of pairs) {
      session.db.prepare('UPDATE txn SET dup_of = NULL, dup_rule = NULL WHERE id = ?').run(ledger);
      session.db.prepare("UPDATE txn SET dup_of = ?, dup_rule = 'txn-no' WHERE id = ?").run(ledger, details);
    }
    // a later 账户明细 file of the same account with one more trade
    const later = join(dir, '4101050820250621191532_账户明细d2_20250621191532_part2.csv');
    const row = `2024062222001000240000004001,,2024-06-22 09:00:00,2024-06-22 09:00:00,,其他,即时到账交易,${SUBJECT},2088002020170361(王云),转账,20.00,收入,交易成功,余额,,,${ID_NO}`;
    writeFileSync(later, iconv.encode(`${ACCOUNT_DETAILS[0] ?? ''}\r\n${row}\r\n`, 'gb18030'));
    const report = await runImport(session.db, { caseDir: session.caseDir, paths: [later], operator: 't', timeZone: 'Asia/Shanghai' });
    // the report counts rows that became duplicates: two ledger rows did, two 账户明细 rows stopped being ones
    expect(report.quality.duplicates).toBe(0);
    expect(caseStats(session).duplicates).toBe(2);
    const detail = JSON.parse(session.db.prepare("SELECT detail FROM cleaning_step WHERE step = 'duplicates' AND job_id = ?").pluck().get(report.jobId) as string) as {
      promoted: number;
      changed: { id: number; before: number | null; after: number | null }[];
    };
    expect(detail.promoted).toBe(2);
    expect(detail.changed).toEqual(
      pairs.flatMap(({ details, ledger }) => [
        { id: details, before: ledger, after: null },
        { id: ledger, before: null, after: details },
      ]).sort((a, b) => a.id - b.id),
    );
    session.close();
  });
});
