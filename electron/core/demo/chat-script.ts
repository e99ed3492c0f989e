/**
 * What the seized phones say: conversations written around the planted money (negotiating rates, deposits and
 * fees sent as WeChat transfers, "已转你卡上" mentions of bank transfers, shared complaint templates, OPSEC asides),
 * using the §3.6 lexicon and every written form of an amount.
 */
import type { Person, Transfer } from './model';
import type { Network } from './network';
import type { Plan, ChatHook } from './plan';
import type { Rng } from './prng';
import type { AmountText } from './amount-words';
import { amountText } from './amount-words';
import { bankInfo } from './reference-data';
import { MINUTE } from './time';
import { complaintText } from './chat-templates';

export type ChatFormat = 'wechat-csv' | 'whatsapp-txt' | 'qq-txt' | 'telegram-json';
export type MessageKind = 'text' | 'transfer' | 'transfer-received' | 'red-packet' | 'image' | 'voice' | 'system';

export interface ChatMessage {
  t: number;
  from: Person | null;
  kind: MessageKind;
  text: string;
  transfer: Transfer | null;
  link: 'transfer' | 'red-packet' | 'mention' | null;
  mentions: AmountText[];
  template: string | null;
}

export interface Conversation {
  key: string;
  format: ChatFormat;
  title: string;
  owner: Person;
  participants: Person[];
  group: boolean;
  instance: string | null;
  messages: ChatMessage[];
}

interface Said {
  text: string;
  mentions: AmountText[];
}

export class Script {
  readonly conversations = new Map<string, Conversation>();

  constructor(private readonly rng: Rng) {}

  conv(key: string, init: Omit<Conversation, 'key' | 'messages'>): Conversation {
    let c = this.conversations.get(key);
    if (!c) {
      c = { key, messages: [], ...init };
      this.conversations.set(key, c);
    }
    return c;
  }

  /** a tagged template: amounts interpolated as AmountText are written in a random colloquial form and recorded */
  a(minor: number): AmountText {
    return amountText(this.rng, minor);
  }

  say(c: Conversation, t: number, from: Person | null, said: Said | string, extra: Partial<ChatMessage> = {}): number {
    const s = typeof said === 'string' ? { text: said, mentions: [] } : said;
    c.messages.push({ t, from, kind: 'text', text: s.text, transfer: null, link: null, mentions: s.mentions, template: null, ...extra });
    return t + this.rng.int(15, 420);
  }

  filler(c: Conversation, t: number, people: readonly Person[], n: number): number {
    let at = t;
    for (let i = 0; i < n; i++) {
      const from = this.rng.pick(people);
      const r = this.rng.int(0, 9);
      if (r === 0) at = this.say(c, at, from, '[图片]', { kind: 'image' });
      else if (r === 1) at = this.say(c, at, from, '[语音]', { kind: 'voice' });
      else at = this.say(c, at, from, this.rng.pick(FILLER));
    }
    return at;
  }
}

const FILLER = ['在吗', '好的', '收到', '嗯嗯', '明白', '谢谢', '稍等一下', '好', '👌', '[捂脸]', '行', '知道了', '晚点说', '刚在忙', '可以', '没问题'];

export function said(strings: TemplateStringsArray, ...values: (string | number | AmountText)[]): Said {
  let text = strings[0] ?? '';
  const mentions: AmountText[] = [];
  values.forEach((v, i) => {
    if (typeof v === 'object') {
      text += v.text;
      mentions.push(v);
    } else text += String(v);
    text += strings[i + 1] ?? '';
  });
  return { text, mentions };
}

function pct(bp: number): string {
  return bp % 100 === 0 ? String(bp / 100) : (bp / 100).toFixed(1);
}

export function writeScript(rng: Rng, plan: Plan, net: Network): Script {
  const s = new Script(rng);
  const hooks = [...plan.chatHooks].sort((x, y) => x.t - y.t || (x.kind < y.kind ? -1 : 1));
  for (const hook of hooks) {
    if (hook.instance === 'T1') insuranceBeat(s, rng, hook, net);
    else if (hook.instance === 'T2') collectionBeat(s, rng, hook, net);
    else if (hook.instance === 'T3') loanBeat(s, rng, hook, net);
    else if (hook.instance === 'T4') evasionBeat(s, rng, hook, net);
    else if (hook.instance === 'T5') cardBeat(s, rng, hook, net);
    if (hook.kind === 'boss-cut') coreGroupBeat(s, rng, hook, net, plan);
  }
  for (const c of s.conversations.values()) c.messages.sort((x, y) => x.t - y.t);
  return s;
}

