/**
 * 拆分交易 / structuring (DOMAIN.md §2): repeated amounts just under a reporting threshold (e.g. 9 × ¥49,500) —
 * within `windowDays`, at least `minCount` rows of one holder's account in one direction each between
 * (1 − margin) × threshold and the threshold.
 */
import { num, text } from './params';
import { DAY, HitBuilder, clamp01, countEn, money, moneyEn, nodeLabel } from './hit-helpers';
import type { Detector, Hit } from './types';

export const structuring: Detector = {
  id: 'structuring',
  version: 1,
  category: 'pattern',
  name: { zh: '拆分交易（规避大额）', en: 'Structuring below thresholds' },
  description: {
    zh: '短期内多笔金额略低于报告或限额标准的交易（如多笔49,500元）。',
    en: 'Several amounts just under a reporting or limit threshold within a short time (e.g. repeated ¥49,500).',
  },
  params: [
    { key: 'thresholds', type: 'text', default: '50000,200000,500000,2000000', unit: 'text', zh: '标准金额（元，逗号分隔）', en: 'Thresholds (yuan, comma-separated)' },
    { key: 'margin', type: 'number', default: 0.1, unit: 'ratio', min: 0.001, max: 0.5, zh: '低于标准的幅度（0.1 即标准的90%–100%）', en: 'How far under (0.1: 90–100% of the threshold)' },
    { key: 'windowDays', type: 'number', default: 7, unit: 'days', min: 0.1, max: 366, zh: '时间窗口（天）', en: 'Window (days)' },
    { key: 'minCount', type: 'integer', default: 3, unit: 'count', min: 2, zh: '窗口内至少几笔', en: 'At least this many rows in the window' },
  ],
  run({ table, checkpoint }, params) {
    const thresholds = text(params, 'thresholds')
      .split(/[,，\s]+/)
      .map((v) => Math.round(Number(v) * 100))
      .filter((v) => Number.isFinite(v) && v > 0);
    const margin = num(params, 'margin');
    const window = num(params, 'windowDays') * DAY;
    const minCount = num(params, 'minCount');
    const hits: Hit[] = [];
    for (const node of table.subjects()) {
      checkpoint?.();
      const [start, end] = table.rangeOf(node);
      const groups: { threshold: number; dir: number; rows: number[] }[] = [];
      for (const threshold of thresholds) {
        for (const dir of [1, -1]) {
          const rows: number[] = [];
          for (let i = start; i < end; i++) {
            const amount = table.amount(i);
            if (table.dir(i) === dir && !Number.isNaN(table.time(i)) && amount < threshold && amount >= threshold * (1 - margin)) rows.push(i);
          }
          // the densest runs: every maximal set of rows that fits in the window
          let a = 0;
          let best: number[] = [];
          for (let b = 0; b < rows.length; b++) {
            while (table.time(rows[b] ?? 0) - table.time(rows[a] ?? 0) > window) a++;
            if (b - a + 1 >= minCount && b - a + 1 > best.length) best = rows.slice(a, b + 1);
          }
          if (best.length >= minCount) groups.push({ threshold, dir, rows: best });
        }
      }
      if (groups.length === 0) continue;
      const builder = new HitBuilder(table).node(node, 'subject');
      for (const g of groups) builder.rows(g.rows, 'evidence');
      const main = groups.reduce((x, y) => (y.rows.length > x.rows.length ? y : x));
      const sum = main.rows.reduce((s, r) => s + table.amount(r), 0);
      const label = nodeLabel(table, node);
      const days = num(params, 'windowDays');
      const title = {
        zh: `疑似拆分交易：${label} ${days} 天内 ${main.rows.length} 笔${main.dir > 0 ? '转入' : '转出'}略低于 ${money(main.threshold)}（合计 ${money(sum)}）`,
        en: `Suspected structuring: ${label} — ${countEn(main.rows.length, main.dir > 0 ? 'inflow' : 'outflow')} just under ${moneyEn(main.threshold)} within ${countEn(days, 'day')} (${moneyEn(sum)} in all)`,
      };
      hits.push(
        builder.build(
          title,
          clamp01(0.4 + 0.1 * main.rows.length),
          node,
          { groups: groups.map((g) => ({ thresholdMinor: g.threshold, direction: g.dir > 0 ? 'in' : 'out', rows: g.rows.length, txns: g.rows.map((r) => table.id(r)) })) },
        ),
      );
    }
    return hits;
  },
};
