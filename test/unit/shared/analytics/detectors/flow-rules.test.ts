import { describe, expect, it } from 'vitest';
import { cycles } from '../../../../../shared/analytics/detectors/cycles';
import { fanIn, fanOut } from '../../../../../shared/analytics/detectors/fan-in-out';
import { fastInFastOut } from '../../../../../shared/analytics/detectors/fast-in-fast-out';
import { passThrough } from '../../../../../shared/analytics/detectors/pass-through';
import { TinyCase, accountsIn, at, txnsIn } from './tiny-case';

describe('快进快出 fast-in-fast-out', () => {
  it('flags ¥60,000 in and ¥58,000 out to someone else within 20 minutes, naming both rows', () => {
    const c = new TinyCase();
    const a = c.account(1, '王五');
    const x = c.account(2, '赵六', { subject: false });
    const y = c.account(3, '孙七', { subject: false });
    const inRow = c.transfer(x, a, 60_000, at(0, 10)).in;
    const outRow = c.transfer(a, y, 58_000, at(0, 10, 20)).out;
    const hits = c.run(fastInFastOut);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.subject).toBe(a);
    expect(txnsIn(hits[0], 'in')).toEqual([inRow]);
    expect(txnsIn(hits[0], 'out')).toEqual([outRow]);
    expect(hits[0]?.title).toMatch(/^疑似快进快出：王五/);
    expect(hits[0]?.title).toBe('疑似快进快出：王五 6222…0001 1 次资金转入后 30 分钟内转出（转入 ¥6万，转出 ¥5.8万）');
    expect(hits[0]?.titleEn).toBe('Suspected fast in, fast out: 王五 6222…0001 passed on 1 inflow within 30 minutes (in ¥60,000.00, out ¥58,000.00)');
  });

  it('leaves out a salary moved on to the holder’s own card, money sent straight back, and an outflow after the window', () => {
    const c = new TinyCase();
    const own = c.account(1, '李四', { holderId: 'ID-LISI' });
    const ownOther = c.account(2, '李四', { holderId: 'ID-LISI' });
    const employer = c.account(3, '某某科技有限公司', { subject: false });
    c.transfer(employer, own, 60_000, at(0, 10), { summary: '代发工资' });
    c.transfer(own, ownOther, 58_000, at(0, 10, 20));
    const b = c.account(4, '钱八');
    const x = c.account(5, '周九', { subject: false });
    const y = c.account(6, '吴十', { subject: false });
    c.transfer(x, b, 60_000, at(1, 10));
    c.transfer(b, x, 59_000, at(1, 10, 10));
    c.transfer(x, b, 60_000, at(2, 10));
    c.transfer(b, y, 59_000, at(2, 10, 45));
    expect(c.run(fastInFastOut)).toEqual([]);
    // the window is a parameter: an hour catches the 45-minute pass-on
    const wider = c.run(fastInFastOut, { windowMinutes: 60 });
    expect(wider.map((h) => h.subject)).toEqual([b]);
  });
});

