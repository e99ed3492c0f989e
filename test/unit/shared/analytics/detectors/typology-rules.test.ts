import { describe, expect, it } from 'vitest';
import { cardCashOut } from '../../../../../shared/analytics/detectors/typology-card';
import { antiCollection } from '../../../../../shared/analytics/detectors/typology-collection';
import { debtEvasion } from '../../../../../shared/analytics/detectors/typology-evasion';
import { insuranceSurrender } from '../../../../../shared/analytics/detectors/typology-insurance';
import { loanIntermediary } from '../../../../../shared/analytics/detectors/typology-loan';
import { TinyCase, accountsIn, at, txnsIn } from './tiny-case';

describe('代理退保 insurance surrender', () => {
  it('flags the agent three policyholders pay a share of their refund within days — by bank or by WeChat', () => {
    const c = new TinyCase();
    const insurer = c.account(90, '泰和鑫人寿保险股份有限公司', { subject: false });
    const agentBank = c.account(10, '姚俊', { holderId: 'ID-YAO' });
    const agentWallet = c.account(11, '姚俊', { holderId: 'ID-YAO', kind: 'tenpay' });
    const fees: (number | null)[] = [];
    [1, 2, 3].forEach((k) => {
      const bank = c.account(k, `投保人${k}`, { holderId: `ID-${k}` });
      const wallet = c.account(k + 20, `投保人${k}`, { holderId: `ID-${k}`, kind: 'tenpay' });
      c.transfer(insurer, bank, 100_000 * k, at(k * 10, 11), { summary: '退保金' });
      // the third pays from the WeChat wallet (a small fee goes by WeChat)
      fees.push(k < 3 ? c.transfer(bank, agentBank, 18_000 * k, at(k * 10 + 2, 20)).out : c.transfer(wallet, agentWallet, 18_000 * k, at(k * 10 + 1, 9)).out);
    });
    const hits = c.run(insuranceSurrender);
    expect(hits).toHaveLength(1);
    expect(accountsIn(hits[0], 'collector')).toEqual([agentBank, agentWallet]);
    expect(txnsIn(hits[0], 'fee')).toEqual(fees);
    expect(hits[0]?.detail).toMatchObject({ clients: 3 });
    // every client paid 18%: one share, not a range from 18% to 18%
    expect(hits[0]?.title).toContain('转入退保金的 18%（合计');
    // the same finding worded in both languages from the same figures; the agent's name and card stay as they are
    expect(hits[0]?.title).toBe('疑似代理退保：3 名投保人收到退保金后 3 天内向 姚俊 6222…0010 转入退保金的 18%（合计 ¥10.8万）');
    expect(hits[0]?.titleEn).toBe('Suspected surrender agent: 3 policyholders paid 姚俊 6222…0010 18% of their surrender refund within 3 days of receiving it (¥108,000.00 in all)');
  });

  it('does not flag an insurer’s refund followed by ordinary spending, nor one client alone', () => {
    const c = new TinyCase();
    const insurer = c.account(90, '安诚永泰人寿保险股份有限公司', { subject: false });
    [1, 2, 3].forEach((k) => {
      const bank = c.account(k, `投保人${k}`);
      const shop = c.account(40 + k, `商家${k}`, { subject: false });
      c.transfer(insurer, bank, 100_000, at(k, 11), { summary: '退保' });
      c.transfer(bank, shop, 20_000, at(k + 1, 11));
    });
    // two of them shop at the same store after the refund: a card purchase is no commission
    [1, 2].forEach((k) => c.row(k, 'out', 8_000, at(k + 2, 15), { name: '西湖星辰电器行' }, { merchant: '西湖星辰电器行', summary: 'POS消费' }));
    const agent = c.account(10, '代理人', { subject: false });
    c.transfer(1, agent, 10_000, at(3, 12));
    expect(c.run(insuranceSurrender)).toEqual([]);
    expect(c.run(insuranceSurrender, { minClients: 1 }).length).toBeGreaterThan(0);
  });
});

