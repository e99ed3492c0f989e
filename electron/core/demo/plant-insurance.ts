/**
 * 代理退保 (DOMAIN.md §3.1): clients pay a WeChat deposit, complain to the regulator from a shared script, get an
 * excess surrender refund from the insurer, and pass a fixed share of the excess to the agent within days; the
 * agent pays the "法务老师" a share and the boss a monthly cut through mules.
 */
import type { PlantContext } from './plant-common';
import { clampToPeriod, dayInPeriod, monthlyCuts, onDay } from './plant-common';
import { applyBp, roundTo } from './money';
import { DAY, HOUR, MINUTE } from './time';

export function plantInsuranceSurrender(ctx: PlantContext): void {
  const { rng, plan, net } = ctx;
  const params = {
    feeRateBp: rng.int(18, 42) * 100 + rng.pick([0, 50]),
    depositMinor: rng.pick([20_000, 30_000, 50_000, 80_000]),
    refundRatioBp: rng.int(78, 96) * 100,
    cashValueBp: rng.int(30, 55) * 100,
    feeDelayHours: [0, 0] as [number, number],
    adviserShareBp: rng.int(8, 15) * 100,
    bossCutBp: rng.int(30, 50) * 10,
    hops: rng.int(2, 4),
    hopDelayMinutes: [0, 0] as [number, number],
    muleRetainBp: [0, 0] as [number, number],
    wechatFeeBelowMinor: 500_000,
  };
  const lo = rng.int(6, 30);
  params.feeDelayHours = [lo, lo + rng.int(24, 90)];
  const hd = rng.int(35, 180);
  params.hopDelayMinutes = [hd, hd + rng.int(120, 2_000)];
  const mr = rng.int(50, 150);
  params.muleRetainBp = [mr, mr + rng.int(20, 150)];

  const agent = net.insuranceAgent;
  const adviser = net.legalAdviser;
  const instance = plan.instance({
    id: 'T1',
    typology: 'insurance-surrender',
    label: '代理退保',
    parameters: { ...params },
    members: [
      { person: agent.person.id, role: 'agent' },
      { person: adviser.person.id, role: 'legal-adviser' },
      ...net.clients.map((c) => ({ person: c.person.id, role: 'client' })),
      ...net.relatives.map((r) => ({ person: r.person.id, role: 'relative' })),
      ...net.mules.map((m) => ({ person: m.person.id, role: 'mule' })),
      { person: net.organiser.person.id, role: 'organiser' },
    ],
  });

  const income: { t: number; amount: number }[] = [];
  net.clients.forEach((client, i) => {
    const insurer = net.insurers[i % net.insurers.length];
    if (!insurer) return;
    const signUp = dayInPeriod(ctx, rng.int(8, 200));
    const premium = rng.int(30, 300) * 100_000;
    const cashValue = applyBp(premium, params.cashValueBp);
    const refund = applyBp(premium, params.refundRatioBp) + rng.int(0, 9_999);
    const excess = refund - cashValue;
    const fee = roundTo(applyBp(excess, params.feeRateBp), 1_000);

    // the deposit goes by WeChat transfer, negotiated in chat
    let deposit = null;
    if (client.tenpay && agent.tenpay) {
      deposit = plan.add(signUp, 'tenpay', client.tenpay, agent.tenpay, params.depositMinor, 'deposit', { summary: '转账', remark: '定金', instance: instance.id });
      instance.transfers.push(deposit.id);
      plan.fee(instance, deposit, null, null, '定金 (deposit)');
    }
    plan.hook({ instance: instance.id, kind: 'sign-up', t: signUp - rng.int(30, 240) * MINUTE, people: [client.person, agent.person], transfer: deposit, amount: params.depositMinor, data: { rateBp: params.feeRateBp, premiumMinor: premium, insurer: insurer.org.name } });

    const refundAt = clampToPeriod(ctx, onDay(rng, signUp + rng.int(25, 70) * DAY, [9, 17]));
    const refundTx = plan.add(refundAt, 'bank', insurer.account, client.bank, refund, 'refund', { summary: rng.pick(['退保金', '保全退费', '退保']), instance: instance.id });
    instance.transfers.push(refundTx.id);
    plan.hook({ instance: instance.id, kind: 'refund-received', t: refundAt + rng.int(20, 300) * MINUTE, people: [client.person, agent.person], transfer: refundTx, amount: refund, data: { feeMinor: fee } });

    const feeAt = clampToPeriod(ctx, refundAt + rng.int(params.feeDelayHours[0], params.feeDelayHours[1]) * HOUR + rng.int(0, 3_599));
    const byWechat = fee < params.wechatFeeBelowMinor && client.tenpay !== null && agent.tenpay !== null;
    const feeTx = byWechat && client.tenpay && agent.tenpay
      ? plan.add(feeAt, 'tenpay', client.tenpay, agent.tenpay, fee, 'fee', { summary: '转账', remark: '服务费', instance: instance.id })
      : plan.add(feeAt, 'bank', client.bank, agent.bank, fee, 'fee', { summary: rng.pick(['转账', '服务费', '网银转账']), remark: '咨询服务费', instance: instance.id });
    instance.transfers.push(feeTx.id);
    plan.fee(instance, feeTx, excess, params.feeRateBp, '服务费 = rate × (refund − cash value)');
    plan.hook({ instance: instance.id, kind: 'fee-paid', t: feeAt, people: [client.person, agent.person], transfer: feeTx, amount: fee, data: { refundMinor: refund, excessMinor: excess } });
    instance.facts.push({ fact: 'client', client: client.person.id, insurer: insurer.org.id, premiumMinor: premium, cashValueMinor: cashValue, refundMinor: refund, excessMinor: excess, feeMinor: fee, refundTransfer: refundTx.id, feeTransfer: feeTx.id, depositTransfer: deposit?.id ?? null });
    income.push({ t: feeAt, amount: fee });

    if (client.tenpay && agent.tenpay && (i === 0 || rng.chance(0.5))) {
      const thanks = plan.add(feeAt + rng.int(60, 300) * MINUTE, 'tenpay', agent.tenpay, client.tenpay, rng.pick([6_600, 8_800, 16_800, 18_800]), 'red-packet', { summary: '微信红包', remark: '恭喜发财，大吉大利', instance: instance.id, tenpayKind: 'red-packet' });
      instance.transfers.push(thanks.id);
      plan.hook({ instance: instance.id, kind: 'red-packet', t: thanks.t, people: [client.person, agent.person], transfer: thanks, amount: thanks.amount, data: {} });
    }

    const share = roundTo(applyBp(fee, params.adviserShareBp), 100);
    const shareAt = clampToPeriod(ctx, feeAt + rng.int(20, 72) * HOUR);
    const shareTx = plan.add(shareAt, 'bank', agent.bank, adviser.bank, share, 'fee', { summary: '转账', remark: '文书费', instance: instance.id });
    instance.transfers.push(shareTx.id);
    plan.fee(instance, shareTx, fee, params.adviserShareBp, '法务老师 share of the fee');
  });

  plan.hook({ instance: instance.id, kind: 'template', t: dayInPeriod(ctx, 5), people: [adviser.person, agent.person, ...net.clients.map((c) => c.person)], transfer: null, amount: 0, data: {} });
  monthlyCuts(ctx, { instance, collector: agent.bank, income, bossCutBp: params.bossCutBp, hops: params.hops, hopDelayMinutes: params.hopDelayMinutes, muleRetainBp: params.muleRetainBp, summary: '转账' });
}
