/**
 * 分散转入集中转出 and its mirror 集中转入分散转出 (DOMAIN.md §2, rule R004): within a short window an account
 * receives from many sources and sends most of it on to one or two counterparties (fan-in), or receives from one or
 * two and pays many (fan-out). A shape the account shows in most of its active time is its ordinary trade (a
 * wholesaler's weekly sweep to its supplier, a payroll run) and is not flagged unless `maxRoutineShare` is raised.
 */
import { flag, num, pattern, yuan } from './params';
import { INSTITUTIONS, ORDINARY_SUMMARIES } from './reference';
import { nodeMatcher, summaryMatcher } from './typology-helpers';
import { DAY, HitBuilder, clamp01, countEn, money, moneyEn, nodeLabel } from './hit-helpers';
import type { TxnTable } from './table';
import type { Detector, Hit, ParamSpec, ParamValues } from './types';

type Shape = 'fan-in' | 'fan-out';

interface Episode {
  from: number;
  to: number;
  rows: Set<number>;
  spread: Set<number>;
  concentrated: Map<number, number>;
  spreadSum: number;
  concentratedSum: number;
  topShare: number;
}

function specs(shape: Shape): ParamSpec[] {
  const many = shape === 'fan-in' ? { zh: '转入来源', en: 'sources' } : { zh: '转出去向', en: 'destinations' };
  return [
    { key: 'windowDays', type: 'number', default: 10, unit: 'days', min: 0.1, max: 366, zh: '时间窗口（天）', en: 'Window (days)' },
    { key: 'minCounterparties', type: 'integer', default: 5, unit: 'count', min: 2, zh: `窗口内${many.zh}至少几个`, en: `At least this many ${many.en} in the window` },
    { key: 'topCounterparties', type: 'integer', default: 2, unit: 'count', min: 1, max: 5, zh: '集中的一方最多几个对手', en: 'The concentrated side: at most this many counterparties' },
    { key: 'minTopShare', type: 'number', default: 0.8, unit: 'ratio', min: 0, max: 1, zh: '集中一方占比下限', en: 'Minimum share of the concentrated side' },
    { key: 'minAmount', type: 'number', default: 200_000, unit: 'yuan', min: 0, zh: `窗口内${shape === 'fan-in' ? '转入' : '转出'}合计下限（元）`, en: `Minimum ${shape === 'fan-in' ? 'inflow' : 'outflow'} in the window (yuan)` },
    { key: 'minForwardShare', type: 'number', default: 0.5, unit: 'ratio', min: 0, max: 2, zh: '另一方向金额至少为分散一方的多少', en: 'The other direction at least this share of the spread side' },
    { key: 'minNewShare', type: 'number', default: 0.5, unit: 'ratio', min: 0, max: 1, zh: `分散一方中仅在该时段出现的对手占比下限（排除与老客户、老供应商的日常往来；0 关闭）`, en: `Share of the ${many.en} seen only in that stretch (leaves out trade with regular customers and suppliers; 0 turns it off)` },
    { key: 'maxRoutineShare', type: 'number', default: 0.5, unit: 'ratio', min: 0, max: 1, zh: '命中窗口覆盖账户活跃期的比例上限（超过视为日常经营）', en: 'Upper limit of the share of the active period the shape covers (above: ordinary trade)' },
    { key: 'excludeSameHolder', type: 'boolean', default: true, unit: 'flag', zh: '不计本人账户之间的划转', en: "Leave out transfers between one holder's own accounts" },
    { key: 'excludeSummaries', type: 'text', default: ORDINARY_SUMMARIES, unit: 'text', zh: '不计的摘要（正则：工资、消费、还款等日常项目）', en: 'Leave out rows whose summary matches (wages, shopping, repayments …)' },
    { key: 'excludeNames', type: 'text', default: INSTITUTIONS, unit: 'text', zh: '不计的对手（名称正则：支付平台、银行、税务等）', en: 'Leave out counterparties whose name matches (platforms, banks, tax …)' },
  ];
}

interface Filters {
  ordinary: (row: number) => boolean;
  institution: (node: number) => boolean;
}