describe('反催收/停息挂账 anti-collection', () => {
  function debtor(c: TinyCase, k: number, lender: number, firm: number, options: { stops: boolean }) {
    const d = c.account(k, `债务人${k}`);
    for (let m = 0; m < 6; m++) c.transfer(d, lender, 3_000, at(m * 30 + k, 10), { summary: '贷款还款' });
    const fee = c.transfer(d, firm, 5_000, at(6 * 30 + k - 20, 15), { summary: '咨询费' }).out;
    if (!options.stops) for (let m = 6; m < 9; m++) c.transfer(d, lender, 3_000, at(m * 30 + k, 10), { summary: '贷款还款' });
    return fee;
  }

  it('flags the firm debtors pay right before their repayments to the lender stop', () => {
    const c = new TinyCase();
    const lender = c.account(90, '恒信消费金融有限公司', { subject: false });
    const firm = c.account(91, '南京安诺法务咨询有限公司', { subject: false });
    const fees = [1, 2, 3].map((k) => debtor(c, k, lender, firm, { stops: true }));
    c.row(1, 'in', 10, at(400, 10), { number: '6217000000000077', name: '某人' });
    const hits = c.run(antiCollection);
    expect(hits).toHaveLength(1);
    expect(accountsIn(hits[0], 'collector')).toEqual([firm]);
    expect(txnsIn(hits[0], 'fee')).toEqual(fees);
  });

  it('not when the debtors go on repaying, nor when the “lender” is a person', () => {
    const c = new TinyCase();
    const lender = c.account(90, '恒信消费金融有限公司', { subject: false });
    const firm = c.account(91, '法务咨询有限公司', { subject: false });
    [1, 2, 3].forEach((k) => debtor(c, k, lender, firm, { stops: false }));
    c.row(1, 'in', 10, at(400, 10), { number: '6217000000000077', name: '某人' });
    expect(c.run(antiCollection)).toEqual([]);
    // each debtor pays a different friend whose rows all print one group name (群红包): no shared collector
    const g = new TinyCase();
    const lender2 = g.account(90, '恒信消费金融有限公司', { subject: false });
    [1, 2, 3].forEach((k) => {
      const d = g.account(k, `债务人${k}`);
      for (let m = 0; m < 6; m++) g.transfer(d, lender2, 3_000, at(m * 30 + k, 10), { summary: '贷款还款' });
      g.row(d, 'out', 800, at(6 * 30 + k - 20, 15), { number: `wxid_friend${k}`, name: '相亲相爱一家人' });
    });
    g.row(1, 'in', 10, at(400, 10), { number: '6217000000000077', name: '某人' });
    expect(g.run(antiCollection)).toEqual([]);
    const p = new TinyCase();
    const friend = p.account(90, '王二', { subject: false });
    const x = p.account(91, '某收款人', { subject: false });
    [1, 2, 3].forEach((k) => debtor(p, k, friend, x, { stops: true }));
    p.row(1, 'in', 10, at(400, 10), { number: '6217000000000077', name: '某人' });
    expect(p.run(antiCollection)).toEqual([]);
  });
});

describe('贷款中介 loan intermediary', () => {
  it('flags the intermediary two borrowers pay ~27% of their loans within hours; the rest of an AB loan passed on', () => {
    const c = new TinyCase();
    const lender = c.account(90, '恒信消费金融有限公司', { subject: false });
    const broker = c.account(10, '孙悦丽');
    const realUser = c.account(20, '赵伟飞', { subject: false });
    const a = c.account(1, '肖璐');
    const b = c.account(2, '唐芳萍');
    c.transfer(lender, a, 1_000_000, at(5, 15), { summary: '个人消费贷款发放' });
    const feeA = c.transfer(a, broker, 270_000, at(5, 16)).out;
    const forward = c.transfer(a, realUser, 713_600, at(5, 18)).out;
    c.transfer(lender, b, 500_000, at(30, 10), { summary: '经营贷放款' });
    const feeB = c.transfer(b, broker, 135_000, at(30, 13)).out;
    const hits = c.run(loanIntermediary);
    expect(hits).toHaveLength(1);
    expect(accountsIn(hits[0], 'collector')).toEqual([broker]);
    expect(txnsIn(hits[0], 'fee')).toEqual([feeA, feeB]);
    expect(txnsIn(hits[0], 'forward')).toEqual([forward]);
    expect(hits[0]?.detail).toMatchObject({ borrowers: 2, abLoans: 1 });
    expect(hits[0]?.title).toBe('疑似贷款中介：2 名借款人放款后 3 小时内向 孙悦丽 6222…0010 支付贷款的 27%（合计 ¥40.5万），其中 1 笔贷款大部分转给他人（疑似AB贷）');
    expect(hits[0]?.titleEn).toBe(
      'Suspected loan intermediary: 2 borrowers paid 孙悦丽 6222…0010 27% of their loan within 3 hours of the disbursement (¥405,000.00 in all); in 1 loan most of the money went on to someone else (suspected AB loan)',
    );
  });

  it('not an ordinary loan spent slowly, nor a fee paid weeks later', () => {
    const c = new TinyCase();
    const lender = c.account(90, '农村商业银行股份有限公司', { subject: false });
    const dealer = c.account(10, '汽车销售有限公司', { subject: false });
    [1, 2].forEach((k) => {
      const borrower = c.account(k, `借款人${k}`);
      c.transfer(lender, borrower, 300_000, at(k, 10), { summary: '贷款发放' });
      c.transfer(borrower, dealer, 5_000, at(k, 15));
      c.transfer(borrower, dealer, 90_000, at(k + 20, 15));
    });
    expect(c.run(loanIntermediary)).toEqual([]);
  });
});

