/**
 * 恶意逃废金融债务 (DOMAIN.md §3.4): a borrower who had been repaying stops, and within a few days around then the
 * account is emptied to one to three people (relatives) — most of what it held, and a large sum. Payments to
 * advisory or "rights" firms (维权/法务) around the same time are shown as evidence.
 */
import { flag, num, pattern, yuan } from './params';
import { DAY, HitBuilder, clamp01, countEn, listEn, money, moneyEn, nodeLabel } from './hit-helpers';
import { INSTITUTIONS, REPAYMENT_WORDS } from './reference';
import { firstAfter, median, nodeMatcher, personOf, summaryMatcher } from './typology-helpers';
import type { Detector, Hit } from './types';

export const debtEvasion: Detector = {
  id: 'debt-evasion',
  version: 1,
  category: 'typology',
  name: { zh: '恶意逃废债', en: 'Debt evasion (asset flight)' },
  description: {
    zh: '借款人停止还款前后数日内，将账户中的大部分资金分几笔转给一至三名个人（亲属）。',
    en: 'Around the time a borrower stops repaying, most of the account is moved in a few days to one to three individuals (relatives).',
  },
  params: [
    { key: 'repaymentWords', type: 'text', default: REPAYMENT_WORDS, unit: 'text', zh: '还款摘要（正则）', en: 'Repayment summary words (pattern)' },
    { key: 'minRepayments', type: 'integer', default: 2, unit: 'count', min: 1, zh: '此前至少几期还款', en: 'At least this many repayments before' },
    { key: 'minRepaymentGapDays', type: 'number', default: 20, unit: 'days', min: 0, zh: '还款间隔（中位数）至少多少天（按期还款，不是往来款）', en: 'Repayments at least this many days apart (median): instalments, not back-and-forth transfers' },
    { key: 'windowDays', type: 'number', default: 14, unit: 'days', min: 1, zh: '资金转移集中在多少天内', en: 'Transfers within this many days' },
    { key: 'searchDays', type: 'number', default: 120, unit: 'days', min: 1, zh: '最后一期还款后多少天内查找', en: 'Look this many days after the last repayment' },
    { key: 'minQuietDays', type: 'number', default: 45, unit: 'days', min: 1, zh: '还款停止后至少多少天无还款', en: 'No repayment for at least this many days afterwards' },
    { key: 'minMoved', type: 'number', default: 100_000, unit: 'yuan', min: 0, zh: '转移金额下限（元）', en: 'Minimum moved (yuan)' },
    { key: 'minShare', type: 'number', default: 0.6, unit: 'ratio', min: 0, max: 1, zh: '转移金额占转移前余额的比例下限', en: 'Moved at least this share of the balance before' },
    { key: 'maxRecipients', type: 'integer', default: 3, unit: 'count', min: 1, zh: '收款人最多几人', en: 'At most this many recipients' },
    { key: 'lenderIsOrganisation', type: 'boolean', default: true, unit: 'flag', zh: '还款对象须为机构（银行、消费金融等），不计个人之间的“还款”', en: 'The lender must be an organisation (bank, consumer-finance company …), not a person' },
    { key: 'excludeNames', type: 'text', default: INSTITUTIONS, unit: 'text', zh: '不作为收款人的对手（名称正则）', en: 'Counterparties that are never recipients (name pattern)' },
  ],
  run({ table, checkpoint }, params) {
    const repaymentWords = summaryMatcher(table, pattern(params, 'repaymentWords'));
    const excluded = nodeMatcher(table, pattern(params, 'excludeNames'));
    const minRepayments = num(params, 'minRepayments');
    const lenderIsOrganisation = flag(params, 'lenderIsOrganisation');
    const minGap = num(params, 'minRepaymentGapDays') * DAY;
    const window = num(params, 'windowDays') * DAY;
    const search = num(params, 'searchDays') * DAY;
    const quiet = num(params, 'minQuietDays') * DAY;
    const minMoved = yuan(params, 'minMoved');
    const minShare = num(params, 'minShare');
    const maxRecipients = num(params, 'maxRecipients');
    let dataEnd = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < table.size; i++) if (table.time(i) > dataEnd) dataEnd = table.time(i);

    const hits: Hit[] = [];
    for (const node of table.subjects()) {
      checkpoint?.();
      const [start, end] = table.rangeOf(node);
      const rows: number[] = [];
      const series = new Map<number, number[]>();
      for (let i = start; i < end; i++) {
        if (Number.isNaN(table.time(i)) || table.dir(i) === 0) continue;
        rows.push(i);
        if (table.dir(i) < 0 && table.cp(i) >= 0 && repaymentWords(i)) {
          const list = series.get(table.cp(i));
          if (list) list.push(i);
          else series.set(table.cp(i), [i]);
        }
      }
      for (const [lender, repayments] of series) {
        if (repayments.length < minRepayments || (lenderIsOrganisation && !table.nodeInfo(lender)?.organisation)) continue;
        const gaps = repayments.slice(1).map((r, k) => table.time(r) - table.time(repayments[k] ?? r));
        if (gaps.length > 0 && median(gaps) < minGap) continue;
        const last = repayments[repayments.length - 1] ?? 0;
        const lastTime = table.time(last);
        if (dataEnd - lastTime < quiet) continue;
        // transfers to individuals after the last repayment; the best window of them
        const after = firstAfter(table, rows, lastTime);
        const candidates: number[] = [];
        for (let k = after; k < rows.length; k++) {
          const r = rows[k] ?? 0;
          if (table.time(r) - lastTime > search) break;
          const cp = table.cp(r);
          if (table.dir(r) >= 0 || cp < 0 || cp === lender || excluded(cp) || table.nodeInfo(cp)?.organisation || table.sameHolder(node, cp)) continue;
          candidates.push(r);
        }
        let best: { rows: number[]; moved: number; available: number } | null = null;
        // every window of transfers (start at each candidate, grow while within the window); in each, the money
        // to the `maxRecipients` people who got most of it (small payments to others in between do not count)
        for (let a = 0; a < candidates.length; a++) {
          const byRecipient = new Map<string, number>();
          const start = candidates[a] ?? 0;
          for (let b = a; b < candidates.length; b++) {
            const r = candidates[b] ?? 0;
            if (table.time(r) - table.time(start) > window) break;
            const who = personOf(table, table.cp(r));
            byRecipient.set(who, (byRecipient.get(who) ?? 0) + table.amount(r));
            const top = [...byRecipient.entries()].sort((x, y) => y[1] - x[1]).slice(0, maxRecipients);
            const moved = top.reduce((sum, [, v]) => sum + v, 0);
            if (moved < minMoved || (best && moved <= best.moved)) continue;
            // what the account had to move: its balance before the first transfer plus what came in until the last
            const printed = table.balance(start);
            let available = Number.isNaN(printed) ? Number.NaN : printed + table.amount(start);
            for (let k = after; k < rows.length && table.time(rows[k] ?? 0) <= table.time(r); k++) {
              const x = rows[k] ?? 0;
              if (table.dir(x) > 0 && table.time(x) > table.time(start)) available += table.amount(x);
            }
            if (!Number.isNaN(available) && available > 0 && moved / available < minShare) continue;
            const chosen = new Set(top.map(([who2]) => who2));
            best = { rows: candidates.slice(a, b + 1).filter((x) => chosen.has(personOf(table, table.cp(x)))), moved, available };
          }
        }
        if (!best) continue;
        // payments in the window that are small next to the rest (a rent, a meal) are not part of the flight
        const byRecipient = new Map<string, number>();
        for (const r of best.rows) byRecipient.set(personOf(table, table.cp(r)), (byRecipient.get(personOf(table, table.cp(r))) ?? 0) + table.amount(r));
        const incidental = new Set([...byRecipient].filter(([, sum]) => sum < 0.05 * (best?.moved ?? 0)).map(([key]) => key));
        if (incidental.size > 0) {
          const rowsKept = best.rows.filter((r) => !incidental.has(personOf(table, table.cp(r))));
          best = { rows: rowsKept, moved: rowsKept.reduce((s, r) => s + table.amount(r), 0), available: best.available };
        }
        const builder = new HitBuilder(table).node(node, 'subject').rows(best.rows, 'move').row(last, 'last-repayment').rows(repayments, 'repayment');
        for (const r of best.rows) builder.node(table.cp(r), 'recipient');
        // the loan itself, when it is in the statement: the largest inflow from the lender
        let loan = -1;
        for (const r of rows) if (table.dir(r) > 0 && table.cp(r) === lender && (loan < 0 || table.amount(r) > table.amount(loan))) loan = r;
        if (loan >= 0) builder.row(loan, 'loan');
        const recipients = [...new Set(best.rows.map((r) => table.cp(r)))];
        const days = (table.time(best.rows[best.rows.length - 1] ?? 0) - table.time(best.rows[0] ?? 0)) / DAY;
        const share = Number.isNaN(best.available) || best.available <= 0 ? null : Math.min(1, best.moved / best.available);
        const label = nodeLabel(table, node);
        const recipientLabels = recipients.map((n) => nodeLabel(table, n));
        const spanDays = Math.max(1, Math.ceil(days));
        const percent = share !== null ? Math.round(share * 100) : null;
        const title = {
          zh: `疑似恶意逃废债：${label} 停止还款后 ${spanDays} 天内向 ${recipientLabels.join('、')} 转出 ${money(best.moved)}${percent !== null ? `（可用资金的 ${percent}%）` : ''}`,
          en: `Suspected debt evasion: ${label} stopped repaying and within ${countEn(spanDays, 'day')} moved ${moneyEn(best.moved)} to ${listEn(recipientLabels)}${percent !== null ? ` (${percent}% of the money available)` : ''}`,
        };
        hits.push(
          builder.build(title, clamp01(0.5 + 0.3 * (share ?? 0.5) + 0.05 * best.rows.length), node, {
            lender: { account: table.accountOf(lender), number: table.nodeInfo(lender)?.key ?? '', name: table.nodeInfo(lender)?.name ?? '' },
            repayments: repayments.length,
            lastRepayment: table.id(last),
            movedMinor: best.moved,
            availableMinor: Number.isNaN(best.available) ? null : best.available,
            share,
            recipients: recipients.map((n) => ({ account: table.accountOf(n), number: table.nodeInfo(n)?.key ?? '', name: table.nodeInfo(n)?.name ?? '' })),
            moves: best.rows.map((r) => table.id(r)),
          }),
        );
      }
    }
    return hits;
  },
};
