/**
 * 恶意逃废债 (DOMAIN.md §3.4) and 信用卡套现 (§3.5).
 * Evasion: a borrower takes a large loan, repays a few months, then empties the account to his spouse and parent in
 * the days before the default and pays the gang's "维权" firm.
 * Card cash-out: holders swipe round amounts at POS merchants registered to the organiser's relatives; the
 * acquirer settles net of MDR; the merchant sends the cash back net of a fee; the holder repays the card later.
 */
import type { PlantContext } from './plant-common';
import { clampToPeriod, dayInPeriod, onDay } from './plant-common';
import { applyBp, roundTo } from './money';
import { DAY, HOUR, MINUTE, addMonths, monthStart } from './time';

export function plantDebtEvasion(ctx: PlantContext): void {
  const { rng, plan, net } = ctx;
  const params = {
    windowDays: rng.int(3, 12),
    movedShareBp: rng.int(88, 98) * 100,
    transfers: rng.int(3, 7),
    advisoryFeeMinor: rng.int(8, 30) * 100_000,
    loanMinor: rng.int(30, 120) * 1_000_000,
  };
  const evader = net.evader;
  const [spouse, parent] = net.evaderRelatives;
  const lender = net.lenders[net.lenders.length - 1];
  if (!spouse || !parent || !lender) return;
  const instance = plan.instance({
    id: 'T4',
    typology: 'debt-evasion',
    label: '恶意逃废债',
    parameters: { ...params },
    members: [
      { person: evader.person.id, role: 'debt-evader' },
      { person: spouse.person.id, role: 'evader-relative' },
      { person: parent.person.id, role: 'evader-relative' },
      { person: net.collectionAgent.person.id, role: 'agent' },
    ],
  });
  const loanAt = dayInPeriod(ctx, rng.int(20, 80), [9, 16]);
  const loanTx = plan.add(loanAt, 'bank', lender.account, evader.bank, params.loanMinor, 'disbursement', { summary: '经营贷放款', instance: instance.id, benign: true });
  instance.transfers.push(loanTx.id);
  const defaultAt = dayInPeriod(ctx, rng.int(200, 320), [0, 1]);
  const monthly = roundTo(Math.floor(params.loanMinor / 30), 100);
  let lastRepay = null;
  for (let m = 1; ; m++) {
    const due = onDay(rng, addMonths(loanAt, m), [9, 20]);
    if (due >= defaultAt - 35 * DAY) break;
    lastRepay = plan.add(due, 'bank', evader.bank, lender.account, monthly, 'repayment', { summary: '贷款还款', instance: instance.id, benign: true });
    instance.transfers.push(lastRepay.id);
  }
  const moved = applyBp(params.loanMinor, params.movedShareBp);
  let remaining = moved;
  const moves: string[] = [];
  for (let i = 0; i < params.transfers; i++) {
    const left = params.transfers - i;
    const amount = left === 1 ? remaining : roundTo(Math.floor(remaining / left) + rng.int(-30, 30) * 10_000, 100);
    remaining -= amount;
    const to = i % 3 === 2 ? parent : spouse;
    const at = clampToPeriod(ctx, onDay(rng, defaultAt - rng.int(1, params.windowDays) * DAY, [8, 22]));
    const tx = plan.add(at, 'bank', evader.bank, to.bank, amount, 'evasion', { summary: rng.pick(['转账', '家用', '还款', '借款']), instance: instance.id });
    instance.transfers.push(tx.id);
    moves.push(tx.id);
  }
  const feeAt = clampToPeriod(ctx, defaultAt - rng.int(10, 25) * DAY);
  const feeTx = plan.add(feeAt, 'bank', evader.bank, net.advisoryFirm.account, params.advisoryFeeMinor, 'fee', { summary: '服务费', remark: '维权服务费', instance: instance.id });
  instance.transfers.push(feeTx.id);
  plan.fee(instance, feeTx, null, null, '维权/法务 fee to the gang firm');
  instance.facts.push({ fact: 'evasion', evader: evader.person.id, loanTransfer: loanTx.id, lastRepayment: lastRepay?.id ?? null, defaultDate: new Date(defaultAt * 1000).toISOString().slice(0, 10), movedMinor: moved, moves });
  plan.hook({ instance: instance.id, kind: 'evasion', t: feeAt - 2 * DAY, people: [evader.person, net.collectionAgent.person], transfer: feeTx, amount: params.advisoryFeeMinor, data: { movedMinor: moved } });
}

