/**
 * 资金闭环/回流 (DOMAIN.md §2): money that leaves an account comes back to it through a chain of transfers, each no
 * earlier than the one before, all within the window, each hop carrying a similar amount, and what returns is at
 * least `minReturnShare` of what left. Cycles among one holder's own accounts and through payment platforms are left
 * out. The same ring of accounts seen several times is one hit with every occurrence.
 */
import { flag, num, pattern, yuan } from './params';
import { DAY, HitBuilder, clamp01, countEn, money, moneyEn, nodeLabel } from './hit-helpers';
import { PAYMENT_PLATFORMS } from './reference';
import { lowerBound, outgoing, transfers } from './transfers';
import type { Detector, Hit } from './types';

interface Ring {
  nodes: number[];
  occurrences: { rows: number[]; days: number; returnShare: number; amount: number }[];
}

export const cycles: Detector = {
  id: 'cycle',
  version: 1,
  category: 'flow',
  name: { zh: '资金闭环/回流', en: 'Money cycle (round trip)' },
  description: {
    zh: '资金从账户转出，经若干账户按时间顺序流转后回到原账户，回流金额占比高。',
    en: 'Money leaves an account and comes back to it through a time-ordered chain of transfers of similar size.',
  },
  params: [
    { key: 'windowDays', type: 'number', default: 30, unit: 'days', min: 0.01, max: 366, zh: '闭环时间窗口（天）', en: 'Window for the whole cycle (days)' },
    { key: 'maxLength', type: 'integer', default: 5, unit: 'count', min: 2, max: 8, zh: '闭环最多几跳', en: 'At most this many hops' },
    { key: 'minAmount', type: 'number', default: 5_000, unit: 'yuan', min: 0, zh: '每跳最低金额（元）', en: 'Minimum amount of each hop (yuan)' },
    { key: 'minHopRatio', type: 'number', default: 0.95, unit: 'ratio', min: 0, max: 1, zh: '每跳金额至少为上一跳的比例', en: 'Each hop at least this share of the previous one' },
    { key: 'maxHopRatio', type: 'number', default: 1.02, unit: 'ratio', min: 1, max: 3, zh: '每跳金额至多为上一跳的倍数', en: 'Each hop at most this multiple of the previous one' },
    { key: 'minReturnShare', type: 'number', default: 0.9, unit: 'ratio', min: 0, max: 1, zh: '回流金额占转出金额的最低比例', en: 'What comes back at least this share of what left' },
    { key: 'minCoverage', type: 'number', default: 0.5, unit: 'ratio', min: 0, max: 1, zh: '环上各段往来中参与闭环的比例下限（区分刻意回流与日常双向往来；0 关闭）', en: 'Share of the transfers along the ring’s legs that go round (tells deliberate round trips from ordinary two-way trade; 0 turns it off)' },
    { key: 'excludeSameHolder', type: 'boolean', default: true, unit: 'flag', zh: '不计只在本人账户之间的闭环', en: "Leave out cycles among one holder's own accounts" },
    { key: 'excludeNames', type: 'text', default: PAYMENT_PLATFORMS, unit: 'text', zh: '不经过的对手（名称正则：支付平台、清算机构）', en: 'Never pass through these counterparties (name pattern: payment platforms, clearing)' },
    { key: 'maxSteps', type: 'integer', default: 5_000, unit: 'count', min: 10, zh: '每笔起点最多搜索步数（防止热点账户拖慢）', en: 'Search steps per starting transfer (keeps hub accounts from slowing the search)' },
  ],
  run({ table, checkpoint }, params) {
    const window = num(params, 'windowDays') * DAY;
    const maxLength = num(params, 'maxLength');
    const minAmount = yuan(params, 'minAmount');
    const minHop = num(params, 'minHopRatio');
    const maxHop = num(params, 'maxHopRatio');
    const minReturn = num(params, 'minReturnShare');
    const excludeSame = flag(params, 'excludeSameHolder');
    const excluded = pattern(params, 'excludeNames');
    const maxSteps = num(params, 'maxSteps');
    const minCoverage = num(params, 'minCoverage');
    const blocked = new Uint8Array(table.nodes.length);
    if (excluded) table.nodes.forEach((info, node) => (blocked[node] = excluded.test(info.name) ? 1 : 0));
    const t = transfers(table, (row, a, b) => table.amount(row) >= minAmount && !blocked[a] && !blocked[b]);
    const { offsets, list } = outgoing(table, t);
    const rings = new Map<string, Ring>();
    const path: number[] = [];
    const pathNodes: number[] = [];

    for (let e0 = 0; e0 < t.count; e0++) {
      if ((e0 & 1023) === 0) checkpoint?.();
      const start = t.from[e0] ?? 0;
      const row0 = t.row[e0] ?? 0;
      const t0 = table.time(row0);
      const a0 = table.amount(row0);
      let steps = 0;
      path.length = 0;
      pathNodes.length = 0;
      path.push(e0);
      pathNodes.push(start);

      const extend = (edge: number): void => {
        const node = t.to[edge] ?? 0;
        const row = t.row[edge] ?? 0;
        const time = table.time(row);
        const amount = table.amount(row);
        const a = offsets[node] ?? 0;
        const b = offsets[node + 1] ?? 0;
        for (let p = lowerBound(table, t, list, a, b, time); p < b; p++) {
          if (++steps > maxSteps) return;
          const next = list[p] ?? 0;
          if (next === edge) continue;
          const nextRow = t.row[next] ?? 0;
          const nextTime = table.time(nextRow);
          if (nextTime - t0 > window) break;
          const nextAmount = table.amount(nextRow);
          if (nextAmount < minHop * amount || nextAmount > maxHop * amount) continue;
          const target = t.to[next] ?? 0;
          if (target === start) {
            if (nextAmount < minReturn * a0) continue;
            const ringNodes = [...pathNodes, node];
            if (excludeSame && ringNodes.every((n) => table.sameHolder(n, start))) continue;
            const rows = [...path, edge, next].filter((x, i, all) => all.indexOf(x) === i).map((x) => t.row[x] ?? 0);
            // the same ring entered at another account (A→B→A and B→A→B) is one ring
            const first = ringNodes.indexOf(Math.min(...ringNodes));
            const key = [...ringNodes.slice(first), ...ringNodes.slice(0, first)].join('>');
            const ring = rings.get(key) ?? { nodes: ringNodes, occurrences: [] };
            ring.occurrences.push({ rows, days: (nextTime - t0) / DAY, returnShare: nextAmount / a0, amount: a0 });
            rings.set(key, ring);
            continue;
          }
          if (pathNodes.length + 1 >= maxLength || pathNodes.includes(target) || target === node) continue;
          path.push(edge);
          pathNodes.push(node);
          extend(next);
          path.pop();
          pathNodes.pop();
        }
      };
      // the first hop is e0 itself: extend from its target
      path.length = 0;
      extend(e0);
    }

    // transfers along each leg (from → to), to tell a habit of going round from a coincidence
    const legCount = new Map<number, number>();
    const nodeCount = table.nodes.length;
    if (minCoverage > 0 && rings.size > 0) {
      const wanted = new Set<number>();
      for (const ring of rings.values()) ring.nodes.forEach((n, k) => wanted.add(n * nodeCount + (ring.nodes[(k + 1) % ring.nodes.length] ?? n)));
      for (let e = 0; e < t.count; e++) {
        const key = (t.from[e] ?? 0) * nodeCount + (t.to[e] ?? 0);
        if (wanted.has(key)) legCount.set(key, (legCount.get(key) ?? 0) + 1);
      }
    }
    const hits: Hit[] = [];
    for (const ring of rings.values()) {
      // an occurrence whose rows are all inside another occurrence of the same ring is the same money seen twice
      const seen = new Set<number>();
      const occurrences = ring.occurrences.filter((o) => {
        if (o.rows.every((r) => seen.has(r))) return false;
        for (const r of o.rows) seen.add(r);
        return true;
      });
      const covered = new Set(occurrences.flatMap((o) => o.rows)).size;
      const along = ring.nodes.reduce((sum, n, k) => sum + (legCount.get(n * nodeCount + (ring.nodes[(k + 1) % ring.nodes.length] ?? n)) ?? 0), 0);
      const coverage = along > 0 ? covered / along : 1;
      if (coverage < minCoverage) continue;
      const builder = new HitBuilder(table);
      ring.nodes.forEach((node, k) => builder.node(node, k === 0 ? 'subject' : 'member'));
      for (const o of occurrences) builder.rows(o.rows, 'evidence');
      const labels = ring.nodes.map((n) => nodeLabel(table, n));
      const total = occurrences.reduce((s, o) => s + o.amount, 0);
      const maxDays = Math.max(...occurrences.map((o) => o.days));
      const path = [...labels, labels[0] ?? ''].join(' → ');
      const hours = Math.max(1, Math.round(maxDays * 24));
      const title = {
        zh: `疑似资金闭环：${path}，${occurrences.length} 次回流（合计 ${money(total)}，最长 ${maxDays < 1 ? `${hours} 小时` : `${Math.round(maxDays)} 天`}）`,
        en: `Suspected closed loop: ${path}, ${countEn(occurrences.length, 'round trip')} (${moneyEn(total)} in all, the longest took ${maxDays < 1 ? countEn(hours, 'hour') : countEn(Math.round(maxDays), 'day')})`,
      };
      const score = clamp01(0.5 + 0.1 * occurrences.length + 0.1 * Math.min(...occurrences.map((o) => o.returnShare)));
      hits.push(
        builder.build(title, score, ring.nodes[0] ?? null, {
          coverage: Math.round(coverage * 1000) / 1000,
          ring: ring.nodes.map((n) => ({ account: table.accountOf(n), number: table.nodeInfo(n)?.key ?? '', name: table.nodeInfo(n)?.name ?? '' })),
          occurrences: occurrences.map((o) => ({ txns: o.rows.map((r) => table.id(r)), amountMinor: o.amount, days: Math.round(o.days * 100) / 100, returnShare: Math.round(o.returnShare * 1000) / 1000 })),
        }),
      );
    }
    return hits;
  },
};