function transferMessage(s: Script, c: Conversation, from: Person, tr: Transfer, note: string): number {
  const yuanText = `¥${Math.floor(tr.amount / 100)}.${String(tr.amount % 100).padStart(2, '0')}`;
  const red = tr.kind === 'red-packet';
  s.say(c, tr.t, from, red ? `[红包]${note || '恭喜发财，大吉大利'}` : `[转账]${yuanText}${note ? ` ${note}` : ''}`, { kind: red ? 'red-packet' : 'transfer', transfer: tr, link: red ? 'red-packet' : 'transfer', mentions: red ? [] : [{ text: yuanText, amountMinor: tr.amount }] });
  const other = c.participants.find((p) => p !== from) ?? from;
  return s.say(c, tr.t + 40, other, red ? '[红包]已领取' : '[转账]已收款', { kind: 'transfer-received' });
}

function insuranceBeat(s: Script, rng: Rng, hook: ChatHook, net: Network): void {
  const agent = net.insuranceAgent.person;
  if (hook.kind === 'template') {
    const g = groupChat(s, 'wx:T1:group', 'wechat-csv', '退保维权交流群', agent, [agent, net.legalAdviser.person, ...net.clients.map((c) => c.person)], 'T1');
    let t = s.say(g, hook.t, net.legalAdviser.person, '大家好，我是法务老师，投诉模板发群里了，照着改一下姓名、保单号，打12378之前先发给我看');
    t = s.say(g, t, net.legalAdviser.person, complaintText(rng, 'insurance', null), { template: 'TPL-T1' });
    t = s.say(g, t, agent, '录音记得剪辑一下，只留业务员承诺收益那段，回访电话就说当时没人告诉你犹豫期');
    s.filler(g, t + 3_600, [agent, ...net.clients.map((c) => c.person)], rng.int(6, 14));
    return;
  }
  const client = hook.people[0];
  if (!client) return;
  const c = privateChat(s, `wx:T1:${client.id}`, 'wechat-csv', agent, client, 'T1');
  if (hook.kind === 'sign-up') {
    const rate = Number(hook.data.rateBp);
    let t = s.say(c, hook.t, client, `你好，在抖音上看到你们能帮忙全额退保？我买的是${String(hook.data.insurer)}的保单`);
    t = s.say(c, t, agent, said`可以的，交了多少？这种基本都属于销售误导，法务老师走投诉，一般能退九成以上`);
    t = s.say(c, t, client, said`一共交了${s.a(Number(hook.data.premiumMinor))}，现金价值才一半不到`);
    t = s.say(c, t, agent, `服务费是多退部分的${pct(rate)}%，不成功不收费，先交定金`);
    t = s.say(c, t, client, `${pct(rate - 500)}%行不行？别人家才收${pct(rate - 800)}个点`);
    t = s.say(c, t, agent, said`最低${pct(rate)}了，多退${s.a(2_000_000)}抽成${s.a(Math.round((2_000_000 * rate) / 10_000 / 100) * 100)}，你算算划不划算`);
    t = s.filler(c, t, [client, agent], rng.int(1, 4));
    if (hook.transfer) transferMessage(s, c, client, hook.transfer, '定金');
    else s.say(c, t, client, said`定金${s.a(hook.amount)}我用卡转你`);
    s.say(c, (hook.transfer?.t ?? t) + 600, agent, '资料发我，身份证正反面、保单、缴费记录。后面的事语音说，别打字');
    // the client posts the script back, filled in, in the group
    const g = groupChat(s, 'wx:T1:group', 'wechat-csv', '退保维权交流群', agent, [agent, net.legalAdviser.person, ...net.clients.map((m) => m.person)], 'T1');
    s.say(g, (hook.transfer?.t ?? t) + rng.int(20, 72) * 3_600, client, complaintText(rng, 'insurance', client, Number(hook.data.premiumMinor)), { template: 'TPL-T1' });
  } else if (hook.kind === 'refund-received') {
    let t = s.say(c, hook.t, client, said`退保金到账了，${s.a(hook.amount)}`);
    t = s.say(c, t, agent, said`恭喜！按约定服务费${s.a(Number(hook.data.feeMinor))}，转我卡或者微信都行`);
    s.filler(c, t, [client, agent], rng.int(0, 2));
  } else if (hook.kind === 'fee-paid' && hook.transfer) {
    const tr = hook.transfer;
    if (tr.channel === 'tenpay') transferMessage(s, c, client, tr, '服务费');
    else {
      const t = s.say(c, tr.t + rng.int(60, 900), client, said`已经转你${bankInfo(tr.to.bank).short}卡上了，${s.a(tr.amount)}，查收一下`, { transfer: tr, link: 'mention' });
      s.say(c, t, agent, '收到，合作愉快，有朋友需要可以介绍过来，介绍费另算');
    }
  } else if (hook.kind === 'red-packet' && hook.transfer) {
    transferMessage(s, c, agent, hook.transfer, '恭喜发财，大吉大利');
  }
}

