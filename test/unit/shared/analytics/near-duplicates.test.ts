import { describe, expect, it } from 'vitest';
import { findNearDuplicates } from '../../../../shared/analytics/near-duplicates';
import type { NearDuplicateItem } from '../../../../shared/analytics/near-duplicates';

interface Client {
  name: string;
  id: string;
  policy: string;
  amount: string;
  phone: string;
  insurer: string;
  days: string;
}

/** The 退保 complaint letter a gang's 法务老师 hands every client (DOMAIN.md §3.1). */
const surrenderLetter = (c: Client) =>
  `尊敬的${c.insurer}领导：本人${c.name}，身份证号${c.id}，保单号${c.policy}。当年贵公司业务员以"存款""理财"的名义向我推销该保险，` +
  `未告知这是保险产品，也未说明犹豫期和退保损失，属于严重的销售误导。本人已累计缴纳保费${c.amount}元，现要求全额退还已交保费，` +
  `否则本人将向国家金融监督管理总局及12378投诉，并保留诉讼的权利。望贵公司于${c.days}个工作日内给予书面答复。投诉人：${c.name}，电话：${c.phone}`;

/** The 停息挂账 application a debt-"optimisation" firm hands every debtor (DOMAIN.md §3.2). */
const debtLetter = (name: string, card: string, amount: string) =>
  `致信用卡中心：本人${name}，卡号${card}，因经营失败、家人重病导致收入锐减，目前已无力偿还信用卡欠款${amount}元。` +
  `根据《商业银行信用卡业务监督管理办法》第七十条，本人申请停息挂账，个性化分期六十期还款，请贵行立即停止一切催收行为，` +
  `否则本人将向12378和人民银行12363投诉。申请人：${name}`;

const CLIENTS: Client[] = [
  { name: '张伟', id: '110101198001011234', policy: 'P2019000123', amount: '48,000', phone: '13812345678', insurer: '某某人寿保险公司', days: '七' },
  { name: '李秀英', id: '320102197502022345', policy: 'P2018004567', amount: '120000', phone: '13987654321', insurer: '某某人寿保险公司', days: '七' },
  { name: '王建国', id: '44030419900303345X', policy: 'P2020011111', amount: '36500', phone: '15011112222', insurer: '某某财险公司', days: '五' },
  { name: '欧阳娜娜', id: '510104198504044567', policy: 'P2017098765', amount: '9,600', phone: '18633334444', insurer: '某某人寿保险公司', days: '十' },
  { name: '陈静', id: '330106199205055678', policy: 'P2021000042', amount: '250000', phone: '17755556666', insurer: '某某人寿保险公司', days: '七' },
];

/** Long messages about unrelated things, none a copy of another. */
const UNRELATED = [
  '今天下午三点在公司三楼会议室开季度总结会，请各部门负责人提前准备好本季度的销售数据和下季度的工作计划，会后还要讨论年会的安排。',
  '妈，我这周末不回家了，单位临时安排加班，下周再回去看你和爸。记得按时吃药，天冷了多穿点衣服，有什么事情随时给我打电话。',
  '房东说下个月开始房租要涨五百，我觉得不太合理，合同上写的是两年内不涨价，你帮我看看合同第六条是怎么约定的，我们再去找他谈。',
  '孩子的班主任刚才在群里通知，下周三学校组织去科技馆参观，需要家长签回执并交五十元车费，周一之前交给班长，别忘了提醒他带水。',
  '这次出差去成都大概要待一个星期，酒店已经订好了，就在客户公司附近。回来的时候给你带点火锅底料和兔头，你上次说很想吃那家的。',
  '车子保养的时间到了，4S店打电话说这周六上午有空位，顺便把左后轮胎换一下，上次去的时候师傅就说胎纹已经快磨平了，不安全。',
];

const items = (texts: string[], firstId = 1): NearDuplicateItem[] => texts.map((text, i) => ({ id: firstId + i, text }));

