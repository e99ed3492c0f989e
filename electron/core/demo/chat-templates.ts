/**
 * Complaint scripts shared in the gangs' groups: each client posts the template back with their own details and a
 * few phrases changed — the near-duplicate letters regulators and banks notice (DOMAIN.md §3.1, §3.2).
 */
import type { Person } from './model';
import type { Rng } from './prng';
import type { AmountText } from './amount-words';
import { amountText } from './amount-words';

export interface TemplateText {
  text: string;
  mentions: AmountText[];
}

function variant(rng: Rng, options: readonly string[]): string {
  return rng.chance(0.7) ? (options[0] ?? '') : rng.pick(options);
}

function maskedId(rng: Rng, id: string): string {
  return rng.chance(0.3) ? `${id.slice(0, 4)}**********${id.slice(-4)}` : id;
}

/** the template itself (person = null, slots shown as XXX) or one person's filled-in copy */
export function complaintText(rng: Rng, kind: 'insurance' | 'debt', person: Person | null, amountMinor: number | null = null): TemplateText {
  const name = person?.name ?? 'XXX';
  const id = person ? maskedId(rng, person.idNumber) : 'XXXXXXXXXXXXXXXXXX';
  const phone = person?.phone ?? 'XXXXXXXXXXX';
  const mentions: AmountText[] = [];
  const lines: string[] = [];
  if (kind === 'insurance') {
    const premium = person && amountMinor !== null ? amountText(rng, amountMinor) : null;
    if (premium) mentions.push(premium);
    const year = person ? String(2016 + rng.int(0, 5)) : 'XXXX';
    lines.push('尊敬的保险公司及金融监管部门：');
    lines.push(`本人${name}，身份证号${id}，于${year}年购买贵公司保险产品（保单号${person ? `P${rng.digits(14)}` : 'XXXXXXXX'}），已交保费${premium ? premium.text : 'XXXX元'}。`);
    lines.push(variant(rng, ['业务员在销售过程中存在销售误导，夸大收益、隐瞒免责条款，未告知犹豫期和现金价值。', '业务员销售时存在误导行为，夸大投资收益，隐瞒免责条款，从未告知犹豫期及现金价值。']));
    if (!person || rng.chance(0.85)) lines.push(variant(rng, ['本人系在不知情的情况下签字，回访电话也是业务员教我回答的。', '本人在不知情的情况下签字，回访时按业务员要求作答。']));
    lines.push(variant(rng, ['现要求全额退保，退还全部已交保费。', '现要求全额退还已交保费。']));
    lines.push(variant(rng, ['如不能妥善处理，本人将向金融监管部门（12378）投诉并保留诉讼权利。', '如贵司不予处理，本人将向12378投诉，并保留通过法律途径解决的权利。']));
    lines.push(`投诉人：${name}  联系电话：${phone}`);
  } else {
    const reason = person ? rng.pick(['失业', '生病住院', '生意失败', '家人重病']) : 'XXXX';
    lines.push('致贷款机构及信用卡中心：');
    lines.push(`本人${name}（身份证号${id}）因${reason}导致收入锐减，目前确实无力按期还款，并非恶意逃废债务。`);
    lines.push(variant(rng, ['现申请停息挂账、个性化分期，分60期偿还本金，停止一切催收。', '现申请停息挂账，办理个性化分期，60期偿还本金，停止催收。']));
    lines.push(variant(rng, ['贵司催收人员多次暴力催收、骚扰家人及同事，', '催收人员多次暴力催收，骚扰本人家人同事，']) + variant(rng, ['若不同意协商，本人将向12378、12363投诉并委托律师发律师函。', '如不同意协商，将向12378、12363投诉，并委托律师处理。']));
    lines.push(`联系电话：${phone}`);
  }
  return { text: lines.join('\n'), mentions };
}
