import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { caseStats } from '../../../electron/core/cases/case-stats';
import { runImport } from '../../../electron/core/ingest/run-import';
import { unfoldPhoneRecord } from '../../../electron/core/ingest/fold-phone-records';
import { globalSearch } from '../../../electron/core/search/global-search';
import { useTempDirs } from '../../support/temp-dir';

/**
 * A WeChat (Tenpay) return files the login trail under the phone the request named (微信/…/IPHONE/<手机号>/) and the
 * wallet under the wxid (财付通/…/IDCARD/<身份证号>/<wxid>/). The case shows one account: the wallet, with the logins.
 * The phone record is marked as part of the wallet, never deleted, and the mark can be undone.
 */

const PHONE = '13800138000';
const ID_NO = '372922197910112912';
const LOGINS = ['登录日志：', '\t时间\tIP', '\t2026-01-27 11:53:50 +0800 CST\t240e:46d:bf00:eb1:a427:d4ff:fefc:66e9', '\t2026-01-26 08:00:01 +0800 CST\t115.239.210.27'];
const REG_HEADER = '账户状态\t账号\t注册姓名\t注册时间\t注册身份证号\t绑定手机\t绑定状态\t开户行信息\t银行账号';

function write(root: string, relPath: string, lines: string[]): string {
  const path = join(root, relPath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, iconv.encode(`${lines.join('\r\n')}\r\n`, 'gb18030'));
  return path;
}

function loginTrail(root: string): string {
  return write(root, `微信/WX7c469f4c56/IPHONE/${PHONE}/WX登录轨迹.txt`, LOGINS);
}

function wallet(root: string, wxid: string, phone = PHONE): string {
  return write(root, `财付通/L-1/TP6855cf4fd/IDCARD/${ID_NO}/${wxid}/TenpayRegInfo.txt`, [
    REG_HEADER,
    `正常\t${wxid}\t马尚德\t2015-01-28 02:11:13\t${ID_NO}\t${phone}\t绑定确认(正常)\t交行借记卡快捷支付\t6222600110033606521`,
  ]);
}

function openCase(tempDir: () => string) {
  const dir = tempDir();
  const session = CaseSession.create(join(dir, 'case'), { caseName: '微信' }, { host: 'cli', operator: 't' });
  const run = (paths: string[]) => runImport(session.db, { caseDir: session.caseDir, paths, operator: 't', timeZone: 'Asia/Shanghai' });
  return { dir, session, run };
}

/** the accounts the case shows: records merged into another are part of it */
function accounts(session: CaseSession) {
  return session.db.prepare('SELECT id, kind, number, holder_name AS holder FROM account WHERE merged_into IS NULL ORDER BY id').all() as {
    id: number;
    kind: string;
    number: string;
    holder: string | null;
  }[];
}

/** every record, merged or not */
function records(session: CaseSession) {
  return session.db.prepare('SELECT id, number, merged_into AS mergedInto, merge_rule AS rule FROM account ORDER BY id').all() as {
    id: number;
    number: string;
    mergedInto: number | null;
    rule: string | null;
  }[];
}

function loginIpsOf(session: CaseSession, accountId: number): string[] {
  return session.db
    .prepare("SELECT i.value FROM identifier i JOIN account a ON a.id = i.account_id WHERE i.type = 'ip' AND i.role = 'login' AND coalesce(a.merged_into, a.id) = ? ORDER BY i.value")
    .pluck()
    .all(accountId) as string[];
}

function folds(session: CaseSession) {
  const steps = session.db.prepare("SELECT job_id AS job, rows_out AS count, detail FROM cleaning_step WHERE step = 'phone-record-fold' ORDER BY id").all() as {
    job: number;
    count: number;
    detail: string;
  }[];
  return steps.map((step) => ({ job: step.job, count: step.count, ...(JSON.parse(step.detail) as { folded: { phone: string; from: number; into: number }[]; undone: unknown[]; ambiguous: unknown[] }) }));
}