function shuffled<T>(values: readonly T[], seed: number): T[] {
  const out = [...values];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('findNearDuplicates', () => {
  it('clusters five copies of a complaint letter with different names, numbers and amounts', () => {
    const clusters = findNearDuplicates(items([...CLIENTS.map(surrenderLetter), ...UNRELATED]));
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.ids).toEqual([1, 2, 3, 4, 5]);
    expect(clusters[0]?.similarity).toBeGreaterThanOrEqual(0.6);
    expect(clusters[0]?.similarity).toBeLessThan(1);
  });

  it('leaves unrelated long messages alone', () => {
    expect(findNearDuplicates(items(UNRELATED))).toEqual([]);
  });

  it('keeps two templates apart', () => {
    const debts = [
      debtLetter('赵敏', '6222021234567890123', '86,000'),
      debtLetter('孙立', '6217001234567890', '15000'),
      debtLetter('周杰', '6228481234567890012', '230000'),
    ];
    const texts = [...CLIENTS.slice(0, 3).map(surrenderLetter), ...UNRELATED.slice(0, 2), ...debts];
    expect(findNearDuplicates(items(texts)).map((c) => c.ids)).toEqual([
      [1, 2, 3],
      [6, 7, 8],
    ]);
  });

  it('ignores short messages, however alike', () => {
    const short = ['好的，我明天把定金转给你，成功后付款。', '好的，我明天把定金转给你，成功后付款！', '好的，我明天把定金转给你，成功后付款'];
    expect(findNearDuplicates(items(short))).toEqual([]);
    expect(findNearDuplicates(items(short), { minChars: 10 }).map((c) => c.ids)).toEqual([[1, 2, 3]]);
  });

  it('finds the same clusters whatever the order of the input', () => {
    const all = items([...CLIENTS.map(surrenderLetter), ...UNRELATED, debtLetter('赵敏', '6222021234567890123', '86,000'), debtLetter('孙立', '6217001234567890', '15000')]);
    const expected = findNearDuplicates(all);
    expect(expected.map((c) => c.ids)).toEqual([
      [1, 2, 3, 4, 5],
      [12, 13],
    ]);
    for (const seed of [1, 2, 3, 4, 5]) expect(findNearDuplicates(shuffled(all, seed))).toEqual(expected);
    expect(findNearDuplicates([...all].reverse())).toEqual(expected);
  });

  it('applies the similarity threshold', () => {
    const texts = CLIENTS.map(surrenderLetter);
    expect(findNearDuplicates(items(texts), { threshold: 0.99 })).toEqual([]);
    const loose = findNearDuplicates(items(texts), { threshold: 0.3 });
    expect(loose[0]?.ids).toEqual([1, 2, 3, 4, 5]);
  });

  it('clusters hundreds of copies (a hot LSH bucket) into one', () => {
    const texts = Array.from({ length: 300 }, (_, i) => {
      const c = CLIENTS[i % CLIENTS.length] as Client;
      return surrenderLetter({ ...c, name: `客户${String.fromCharCode(0x4e00 + i)}${String.fromCharCode(0x4e00 + 2 * i)}`, policy: `P${i}` });
    });
    const clusters = findNearDuplicates(items([...texts, ...UNRELATED]));
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.ids).toHaveLength(300);
    const exact = findNearDuplicates(items([...Array.from({ length: 200 }, () => UNRELATED[0] ?? ''), UNRELATED[1] ?? '']));
    expect(exact).toEqual([{ ids: Array.from({ length: 200 }, (_, i) => i + 1), similarity: 1 }]);
  });

  it('survives hostile text', () => {
    const hostile = [
      '\u202e'.repeat(50) + surrenderLetter(CLIENTS[0] as Client),
      surrenderLetter(CLIENTS[1] as Client).split('').join('\u200b'),
      '\ud800'.repeat(100) + '\udc00'.repeat(100),
      '停息挂账'.repeat(25_000),
      '',
    ];
    const clusters = findNearDuplicates(items(hostile));
    expect(clusters.map((c) => c.ids)).toEqual([[1, 2]]);
  });

  it('rejects a repeated id and nonsense options', () => {
    expect(() => findNearDuplicates([{ id: 1, text: 'a' }, { id: 1, text: 'b' }])).toThrow(/id 1 occurs twice/);
    expect(() => findNearDuplicates([], { threshold: 0 })).toThrow(RangeError);
    expect(() => findNearDuplicates([], { bands: 0 })).toThrow(RangeError);
    expect(() => findNearDuplicates([], { shingleSize: 2.5 })).toThrow(RangeError);
  });
});
