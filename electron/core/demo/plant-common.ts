/** Shared helpers for planting the schemes: times of day, monthly commission sweeps to the organiser's family. */
import type { Cast } from './cast';
import type { Account, Period } from './model';
import type { Network } from './network';
import type { Plan } from './plan';
import type { Rng } from './prng';
import type { InstanceRecord } from './truth-types';
import { applyBp } from './money';
import { DAY, HOUR, MINUTE, addMonths, dayStart, monthStart } from './time';

export interface PlantContext {
  rng: Rng;
  plan: Plan;
  net: Network;
  cast: Cast;
  period: Period;
  seed: number;
}

/** a time on the day of `t`, between the given hours, to the second */
export function onDay(rng: Rng, t: number, hours: [number, number] = [9, 21]): number {
  return dayStart(t) + rng.int(hours[0], hours[1] - 1) * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59);
}

/** a daytime moment `days` days into the period (clamped inside it) */
export function dayInPeriod(ctx: PlantContext, days: number, hours: [number, number] = [9, 21]): number {
  const maxDay = Math.floor((ctx.period.end - ctx.period.start) / DAY) - 14;
  const d = Math.min(Math.max(0, days), maxDay);
  return onDay(ctx.rng, ctx.period.start + d * DAY, hours);
}

/** keep a scheme's step inside the period, leaving room for the chains and delays that follow it */
export function clampToPeriod(ctx: PlantContext, t: number): number {
  return Math.min(Math.max(t, ctx.period.start + HOUR), ctx.period.end - 12 * DAY);
}

export interface CutOptions {
  instance: InstanceRecord;
  collector: Account;
  /** fees as (time, amount) the collector received */
  income: readonly { t: number; amount: number }[];
  bossCutBp: number;
  hops: number;
  hopDelayMinutes: [number, number];
  muleRetainBp: [number, number];
  summary: string;
}

/**
 * Once a month the collector sends the boss's cut of last month's fees to one of the organiser's relatives,
 * through a chain of mules; the chain ends at the relative, whose account the organiser operates.
 */
export function monthlyCuts(ctx: PlantContext, options: CutOptions): void {
  const { rng, plan, net } = ctx;
  const byMonth = new Map<number, number>();
  for (const { t, amount } of options.income) {
    const m = monthStart(t);
    byMonth.set(m, (byMonth.get(m) ?? 0) + amount);
  }
  const months = [...byMonth.keys()].sort((a, b) => a - b);
  const targets = net.relatives.map((r) => r.bank);
  const mules = net.mules.map((m) => m.bank);
  for (const m of months) {
    const total = byMonth.get(m) ?? 0;
    const cut = Math.max(100, Math.round(applyBp(total, options.bossCutBp) / 100) * 100);
    const t = clampToPeriod(ctx, onDay(rng, addMonths(m, 1) + rng.int(2, 9) * DAY));
    if (t <= m) continue;
    const to = rng.pick(targets);
    const path = plan.passThrough(rng, {
      t,
      from: options.collector,
      to,
      amount: cut,
      hops: options.hops,
      mules,
      delayMinutes: options.hopDelayMinutes,
      retainBp: options.muleRetainBp,
      instance: options.instance,
      summary: options.summary,
    });
    const first = path.hops[0];
    plan.hook({ instance: options.instance.id, kind: 'boss-cut', t, people: [ctx.cast.personById(options.collector.ownerId === net.advisoryFirm.org.id ? net.collectionAgent.person.id : options.collector.ownerId), ctx.cast.personById(to.ownerId)], transfer: null, amount: cut, data: { basisMinor: total, rateBp: options.bossCutBp, path: path.id, firstTxn: first?.txns[0] ?? '' } });
    options.instance.facts.push({ fact: 'boss-cut', month: new Date(m * 1000).toISOString().slice(0, 7), basisMinor: total, cutMinor: cut, path: path.id, relativeAccount: to.id });
  }
}