function findEpisodes(table: TxnTable, node: number, shape: Shape, params: ParamValues, { ordinary, institution }: Filters): { episodes: Episode[]; activeDays: number } {
  const window = num(params, 'windowDays') * DAY;
  const minCps = num(params, 'minCounterparties');
  const topK = num(params, 'topCounterparties');
  const minTop = num(params, 'minTopShare');
  const minAmount = yuan(params, 'minAmount');
  const minForward = num(params, 'minForwardShare');
  const excludeSame = flag(params, 'excludeSameHolder');
  const minNew = num(params, 'minNewShare');
  const spreadDir = shape === 'fan-in' ? 1 : -1;
  const [start, end] = table.rangeOf(node);
  const rows: number[] = [];
  for (let i = start; i < end; i++) {
    if (Number.isNaN(table.time(i)) || table.dir(i) === 0) continue;
    if (excludeSame && table.sameHolder(node, table.cp(i))) continue;
    if (ordinary(i) || table.merchant(i) !== '' || institution(table.cp(i))) continue;
    rows.push(i);
  }
  // rows per counterparty on the spread side over the whole statement: a party whose every row falls in the window is new
  const spreadRows = new Map<number, number>();
  for (const i of rows) if (table.dir(i) === spreadDir && table.cp(i) >= 0) spreadRows.set(table.cp(i), (spreadRows.get(table.cp(i)) ?? 0) + 1);
  const first = rows[0];
  const last = rows[rows.length - 1];
  const activeDays = first === undefined || last === undefined ? 0 : Math.max(1, (table.time(last) - table.time(first)) / DAY);
  const episodes: Episode[] = [];
  // sliding window [rows[a], rows[a] + window] anchored on each row
  const spreadCount = new Map<number, number>();
  const concentrated = new Map<number, number>();
  let spreadSum = 0;
  let concentratedSum = 0;
  // counterparties in the window all of whose rows are in it (kept up to date as rows enter and leave)
  let fresh = 0;
  let b = 0;
  const enter = (i: number, sign: 1 | -1): void => {
    const cp = table.cp(i);
    const amount = table.amount(i) * sign;
    if (table.dir(i) === spreadDir) {
      spreadSum += amount;
      if (cp >= 0) {
        const before = spreadCount.get(cp) ?? 0;
        const next = before + sign;
        const total = spreadRows.get(cp) ?? 0;
        fresh += (next === total ? 1 : 0) - (before === total ? 1 : 0);
        if (next <= 0) spreadCount.delete(cp);
        else spreadCount.set(cp, next);
      }
    } else {
      concentratedSum += amount;
      const key = cp >= 0 ? cp : -1;
      const next = (concentrated.get(key) ?? 0) + amount;
      if (next <= 0) concentrated.delete(key);
      else concentrated.set(key, next);
    }
  };
  for (let a = 0; a < rows.length; a++) {
    const ra = rows[a] ?? 0;
    const t0 = table.time(ra);
    while (b < rows.length && table.time(rows[b] ?? 0) <= t0 + window) enter(rows[b++] ?? 0, 1);
    if (spreadCount.size >= minCps && spreadSum >= minAmount && concentratedSum >= minForward * spreadSum && fresh >= minNew * spreadCount.size) {
      const top = [...concentrated.values()].sort((x, y) => y - x).slice(0, topK).reduce((s, v) => s + v, 0);
      const topShare = concentratedSum > 0 ? top / concentratedSum : 0;
      if (topShare >= minTop) {
        const windowRows = rows.slice(a, b);
        const previous = episodes[episodes.length - 1];
        if (previous && t0 <= previous.to) {
          for (const r of windowRows) previous.rows.add(r);
          previous.to = Math.max(previous.to, table.time(windowRows[windowRows.length - 1] ?? ra));
          for (const cp of spreadCount.keys()) previous.spread.add(cp);
          for (const [cp, amount] of concentrated) previous.concentrated.set(cp, Math.max(previous.concentrated.get(cp) ?? 0, amount));
          previous.topShare = Math.max(previous.topShare, topShare);
        } else {
          episodes.push({
            from: t0,
            to: table.time(windowRows[windowRows.length - 1] ?? ra),
            rows: new Set(windowRows),
            spread: new Set(spreadCount.keys()),
            concentrated: new Map(concentrated),
            spreadSum,
            concentratedSum,
            topShare,
          });
        }
      }
    }
    enter(ra, -1);
  }
  return { episodes, activeDays };
}

