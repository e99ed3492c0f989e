/**
 * 非法代理退保 (DOMAIN.md §3.1): policyholders receive a surrender refund (退保/退费/保全) and within days pay a share
 * of it to the same few accounts; many unrelated policyholders share them (共同对手 with a time offset). The share is
 * of the whole refund here (the excess over the cash value is not in the statements): 15–50% of an excess that is
 * part of the refund. The agent's earlier deposits (定金) from the same people are shown as evidence.
 */
import { num, pattern, yuan } from './params';
import { DAY, HOUR, HitBuilder, clamp01, countEn, money, moneyEn, nodeLabel, percentRange } from './hit-helpers';
import { feesAfterInflow } from './fee-after-inflow';
import { INSTITUTIONS, ORDINARY_SUMMARIES, SURRENDER_WORDS } from './reference';
import { median, nodeMatcher, spread, summaryMatcher } from './typology-helpers';
import type { Detector, Hit } from './types';

export const insuranceSurrender: Detector = {
  id: 'insurance-surrender',
  version: 1,
  category: 'typology',
  name: { zh: '代理退保', en: 'Insurance-surrender agents' },
  description: {
    zh: '多名投保人收到保险公司退保金后数日内，将其中一定比例转给同一账户（代理退保佣金）。',
    en: 'Several policyholders, each within days of an insurer’s surrender refund, pay a share of it to the same account (the agent’s commission).',
  },
  params: [
    { key: 'refundWords', type: 'text', default: SURRENDER_WORDS, unit: 'text', zh: '退保金摘要（正则）', en: 'Refund summary words (pattern)' },
    { key: 'insurerNames', type: 'text', default: '保险|人寿|财险|养老险|健康险', unit: 'text', zh: '保险公司名称（正则）', en: 'Insurer names (pattern)' },
    { key: 'windowHours', type: 'number', default: 240, unit: 'hours', min: 1, zh: '收到退保金后多长时间内付费（小时）', en: 'Fee paid within (hours after the refund)' },
    { key: 'minShare', type: 'number', default: 0.03, unit: 'ratio', min: 0, max: 1, zh: '付费占退保金比例下限', en: 'Fee at least this share of the refund' },
    { key: 'maxShare', type: 'number', default: 0.5, unit: 'ratio', min: 0, max: 1, zh: '付费占退保金比例上限', en: 'Fee at most this share of the refund' },
    { key: 'minRefund', type: 'number', default: 1_000, unit: 'yuan', min: 0, zh: '退保金下限（元）', en: 'Minimum refund (yuan)' },
    { key: 'minClients', type: 'integer', default: 2, unit: 'count', min: 1, zh: '同一收款方至少几名投保人', en: 'At least this many policyholders paying the same account' },
    { key: 'excludeNames', type: 'text', default: INSTITUTIONS, unit: 'text', zh: '不作为收款方的对手（名称正则）', en: 'Counterparties that are never the collector (name pattern)' },
  ],
  run({ table, checkpoint }, params) {
    const refundWords = summaryMatcher(table, pattern(params, 'refundWords'));
    const insurer = nodeMatcher(table, pattern(params, 'insurerNames'));
    const excluded = nodeMatcher(table, pattern(params, 'excludeNames'));
    const windowMs = num(params, 'windowHours') * HOUR;
    // a fee is a transfer, not a purchase, a bill or a wage
    const ordinary = summaryMatcher(table, new RegExp(ORDINARY_SUMMARIES));
    const collectors = feesAfterInflow(table, {
      isTrigger: (row) => refundWords(row) || (insurer(table.cp(row)) && !/理赔|赔款|赔付/.test(table.summary(row))),
      minTrigger: yuan(params, 'minRefund'),
      windowMs,
      minShare: num(params, 'minShare'),
      maxShare: num(params, 'maxShare'),
      isOrdinary: ordinary,
      skipCollector: (node) => excluded(node) || insurer(node),
      minPayers: num(params, 'minClients'),
      checkpoint,
    });
    const hits: Hit[] = [];
    for (const collector of collectors) {
      const builder = new HitBuilder(table);
      for (const node of collector.nodes) builder.node(node, 'collector');
      const clientNodes = new Set<number>();
      for (const p of collector.payments) {
        builder.row(p.trigger, 'refund').row(p.fee, 'fee').node(table.node(p.fee), 'client').node(table.node(p.trigger), 'client');
        clientNodes.add(table.node(p.fee));
        clientNodes.add(table.node(p.trigger));
      }
      // earlier payments from the same people to the collector (deposits, 定金) as evidence
      const firstRefund = Math.min(...collector.payments.map((p) => table.time(p.trigger)));
      for (const node of clientNodes) {
        const [start, end] = table.rangeOf(node);
        for (let i = start; i < end; i++) {
          if (table.dir(i) < 0 && collector.nodes.has(table.cp(i)) && table.time(i) < firstRefund && firstRefund - table.time(i) < 180 * DAY) builder.row(i, 'deposit');
        }
      }
      const shares = collector.payments.map((p) => p.share);
      const fees = collector.payments.reduce((s, p) => s + table.amount(p.fee), 0);
      const main = [...collector.nodes][0] ?? -1;
      const days = Math.ceil(Math.max(...collector.payments.map((p) => p.hours)) / 24);
      const label = nodeLabel(table, main);
      const title = {
        zh: `疑似代理退保：${collector.payers.size} 名投保人收到退保金后 ${days} 天内向 ${label} 转入退保金的 ${percentRange(shares)}（合计 ${money(fees)}）`,
        en: `Suspected surrender agent: ${countEn(collector.payers.size, 'policyholder')} paid ${label} ${percentRange(shares)} of their surrender refund within ${countEn(days, 'day')} of receiving it (${moneyEn(fees)} in all)`,
      };
      const score = clamp01(0.5 + 0.08 * collector.payers.size + 0.2 * (1 - Math.min(1, spread(shares) * 2)));
      hits.push(
        builder.build(title, score, main, {
          collector: [...collector.nodes].map((n) => ({ account: table.accountOf(n), number: table.nodeInfo(n)?.key ?? '', name: table.nodeInfo(n)?.name ?? '' })),
          clients: collector.payers.size,
          feesMinor: fees,
          medianShare: Math.round(median(shares) * 1000) / 1000,
          payments: collector.payments.map((p) => ({ refund: table.id(p.trigger), fee: table.id(p.fee), refundMinor: table.amount(p.trigger), feeMinor: table.amount(p.fee), share: Math.round(p.share * 1000) / 1000, hours: Math.round(p.hours) })),
        }),
      );
    }
    return hits;
  },
};
