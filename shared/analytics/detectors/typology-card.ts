/**
 * 信用卡套现 (DOMAIN.md §3.5): a card spends at a merchant, and within hours the same merchant sends nearly the same
 * amount — less a fee — back to the cardholder (to any of the holder's accounts); the card is repaid later. One hit
 * per merchant with every cycle; repayments of the card after the spend are shown as evidence.
 */
import { num, pattern, yuan } from './params';
import { DAY, HOUR, HitBuilder, clamp01, countEn, money, moneyEn, nodeLabel, percentRange } from './hit-helpers';
import { SPEND_WORDS } from './reference';
import { firstAfter, personRows, subjectsByPerson, summaryMatcher } from './typology-helpers';
import type { Detector, Hit } from './types';

interface Cycle {
  spend: number;
  back: number;
  fee: number;
  hours: number;
  repayments: number[];
}

export const cardCashOut: Detector = {
  id: 'card-cash-out',
  version: 1,
  category: 'typology',
  name: { zh: '信用卡套现', en: 'Credit-card cash-out' },
  description: {
    zh: '信用卡在某商户消费后数小时内，同一商户将扣除手续费后的近似金额转回持卡人账户。',
    en: 'Within hours of a card spend at a merchant, the same merchant sends nearly the same amount, less a fee, back to the cardholder.',
  },
  params: [
    { key: 'spendWords', type: 'text', default: SPEND_WORDS, unit: 'text', zh: '消费摘要（正则；有商户名称的行也算消费）', en: 'Spend summary words (pattern; rows naming a merchant count too)' },
    { key: 'windowHours', type: 'number', default: 72, unit: 'hours', min: 1, zh: '消费后多长时间内回款（小时）', en: 'Money back within (hours after the spend)' },
    { key: 'minFee', type: 'number', default: 0.001, unit: 'ratio', min: 0, max: 1, zh: '回款少于消费的比例下限（手续费）', en: 'Money back short of the spend by at least this share (the fee)' },
    { key: 'maxFee', type: 'number', default: 0.05, unit: 'ratio', min: 0, max: 1, zh: '回款少于消费的比例上限', en: 'Money back short of the spend by at most this share' },
    { key: 'minAmount', type: 'number', default: 1_000, unit: 'yuan', min: 0, zh: '消费金额下限（元）', en: 'Minimum spend (yuan)' },
    { key: 'minCycles', type: 'integer', default: 1, unit: 'count', min: 1, zh: '同一商户至少几次', en: 'At least this many cycles at one merchant' },
  ],
  run({ table, checkpoint }, params) {
    const spendWords = summaryMatcher(table, pattern(params, 'spendWords'));
    const refund = summaryMatcher(table, /退货|退款|撤销|冲正/);
    const window = num(params, 'windowHours') * HOUR;
    const minFee = num(params, 'minFee');
    const maxFee = num(params, 'maxFee');
    const minAmount = yuan(params, 'minAmount');
    const byMerchant = new Map<string, { nodes: Set<number>; cycles: Cycle[]; holders: Set<string> }>();
    for (const [person, nodes] of subjectsByPerson(table)) {
      checkpoint?.();
      let rows: number[] | null = null;
      for (const node of nodes) {
        const [start, end] = table.rangeOf(node);
        for (let i = start; i < end; i++) {
          if (table.dir(i) >= 0 || table.amount(i) < minAmount || Number.isNaN(table.time(i))) continue;
          const merchant = table.merchant(i) || (spendWords(i) ? table.cpName(i) : '');
          if (merchant === '') continue;
          rows ??= personRows(table, nodes);
          const t0 = table.time(i);
          const spent = table.amount(i);
          for (let k = firstAfter(table, rows, t0); k < rows.length; k++) {
            const r = rows[k] ?? 0;
            if (table.time(r) - t0 > window) break;
            if (table.dir(r) <= 0 || refund(r)) continue;
            const cp = table.cp(r);
            const fromName = cp >= 0 ? (table.nodeInfo(cp)?.name ?? '') : '';
            if (fromName !== merchant && table.cpName(r) !== merchant) continue;
            const fee = 1 - table.amount(r) / spent;
            if (fee < minFee || fee > maxFee) continue;
            // repayments of the card after the spend (its own inflows from the holder's other accounts or 还款)
            const repayments: number[] = [];
            for (let j = i + 1; j < end && table.time(j) - t0 < 60 * DAY; j++) {
              if (table.dir(j) > 0 && (/还款/.test(table.summary(j)) || table.sameHolder(node, table.cp(j)))) repayments.push(j);
            }
            const key = cp >= 0 ? `node:${cp}` : `name:${merchant}`;
            const entry = byMerchant.get(key) ?? { nodes: new Set<number>(), cycles: [], holders: new Set<string>() };
            if (cp >= 0) entry.nodes.add(cp);
            entry.holders.add(person);
            entry.cycles.push({ spend: i, back: r, fee, hours: (table.time(r) - t0) / HOUR, repayments });
            byMerchant.set(key, entry);
            break;
          }
        }
      }
    }
    const hits: Hit[] = [];
    const minCycles = num(params, 'minCycles');
    for (const merchant of byMerchant.values()) {
      if (merchant.cycles.length < minCycles) continue;
      const builder = new HitBuilder(table);
      for (const node of merchant.nodes) builder.node(node, 'merchant');
      for (const c of merchant.cycles) {
        builder.row(c.spend, 'spend').row(c.back, 'cash-back').rows(c.repayments, 'repayment').node(table.node(c.spend), 'card').node(table.node(c.back), 'holder');
      }
      const main = [...merchant.nodes][0];
      const name = main !== undefined ? nodeLabel(table, main) : table.merchant(merchant.cycles[0]?.spend ?? 0) || table.cpName(merchant.cycles[0]?.spend ?? 0);
      const spent = merchant.cycles.reduce((s, c) => s + table.amount(c.spend), 0);
      const fees = merchant.cycles.map((c) => c.fee);
      const title = {
        zh: `疑似信用卡套现：${merchant.holders.size} 名持卡人在 ${name} 刷卡 ${merchant.cycles.length} 次（${money(spent)}），数小时内由该商户扣除 ${percentRange(fees, 1)} 后转回`,
        en: `Suspected credit-card cash-out: ${countEn(merchant.holders.size, 'cardholder')} made ${countEn(merchant.cycles.length, 'card payment')} at ${name} (${moneyEn(spent)}), and within hours the merchant paid it back less ${percentRange(fees, 1)}`,
      };
      hits.push(
        builder.build(title, clamp01(0.6 + 0.05 * merchant.cycles.length + 0.05 * merchant.holders.size), main ?? null, {
          merchant: main !== undefined ? { account: table.accountOf(main), number: table.nodeInfo(main)?.key ?? '', name: table.nodeInfo(main)?.name ?? '' } : { account: null, number: '', name },
          holders: merchant.holders.size,
          spentMinor: spent,
          cycles: merchant.cycles.map((c) => ({ spend: table.id(c.spend), cashBack: table.id(c.back), spendMinor: table.amount(c.spend), backMinor: table.amount(c.back), fee: Math.round(c.fee * 10_000) / 10_000, hours: Math.round(c.hours * 10) / 10 })),
        }),
      );
    }
    return hits;
  },
};
