import { describe, expect, it } from 'vitest';
import lexiconJson from '../../../../resources/lexicon/default.json';
import { HIT_THRESHOLD, compileLexicon, parseLexicon, scoreMessage } from '../../../../shared/lexicon';
import type { Lexicon } from '../../../../shared/lexicon';

function loadDefault(): Lexicon {
  const parsed = parseLexicon(lexiconJson);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.label}: ${i.message}`).join('\n'));
  return parsed.lexicon;
}

const lexicon = loadDefault();
const matcher = compileLexicon(lexicon);
const score = (text: string) => scoreMessage(matcher.match(text), { text });

describe('resources/lexicon/default.json', () => {
  it('is a valid lexicon with the typology groups of DOMAIN.md §3.6', () => {
    expect(lexicon.groups.map((g) => g.id)).toEqual([
      'fees',
      'surrender',
      'anti-collection',
      'forged-proof',
      'loan-agent',
      'debt-evasion',
      'card-cashout',
      'claims',
      'opsec',
    ]);
    for (const group of lexicon.groups) {
      expect(group.name.zh).not.toBe('');
      expect(group.name.en).not.toBe('');
    }
  });

  // Every cell of the §3.6 table, compound cells split into the forms a chat would contain.
  it.each<[group: string, written: string]>([
    ...['定金', '服务费', '手续费', '佣金', '提成', '抽成', '点位', '返点', '分成', '前期费用', '后付费', '成功后付款', '不成功不收费', '尾款'].map(
      (w): [string, string] => ['fees', w],
    ),
    ...['全额退保', '退全额', '退保', '退费', '现金价值', '犹豫期', '销售误导', '保单', '投诉信', '投诉模板', '剧本', '录音', '剪辑', '监管', '银保监', '金监局',
      '12378', '维权', '法务老师', '律所', '喜报', '捷报', '回访'].map((w): [string, string] => ['surrender', w]),
    ...['停息挂账', '停息挂帐', '个性化分期', '协商还款', '延期还本', '减免', '免息', '停催停诉', '债务优化', '解债', '化债', '平债', '5折解债', '五折解债',
      '４折解债', '征信修复', '征信洗白', '洗白', '上岸', '债友', '负债', '逾期', '催收', '暴力催收', '投诉', '举报', '12378', '12363', '律师函', '委托书',
      '全权委托', '新手机卡', '换号', '代接电话'].map((w): [string, string] => ['anti-collection', w]),
    ...['贫困证明', '失业证明', '病情证明', '重疾证明', '住院证明', '死亡证明', '防控证明', '隔离证明', '病历', '诊断书', '公章', '盖章', 'P图', 'PS', '模板'].map(
      (w): [string, string] => ['forged-proof', w],
    ),
    ...['包装', '做流水', '刷流水', '走账', '过桥', '垫资', '砍头息', '保证金', '口子', '下款', '秒批', '白户', '花户', '黑户', '背债', '背债人', '征信查询多',
      '征信花了', 'AB贷', '担保人', '见证人', '联系人', '监督人', '面签', '经营贷', '抵押贷', '置换', '内部渠道', '资方', '收入证明', '社保', '公积金',
      '营业执照'].map((w): [string, string] => ['loan-agent', w]),
    ...['转移财产', '过户', '假离婚', '分家', '代持', '注销公司', '破产', '执行', '失信', '限高', '死亡证明'].map((w): [string, string] => ['debt-evasion', w]),
    ...['POS', '刷卡', '套现', '养卡', '精养', '代还', '垫还', '空卡', '提额', '费率', '秒到', 'T+0', '商户', '跳码', '落地商户', '溢缴款'].map(
      (w): [string, string] => ['card-cashout', w],
    ),
    ...['代办理赔', '买断', '分成', '伤残鉴定', '评残', '挂床', '误工', '人伤'].map((w): [string, string] => ['claims', w]),
    ...['语音说', '别打字', '删记录', '阅后即焚', '换号', '小号', '不要用真名'].map((w): [string, string] => ['opsec', w]),
  ])('%s lists %s', (group, written) => {
    const hits = matcher.match(written).filter((h) => h.group === group);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ start: 0, end: written.length, text: written });
  });

  it('weights specific jargon high and everyday words low', () => {
    const weightOf = (term: string) => lexicon.groups.flatMap((g) => g.terms).find((t) => t.term === term)?.weight;
    for (const jargon of ['停息挂账', 'AB贷', '全额退保', '征信洗白', '砍头息']) expect(weightOf(jargon)).toBeGreaterThanOrEqual(0.8);
    for (const common of ['投诉', '保单', '负债', '执行', '商户', '社保', '联系人']) expect(weightOf(common)).toBeLessThanOrEqual(0.2);
  });

  // Lines as gang members and their clients write them; expected hits as group:term.
  it.each<[line: string, expected: string[]]>([
    ['先交2000定金，成功后付款', ['fees:定金', 'fees:成功后付款']],
    ['帮你停息挂账，个性化分期', ['anti-collection:停息挂账', 'anti-collection:个性化分期']],
    ['全额退保，不成功不收费', ['surrender:全额退保', 'fees:不成功不收费']],
    ['包装流水，下款快', ['loan-agent:做流水', 'loan-agent:下款']],
    ['语音说，别打字', ['opsec:语音说', 'opsec:别打字']],
    ['五折解债，上岸不是梦，名额有限', ['anti-collection:{n}折解债', 'anti-collection:上岸']],
    ['住院证明和诊断书我们这边都能做，盖章齐全', ['forged-proof:住院证明', 'forged-proof:诊断书', 'forged-proof:盖章']],
    ['房子先过户到你弟名下，再办个假离婚，法院执行不到', ['debt-evasion:过户', 'debt-evasion:假离婚', 'debt-evasion:执行']],
    ['有POS机的话帮你养卡，费率0.6，T+0秒到', ['card-cashout:POS', 'card-cashout:养卡', 'card-cashout:费率', 'card-cashout:T+0', 'card-cashout:秒到']],
    ['交警那边我们熟，代办理赔，评残包过，赔款三七分成', ['claims:代办理赔', 'claims:评残', 'claims:分成', 'fees:分成']],
    ['你这个白户不好下，找AB贷，担保人我们来找', ['loan-agent:白户', 'loan-agent:AB贷', 'loan-agent:担保人']],
    ['投诉信我发你了，照着抄，录音记得剪辑一下再发12378', ['surrender:投诉信', 'surrender:录音', 'surrender:剪辑', 'surrender:12378', 'anti-collection:12378']],
    ['聊完把记录删了，以后用小号联系，不要用真名', ['opsec:删记录', 'opsec:小号', 'opsec:不要用真名']],
  ])('%s', (line, expected) => {
    const hits = matcher.match(line);
    expect(hits.map((h) => `${h.group}:${h.term}`).sort()).toEqual([...expected].sort());
    for (const hit of hits) expect(line.slice(hit.start, hit.end)).toBe(hit.text);
    const result = score(line);
    expect(result.score).toBeGreaterThanOrEqual(HIT_THRESHOLD);
    for (const group of new Set(expected.map((e) => e.split(':')[0] ?? ''))) expect(result.groups[group]).toBeGreaterThan(0);
  });

  it.each([
    '我今天去银行办了张卡',
    '投诉快递',
    '保单到期了吗',
    '帮我查一下保单的现金价值',
    '周末一起去吃饭吧，我请客',
    '我付了2000定金买沙发',
    '公司的社保和公积金这个月交了没',
    '这个PPT模板挺好看的，发我一份',
    '投诉投诉投诉投诉投诉',
    '法院判了，下个月强制执行',
  ])('a benign line stays below the threshold: %s', (line) => {
    expect(score(line).score).toBeLessThan(HIT_THRESHOLD);
  });

  it('scores a client line above an everyday one that shares a word', () => {
    expect(score('退保的定金先交了，成功后再付尾款').score).toBeGreaterThan(score('保单到期了吗').score);
  });
});