describe('恶意逃废债 debt evasion', () => {
  function evader(c: TinyCase, options: { moveDays: number }) {
    const lender = c.account(90, '汇通农村商业银行股份有限公司', { subject: false });
    const spouse = c.account(20, '李敏', { subject: false });
    const parent = c.account(21, '蒋伟', { subject: false });
    const e = c.account(1, '蒋磊伟');
    c.transfer(lender, e, 710_000, at(0, 11), { summary: '经营贷放款' });
    let balance = 710_000;
    for (let m = 1; m <= 6; m++) {
      balance -= 23_667;
      c.transfer(e, lender, 23_667, at(m * 30, 15), { summary: '贷款还款', balance });
    }
    const moves: (number | null)[] = [];
    for (let k = 0; k < 5; k++) {
      balance -= 95_000;
      moves.push(c.transfer(e, k % 2 === 0 ? spouse : parent, 95_000, at(6 * 30 + 40 + k * options.moveDays, 10), { balance }).out);
    }
    c.row(e, 'in', 10, at(400, 10), { number: '6217000000000077', name: '某人' });
    return { e, moves };
  }

  it('flags the account emptied to two relatives within days after the repayments stopped, small payments to others in between left out', () => {
    const c = new TinyCase();
    const { e, moves } = evader(c, { moveDays: 1 });
    [0, 1, 2].forEach((k) => c.row(e, 'out', 800, at(6 * 30 + 40 + k, 18), { number: `62170000000000${k}1`, name: `朋友${k}` }));
    const hits = c.run(debtEvasion);
    expect(hits.map((h) => h.subject)).toEqual([e]);
    expect(txnsIn(hits[0], 'move')).toEqual(moves);
    expect(hits[0]?.title).toBe('疑似恶意逃废债：蒋磊伟 6222…0001 停止还款后 4 天内向 李敏 6222…0020、蒋伟 6222…0021 转出 ¥47.5万（可用资金的 100%）');
    expect(hits[0]?.titleEn).toBe('Suspected debt evasion: 蒋磊伟 6222…0001 stopped repaying and within 4 days moved ¥475,000.00 to 李敏 6222…0020 and 蒋伟 6222…0021 (100% of the money available)');
  });

  it('not when the same money leaves over months, or while the loan is still being repaid', () => {
    const slow = new TinyCase();
    evader(slow, { moveDays: 30 });
    expect(slow.run(debtEvasion)).toEqual([]);
  });
});

describe('信用卡套现 card cash-out', () => {
  it('flags the shop that sends a card’s spend back to its holder less ~1.8% within hours', () => {
    const c = new TinyCase();
    const shop = c.account(30, '金水顺通加油站');
    const card = c.account(1, '林颖', { holderId: 'ID-LIN' });
    const debit = c.account(2, '林颖', { holderId: 'ID-LIN' });
    // the card statement names the shop by name only; the shop's money back reaches the holder's debit card
    const spend = c.row(card, 'out', 10_000, at(0, 19), { name: '金水顺通加油站' }, { merchant: '金水顺通加油站', summary: '消费' });
    const back = c.transfer(shop, debit, 9_824, at(0, 21)).in;
    c.transfer(debit, card, 10_000, at(12, 19), { summary: '信用卡还款' });
    const hits = c.run(cardCashOut);
    expect(hits).toHaveLength(1);
    expect(accountsIn(hits[0], 'merchant')).toEqual([shop]);
    expect(txnsIn(hits[0], 'spend')).toEqual([spend]);
    expect(txnsIn(hits[0], 'cash-back')).toEqual([back]);
    expect(hits[0]?.title).toContain('扣除 1.8% 后转回');
    // one cardholder, one payment: singular in English
    expect(hits[0]?.titleEn).toBe('Suspected credit-card cash-out: 1 cardholder made 1 card payment at 金水顺通加油站 6222…0030 (¥10,000.00), and within hours the merchant paid it back less 1.8%');
  });

  it('not a full refund of a purchase, nor money from the shop to someone else', () => {
    const c = new TinyCase();
    const shop = c.account(30, '西湖新世纪百货');
    const card = c.account(1, '王芳', { holderId: 'ID-W' });
    const stranger = c.account(3, '路人', { holderId: 'ID-L' });
    c.row(card, 'out', 10_000, at(0, 19), { name: '西湖新世纪百货' }, { merchant: '西湖新世纪百货', summary: '消费' });
    c.transfer(shop, card, 10_000, at(0, 20), { summary: '退货' });
    c.row(card, 'out', 20_000, at(2, 19), { name: '西湖新世纪百货' }, { merchant: '西湖新世纪百货', summary: '消费' });
    c.transfer(shop, stranger, 19_700, at(2, 21));
    expect(c.run(cardCashOut)).toEqual([]);
  });
});