describe('a WeChat return is one account: the login trail filed under the queried phone joins its wallet', () => {
  const tempDir = useTempDirs();
  const ips = ['115.239.210.27', '240e:46d:bf00:eb1:a427:d4ff:fefc:66e9'];

  it('in one job: one account, holding the logins and the queried phone, and the fold is recorded with both ids', async () => {
    const { dir, session, run } = openCase(tempDir);
    loginTrail(join(dir, 'in'));
    wallet(join(dir, 'in'), 'wxid_abc');
    const report = await run([join(dir, 'in')]);
    // the report says so
    expect(report.quality).toMatchObject({ accountMerges: 1, accountMergesUndone: 0 });
    const [only, ...others] = accounts(session);
    expect(others).toEqual([]);
    expect(only).toMatchObject({ kind: 'tenpay', number: 'WXID_ABC', holder: '马尚德' });
    const walletId = only?.id ?? 0;
    expect(loginIpsOf(session, walletId)).toEqual(ips);
    expect(caseStats(session).accounts).toBe(1);
    // the phone is still found, as the wallet's bound and queried phone
    const found = globalSearch(session.db, PHONE, 10).identifiers.items.map((hit) => ({ role: hit.role, account: hit.account }));
    expect(found).toEqual(expect.arrayContaining([{ role: 'queried', account: 'WXID_ABC' }, { role: 'bound-phone', account: 'WXID_ABC' }]));
    expect(found.every((hit) => hit.account === 'WXID_ABC')).toBe(true);
    // nothing deleted: the phone record is there, marked as part of the wallet by its rule
    const phoneRecord = records(session).find((record) => record.number === PHONE);
    expect(phoneRecord).toMatchObject({ mergedInto: walletId, rule: 'wallet-phone-record' });
    const [step, ...more] = folds(session);
    expect(more).toEqual([]);
    expect(step).toMatchObject({ job: 1, count: 1, ambiguous: [] });
    expect(step?.folded).toEqual([{ phone: PHONE, kind: 'tenpay', into: walletId, from: phoneRecord?.id }]);
    // and reversible: undone, the case shows both records again, the logins on the phone record as imported
    expect(unfoldPhoneRecord(session.db, phoneRecord?.id ?? 0)).toBe(true);
    expect(accounts(session).map((account) => account.number).sort()).toEqual([PHONE, 'WXID_ABC'].sort());
    expect(caseStats(session).accounts).toBe(2);
    expect(loginIpsOf(session, phoneRecord?.id ?? 0)).toEqual(ips);
    expect(loginIpsOf(session, walletId)).toEqual([]);
    // kept apart: a later job does not fold it again
    wallet(join(dir, 'later'), 'wxid_other', '13900139000');
    await run([join(dir, 'later')]);
    expect(records(session).find((record) => record.id === phoneRecord?.id)).toMatchObject({ mergedInto: null, rule: 'kept-apart' });
    session.close();
  });

  it('undoes a merge when a later job brings a second wallet listing the phone, and says so', async () => {
    const { dir, session, run } = openCase(tempDir);
    loginTrail(join(dir, 'first'));
    wallet(join(dir, 'first'), 'wxid_abc');
    await run([join(dir, 'first')]);
    expect(accounts(session)).toHaveLength(1);
    wallet(join(dir, 'second'), 'wxid_def');
    const secondJob = await run([join(dir, 'second')]);
    expect(secondJob.quality).toMatchObject({ accountMerges: 0, accountMergesUndone: 1 });
    const phoneRecord = records(session).find((record) => record.number === PHONE);
    expect(phoneRecord).toMatchObject({ mergedInto: null, rule: null });
    expect(accounts(session).map((account) => account.number).sort()).toEqual([PHONE, 'WXID_ABC', 'WXID_DEF'].sort());
    const [, second] = folds(session);
    expect(second).toMatchObject({ job: 2, count: 0, folded: [] });
    expect(second?.undone).toEqual([expect.objectContaining({ phone: PHONE, account: phoneRecord?.id })]);
    expect(second?.ambiguous).toHaveLength(1);
    session.close();
  });

  for (const first of ['login trail', 'wallet'] as const) {
    it(`in two jobs, the ${first} first: folded by the second job`, async () => {
      const { dir, session, run } = openCase(tempDir);
      // each part as a folder of its own: the folder tree names the queried phone
      const trail = join(dir, 'trail');
      const reg = join(dir, 'wallet');
      loginTrail(trail);
      wallet(reg, 'wxid_abc');
      await run([first === 'wallet' ? reg : trail]);
      expect(accounts(session)).toHaveLength(1);
      await run([first === 'wallet' ? trail : reg]);
      const all = accounts(session);
      expect(all.map((account) => account.number)).toEqual(['WXID_ABC']);
      expect(loginIpsOf(session, all[0]?.id ?? 0)).toEqual(ips);
      const recorded = folds(session);
      expect(recorded.map((step) => step.job)).toEqual([2]);
      expect(recorded[0]?.folded).toEqual([expect.objectContaining({ phone: PHONE, into: all[0]?.id })]);
      session.close();
    });
  }

  it('keeps a tag set on the phone record on it, and the record resolves to the wallet', async () => {
    const { dir, session, run } = openCase(tempDir);
    loginTrail(join(dir, 'trail'));
    wallet(join(dir, 'wallet'), 'wxid_abc');
    await run([join(dir, 'trail')]);
    const [phoneRecord] = accounts(session);
    session.db.prepare("INSERT INTO tag (id, name, kind, color, created_at, created_by) VALUES (1, '待查', 'free', '#888', 't', 't')").run();
    session.db.prepare("INSERT INTO tag_link (tag_id, item_type, item_id, created_at, created_by) VALUES (1, 'account', ?, 't', 't')").run(phoneRecord?.id);
    await run([join(dir, 'wallet')]);
    const [walletAccount, ...others] = accounts(session);
    expect(others).toEqual([]);
    expect(session.db.prepare("SELECT tag_id AS tag, item_id AS item FROM tag_link WHERE item_type = 'account'").all()).toEqual([{ tag: 1, item: phoneRecord?.id }]);
    expect(records(session).find((record) => record.id === phoneRecord?.id)?.mergedInto).toBe(walletAccount?.id);
    session.close();
  });

  it('leaves both records when two wallets list the phone, and says so', async () => {
    const { dir, session, run } = openCase(tempDir);
    loginTrail(join(dir, 'in'));
    wallet(join(dir, 'in'), 'wxid_abc');
    wallet(join(dir, 'in'), 'wxid_def');
    await run([join(dir, 'in')]);
    const all = accounts(session);
    expect(all.map((account) => account.number).sort()).toEqual([PHONE, 'WXID_ABC', 'WXID_DEF']);
    const phoneRecord = all.find((account) => account.number === PHONE);
    expect(loginIpsOf(session, phoneRecord?.id ?? 0)).toEqual(ips);
    expect(folds(session)).toEqual([
      {
        job: 1,
        count: 0,
        folded: [],
        undone: [],
        ambiguous: [{ phone: PHONE, kind: 'tenpay', account: phoneRecord?.id, wallets: all.filter((a) => a.holder !== null).map((a) => a.id) }],
        note: expect.any(String) as string,
      },
    ]);
    session.close();
  });

  it('leaves the phone record when no wallet lists the phone', async () => {
    const { dir, session, run } = openCase(tempDir);
    loginTrail(join(dir, 'in'));
    wallet(join(dir, 'in'), 'wxid_abc', '13900139000');
    await run([join(dir, 'in')]);
    expect(accounts(session).map((account) => account.number)).toEqual([PHONE, 'WXID_ABC']);
    expect(folds(session)).toEqual([]);
    session.close();
  });
});
