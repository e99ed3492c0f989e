/**
 * 非法贷款中介 / AB贷 (DOMAIN.md §3.3): a loan is disbursed (放款/贷款发放/经营贷) and within hours or days the
 * borrower forwards a large share (15–30%, up to 31%) to an account that several borrowers pay the same way. Shown
 * with the hit: the rest of the loan forwarded to one person (AB贷: the real user), the round trips between borrower
 * and intermediary before the disbursement (刷流水) and earlier payments to the intermediary (资料费).
 */
import { num, pattern, yuan } from './params';
import { DAY, HOUR, HitBuilder, clamp01, countEn, money, moneyEn, nodeLabel, percentRange } from './hit-helpers';
import { feesAfterInflow } from './fee-after-inflow';
import { DISBURSEMENT_WORDS, INSTITUTIONS, ORDINARY_SUMMARIES } from './reference';
import { nodeMatcher, personOf, personRows, subjectsByPerson, summaryMatcher } from './typology-helpers';
import type { Detector, Hit } from './types';

export const loanIntermediary: Detector = {
  id: 'loan-intermediary',
  version: 1,
  category: 'typology',
  name: { zh: '贷款中介/AB贷', en: 'Loan intermediaries and AB loans' },
  description: {
    zh: '贷款发放后数小时至数日内，借款人将贷款的较大比例转给同一账户（多名借款人共用），或将大部分转给他人（AB贷）。',
    en: 'Within hours or days of a disbursement borrowers pay a large share of the loan to the same account (shared by several borrowers), or pass most of it to someone else (AB loan).',
  },
  params: [
    { key: 'disbursementWords', type: 'text', default: DISBURSEMENT_WORDS, unit: 'text', zh: '放款摘要（正则）', en: 'Disbursement summary words (pattern)' },
    { key: 'windowHours', type: 'number', default: 72, unit: 'hours', min: 1, zh: '放款后多长时间内转出（小时）', en: 'Paid on within (hours after the disbursement)' },
    { key: 'minShare', type: 'number', default: 0.1, unit: 'ratio', min: 0, max: 1, zh: '中介费占贷款比例下限', en: 'Fee at least this share of the loan' },
    { key: 'maxShare', type: 'number', default: 0.4, unit: 'ratio', min: 0, max: 1, zh: '中介费占贷款比例上限', en: 'Fee at most this share of the loan' },
    { key: 'minLoan', type: 'number', default: 10_000, unit: 'yuan', min: 0, zh: '贷款金额下限（元）', en: 'Minimum loan (yuan)' },
    { key: 'minBorrowers', type: 'integer', default: 2, unit: 'count', min: 1, zh: '同一收款方至少几名借款人', en: 'At least this many borrowers paying the same account' },
    { key: 'abShare', type: 'number', default: 0.5, unit: 'ratio', min: 0, max: 1, zh: 'AB贷：转给他人的部分至少占贷款的比例', en: 'AB loan: at least this share passed to one other person' },
    { key: 'excludeNames', type: 'text', default: INSTITUTIONS, unit: 'text', zh: '不作为收款方的对手（名称正则）', en: 'Counterparties that are never the intermediary (name pattern)' },
  ],
  run({ table, checkpoint }, params) {
    const words = summaryMatcher(table, pattern(params, 'disbursementWords'));
    const excluded = nodeMatcher(table, pattern(params, 'excludeNames'));
    const windowMs = num(params, 'windowHours') * HOUR;
    // a fee is a transfer, not a purchase, a bill or a wage
    const ordinary = summaryMatcher(table, new RegExp(ORDINARY_SUMMARIES));
    const abShare = num(params, 'abShare');
    const collectors = feesAfterInflow(table, {
      isTrigger: words,
      minTrigger: yuan(params, 'minLoan'),
      windowMs,
      minShare: num(params, 'minShare'),
      maxShare: num(params, 'maxShare'),
      isOrdinary: ordinary,
      skipCollector: (node) => excluded(node),
      minPayers: num(params, 'minBorrowers'),
      checkpoint,
    });
    const people = subjectsByPerson(table);
    const hits: Hit[] = [];
    for (const collector of collectors) {
      const builder = new HitBuilder(table);
      for (const node of collector.nodes) builder.node(node, 'collector');
      let abLoans = 0;
      for (const p of collector.payments) {
        builder.row(p.trigger, 'disbursement').row(p.fee, 'fee').node(table.node(p.fee), 'borrower');
        const nodes = people.get(p.person) ?? [table.node(p.fee)];
        const rows = personRows(table, nodes);
        const t0 = table.time(p.trigger);
        const loan = table.amount(p.trigger);
        // AB loan: most of the rest to one other person within the window
        const toOthers = new Map<string, number[]>();
        for (const r of rows) {
          const t = table.time(r);
          if (t <= t0 || t - t0 > windowMs || table.dir(r) >= 0 || r === p.fee) continue;
          const cp = table.cp(r);
          if (cp < 0 || collector.nodes.has(cp) || excluded(cp) || table.sameHolder(table.node(r), cp)) continue;
          const key = personOf(table, cp);
          const list = toOthers.get(key);
          if (list) list.push(r);
          else toOthers.set(key, [r]);
        }
        for (const forwarded of toOthers.values()) {
          if (forwarded.reduce((s, r) => s + table.amount(r), 0) >= abShare * loan) {
            builder.rows(forwarded, 'forward');
            abLoans++;
          }
        }
        // before the disbursement: round trips with the intermediary and other payments to it
        for (const r of rows) {
          const t = table.time(r);
          if (t >= t0 || t0 - t > 90 * DAY || !collector.nodes.has(table.cp(r))) continue;
          builder.row(r, 'before-loan');
        }
      }
      const fees = collector.payments.reduce((s, p) => s + table.amount(p.fee), 0);
      const shares = collector.payments.map((p) => p.share);
      const main = [...collector.nodes][0] ?? -1;
      const hours = Math.ceil(Math.max(...collector.payments.map((p) => p.hours)));
      const label = nodeLabel(table, main);
      const title = {
        zh: `疑似贷款中介：${collector.payers.size} 名借款人放款后 ${hours} 小时内向 ${label} 支付贷款的 ${percentRange(shares)}（合计 ${money(fees)}）${abLoans > 0 ? `，其中 ${abLoans} 笔贷款大部分转给他人（疑似AB贷）` : ''}`,
        en: `Suspected loan intermediary: ${countEn(collector.payers.size, 'borrower')} paid ${label} ${percentRange(shares)} of their loan within ${countEn(hours, 'hour')} of the disbursement (${moneyEn(fees)} in all)${abLoans > 0 ? `; in ${countEn(abLoans, 'loan')} most of the money went on to someone else (suspected AB loan)` : ''}`,
      };
      hits.push(
        builder.build(title, clamp01(0.5 + 0.08 * collector.payers.size + 0.05 * abLoans), main, {
          collector: [...collector.nodes].map((n) => ({ account: table.accountOf(n), number: table.nodeInfo(n)?.key ?? '', name: table.nodeInfo(n)?.name ?? '' })),
          borrowers: collector.payers.size,
          feesMinor: fees,
          abLoans,
          payments: collector.payments.map((p) => ({ disbursement: table.id(p.trigger), fee: table.id(p.fee), loanMinor: table.amount(p.trigger), feeMinor: table.amount(p.fee), share: Math.round(p.share * 1000) / 1000, hours: Math.round(p.hours * 10) / 10 })),
        }),
      );
    }
    return hits;
  },
};