function collectionBeat(s: Script, rng: Rng, hook: ChatHook, net: Network): void {
  const agent = net.collectionAgent.person;
  if (hook.kind === 'template') {
    const g = groupChat(s, 'qq:T2:group', 'qq-txt', '债友上岸互助群', agent, [agent, ...net.debtors.map((d) => d.person)], 'T2');
    let t = s.say(g, hook.t, agent, '新来的债友看群公告，停息挂账、个性化分期都能办，不成功不收费');
    t = s.say(g, t, agent, complaintText(rng, 'debt', null), { template: 'TPL-T2' });
    t = s.say(g, t, agent, '贫困证明、住院证明有模板，盖章的私聊，别在群里说');
    s.filler(g, t + 1_800, [agent, ...net.debtors.map((d) => d.person)], rng.int(8, 16));
    return;
  }
  const debtor = hook.people[0];
  if (!debtor) return;
  const c = privateChat(s, `wx:T2:${debtor.id}`, 'wechat-csv', agent, debtor, 'T2');
  if (hook.kind === 'sign-up') {
    let t = s.say(c, hook.t, debtor, said`信用卡逾期三个月了，一共欠${s.a(Number(hook.data.debtMinor))}，催收天天打电话到单位`);
    t = s.say(c, t, agent, hook.data.mode === 'n-fold' ? `可以做债务优化，${pct(Number(hook.data.discountBp) / 10)}折解债，交钱给我们，我们去跟银行谈` : '可以办停息挂账、个性化分期，60期还本金，不成功不收费');
    t = s.say(c, t, debtor, said`前期费用多少？`);
    t = s.say(c, t, agent, said`先交定金${s.a(hook.amount)}，成功后付尾款。新手机卡寄过来，以后银行电话我们代接`);
    if (hook.transfer) transferMessage(s, c, debtor, hook.transfer, '定金');
    else s.say(c, t, debtor, '定金我转你卡上');
    const g = groupChat(s, 'qq:T2:group', 'qq-txt', '债友上岸互助群', agent, [agent, ...net.debtors.map((d) => d.person)], 'T2');
    const posted = (hook.transfer?.t ?? t) + rng.int(6, 48) * 3_600;
    const next = s.say(g, posted, debtor, complaintText(rng, 'debt', debtor), { template: 'TPL-T2' });
    if (rng.chance(0.6)) s.say(g, next + 600, debtor, rng.pick(['催收又打我单位电话了', '已经上岸了，感谢老师', '协商成功，停催了', '暴力催收就打12378投诉']));
  } else if (hook.kind === 'fee-paid' && hook.transfer) {
    const tr = hook.transfer;
    const t = s.say(c, tr.t + rng.int(120, 1_800), debtor, said`服务费${s.a(tr.amount)}打到你们公司账户了`, { transfer: tr, link: 'mention' });
    s.say(c, t, agent, '收到，这个月起别还了，银行打电话一律说没钱，委托书签好寄回来');
  }
}

function loanBeat(s: Script, rng: Rng, hook: ChatHook, net: Network): void {
  const agent = net.loanAgent.person;
  const borrower = hook.people[0];
  if (!borrower) return;
  const g = groupChat(s, 'tg:T3:group', 'telegram-json', '口子资源对接', agent, [agent, ...net.borrowers.map((b) => b.person)], 'T3');
  if (hook.kind === 'sign-up') {
    let t = s.say(g, hook.t, borrower, '白户能下款吗？征信有点花');
    t = s.say(g, t, agent, said`能做，先包装，收入证明、社保、流水我们来，刷一个月流水，资料费${s.a(hook.amount)}支付宝转我`);
    if (hook.transfer) t = s.say(g, hook.transfer.t + 300, borrower, said`资料费${s.a(hook.transfer.amount)}支付宝转你了`, { transfer: hook.transfer, link: 'mention' });
    s.say(g, t, agent, `内部渠道，经营贷秒批，下款后${pct(Number(hook.data.rateBp))}个点服务费，面签的时候别多说话`);
  } else if (hook.kind === 'fee-paid' && hook.transfer) {
    const tr = hook.transfer;
    let t = s.say(g, tr.t - rng.int(5, 15) * MINUTE, agent, said`@${borrower.name.slice(0, 1)}总 下款${s.a(Number(hook.data.loanMinor))}了，服务费${s.a(tr.amount)}现在转`);
    t = s.say(g, Math.max(t, tr.t + 120), borrower, '转了，查一下', { transfer: tr, link: 'mention' });
    s.filler(g, t, [agent, borrower], rng.int(0, 3));
  }
}

