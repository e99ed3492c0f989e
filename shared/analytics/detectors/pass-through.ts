/**
 * 过渡/中转账户 (DOMAIN.md §2): an account money only passes through — what comes in goes out again
 * (|in−out|/(in+out) small), the average balance is tiny next to the turnover, money stays only briefly (FIFO
 * dwell) and the balance keeps returning to about zero. Transfers between one holder's own accounts are left out.
 */
import { flag, num, yuan } from './params';
import { HOUR, HitBuilder, clamp01, countEn, money, moneyEn, nodeLabel } from './hit-helpers';
import type { TxnTable } from './table';
import type { Detector, Hit } from './types';

interface Lot {
  time: number;
  left: number;
}

/** time-weighted average balance over [from, to], from printed balances where the rows have them */
function averageBalance(table: TxnTable, rows: readonly number[], from: number, to: number): number {
  if (rows.length === 0 || to <= from) return 0;
  const printed = rows.every((i) => !Number.isNaN(table.balance(i)));
  const first = rows[0] ?? 0;
  let balance = printed ? table.balance(first) - table.dir(first) * table.amount(first) : 0;
  const series: { time: number; balance: number }[] = [];
  let min = balance;
  let previous = from;
  for (const i of rows) {
    series.push({ time: previous, balance });
    previous = Math.max(previous, table.time(i));
    balance = printed ? table.balance(i) : balance + table.dir(i) * table.amount(i);
    min = Math.min(min, balance);
  }
  series.push({ time: previous, balance });
  // without printed balances the running sum starts at an unknown level: the lowest it can be is where it never goes negative
  const shift = printed ? 0 : Math.max(0, -min);
  let area = 0;
  for (let k = 0; k < series.length; k++) {
    const segment = series[k];
    if (!segment) continue;
    const until = k + 1 < series.length ? (series[k + 1]?.time ?? to) : to;
    area += Math.max(0, segment.balance + shift) * Math.max(0, until - segment.time);
  }
  return area / (to - from);
}