describe('过渡账户 pass-through', () => {
  it('flags a mule account that forwards each inflow within hours and is empty in between', () => {
    const c = new TinyCase();
    const mule = c.account(1, '蒋飞');
    const boss = c.account(2, '郑波', { subject: false });
    const agent = c.account(3, '姚俊', { subject: false });
    for (let week = 0; week < 4; week++) {
      c.transfer(agent, mule, 20_000, at(week * 7, 10), { balance: undefined });
      c.transfer(mule, boss, 19_800, at(week * 7, 15));
      c.row(mule, 'out', 200, at(week * 7, 16), {}, { cash: true, summary: 'ATM取款' });
    }
    // the rest of the case spans two months, so the mule's average balance is tiny next to its flow
    const other = c.account(4, '路人');
    c.row(other, 'in', 10, at(0, 9), { number: '6217000000000001', name: '某人' });
    c.row(other, 'in', 10, at(60, 9), { number: '6217000000000001', name: '某人' });
    const hits = c.run(passThrough);
    expect(hits.map((h) => h.subject)).toEqual([mule]);
    expect(hits[0]?.detail).toMatchObject({ inMinor: 8_000_000, outMinor: 8_000_000, imbalance: 0 });
  });

  it('does not flag a wholesaler sweeping its takings weekly (money stays days) nor an account that keeps half', () => {
    const c = new TinyCase();
    const shop = c.account(1, '鼎盛商贸有限公司');
    const supplier = c.account(2, '供应商有限公司', { subject: false });
    for (let week = 0; week < 8; week++) {
      let takings = 0;
      for (let day = 0; day < 6; day++) {
        c.row(shop, 'in', 5_000, at(week * 7 + day, 11), { number: `62170000000${week}${day}`, name: `顾客${week}${day}` });
        takings += 5_000;
      }
      c.transfer(shop, supplier, takings, at(week * 7 + 6, 16));
    }
    const saver = c.account(3, '储蓄者');
    const x = c.account(4, '付款人', { subject: false });
    c.transfer(x, saver, 10_000, at(1, 10));
    c.transfer(saver, supplier, 5_000, at(1, 12));
    expect(c.run(passThrough)).toEqual([]);
    // the dwell decides: allow money to stay a week (and a lower turnover) and the wholesaler's sweeps have the shape
    expect(c.run(passThrough, { minTurnover: 20 })).toEqual([]);
    expect(c.run(passThrough, { maxDwellHours: 24 * 7, minTurnover: 20 }).map((h) => h.subject)).toEqual([shop]);
  });
});

describe('分散转入集中转出 fan-in and its mirror', () => {
  it('fan-in: six new sources in five days, ¥230,000 on to one account', () => {
    const c = new TinyCase();
    const hub = c.account(1, '收款人');
    const boss = c.account(2, '上线', { subject: false });
    const sources = [11, 12, 13, 14, 15, 16].map((id) => c.account(id, `来源${id}`, { subject: false }));
    sources.forEach((s, k) => c.transfer(s, hub, 40_000, at(k % 5, 10 + k)));
    c.transfer(hub, boss, 230_000, at(5, 9));
    c.row(hub, 'in', 100, at(200, 9), { number: '6217000000009999', name: '别人' });
    const hits = c.run(fanIn);
    expect(hits.map((h) => h.subject)).toEqual([hub]);
    expect(accountsIn(hits[0], 'source')).toEqual(sources);
    expect(accountsIn(hits[0], 'destination')).toEqual([boss]);
  });

  it('fan-in: the same shape every week of the year is the account’s trade, and regular customers are not “scattered” money', () => {
    const c = new TinyCase();
    const shop = c.account(1, '批发商');
    const supplier = c.account(2, '供应商', { subject: false });
    const regulars = [11, 12, 13, 14, 15, 16].map((id) => c.account(id, `老客户${id}`, { subject: false }));
    for (let week = 0; week < 40; week++) {
      regulars.forEach((s, k) => c.transfer(s, shop, 40_000, at(week * 7 + (k % 5), 10)));
      c.transfer(shop, supplier, 230_000, at(week * 7 + 5, 16));
    }
    expect(c.run(fanIn)).toEqual([]);
  });

  it('fan-out: one source, then seven new destinations in three days', () => {
    const c = new TinyCase();
    const hub = c.account(1, '分发人');
    const source = c.account(2, '上家', { subject: false });
    c.transfer(source, hub, 300_000, at(0, 9));
    const targets = [21, 22, 23, 24, 25, 26, 27].map((id) => c.account(id, `去向${id}`, { subject: false }));
    targets.forEach((t, k) => c.transfer(hub, t, 40_000, at(k % 3, 14)));
    c.row(hub, 'in', 100, at(200, 9), { number: '6217000000009999', name: '别人' });
    expect(c.run(fanOut).map((h) => h.subject)).toEqual([hub]);
    expect(c.run(fanIn)).toEqual([]);
  });
});

