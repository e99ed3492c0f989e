/**
 * 反催收 / 停息挂账 (DOMAIN.md §3.2): debtors repay their lenders monthly until they pay a "debt optimisation"
 * firm a deposit by WeChat and a fee by bank; their repayments stop right after. The firm pays early clients with
 * later clients' money (Ponzi-style 解债款) and sends the boss a monthly cut.
 */
import type { PlantContext } from './plant-common';
import { clampToPeriod, dayInPeriod, monthlyCuts, onDay } from './plant-common';
import { applyBp, roundTo } from './money';
import { DAY, HOUR, addMonths } from './time';
import type { Transfer } from './model';

export function plantAntiCollection(ctx: PlantContext): void {
  const { rng, plan, net } = ctx;
  const mode = rng.pick(['flat', 'n-fold'] as const);
  const flatLo = rng.int(5, 40) * 10_000;
  const params = {
    mode,
    flatFeeMinor: [flatLo, flatLo + rng.int(20, 160) * 10_000] as [number, number],
    discountBp: rng.int(30, 50) * 100,
    depositMinor: rng.pick([100_000, 150_000, 200_000, 300_000]),
    bossCutBp: rng.int(35, 60) * 10,
    hops: rng.int(2, 4),
    hopDelayMinutes: [0, 0] as [number, number],
    muleRetainBp: [0, 0] as [number, number],
    ponziPayouts: rng.int(1, 2),
  };
  const hd = rng.int(40, 240);
  params.hopDelayMinutes = [hd, hd + rng.int(200, 2_000)];
  const mr = rng.int(60, 160);
  params.muleRetainBp = [mr, mr + rng.int(20, 120)];

  const agent = net.collectionAgent;
  const firm = net.advisoryFirm;
  const instance = plan.instance({
    id: 'T2',
    typology: 'anti-collection',
    label: '反催收/停息挂账',
    parameters: { ...params },
    members: [
      { person: agent.person.id, role: 'agent' },
      ...net.debtors.map((d) => ({ person: d.person.id, role: 'debtor' })),
      ...net.relatives.map((r) => ({ person: r.person.id, role: 'relative' })),
      { person: net.organiser.person.id, role: 'organiser' },
    ],
  });
  const lenders = [...net.lenders.map((l) => l.account), ...[...net.cardCentres.values()].map((c) => c.account)];

  const income: { t: number; amount: number }[] = [];
  const fees: Transfer[] = [];
  net.debtors.forEach((debtor) => {
    const lender = rng.pick(lenders);
    const debt = rng.int(3, 40) * 1_000_000 + rng.int(0, 99) * 100;
    const monthly = roundTo(Math.floor(debt / rng.int(12, 36)), 100);
    const feeDay = rng.int(75, 290);
    const feeAt = dayInPeriod(ctx, feeDay);
    const dueDay = rng.int(3, 25);
    let last: Transfer | null = null;
    for (let m = 0; ; m++) {
      const due = onDay(rng, addMonths(ctx.period.start, m) + (dueDay - 1) * DAY, [8, 22]);
      if (due >= feeAt - 2 * DAY) break;
      last = plan.add(due, 'bank', debtor.bank, lender, monthly, 'repayment', { summary: lender.holderName.includes('信用卡') ? '信用卡还款' : '贷款还款', instance: instance.id, benign: true });
      instance.transfers.push(last.id);
    }
    const depositAt = clampToPeriod(ctx, feeAt - rng.int(1, 5) * DAY);
    let deposit: Transfer | null = null;
    if (debtor.tenpay && agent.tenpay) {
      deposit = plan.add(depositAt, 'tenpay', debtor.tenpay, agent.tenpay, params.depositMinor, 'deposit', { summary: '转账', remark: '定金', instance: instance.id });
      instance.transfers.push(deposit.id);
      plan.fee(instance, deposit, null, null, '定金 (deposit)');
    }
    plan.hook({ instance: instance.id, kind: 'sign-up', t: depositAt - rng.int(1, 6) * HOUR, people: [debtor.person, agent.person], transfer: deposit, amount: params.depositMinor, data: { debtMinor: debt, discountBp: params.discountBp, mode } });
    const fee = mode === 'n-fold' ? roundTo(applyBp(debt, params.discountBp), 10_000) : roundTo(rng.int(params.flatFeeMinor[0], params.flatFeeMinor[1]), 10_000);
    const feeTx = plan.add(feeAt, 'bank', debtor.bank, firm.account, fee, 'fee', { summary: rng.pick(['服务费', '转账', '咨询费']), remark: mode === 'n-fold' ? '解债服务' : '债务优化服务费', instance: instance.id });
    instance.transfers.push(feeTx.id);
    plan.fee(instance, feeTx, mode === 'n-fold' ? debt : null, mode === 'n-fold' ? params.discountBp : null, mode === 'n-fold' ? 'n折解债: rate × total debt' : 'flat 债务优化 fee');
    plan.hook({ instance: instance.id, kind: 'fee-paid', t: feeAt, people: [debtor.person, agent.person], transfer: feeTx, amount: fee, data: { debtMinor: debt } });
    instance.facts.push({ fact: 'repayments-stop', debtor: debtor.person.id, lender: lender.id, debtMinor: debt, monthlyRepaymentMinor: monthly, lastRepayment: last?.id ?? null, feeTransfer: feeTx.id });
    income.push({ t: feeAt, amount: fee });
    fees.push(feeTx);
  });

  // later clients' fees pay earlier clients' "settlements"
  const ordered = [...fees].sort((a, b) => a.t - b.t);
  for (let i = 0; i < params.ponziPayouts && ordered.length > 2; i++) {
    const early = ordered[i];
    const later = ordered[ordered.length - 1 - i];
    if (!early || !later || later.t <= early.t) continue;
    const amount = roundTo(Math.floor(later.amount * rng.int(30, 60) / 100), 10_000);
    const at = clampToPeriod(ctx, later.t + rng.int(2, 30) * HOUR);
    const payout = plan.add(at, 'bank', firm.account, early.from, amount, 'ponzi-payout', { summary: '转账', remark: '解债款', instance: instance.id });
    instance.transfers.push(payout.id);
    instance.facts.push({ fact: 'ponzi-payout', transfer: payout.id, fundedBy: later.id, paidTo: early.from.id });
  }

  monthlyCuts(ctx, { instance, collector: firm.account, income, bossCutBp: params.bossCutBp, hops: params.hops, hopDelayMinutes: params.hopDelayMinutes, muleRetainBp: params.muleRetainBp, summary: '往来款' });
  plan.hook({ instance: instance.id, kind: 'template', t: dayInPeriod(ctx, 20), people: [agent.person, ...net.debtors.map((d) => d.person)], transfer: null, amount: 0, data: {} });
}