export const passThrough: Detector = {
  id: 'pass-through',
  version: 1,
  category: 'flow',
  name: { zh: '过渡/中转账户', en: 'Pass-through account' },
  description: {
    zh: '进出金额几乎相等、平均余额远小于流水、资金停留时间短、余额反复回到零附近的账户。',
    en: 'Inflows and outflows almost equal, average balance tiny next to the turnover, money stays briefly, the balance keeps returning to about zero.',
  },
  params: [
    { key: 'maxImbalance', type: 'number', default: 0.05, unit: 'ratio', min: 0, max: 1, zh: '|进−出|/(进+出) 的上限', en: 'Upper limit of |in−out|/(in+out)' },
    { key: 'minTurnover', type: 'number', default: 50, unit: 'ratio', min: 0, zh: '流水/平均余额的下限', en: 'Minimum turnover (flow / average balance)' },
    { key: 'maxDwellHours', type: 'number', default: 48, unit: 'hours', min: 0, zh: '资金停留时间（按金额加权的中位数，先进先出）上限', en: 'Upper limit of the money-weighted median dwell time (FIFO)' },
    { key: 'minInflow', type: 'number', default: 1_000, unit: 'yuan', min: 0, zh: '转入合计下限（元）', en: 'Minimum total inflow (yuan)' },
    { key: 'minInflows', type: 'integer', default: 1, unit: 'count', min: 1, zh: '至少几笔转入', en: 'At least this many inflows' },
    { key: 'excludeSameHolder', type: 'boolean', default: true, unit: 'flag', zh: '不计本人账户之间的划转', en: "Leave out transfers between one holder's own accounts" },
  ],
  run({ table, checkpoint }, params) {
    const maxImbalance = num(params, 'maxImbalance');
    const minTurnover = num(params, 'minTurnover');
    const maxDwell = num(params, 'maxDwellHours') * HOUR;
    const minInflow = yuan(params, 'minInflow');
    const minInflows = num(params, 'minInflows');
    const excludeSame = flag(params, 'excludeSameHolder');
    let periodStart = Number.POSITIVE_INFINITY;
    let periodEnd = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < table.size; i++) {
      const t = table.time(i);
      if (Number.isNaN(t)) continue;
      if (t < periodStart) periodStart = t;
      if (t > periodEnd) periodEnd = t;
    }
    const hits: Hit[] = [];
    for (const node of table.subjects()) {
      checkpoint?.();
      const [start, end] = table.rangeOf(node);
      const all: number[] = [];
      let inSum = 0;
      let outSum = 0;
      let inflows = 0;
      const sources = new Set<number>();
      const destinations = new Set<number>();
      const lots: Lot[] = [];
      let head = 0;
      const dwell: { minutes: number; amount: number }[] = [];
      for (let i = start; i < end; i++) {
        const t = table.time(i);
        if (Number.isNaN(t) || table.dir(i) === 0) continue;
        all.push(i);
        const cp = table.cp(i);
        if (excludeSame && table.sameHolder(node, cp)) continue;
        const amount = table.amount(i);
        if (table.dir(i) > 0) {
          inSum += amount;
          inflows++;
          if (cp >= 0) sources.add(cp);
          lots.push({ time: t, left: amount });
          continue;
        }
        outSum += amount;
        if (cp >= 0) destinations.add(cp);
        let need = amount;
        while (need > 0 && head < lots.length) {
          const lot = lots[head];
          if (!lot) break;
          const take = Math.min(need, lot.left);
          dwell.push({ minutes: (t - lot.time) / 60_000, amount: take });
          lot.left -= take;
          need -= take;
          if (lot.left <= 0) head++;
        }
      }
      if (inflows < minInflows || inSum < minInflow || inSum + outSum === 0) continue;
      const imbalance = Math.abs(inSum - outSum) / (inSum + outSum);
      if (imbalance > maxImbalance) continue;
      dwell.sort((a, b) => a.minutes - b.minutes);
      const passed = dwell.reduce((s, d) => s + d.amount, 0);
      let acc = 0;
      let medianMinutes = Number.POSITIVE_INFINITY;
      for (const d of dwell) {
        acc += d.amount;
        if (acc >= passed / 2) {
          medianMinutes = d.minutes;
          break;
        }
      }
      if (medianMinutes * 60_000 > maxDwell) continue;
      const average = averageBalance(table, all, periodStart, periodEnd);
      const turnover = average > 0 ? (inSum + outSum) / average : Number.POSITIVE_INFINITY;
      if (turnover < minTurnover) continue;

      const builder = new HitBuilder(table).node(node, 'subject');
      for (const i of all) builder.row(i, table.dir(i) > 0 ? 'in' : 'out');
      for (const s of sources) builder.node(s, 'source');
      for (const d of destinations) builder.node(d, 'destination');
      const score = clamp01(0.4 + (maxImbalance > 0 ? 0.2 * (1 - imbalance / maxImbalance) : 0.2) + 0.2 * Math.min(1, turnover / (4 * Math.max(1, minTurnover))) + 0.1 * Math.min(1, (sources.size + destinations.size) / 6) + (maxDwell > 0 ? 0.1 * (1 - Math.min(1, (medianMinutes * 60_000) / maxDwell)) : 0));
      const label = nodeLabel(table, node);
      const dwellHours = Math.max(0, Math.round(medianMinutes / 60));
      const title = {
        zh: `疑似过渡账户：${label} 转入 ${money(inSum)}、转出 ${money(outSum)}，资金停留中位 ${dwellHours} 小时`,
        en: `Suspected pass-through account: ${label} took in ${moneyEn(inSum)} and paid out ${moneyEn(outSum)}; money stayed ${countEn(dwellHours, 'hour')} (median)`,
      };
      hits.push(
        builder.build(
          title,
          score,
          node,
          {
            inMinor: inSum,
            outMinor: outSum,
            imbalance: Math.round(imbalance * 10_000) / 10_000,
            averageBalanceMinor: Math.round(average),
            turnover: Number.isFinite(turnover) ? Math.round(turnover * 10) / 10 : null,
            medianDwellMinutes: Math.round(medianMinutes),
            sources: sources.size,
            destinations: destinations.size,
          },
        ),
      );
    }
    return hits;
  },
};
