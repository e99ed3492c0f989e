/**
 * 不正当反催收 / 停息挂账 (DOMAIN.md §3.2): debtors who repaid a lender regularly pay an account that several such
 * debtors pay, and their repayments stop right after (the series ends and stays ended until the end of the
 * statements). Payments from that account back to earlier debtors (Ponzi-style 解债款) are shown as evidence.
 */
import { flag, num, pattern, yuan } from './params';
import { DAY, HitBuilder, clamp01, countEn, money, moneyEn, nodeLabel } from './hit-helpers';
import { INSTITUTIONS, ORDINARY_SUMMARIES, REPAYMENT_WORDS } from './reference';
import { firstAfter, median, nodeMatcher, personOf, personRows, subjectsByPerson, summaryMatcher } from './typology-helpers';
import type { Detector, Hit } from './types';

interface Payment {
  person: string;
  fee: number;
  lastRepayment: number;
  repayments: number[];
  gapDays: number;
}

export const antiCollection: Detector = {
  id: 'anti-collection',
  version: 1,
  category: 'typology',
  name: { zh: '反催收/停息挂账', en: 'Anti-collection and debt "optimisation"' },
  description: {
    zh: '多名按期还款的债务人向同一账户付费后，对原贷款机构的还款随即停止。',
    en: 'Several debtors who repaid a lender regularly pay the same account, and their repayments stop right after.',
  },
  params: [
    { key: 'repaymentWords', type: 'text', default: REPAYMENT_WORDS, unit: 'text', zh: '还款摘要（正则）', en: 'Repayment summary words (pattern)' },
    { key: 'minRepayments', type: 'integer', default: 3, unit: 'count', min: 2, zh: '此前至少几期还款', en: 'At least this many repayments before' },
    { key: 'feeWindowDays', type: 'number', default: 45, unit: 'days', min: 1, zh: '最后一期还款后多少天内付费', en: 'Fee paid within (days after the last repayment)' },
    { key: 'minQuietDays', type: 'number', default: 45, unit: 'days', min: 1, zh: '还款停止后至少多少天无还款（至流水结束）', en: 'No repayment for at least this many days afterwards (to the end of the statements)' },
    { key: 'minFee', type: 'number', default: 300, unit: 'yuan', min: 0, zh: '付费金额下限（元）', en: 'Minimum fee (yuan)' },
    { key: 'minDebtors', type: 'integer', default: 2, unit: 'count', min: 1, zh: '同一收款方至少几名债务人', en: 'At least this many debtors paying the same account' },
    { key: 'lenderIsOrganisation', type: 'boolean', default: true, unit: 'flag', zh: '还款对象须为机构（银行、消费金融等），不计个人之间的“还款”', en: 'The lender must be an organisation (bank, consumer-finance company …), not a person' },
    { key: 'excludeNames', type: 'text', default: INSTITUTIONS, unit: 'text', zh: '不作为收款方的对手（名称正则）', en: 'Counterparties that are never the collector (name pattern)' },
  ],
  run({ table, checkpoint }, params) {
    const repaymentWords = summaryMatcher(table, pattern(params, 'repaymentWords'));
    const ordinary = summaryMatcher(table, new RegExp(ORDINARY_SUMMARIES));
    const excluded = nodeMatcher(table, pattern(params, 'excludeNames'));
    const minRepayments = num(params, 'minRepayments');
    const lenderIsOrganisation = flag(params, 'lenderIsOrganisation');
    const feeWindow = num(params, 'feeWindowDays') * DAY;
    const quiet = num(params, 'minQuietDays') * DAY;
    const minFee = yuan(params, 'minFee');
    let dataEnd = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < table.size; i++) if (table.time(i) > dataEnd) dataEnd = table.time(i);

    const collectors = new Map<string, { nodes: Set<number>; payments: Payment[]; payers: Set<string> }>();
    for (const [person, nodes] of subjectsByPerson(table)) {
      checkpoint?.();
      const rows = personRows(table, nodes);
      const series = new Map<number, number[]>();
      for (const r of rows) {
        if (table.dir(r) >= 0 || table.cp(r) < 0 || !repaymentWords(r)) continue;
        const list = series.get(table.cp(r));
        if (list) list.push(r);
        else series.set(table.cp(r), [r]);
      }
      for (const [lender, repayments] of series) {
        if (repayments.length < minRepayments || (lenderIsOrganisation && !table.nodeInfo(lender)?.organisation)) continue;
        const last = repayments[repayments.length - 1] ?? 0;
        const lastTime = table.time(last);
        if (dataEnd - lastTime < quiet) continue;
        for (let k = firstAfter(table, rows, lastTime); k < rows.length; k++) {
          const r = rows[k] ?? 0;
          const t = table.time(r);
          if (t - lastTime > feeWindow) break;
          const cp = table.cp(r);
          if (table.dir(r) >= 0 || cp < 0 || cp === lender || excluded(cp) || table.amount(r) < minFee || ordinary(r) || table.merchant(r) !== '') continue;
          if (table.sameHolder(table.node(r), cp)) continue;
          const key = personOf(table, cp);
          if (key === person) continue;
          const collector = collectors.get(key) ?? { nodes: new Set<number>(), payments: [], payers: new Set<string>() };
          collector.nodes.add(cp);
          collector.payers.add(person);
          collector.payments.push({ person, fee: r, lastRepayment: last, repayments, gapDays: (t - lastTime) / DAY });
          collectors.set(key, collector);
        }
      }
    }
    const hits: Hit[] = [];
    const minDebtors = num(params, 'minDebtors');
    for (const collector of collectors.values()) {
      if (collector.payers.size < minDebtors) continue;
      const builder = new HitBuilder(table);
      for (const node of collector.nodes) builder.node(node, 'collector');
      const debtorNodes = new Set<number>();
      for (const p of collector.payments) {
        builder.row(p.fee, 'fee').row(p.lastRepayment, 'last-repayment').rows(p.repayments, 'repayment').node(table.node(p.fee), 'debtor');
        debtorNodes.add(table.node(p.fee));
      }
      // money from the collector back to these debtors (解债款 paid out of later clients' fees)
      for (const node of collector.nodes) {
        const [start, end] = table.rangeOf(node);
        for (let i = start; i < end; i++) if (table.dir(i) < 0 && debtorNodes.has(table.cp(i))) builder.row(i, 'payout');
      }
      for (const node of debtorNodes) {
        const [start, end] = table.rangeOf(node);
        for (let i = start; i < end; i++) if (table.dir(i) > 0 && collector.nodes.has(table.cp(i))) builder.row(i, 'payout');
      }
      const fees = collector.payments.reduce((s, p) => s + table.amount(p.fee), 0);
      const main = [...collector.nodes][0] ?? -1;
      const label = nodeLabel(table, main);
      const title = {
        zh: `疑似反催收/停息挂账：${collector.payers.size} 名债务人向 ${label} 付费（合计 ${money(fees)}）后停止向原贷款机构还款`,
        en: `Suspected anti-collection service: ${countEn(collector.payers.size, 'debtor')} paid ${label} (${moneyEn(fees)} in all) and then stopped repaying their lenders`,
      };
      hits.push(
        builder.build(title, clamp01(0.5 + 0.08 * collector.payers.size), main, {
          collector: [...collector.nodes].map((n) => ({ account: table.accountOf(n), number: table.nodeInfo(n)?.key ?? '', name: table.nodeInfo(n)?.name ?? '' })),
          debtors: collector.payers.size,
          feesMinor: fees,
          medianDaysAfterLastRepayment: Math.round(median(collector.payments.map((p) => p.gapDays)) * 10) / 10,
          payments: collector.payments.map((p) => ({ fee: table.id(p.fee), feeMinor: table.amount(p.fee), lastRepayment: table.id(p.lastRepayment), repayments: p.repayments.length, days: Math.round(p.gapDays * 10) / 10 })),
        }),
      );
    }
    return hits;
  },
};