describe('资金闭环 cycles', () => {
  it('finds money going round A → B → A, each round trip the same amount hours later, as one ring with every occurrence', () => {
    const c = new TinyCase();
    const agent = c.account(1, '孙悦丽');
    const borrower = c.account(2, '任波帆');
    const legs: (number | null)[] = [];
    for (let round = 0; round < 3; round++) {
      const out = c.transfer(agent, borrower, 80_000, at(round * 6, 10));
      const back = c.transfer(borrower, agent, 80_000, at(round * 6, 15));
      legs.push(out.out, out.in, back.out, back.in);
    }
    const hits = c.run(cycles);
    expect(hits).toHaveLength(1);
    expect(accountsIn(hits[0], 'subject').concat(accountsIn(hits[0], 'member')).sort()).toEqual([agent, borrower]);
    // the transfers are each counted once (the out-leg); the ring has every round trip
    expect((hits[0]?.detail.occurrences as unknown[]).length).toBeGreaterThanOrEqual(3);
    expect(txnsIn(hits[0], 'evidence').every((id) => legs.includes(id))).toBe(true);
  });

  it('finds a three-account ring through a merchant named only on the card statement (spend → money back → card repaid)', () => {
    const c = new TinyCase();
    const card = c.account(1, '林颖', { holderId: 'ID-LIN' });
    const debit = c.account(2, '林颖', { holderId: 'ID-LIN' });
    const shop = c.account(3, '金水顺通加油站');
    c.row(card, 'out', 10_000, at(0, 19), { name: '金水顺通加油站' }, { merchant: '金水顺通加油站', summary: '消费' });
    c.transfer(shop, debit, 9_824, at(0, 21));
    c.transfer(debit, card, 10_000, at(12, 19), { summary: '信用卡还款' });
    const hits = c.run(cycles);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.detail.ring).toHaveLength(3);
  });

  it('does not call ordinary two-way trade a cycle: one matching return among many payments, a return before the payment, own accounts', () => {
    const c = new TinyCase();
    const company = c.account(1, '某某物流有限公司');
    const partner = c.account(2, '合作方', { subject: false });
    for (let k = 0; k < 10; k++) c.transfer(company, partner, 10_000 + k * 3_100, at(k * 3, 10));
    c.transfer(partner, company, 10_000, at(1, 10));
    const a = c.account(3, '甲');
    const b = c.account(4, '乙', { subject: false });
    c.transfer(b, a, 50_000, at(0, 9));
    c.transfer(a, b, 50_000, at(0, 12));
    const me = c.account(5, '丙', { holderId: 'ID-BING' });
    const myWallet = c.account(6, '丙', { holderId: 'ID-BING', kind: 'tenpay' });
    c.transfer(me, myWallet, 20_000, at(2, 9));
    c.transfer(myWallet, me, 20_000, at(2, 18));
    const hits = c.run(cycles);
    // 乙 → 甲 → 乙 (the same amount back within hours, their only dealings) is a ring; nothing else is
    expect(hits.map((h) => accountsIn(h, 'subject').concat(accountsIn(h, 'member')).sort())).toEqual([[a, b]]);
    // back within hours: the longest round trip in hours, not days
    expect(hits[0]?.title).toBe('疑似资金闭环：乙 6222…0004 → 甲 6222…0003 → 乙 6222…0004，1 次回流（合计 ¥5万，最长 3 小时）');
    expect(hits[0]?.titleEn).toBe('Suspected closed loop: 乙 6222…0004 → 甲 6222…0003 → 乙 6222…0004, 1 round trip (¥50,000.00 in all, the longest took 3 hours)');
    expect(c.run(cycles, { minCoverage: 0 }).length).toBe(2);
  });
});
