/**
 * 快进快出 (DOMAIN.md §2): money comes in and leaves again at about the same size within a short time, leaving little
 * behind. Each inflow of at least the minimum is matched with the outflows that follow it within the window (to
 * others than the sender, each outflow used once) until they reach `minRatio` of it; the pair counts when the
 * outflows stay within `maxRatio`. Transfers between accounts of one holder (salary moved to one's own card) are
 * left out. The day variant flags accounts whose days with both a large inflow and a large outflow are a notable
 * share of their active days.
 */
import { num, flag, yuan } from './params';
import { DAY, HitBuilder, MINUTE, clamp01, countEn, money, moneyEn, nodeLabel } from './hit-helpers';
import type { Detector, Hit } from './types';

export const fastInFastOut: Detector = {
  id: 'fast-in-fast-out',
  version: 1,
  category: 'flow',
  name: { zh: '快进快出', en: 'Fast in, fast out' },
  description: {
    zh: '大额资金转入后短时间内以相近金额转出，账户少留或不留余额；另按日统计同日大额进出的天数占比。',
    en: 'A large inflow leaves again at about the same size within a short time, leaving little behind; also the share of days with both a large inflow and a large outflow.',
  },
  params: [
    { key: 'windowMinutes', type: 'integer', default: 30, unit: 'minutes', min: 1, max: 60 * 24 * 30, zh: '转入后多长时间内转出', en: 'Outflows within this time after the inflow' },
    { key: 'minAmount', type: 'number', default: 50_000, unit: 'yuan', min: 0, zh: '转入与转出的最低金额（元）', en: 'Minimum inflow and outflow (yuan)' },
    { key: 'minRatio', type: 'number', default: 0.9, unit: 'ratio', min: 0, max: 1, zh: '转出占转入的最低比例', en: 'Outflow at least this share of the inflow' },
    { key: 'maxRatio', type: 'number', default: 1.0, unit: 'ratio', min: 0.5, max: 2, zh: '转出占转入的最高比例', en: 'Outflow at most this share of the inflow' },
    { key: 'minEvents', type: 'integer', default: 1, unit: 'count', min: 1, zh: '至少几次快进快出', en: 'At least this many fast in-out events' },
    { key: 'excludeSameHolder', type: 'boolean', default: true, unit: 'flag', zh: '不计本人账户之间的划转', en: "Leave out transfers between one holder's own accounts" },
    { key: 'dayShare', type: 'number', default: 0.1, unit: 'ratio', min: 0, max: 1, zh: '同日大额进出天数占活跃天数比例（0 关闭按日统计）', en: 'Share of active days with both a large inflow and outflow (0 turns the day variant off)' },
    { key: 'minDays', type: 'integer', default: 3, unit: 'count', min: 1, zh: '按日统计：至少几天', en: 'Day variant: at least this many days' },
  ],
  run({ table, checkpoint }, params) {
    const window = num(params, 'windowMinutes') * MINUTE;
    const minAmount = yuan(params, 'minAmount');
    const minRatio = num(params, 'minRatio');
    const maxRatio = num(params, 'maxRatio');
    const minEvents = num(params, 'minEvents');
    const excludeSame = flag(params, 'excludeSameHolder');
    const dayShare = num(params, 'dayShare');
    const minDays = num(params, 'minDays');
    const hits: Hit[] = [];

    for (const node of table.subjects()) {
      checkpoint?.();
      const [start, end] = table.rangeOf(node);
      const used = new Set<number>();
      const events: { inRow: number; outRows: number[]; inAmount: number; outAmount: number; minutes: number }[] = [];
      // day variant: per local date, largest inflow and outflow
      const dayIn = new Map<number, number>();
      const dayOut = new Map<number, number>();
      for (let i = start; i < end; i++) {
        const t = table.time(i);
        if (Number.isNaN(t)) continue;
        const cp = table.cp(i);
        if (excludeSame && table.sameHolder(node, cp)) continue;
        const date = table.localDay(i);
        const bucket = table.dir(i) > 0 ? dayIn : dayOut;
        bucket.set(date, (bucket.get(date) ?? 0) + table.amount(i));
        if (table.dir(i) <= 0 || table.amount(i) < minAmount) continue;
        const inAmount = table.amount(i);
        const outRows: number[] = [];
        let outSum = 0;
        let last = t;
        for (let j = i + 1; j < end; j++) {
          const tj = table.time(j);
          if (tj - t > window) break;
          if (table.dir(j) >= 0 || used.has(j) || Number.isNaN(tj)) continue;
          const cpj = table.cp(j);
          if (cpj >= 0 && cpj === cp) continue; // straight back to the sender: a refund or a cycle, not a pass-on
          if (excludeSame && table.sameHolder(node, cpj)) continue;
          outRows.push(j);
          outSum += table.amount(j);
          last = tj;
          if (outSum >= minRatio * inAmount) break;
        }
        if (outRows.length === 0 || outSum < minAmount) continue;
        const ratio = outSum / inAmount;
        if (ratio < minRatio || ratio > maxRatio) continue;
        for (const j of outRows) used.add(j);
        events.push({ inRow: i, outRows, inAmount, outAmount: outSum, minutes: Math.round((last - t) / MINUTE) });
      }
      let bothDays = 0;
      for (const [date, amount] of dayIn) if (amount > minAmount && (dayOut.get(date) ?? 0) > minAmount) bothDays++;
      const activeDays = new Set([...dayIn.keys(), ...dayOut.keys()]).size;
      const dayFlag = dayShare > 0 && bothDays >= minDays && activeDays > 0 && bothDays / activeDays >= dayShare;
      if (events.length < minEvents && !dayFlag) continue;

      const builder = new HitBuilder(table).node(node, 'subject');
      let inTotal = 0;
      let outTotal = 0;
      for (const event of events) {
        builder.row(event.inRow, 'in').rows(event.outRows, 'out');
        inTotal += event.inAmount;
        outTotal += event.outAmount;
        const sender = table.cp(event.inRow);
        if (sender >= 0) builder.node(sender, 'source');
        for (const j of event.outRows) if (table.cp(j) >= 0) builder.node(table.cp(j), 'destination');
      }
      const label = nodeLabel(table, node);
      const minutes = Math.round(window / MINUTE);
      const dayPercent = Math.round((bothDays / activeDays) * 100);
      const title =
        events.length > 0
          ? {
              zh: `疑似快进快出：${label} ${events.length} 次资金转入后 ${minutes} 分钟内转出（转入 ${money(inTotal)}，转出 ${money(outTotal)}）`,
              en: `Suspected fast in, fast out: ${label} passed on ${countEn(events.length, 'inflow')} within ${countEn(minutes, 'minute')} (in ${moneyEn(inTotal)}, out ${moneyEn(outTotal)})`,
            }
          : {
              zh: `疑似快进快出：${label} 有 ${bothDays} 天同日大额转入转出（占活跃天数 ${dayPercent}%）`,
              en: `Suspected fast in, fast out: ${label} had both a large inflow and a large outflow on ${countEn(bothDays, 'day')} (${dayPercent}% of its active days)`,
            };
      const score = clamp01(0.5 + 0.1 * events.length + (dayFlag ? 0.2 : 0) + Math.min(0.2, inTotal / (100 * minAmount || 1)));
      hits.push(
        builder.build(title, score, node, {
          events: events.map((e) => ({ in: table.id(e.inRow), out: e.outRows.map((j) => table.id(j)), inMinor: e.inAmount, outMinor: e.outAmount, minutes: e.minutes })),
          inMinor: inTotal,
          outMinor: outTotal,
          bothDays,
          activeDays,
          dayVariant: dayFlag,
          spanDays: Math.round((table.time(end - 1) - table.time(start)) / DAY),
        }),
      );
    }
    return hits;
  },
};
