/**
 * 整数金额 (DOMAIN.md §2): an account whose transfers are mostly whole multiples of a round unit (整万 by default) —
 * at least `minShare` of its rows of at least the unit, and at least `minCount` of them. Ordinary items (wages,
 * interest …) are counted like any other row.
 */
import { num, yuan } from './params';
import { HitBuilder, clamp01, countEn, money, moneyEn, nodeLabel } from './hit-helpers';
import type { Detector, Hit } from './types';

export const roundAmount: Detector = {
  id: 'round-amount',
  version: 1,
  category: 'pattern',
  name: { zh: '整数金额', en: 'Round amounts' },
  description: {
    zh: '账户交易中整万（或设定单位）金额占比高。',
    en: 'A high share of an account’s transactions are whole multiples of ¥10,000 (or the chosen unit).',
  },
  params: [
    { key: 'unit', type: 'number', default: 10_000, unit: 'yuan', min: 1, zh: '整数单位（元）：10000 为整万，1000 为整千', en: 'Round unit (yuan): 10000 for whole ten-thousands, 1000 for thousands' },
    { key: 'minShare', type: 'number', default: 0.3, unit: 'ratio', min: 0, max: 1, zh: '整数金额笔数占比下限', en: 'Minimum share of round-amount rows' },
    { key: 'minCount', type: 'integer', default: 3, unit: 'count', min: 1, zh: '至少几笔整数金额', en: 'At least this many round-amount rows' },
  ],
  run({ table, checkpoint }, params) {
    const unit = yuan(params, 'unit');
    const minShare = num(params, 'minShare');
    const minCount = num(params, 'minCount');
    const hits: Hit[] = [];
    for (const node of table.subjects()) {
      checkpoint?.();
      const [start, end] = table.rangeOf(node);
      const round: number[] = [];
      let total = 0;
      let sum = 0;
      for (let i = start; i < end; i++) {
        if (table.dir(i) === 0) continue;
        total++;
        const amount = table.amount(i);
        if (amount >= unit && amount % unit === 0) {
          round.push(i);
          sum += amount;
        }
      }
      if (round.length < minCount || total === 0 || round.length / total < minShare) continue;
      const share = round.length / total;
      const builder = new HitBuilder(table).node(node, 'subject').rows(round, 'evidence');
      const label = nodeLabel(table, node);
      const percent = Math.round(share * 100);
      const title = {
        zh: `疑似整数金额交易：${label} ${round.length} 笔（占 ${percent}%）为 ${money(unit)} 的整数倍，合计 ${money(sum)}`,
        en: `Suspected round amounts: ${countEn(round.length, 'transaction')} of ${label} (${percent}%) are whole multiples of ${moneyEn(unit)}, ${moneyEn(sum)} in all`,
      };
      hits.push(
        builder.build(title, clamp01(0.3 + share * 0.6 + 0.01 * round.length), node, {
          rows: total,
          roundRows: round.length,
          share: Math.round(share * 1000) / 1000,
          roundMinor: sum,
          unitMinor: unit,
        }),
      );
    }
    return hits;
  },
};
