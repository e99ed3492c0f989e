/**
 * 贷款中介 / AB贷 (DOMAIN.md §3.3): the intermediary "packages" borrowers (fee by Alipay), runs circular
 * transfers through their accounts before the application (刷流水), and within hours of each disbursement takes
 * its cut; in AB-loans the nominal borrower forwards the rest to the real user and keeps a kickback.
 */
import type { PlantContext } from './plant-common';
import { clampToPeriod, dayInPeriod, monthlyCuts, onDay } from './plant-common';
import { applyBp, roundTo } from './money';
import { DAY, HOUR, MINUTE } from './time';

export function plantLoanIntermediary(ctx: PlantContext): void {
  const { rng, plan, net } = ctx;
  const fd = rng.int(20, 90);
  const params = {
    feeRateBp: rng.int(15, 31) * 100,
    packageFeeMinor: rng.int(20, 80) * 10_000,
    forwardDelayMinutes: [fd, fd + rng.int(60, 900)] as [number, number],
    kickbackBp: rng.int(100, 300),
    circularRounds: rng.int(3, 6),
    circularAmountMinor: rng.int(5, 20) * 1_000_000,
    bossCutBp: rng.int(30, 55) * 10,
    hops: rng.int(2, 4),
    hopDelayMinutes: [0, 0] as [number, number],
    muleRetainBp: [0, 0] as [number, number],
  };
  const hd = rng.int(30, 200);
  params.hopDelayMinutes = [hd, hd + rng.int(150, 2_400)];
  const mr = rng.int(40, 140);
  params.muleRetainBp = [mr, mr + rng.int(20, 140)];

  const agent = net.loanAgent;
  const instance = plan.instance({
    id: 'T3',
    typology: 'loan-intermediary',
    label: '贷款中介',
    parameters: { ...params },
    members: [
      { person: agent.person.id, role: 'agent' },
      ...net.borrowers.map((b) => ({ person: b.person.id, role: 'borrower' })),
      ...net.realUsers.map((u) => ({ person: u.person.id, role: 'real-user' })),
      ...net.relatives.map((r) => ({ person: r.person.id, role: 'relative' })),
      { person: net.organiser.person.id, role: 'organiser' },
    ],
  });

  const income: { t: number; amount: number }[] = [];
  net.borrowers.forEach((borrower, i) => {
    const lender = net.lenders[i % net.lenders.length];
    if (!lender) return;
    const realUser = net.realUsers[i] ?? null;
    const applyAt = dayInPeriod(ctx, rng.int(70, 300));
    const loan = rng.int(10, 100) * 1_000_000;

    // 刷流水: money goes round through the borrower's account in the weeks before the application
    for (let r = 0; r < params.circularRounds; r++) {
      const at = clampToPeriod(ctx, onDay(rng, applyAt - rng.int(5, 45) * DAY, [10, 16]));
      const amount = params.circularAmountMinor + rng.int(-20, 20) * 10_000;
      const outTx = plan.add(at, 'bank', agent.bank, borrower.bank, amount, 'circular', { summary: rng.pick(['货款', '往来款', '转账']), instance: instance.id });
      const backTx = plan.add(at + rng.int(40, 600) * MINUTE, 'bank', borrower.bank, agent.bank, amount, 'circular', { summary: rng.pick(['还款', '往来款', '转账']), instance: instance.id });
      instance.transfers.push(outTx.id, backTx.id);
      instance.facts.push({ fact: 'circular-round', borrower: borrower.person.id, out: outTx.id, back: backTx.id, amountMinor: amount });
    }
    let packageTx = null;
    if (borrower.alipay && agent.alipay) {
      packageTx = plan.add(clampToPeriod(ctx, applyAt - rng.int(3, 12) * DAY), 'alipay', borrower.alipay, agent.alipay, params.packageFeeMinor, 'package-fee', { summary: '转账', remark: '资料费', instance: instance.id });
      instance.transfers.push(packageTx.id);
      plan.fee(instance, packageTx, null, null, '资料包装费 by Alipay');
    }
    plan.hook({ instance: instance.id, kind: 'sign-up', t: applyAt - 20 * DAY, people: [borrower.person, agent.person], transfer: packageTx, amount: params.packageFeeMinor, data: { rateBp: params.feeRateBp, loanMinor: loan } });

    const disburseAt = clampToPeriod(ctx, onDay(rng, applyAt + rng.int(3, 15) * DAY, [9, 16]));
    const disbursement = plan.add(disburseAt, 'bank', lender.account, borrower.bank, loan, 'disbursement', { summary: rng.pick(['贷款发放', '经营贷放款', '个人消费贷款发放']), instance: instance.id, benign: true });
    instance.transfers.push(disbursement.id);
    const fee = roundTo(applyBp(loan, params.feeRateBp), 10_000);
    const feeAt = disburseAt + rng.int(params.forwardDelayMinutes[0], params.forwardDelayMinutes[1]) * MINUTE + rng.int(0, 59);
    const feeTx = plan.add(feeAt, 'bank', borrower.bank, agent.bank, fee, 'fee', { summary: rng.pick(['服务费', '转账', '过桥费']), instance: instance.id });
    instance.transfers.push(feeTx.id);
    plan.fee(instance, feeTx, loan, params.feeRateBp, '中介费 = rate × loan');
    income.push({ t: feeAt, amount: fee });
    plan.hook({ instance: instance.id, kind: 'fee-paid', t: feeAt, people: [borrower.person, agent.person], transfer: feeTx, amount: fee, data: { loanMinor: loan } });
    let forward = null;
    let kickback = 0;
    if (realUser) {
      kickback = roundTo(applyBp(loan, params.kickbackBp), 10_000);
      const rest = loan - fee - kickback;
      forward = plan.add(feeAt + rng.int(10, 180) * MINUTE, 'bank', borrower.bank, realUser.bank, rest, 'forwarding', { summary: '转账', instance: instance.id });
      instance.transfers.push(forward.id);
    }
    instance.facts.push({ fact: realUser ? 'ab-loan' : 'loan', borrower: borrower.person.id, realUser: realUser?.person.id ?? null, loanMinor: loan, disbursement: disbursement.id, feeTransfer: feeTx.id, forwardTransfer: forward?.id ?? null, kickbackMinor: kickback, hoursToFee: Math.round((feeAt - disburseAt) / HOUR) });
  });

  monthlyCuts(ctx, { instance, collector: agent.bank, income, bossCutBp: params.bossCutBp, hops: params.hops, hopDelayMinutes: params.hopDelayMinutes, muleRetainBp: params.muleRetainBp, summary: '转账' });
}
