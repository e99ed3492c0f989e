/**
 * 大额交易 (PBOC 令〔2016〕3号, DOMAIN.md §2): per holder and local day, cash of ¥5万 or more (single or summed);
 * transfers of a natural person of ¥50万 or more; transfers of an organisation of ¥200万 or more — each direction
 * summed on its own. Whether a holder is an organisation is read from the name; cross-border transfers (¥20万 for
 * natural persons) cannot be told apart in statements and are not checked.
 */
import { num, yuan } from './params';
import { HitBuilder, clamp01, countEn, money, moneyEn, nodeLabel } from './hit-helpers';
import type { Detector, Hit } from './types';

interface Day {
  cash: number[];
  cashSum: number;
  inRows: number[];
  inSum: number;
  outRows: number[];
  outSum: number;
}

export const largeValue: Detector = {
  id: 'large-value',
  version: 1,
  category: 'pattern',
  name: { zh: '大额交易', en: 'Large-value transactions' },
  description: {
    zh: '按人民银行大额交易报告标准：现金当日单笔或累计5万元以上；自然人转账当日50万元以上；非自然人转账当日200万元以上。',
    en: 'PBOC large-value reporting: cash of ¥50,000 or more a day; transfers of a natural person of ¥500,000 or more a day; of an organisation ¥2,000,000 or more a day.',
  },
  params: [
    { key: 'cashThreshold', type: 'number', default: 50_000, unit: 'yuan', min: 0, zh: '现金当日累计（元）', en: 'Cash per day (yuan)' },
    { key: 'personThreshold', type: 'number', default: 500_000, unit: 'yuan', min: 0, zh: '自然人转账当日累计（元）', en: 'Natural-person transfers per day (yuan)' },
    { key: 'organisationThreshold', type: 'number', default: 2_000_000, unit: 'yuan', min: 0, zh: '非自然人转账当日累计（元）', en: 'Organisation transfers per day (yuan)' },
    { key: 'minDays', type: 'integer', default: 1, unit: 'count', min: 1, zh: '至少几天达到标准', en: 'At least this many days over a threshold' },
  ],
  run({ table, checkpoint }, params) {
    const cashLimit = yuan(params, 'cashThreshold');
    const personLimit = yuan(params, 'personThreshold');
    const orgLimit = yuan(params, 'organisationThreshold');
    const minDays = num(params, 'minDays');
    const hits: Hit[] = [];
    for (const node of table.subjects()) {
      checkpoint?.();
      const info = table.nodeInfo(node);
      const transferLimit = info?.organisation ? orgLimit : personLimit;
      const [start, end] = table.rangeOf(node);
      const days = new Map<number, Day>();
      for (let i = start; i < end; i++) {
        if (Number.isNaN(table.time(i)) || table.dir(i) === 0) continue;
        const key = table.localDay(i);
        let day = days.get(key);
        if (!day) {
          day = { cash: [], cashSum: 0, inRows: [], inSum: 0, outRows: [], outSum: 0 };
          days.set(key, day);
        }
        const amount = table.amount(i);
        if (table.isCash(i)) {
          day.cash.push(i);
          day.cashSum += amount;
        } else if (table.dir(i) > 0) {
          day.inRows.push(i);
          day.inSum += amount;
        } else {
          day.outRows.push(i);
          day.outSum += amount;
        }
      }
      const builder = new HitBuilder(table).node(node, 'subject');
      const flagged: { day: number; kind: string; amountMinor: number }[] = [];
      for (const [key, day] of [...days.entries()].sort((a, b) => a[0] - b[0])) {
        if (day.cashSum >= cashLimit && cashLimit > 0) {
          builder.rows(day.cash, 'evidence');
          flagged.push({ day: key, kind: 'cash', amountMinor: day.cashSum });
        }
        if (day.inSum >= transferLimit && transferLimit > 0) {
          builder.rows(day.inRows, 'evidence');
          flagged.push({ day: key, kind: 'transfer-in', amountMinor: day.inSum });
        }
        if (day.outSum >= transferLimit && transferLimit > 0) {
          builder.rows(day.outRows, 'evidence');
          flagged.push({ day: key, kind: 'transfer-out', amountMinor: day.outSum });
        }
      }
      const dayCount = new Set(flagged.map((f) => f.day)).size;
      if (dayCount < minDays || flagged.length === 0) continue;
      const largest = Math.max(...flagged.map((f) => f.amountMinor));
      const label = nodeLabel(table, node);
      const title = {
        zh: `疑似大额交易：${label} 有 ${dayCount} 天达到大额交易标准（最高单日 ${money(largest)}）`,
        en: `Suspected large-value transactions: ${label} reached the large-value reporting threshold on ${countEn(dayCount, 'day')} (highest day ${moneyEn(largest)})`,
      };
      hits.push(
        builder.build(title, clamp01(0.4 + 0.05 * dayCount), node, {
          organisation: info?.organisation ?? false,
          days: flagged.map((f) => ({ date: new Date(f.day * 86_400_000).toISOString().slice(0, 10), kind: f.kind, amountMinor: f.amountMinor })),
        }),
      );
    }
    return hits;
  },
};
