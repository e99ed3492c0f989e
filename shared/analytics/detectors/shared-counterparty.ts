/**
 * 共同交易对手 (DOMAIN.md §2) — the core gang query: `COUNT(DISTINCT 交易卡号) GROUP BY 交易对手账卡号, 收付标志`.
 * A counterparty that several subjects (distinct holders) pay, or that pays several subjects. Rows that are
 * ordinary items (wages, repayments, shopping, utilities …), payment platforms and financial institutions, and
 * counterparties printed without a number are left out: every subject shares those.
 */
import { flag, num, pattern } from './params';
import { HitBuilder, clamp01, countEn, money, moneyEn, nodeLabel } from './hit-helpers';
import { INSTITUTIONS, ORDINARY_SUMMARIES } from './reference';
import type { Detector, Hit } from './types';

interface Group {
  holders: Set<string>;
  subjects: Set<number>;
  rows: number[];
  amount: number;
}

export const sharedCounterparty: Detector = {
  id: 'shared-counterparty',
  version: 1,
  category: 'link',
  name: { zh: '共同交易对手', en: 'Shared counterparty' },
  description: {
    zh: '被多个调查对象（不同持有人）付款或向多个调查对象付款的交易对手。',
    en: 'A counterparty that several subjects (different holders) pay, or that pays several subjects.',
  },
  params: [
    { key: 'minSubjects', type: 'integer', default: 2, unit: 'count', min: 2, zh: '至少与几名调查对象（不同持有人）往来', en: 'At least this many subjects (different holders)' },
    { key: 'excludeSummaries', type: 'text', default: ORDINARY_SUMMARIES, unit: 'text', zh: '不计的摘要（正则：工资、还款、消费等日常项目）', en: 'Leave out rows whose summary matches (wages, repayments, shopping …)' },
    { key: 'excludeNames', type: 'text', default: INSTITUTIONS, unit: 'text', zh: '不计的对手（名称正则：支付平台、银行、保险、税务等）', en: 'Leave out counterparties whose name matches (platforms, banks, insurers, tax …)' },
    { key: 'requireNumber', type: 'boolean', default: true, unit: 'flag', zh: '只计有账号的对手（不计仅有名称的对手，如群红包）', en: 'Only counterparties with a number (not name-only ones such as group red packets)' },
  ],
  run({ table, checkpoint }, params) {
    const minSubjects = num(params, 'minSubjects');
    const ordinary = pattern(params, 'excludeSummaries');
    const institutions = pattern(params, 'excludeNames');
    const requireNumber = flag(params, 'requireNumber');
    const skipNode = new Uint8Array(table.nodes.length);
    table.nodes.forEach((info, node) => {
      if ((institutions && institutions.test(info.name)) || (requireNumber && info.account === null && info.key.startsWith('名称:'))) skipNode[node] = 1;
    });
    const ordinaryCode = new Map<number, boolean>();
    const isOrdinary = (row: number): boolean => {
      if (!ordinary) return false;
      const code = table.summaryCode(row);
      let known = ordinaryCode.get(code);
      if (known === undefined) {
        known = ordinary.test(table.summary(row));
        ordinaryCode.set(code, known);
      }
      return known || (table.channel(row) !== '' && ordinary.test(table.channel(row))) || table.merchant(row) !== '';
    };
    // key: counterparty node * 2 + (1 when it receives from the subjects)
    const groups = new Map<number, Group>();
    for (let i = 0; i < table.size; i++) {
      if ((i & 65535) === 0) checkpoint?.();
      const cp = table.cp(i);
      const dir = table.dir(i);
      if (cp < 0 || dir === 0 || skipNode[cp] || isOrdinary(i)) continue;
      const subject = table.node(i);
      if (table.sameHolder(subject, cp)) continue;
      const key = cp * 2 + (dir < 0 ? 1 : 0);
      let group = groups.get(key);
      if (!group) {
        group = { holders: new Set(), subjects: new Set(), rows: [], amount: 0 };
        groups.set(key, group);
      }
      const holder = table.nodeInfo(subject)?.holder ?? '';
      group.holders.add(holder !== '' ? holder : `node:${subject}`);
      group.subjects.add(subject);
      group.rows.push(i);
      group.amount += table.amount(i);
    }
    const hits: Hit[] = [];
    for (const [key, group] of groups) {
      if (group.holders.size < minSubjects) continue;
      const cp = Math.floor(key / 2);
      const receives = key % 2 === 1;
      const builder = new HitBuilder(table).node(cp, 'counterparty').rows(group.rows, 'evidence');
      // the subjects that pay it (or that it pays); the counterparty itself is the finding's subject
      for (const s of group.subjects) builder.node(s, receives ? 'source' : 'destination');
      const label = nodeLabel(table, cp);
      const subjects = countEn(group.holders.size, 'subject');
      const rows = `${countEn(group.rows.length, 'transaction')}, ${moneyEn(group.amount)}`;
      const title = receives
        ? {
            zh: `疑似共同交易对手：${label} 收到 ${group.holders.size} 名调查对象的款项（${group.rows.length} 笔，${money(group.amount)}）`,
            en: `Suspected shared counterparty: ${label} received money from ${subjects} (${rows})`,
          }
        : {
            zh: `疑似共同交易对手：${label} 向 ${group.holders.size} 名调查对象付款（${group.rows.length} 笔，${money(group.amount)}）`,
            en: `Suspected shared counterparty: ${label} paid ${subjects} (${rows})`,
          };
      const info = table.nodeInfo(cp);
      hits.push(
        builder.build(title, clamp01(0.4 + 0.1 * group.holders.size), cp, {
          counterparty: { account: info?.account ?? null, number: info?.key ?? '', name: info?.name ?? '' },
          direction: receives ? 'receives' : 'pays',
          subjects: group.holders.size,
          accounts: group.subjects.size,
          rows: group.rows.length,
          amountMinor: group.amount,
        }),
      );
    }
    return hits;
  },
};