export function plantCardCashOut(ctx: PlantContext): void {
  const { rng, plan, net } = ctx;
  const cd = rng.int(5, 60);
  const params = {
    mdrBp: rng.int(38, 60),
    cashOutFeeBp: rng.int(80, 180),
    settlement: rng.pick(['T+0', 'T+1'] as const),
    cashBackDelayMinutes: [cd, cd + rng.int(30, 400)] as [number, number],
    cyclesPerHolder: rng.int(2, 4),
    agentCommissionBp: rng.int(20, 50),
    repayAfterDays: rng.int(12, 25),
  };
  const instance = plan.instance({
    id: 'T5',
    typology: 'card-cash-out',
    label: '信用卡套现',
    parameters: { ...params },
    members: [
      ...net.merchants.map((m) => ({ person: m.owner.person.id, role: 'merchant-front' })),
      { person: net.cardAgent.person.id, role: 'agent' },
      ...net.cardHolders.map((h) => ({ person: h.person.id, role: 'card-holder' })),
      { person: net.organiser.person.id, role: 'organiser' },
    ],
  });
  const volumeByMonth = new Map<number, number>();
  net.cardHolders.forEach((holder, i) => {
    const merchant = net.merchants[i % net.merchants.length];
    if (!merchant?.account.merchant) return;
    const start = rng.int(20, 120);
    for (let c = 0; c < params.cyclesPerHolder; c++) {
      const swipeAt = dayInPeriod(ctx, start + c * rng.int(28, 40), [10, 22]);
      const cap = Math.floor(holder.credit.creditLimit * 0.9);
      const amount = Math.min(cap, rng.pick([980_000, 1_000_000, 1_990_000, 2_000_000, 2_980_000, 3_000_000, 4_990_000, 5_000_000]));
      const spend = plan.add(swipeAt, 'bank', holder.credit, net.acquirer.account, amount, 'pos-spend', { summary: '消费', instance: instance.id, merchant: merchant.account.merchant });
      const mdr = applyBp(amount, params.mdrBp);
      const settleAt = params.settlement === 'T+0' ? swipeAt + rng.int(1, 5) * MINUTE : onDay(rng, swipeAt + DAY, [8, 10]);
      const settle = plan.add(settleAt, 'bank', net.acquirer.account, merchant.account, amount - mdr, 'settlement', { summary: 'POS结算', remark: `商户号${merchant.account.merchant.code}`, instance: instance.id });
      const fee = applyBp(amount, params.cashOutFeeBp);
      const backAt = settleAt + rng.int(params.cashBackDelayMinutes[0], params.cashBackDelayMinutes[1]) * MINUTE;
      const back = plan.add(backAt, 'bank', merchant.account, holder.bank, amount - fee, 'cash-back', { summary: '转账', instance: instance.id });
      const repay = plan.add(clampToPeriod(ctx, onDay(rng, swipeAt + params.repayAfterDays * DAY)), 'bank', holder.bank, holder.credit, amount, 'card-repayment', { summary: '信用卡还款', instance: instance.id });
      instance.transfers.push(spend.id, settle.id, back.id, repay.id);
      plan.fee(instance, back, amount, params.cashOutFeeBp, '套现 fee kept by the merchant (amount − cash back)');
      instance.facts.push({ fact: 'cash-out-cycle', holder: holder.person.id, merchant: merchant.account.id, spend: spend.id, settlement: settle.id, cashBack: back.id, repayment: repay.id, amountMinor: amount, mdrMinor: mdr, feeMinor: fee });
      const m = monthStart(swipeAt);
      volumeByMonth.set(m, (volumeByMonth.get(m) ?? 0) + amount);
      if (c === 0) plan.hook({ instance: instance.id, kind: 'cash-out', t: swipeAt - rng.int(1, 5) * HOUR, people: [holder.person, net.cardAgent.person], transfer: back, amount, data: { feeBp: params.cashOutFeeBp } });
    }
  });
  // the card agent's commission on the month's volume, from the merchant account
  const firstMerchant = net.merchants[0];
  if (!firstMerchant) return;
  for (const [m, volume] of [...volumeByMonth.entries()].sort((a, b) => a[0] - b[0])) {
    const at = clampToPeriod(ctx, onDay(rng, addMonths(m, 1) + rng.int(1, 6) * DAY));
    if (at <= m) continue;
    const commission = roundTo(applyBp(volume, params.agentCommissionBp), 100);
    const tx = plan.add(at, 'bank', firstMerchant.account, net.cardAgent.bank, commission, 'fee', { summary: '转账', remark: '返点', instance: instance.id });
    instance.transfers.push(tx.id);
    plan.fee(instance, tx, volume, params.agentCommissionBp, '点位/返点 to the card agent on monthly volume');
  }
}