function fanDetector(shape: Shape): Detector {
  const fanIn = shape === 'fan-in';
  return {
    id: shape,
    version: 1,
    category: 'flow',
    name: fanIn ? { zh: '分散转入集中转出', en: 'Fan-in: many in, few out' } : { zh: '集中转入分散转出', en: 'Fan-out: few in, many out' },
    description: fanIn
      ? { zh: '短期内从多个来源转入，大部分再转给一两个对手。', en: 'Within a short window money arrives from many sources and most of it goes on to one or two counterparties.' }
      : { zh: '短期内从一两个来源转入，再分散转给多个对手。', en: 'Within a short window money arrives from one or two sources and is paid out to many counterparties.' },
    params: specs(shape),
    run({ table, checkpoint }, params) {
      const maxRoutine = num(params, 'maxRoutineShare');
      const filters: Filters = { ordinary: summaryMatcher(table, pattern(params, 'excludeSummaries')), institution: nodeMatcher(table, pattern(params, 'excludeNames')) };
      const hits: Hit[] = [];
      for (const node of table.subjects()) {
        checkpoint?.();
        const { episodes, activeDays } = findEpisodes(table, node, shape, params, filters);
        if (episodes.length === 0) continue;
        const coveredDays = episodes.reduce((s, e) => s + Math.max(1, (e.to - e.from) / DAY), 0);
        const routine = activeDays > 0 ? coveredDays / activeDays : 1;
        if (routine > maxRoutine) continue;
        const builder = new HitBuilder(table).node(node, 'subject');
        let spreadTotal = 0;
        let maxSpread = 0;
        for (const episode of episodes) {
          for (const r of episode.rows) builder.row(r, table.dir(r) > 0 ? 'in' : 'out');
          for (const cp of episode.spread) builder.node(cp, fanIn ? 'source' : 'destination');
          for (const cp of episode.concentrated.keys()) if (cp >= 0) builder.node(cp, fanIn ? 'destination' : 'source');
          spreadTotal += episode.spreadSum;
          maxSpread = Math.max(maxSpread, episode.spread.size);
        }
        const label = nodeLabel(table, node);
        const periods = countEn(episodes.length, 'period');
        const title = fanIn
          ? {
              zh: `疑似分散转入集中转出：${label} ${episodes.length} 段时间内自 ${maxSpread} 个以上来源转入 ${money(spreadTotal)} 后集中转出`,
              en: `Suspected fan-in (many in, few out): ${label} took in ${moneyEn(spreadTotal)} from ${maxSpread} or more sources in ${periods} and sent it on to one or two accounts`,
            }
          : {
              zh: `疑似集中转入分散转出：${label} ${episodes.length} 段时间内集中转入后分散转给 ${maxSpread} 个以上对手（${money(spreadTotal)}）`,
              en: `Suspected fan-out (few in, many out): ${label} took money in from one or two accounts and paid it out to ${maxSpread} or more counterparties in ${periods} (${moneyEn(spreadTotal)})`,
            };
        hits.push(
          builder.build(title, clamp01(0.5 + 0.05 * maxSpread + 0.1 * episodes.length), node, {
            episodes: episodes.map((e) => ({
              from: e.from,
              to: e.to,
              counterparties: e.spread.size,
              spreadMinor: e.spreadSum,
              concentratedMinor: e.concentratedSum,
              topShare: Math.round(e.topShare * 1000) / 1000,
            })),
            routineShare: Math.round(routine * 1000) / 1000,
          }),
        );
      }
      return hits;
    },
  };
}

export const fanIn = fanDetector('fan-in');
export const fanOut = fanDetector('fan-out');
