/**
 * What happens after the schemes: relatives hand the organiser part of what reached them, the relatives' POS shops
 * pay their nominal owners; and the legitimate near-misses between subjects (a salary moved on to the holder's
 * own account within the hour) that a naive detector would flag.
 */
import type { PlantContext } from './plant-common';
import { clampToPeriod, onDay } from './plant-common';
import { applyBp, roundTo } from './money';
import { salaryOf } from './persona-params';
import { DAY, MINUTE, addMonths, monthStart } from './time';

export function plantFamilySupport(ctx: PlantContext): void {
  const { rng, plan, net } = ctx;
  const organiser = net.organiser.bank;
  const received = new Map<string, Map<number, number>>();
  for (const path of plan.paths) {
    const last = path.hops[path.hops.length - 1];
    if (!last) continue;
    const tx = plan.transfers.find((t) => t.id === last.txns[0]);
    if (!tx) continue;
    const byMonth = received.get(last.to) ?? new Map<number, number>();
    const m = monthStart(tx.t);
    byMonth.set(m, (byMonth.get(m) ?? 0) + last.amountMinor);
    received.set(last.to, byMonth);
  }
  const shareBp = rng.int(60, 90) * 100;
  for (const relative of net.relatives) {
    const byMonth = received.get(relative.bank.id);
    if (!byMonth) continue;
    for (const [m, amount] of [...byMonth.entries()].sort((a, b) => a[0] - b[0])) {
      const at = clampToPeriod(ctx, onDay(rng, addMonths(m, 1) + rng.int(3, 8) * DAY));
      if (at <= m) continue;
      plan.add(at, 'bank', relative.bank, organiser, roundTo(applyBp(amount, shareBp), 100), 'family-support', { summary: rng.pick(['家用', '生活费', '转账']) });
    }
  }
  // each relative's shop pays its nominal owner most of what it kept
  for (const merchant of net.merchants) {
    const kept = new Map<number, number>();
    for (const t of plan.transfers) {
      if (t.kind === 'settlement' && t.to === merchant.account) kept.set(monthStart(t.t), (kept.get(monthStart(t.t)) ?? 0) + t.amount);
      if (t.kind === 'cash-back' && t.from === merchant.account) kept.set(monthStart(t.t), (kept.get(monthStart(t.t)) ?? 0) - t.amount);
    }
    for (const [m, amount] of [...kept.entries()].sort((a, b) => a[0] - b[0])) {
      const pay = roundTo(Math.floor((amount * 8) / 10), 100);
      if (pay <= 100) continue;
      const at = clampToPeriod(ctx, onDay(rng, addMonths(m, 1) + rng.int(8, 12) * DAY));
      if (at <= m) continue;
      plan.add(at, 'bank', merchant.account, merchant.owner.bank, pay, 'family-support', { summary: '提现', remark: '经营所得' });
    }
  }
}

/** salaries moved to the holder's own account at another bank within the hour: 快进快出 in shape, legitimate */
export function plantSalaryForwarding(ctx: PlantContext): void {
  const { rng, plan, net, cast } = ctx;
  for (const member of net.bystanders) {
    if (member.bank.persona !== 'salaried') continue;
    const own = cast.accountsOf(member.person.id).filter((a) => a.channel === 'bank' && a !== member.bank && a.kind === 'debit');
    const target = own[0];
    if (!target || !rng.chance(0.6)) continue;
    const salary = salaryOf(ctx.seed, member.bank);
    const ids: string[] = [];
    for (let m = monthStart(ctx.period.start); m < ctx.period.end; m = addMonths(m, 1)) {
      if (!rng.chance(0.5)) continue;
      const paid = m + (salary.day - 1) * DAY + salary.at;
      const at = paid + rng.int(20, 110) * MINUTE;
      if (paid < ctx.period.start || at >= ctx.period.end) continue;
      const tx = plan.add(at, 'bank', member.bank, target, roundTo(applyBp(salary.amount, rng.int(90, 98) * 100), 100), 'self-transfer', { summary: rng.pick(['转账', '本人账户转账', '跨行转账']), benign: true });
      ids.push(tx.id);
    }
    if (ids.length > 0) {
      plan.nearMisses.push({ kind: 'salary-quick-forward', accounts: [member.bank.id, target.id], persons: [member.person.id], value: ids.join(','), note: 'salary forwarded to the holder\'s own account within two hours: quick in-out between same-name accounts, legitimate' });
    }
  }
}
