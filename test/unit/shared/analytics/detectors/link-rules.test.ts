import { describe, expect, it } from 'vitest';
import { IdentifierFilter } from '../../../../../shared/analytics/detectors/ip-exclusion';
import { sharedCounterparty } from '../../../../../shared/analytics/detectors/shared-counterparty';
import { sharedDevice } from '../../../../../shared/analytics/detectors/shared-device';
import { TinyCase, accountsIn, at, txnsIn } from './tiny-case';

describe('共同交易对手 shared counterparty', () => {
  it('flags the account three unrelated subjects pay, with each subject and row', () => {
    const c = new TinyCase();
    const agent = c.account(9, '姚俊', { subject: false });
    const clients = [1, 2, 3].map((id) => c.account(id, `客户${id}`));
    const fees = clients.map((client, k) => c.transfer(client, agent, 3_000 + k, at(k, 10), { summary: '服务费' }).out);
    const hits = c.run(sharedCounterparty);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.detail).toMatchObject({ direction: 'receives', subjects: 3, rows: 3 });
    expect(accountsIn(hits[0], 'counterparty')).toEqual([agent]);
    expect(accountsIn(hits[0], 'source')).toEqual(clients);
    expect(txnsIn(hits[0], 'evidence')).toEqual(fees);
  });

  it('leaves out what every subject shares: an employer paying wages, a lender, a payment platform, a group red packet', () => {
    const c = new TinyCase();
    const subjects = [1, 2, 3].map((id) => c.account(id, `员工${id}`));
    const employer = c.account(8, '某某科技有限公司', { subject: false });
    subjects.forEach((s, k) => c.transfer(employer, s, 8_000, at(k, 10), { summary: '代发工资' }));
    subjects.forEach((s, k) => c.row(s, 'out', 500, at(k, 12), { number: '243300133', name: '财付通支付科技有限公司' }, { summary: '财付通-微信支付' }));
    subjects.forEach((s, k) => c.row(s, 'out', 2_000, at(k, 13), { number: '351022154015416097722', name: '恒信消费金融有限公司' }, { summary: '转账' }));
    subjects.forEach((s, k) => c.row(s, 'out', 20, at(k, 20), { name: '相亲相爱一家人' }, { summary: '微信红包' }));
    // one subject and one person in common is no gang
    const friend = c.account(7, '朋友', { subject: false });
    c.transfer(subjects[0] ?? 1, friend, 100, at(5, 10));
    expect(c.run(sharedCounterparty)).toEqual([]);
    // the same holder's two cards are one subject
    const twoCards = new TinyCase();
    const a = twoCards.account(1, '张三', { holderId: 'ID-Z' });
    const b = twoCards.account(2, '张三', { holderId: 'ID-Z' });
    const x = twoCards.account(3, '收款人', { subject: false });
    twoCards.transfer(a, x, 100, at(0, 10));
    twoCards.transfer(b, x, 100, at(1, 10));
    expect(twoCards.run(sharedCounterparty)).toEqual([]);
    expect(twoCards.run(sharedCounterparty, { minSubjects: 2 })).toEqual([]);
  });
});

describe('同IP/MAC/设备 shared device', () => {
  it('links the accounts of different holders run from one computer (IP, MAC, contact phone), one group', () => {
    const c = new TinyCase();
    const organiser = c.account(1, '李伟');
    const spouse = c.account(2, '何静悦');
    const shop = c.account(3, '金水顺通加油站');
    c.device(organiser, 'ip', '121.238.101.75');
    c.device(spouse, 'ip', '121.238.101.75');
    c.device(shop, 'mac', '92-27-B6-37-DF-2A');
    c.device(spouse, 'mac', '9227b637df2a');
    c.device(shop, 'phone', '15601734775');
    const hits = c.run(sharedDevice);
    expect(hits).toHaveLength(1);
    expect(accountsIn(hits[0], 'subject')).toEqual([organiser, spouse, shop]);
    expect((hits[0]?.detail.identifiers as { value: string }[]).map((i) => i.value).sort()).toEqual(['121.238.101.75', '9227b637df2a']);
    expect(hits[0]?.title).toBe('疑似同一设备操作：3 名持有人的 3 个账户共用 IP 121.238.101.75、MAC 9227b637df2a（李伟、何静悦、金水顺通加油站）');
    expect(hits[0]?.titleEn).toBe('Suspected same device: 3 accounts of 3 holders share IP 121.238.101.75, MAC 9227b637df2a (李伟, 何静悦, 金水顺通加油站)');
  });

  it('never links through carrier NAT, private or loopback addresses, placeholder MACs, a listed gateway, or one person’s own accounts', () => {
    const c = new TinyCase();
    const a = c.account(1, '甲');
    const b = c.account(2, '乙');
    const own = c.account(3, '甲', { holderId: 'ID甲' });
    for (const account of [a, b]) {
      c.device(account, 'ip', '100.102.211.159');
      c.device(account, 'ip', '10.1.2.3');
      c.device(account, 'ip', '127.0.0.1');
      c.device(account, 'mac', '00:00:00:00:00:00');
      c.device(account, 'mac', '02:00:00:00:00:00');
      c.device(account, 'ip', '203.119.1.1');
    }
    c.device(a, 'ip', '58.1.2.3');
    c.device(own, 'ip', '58.1.2.3');
    expect(c.run(sharedDevice, {}, { ipExclusions: ['100.64.0.0/10', '203.119.1.1'] })).toEqual([]);
    // without the gateway on the list, the shared public address links 甲 and 乙
    expect(c.run(sharedDevice, {}, { ipExclusions: ['100.64.0.0/10'] }).map((h) => accountsIn(h, 'subject'))).toEqual([[a, b]]);
  });

  it('the exclusion filter reads CIDR ranges of both families and single values', () => {
    const filter = new IdentifierFilter(['# comment', '100.64.0.0/10', '2408:8000::/20', '1.2.3.4', 'AA-BB-CC-DD-EE-FF']);
    expect(filter.usable('ip', '100.127.255.255')).toBeNull();
    expect(filter.usable('ip', '100.128.0.1')).toBe('100.128.0.1');
    expect(filter.usable('ip', '2408:8fff::1')).toBeNull();
    expect(filter.usable('ip', '2409:8000::1')).toBe('2409:8000::1');
    expect(filter.usable('ip', '1.2.3.4')).toBeNull();
    expect(filter.usable('mac', 'aa:bb:cc:dd:ee:ff')).toBeNull();
    expect(filter.usable('mac', 'AA:BB:CC:DD:EE:01')).toBe('aabbccddee01');
    expect(filter.usable('phone', '+86 156-0173-4775')).toBe('15601734775');
    expect(filter.usable('device', '00000000')).toBeNull();
  });
});