function evasionBeat(s: Script, rng: Rng, hook: ChatHook, net: Network): void {
  const agent = net.collectionAgent.person;
  const evader = net.evader.person;
  const c = privateChat(s, `wx:T4:${evader.id}`, 'wechat-csv', agent, evader, 'T4');
  let t = s.say(c, hook.t, evader, '银行起诉了，法院那边快执行了，账上的钱怎么办');
  t = s.say(c, t, agent, said`先转移财产，分几笔转到你老婆和你妈卡上，房子过户，实在不行假离婚。维权服务费${s.a(hook.amount)}`);
  t = s.say(c, t, evader, '失信了会不会限高？');
  t = s.say(c, t, agent, '我们有律师处理执行，别用真名开新卡，语音说');
  if (hook.transfer) s.say(c, Math.max(t, hook.transfer.t + 600), evader, said`服务费${s.a(hook.transfer.amount)}转你们公司了`, { transfer: hook.transfer, link: 'mention' });
}

function cardBeat(s: Script, rng: Rng, hook: ChatHook, net: Network): void {
  const agent = net.cardAgent.person;
  const holder = hook.people[0];
  if (!holder) return;
  const h = net.cardHolders.find((x) => x.person === holder);
  const c = privateChat(s, `wa:T5:${holder.id}`, 'whatsapp-txt', agent, holder, 'T5');
  let t = s.say(c, hook.t, holder, h ? said`养卡代还怎么收费？卡是${bankInfo(h.credit.bank).short}的，额度${s.a(h.credit.creditLimit)}` : '养卡代还怎么收费？');
  t = s.say(c, t, agent, `费率${pct(Number(hook.data.feeBp))}，POS刷落地商户，秒到，不跳码，放心`);
  t = s.say(c, t, holder, said`这次刷${s.a(hook.amount)}，到我储蓄卡${h?.bank.card ?? ''}，电话${holder.phone}`);
  if (hook.transfer) s.say(c, Math.max(t, hook.transfer.t + 300), holder, said`到账了，${s.a(hook.transfer.amount)}，下个月还款日前再找你`, { transfer: hook.transfer, link: 'mention' });
}

function coreGroupBeat(s: Script, rng: Rng, hook: ChatHook, net: Network, plan: Plan): void {
  const org = net.organiser.person;
  const agents = [net.insuranceAgent.person, net.collectionAgent.person, net.loanAgent.person, net.cardAgent.person];
  const g = groupChat(s, 'tg:core', 'telegram-json', '家里人', net.loanAgent.person, [org, ...agents], null);
  const sender = hook.people[0];
  const relative = hook.people[1];
  if (!sender || !relative) return;
  const path = plan.paths.find((p) => p.id === hook.data.path);
  const lastHop = path?.hops[path.hops.length - 1];
  const last = lastHop ? plan.transfers.find((tr) => tr.id === lastHop.txns[0]) ?? null : null;
  const index = net.relatives.findIndex((r) => r.person === relative);
  const who = index === 0 ? '嫂子' : index === 1 ? '二哥' : '老太太';
  const at = last ? last.t + rng.int(30, 240) * MINUTE : hook.t;
  const t = s.say(g, at, sender, said`上个月${pct(Number(hook.data.rateBp))}个点已安排，走卡农那边过了，到${who}卡上${last ? s.a(last.amount) : ''}`, last ? { transfer: last, link: 'mention' } : {});
  s.say(g, t, org, rng.pick(['收到，以后这种语音说', '知道了，记录删了', '好，别打字', '收到，阅后即焚']));
}

function privateChat(s: Script, key: string, format: ChatFormat, owner: Person, other: Person, instance: string): Conversation {
  return s.conv(key, { format, title: other.name, owner, participants: [owner, other], group: false, instance });
}

function groupChat(s: Script, key: string, format: ChatFormat, title: string, owner: Person, members: Person[], instance: string | null): Conversation {
  return s.conv(key, { format, title, owner, participants: members, group: true, instance });
}
