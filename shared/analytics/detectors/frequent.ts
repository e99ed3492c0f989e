/**
 * 频繁交易 (DOMAIN.md §2): at least `minCount` transactions between a subject and one counterparty within
 * `windowDays` (10 in 30 days by default). Payment platforms, financial institutions and one's own accounts are left
 * out; so are ordinary items unless `includeOrdinary` is set.
 */
import { flag, num, pattern } from './params';
import { DAY, HitBuilder, clamp01, countEn, money, moneyEn, nodeLabel } from './hit-helpers';
import { INSTITUTIONS, ORDINARY_SUMMARIES } from './reference';
import { summaryMatcher } from './typology-helpers';
import type { Detector, Hit } from './types';

export const frequent: Detector = {
  id: 'frequent',
  version: 1,
  category: 'pattern',
  name: { zh: '频繁交易', en: 'Frequent transactions with one counterparty' },
  description: {
    zh: '调查对象与同一交易对手在短期内交易次数多（默认30天内10笔以上）。',
    en: 'Many transactions between a subject and one counterparty within a short time (10 or more in 30 days by default).',
  },
  params: [
    { key: 'minCount', type: 'integer', default: 10, unit: 'count', min: 2, zh: '窗口内至少几笔', en: 'At least this many in the window' },
    { key: 'windowDays', type: 'number', default: 30, unit: 'days', min: 0.1, max: 366, zh: '时间窗口（天）', en: 'Window (days)' },
    { key: 'excludeNames', type: 'text', default: INSTITUTIONS, unit: 'text', zh: '不计的对手（名称正则）', en: 'Leave out counterparties whose name matches' },
    { key: 'includeOrdinary', type: 'boolean', default: false, unit: 'flag', zh: '也计入工资、还款、消费等日常项目', en: 'Count ordinary items too (wages, repayments, shopping …)' },
  ],
  run({ table, checkpoint }, params) {
    const minCount = num(params, 'minCount');
    const window = num(params, 'windowDays') * DAY;
    const excluded = pattern(params, 'excludeNames');
    const includeOrdinary = flag(params, 'includeOrdinary');
    const ordinary = summaryMatcher(table, new RegExp(ORDINARY_SUMMARIES));
    const skipNode = new Uint8Array(table.nodes.length);
    if (excluded) table.nodes.forEach((info, node) => (skipNode[node] = excluded.test(info.name) ? 1 : 0));
    const hits: Hit[] = [];
    for (const node of table.subjects()) {
      checkpoint?.();
      const [start, end] = table.rangeOf(node);
      const byCp = new Map<number, number[]>();
      for (let i = start; i < end; i++) {
        const cp = table.cp(i);
        if (cp < 0 || skipNode[cp] || Number.isNaN(table.time(i)) || table.sameHolder(node, cp)) continue;
        if (!includeOrdinary && (ordinary(i) || table.merchant(i) !== '')) continue;
        const rows = byCp.get(cp);
        if (rows) rows.push(i);
        else byCp.set(cp, [i]);
      }
      for (const [cp, rows] of byCp) {
        if (rows.length < minCount) continue;
        // a transfer between two subjects is reported once, from the side with the lower node number
        if (table.nodeInfo(cp)?.subject && cp < node) continue;
        let a = 0;
        let best: number[] = [];
        for (let b = 0; b < rows.length; b++) {
          while (table.time(rows[b] ?? 0) - table.time(rows[a] ?? 0) > window) a++;
          if (b - a + 1 > best.length) best = rows.slice(a, b + 1);
        }
        if (best.length < minCount) continue;
        const sum = best.reduce((s, r) => s + table.amount(r), 0);
        const builder = new HitBuilder(table).node(node, 'subject').node(cp, 'counterparty').rows(best, 'evidence');
        const days = num(params, 'windowDays');
        const title = {
          zh: `疑似频繁交易：${nodeLabel(table, node)} 与 ${nodeLabel(table, cp)} ${days} 天内交易 ${best.length} 笔（${money(sum)}）`,
          en: `Suspected frequent transactions: ${nodeLabel(table, node)} and ${nodeLabel(table, cp)} — ${countEn(best.length, 'transaction')} within ${countEn(days, 'day')} (${moneyEn(sum)})`,
        };
        hits.push(
          builder.build(title, clamp01(0.3 + 0.03 * best.length), node, {
            counterparty: { account: table.accountOf(cp), number: table.nodeInfo(cp)?.key ?? '', name: table.nodeInfo(cp)?.name ?? '' },
            count: best.length,
            totalRows: rows.length,
            amountMinor: sum,
            from: table.time(best[0] ?? 0),
            to: table.time(best[best.length - 1] ?? 0),
          }),
        );
      }
    }
    return hits;
  },
};
