/**
 * The legitimate life of an account, streamed in time order with O(1) state: recurring items (salary, rent,
 * payroll fan-out, weekly sweeps, interest) merged with an exact number of everyday transactions whose times are
 * drawn as sorted uniforms (sequential order statistics), so nothing is held or sorted in memory.
 */
import type { Account, Period } from './model';
import { Rng } from './prng';
import type { Entry } from './entry';
import { blankEntry, patch } from './entry';
import { cardNumber } from './identifiers';
import { ALIPAY_NAME, BANKS, GIVEN_FEMALE, GIVEN_MALE, SURNAMES, TENPAY_NAME } from './reference-data';
import type { MerchantKind } from './reference-data';
import { rentOf, salaryOf } from './persona-params';
import { DAY, HOUR, MINUTE, addMonths, dayStart, monthStart } from './time';

export interface PoolMerchant {
  name: string;
  code: string;
  kind: MerchantKind;
  city: string;
  card: string;
  bank: string;
  wallet: string;
}

export interface NoiseContext {
  seed: number;
  period: Period;
  merchants: readonly PoolMerchant[];
  employers: readonly { name: string; account: string; bank: string }[];
}

interface Party {
  name: string;
  card: string;
  bank: string;
  idNo: string;
  wallet: string;
}

function randomParty(rng: Rng): Party {
  const surname = rng.pick(SURNAMES)[0];
  const pool = rng.chance(0.5) ? GIVEN_MALE : GIVEN_FEMALE;
  const name = surname + rng.pick(pool)[0] + (rng.chance(0.6) ? rng.pick(pool)[0] : '');
  const bank = rng.pick(BANKS);
  return { name, card: cardNumber(rng, bank.debitBin, bank.debitLength), bank: bank.short, idNo: '', wallet: `wxid_${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 14)}` };
}

/** scheduled rows per month for the budget: keeps the requested row count close */
export function scheduledEstimate(account: Account, months: number, payrollSize: number): number {
  switch (account.persona) {
    case 'salaried':
    case 'night-worker':
      return months * 3 + 4;
    case 'landlord':
      return months * 5 + 4;
    case 'payroll-company':
      return months * (payrollSize + 5) + 4;
    case 'wholesale-merchant':
      return Math.round((months * 52) / 12) + 4;
    case 'credit-card':
      return months;
    case 'quiet':
      return account.kind === 'corporate' ? 4 : months + 4;
    case 'pos-merchant':
      return 4;
    default:
      return 0;
  }
}

export function payrollSize(account: Account): number {
  return Math.min(400, Math.max(6, Math.floor((account.noiseRows * 0.55) / 12)));
}

export function* noiseEntries(account: Account, ownerName: string, ctx: NoiseContext): Generator<Entry> {
  if (account.persona === 'mule' || account.persona === 'external' || account.noiseRows <= 0) return;
  const rng = new Rng(`${ctx.seed}:noise:${account.id}`);
  const months = monthsIn(ctx.period);
  const k = payrollSize(account);
  const randomCount = Math.max(0, account.noiseRows - scheduledEstimate(account, months, k));
  const friends = Array.from({ length: rng.int(4, 12) }, () => randomParty(rng));
  const merchants = rng.sample(ctx.merchants, rng.int(6, 18));
  const scheduled = scheduledEntries(account, ownerName, ctx, rng.fork('scheduled'), k, randomCount);
  const random = randomEntries(account, ownerName, ctx, rng.fork('random'), randomCount, friends, merchants);
  let a = scheduled.next();
  let b = random.next();
  while (!a.done || !b.done) {
    if (!a.done && (b.done || a.value.t <= b.value.t)) {
      yield a.value;
      a = scheduled.next();
    } else if (!b.done) {
      yield b.value;
      b = random.next();
    }
  }
}

function monthsIn(period: Period): number {
  let n = 0;
  for (let m = monthStart(period.start); m < period.end; m = addMonths(m, 1)) n++;
  return n;
}

/** what an everyday row costs on balance, on average (spending outweighs small transfers in) */
const NET_SPEND_PER_ROW = 30_000;

function* scheduledEntries(account: Account, ownerName: string, ctx: NoiseContext, rng: Rng, k: number, randomCount: number): Generator<Entry> {
  const { period } = ctx;
  const salary = account.persona === 'salaried' || account.persona === 'night-worker' ? salaryOf(ctx.seed, account) : null;
  const rent = salary ? rentOf(ctx.seed, account) : null;
  const landlordParty = rent ? randomParty(rng) : null;
  const tenants = account.persona === 'landlord' ? Array.from({ length: rng.int(2, 4) }, () => ({ party: randomParty(rng), amount: rng.pick([180_000, 250_000, 320_000, 380_000, 450_000]), day: rng.int(1, 10) })) : [];
  const employees = account.persona === 'payroll-company' ? Array.from({ length: k }, () => ({ party: randomParty(rng), amount: rng.int(40, 220) * 10_000 + rng.pick([0, 5_000, 8_800]) })) : [];
  const clients = account.persona === 'payroll-company' ? Array.from({ length: 3 }, () => randomParty(rng)) : [];
  const suppliers = account.persona === 'wholesale-merchant' ? Array.from({ length: 2 }, () => randomParty(rng)) : [];
  const payday = rng.int(5, 15);
  const dueDay = rng.int(5, 25);
  const ownCard = randomParty(rng);
  const employer = salary ? ctx.employers[salary.employerIndex % ctx.employers.length] : undefined;
  // the rest of a household's money: a spouse's transfers, a side business; sized to what the account spends
  const personal = account.kind === 'debit' && account.channel === 'bank' && ['salaried', 'night-worker', 'quiet', 'landlord'].includes(account.persona);
  const family = personal ? randomParty(rng) : null;
  const otherIncome = Math.max(50_000, Math.round((NET_SPEND_PER_ROW * randomCount) / 12 / 10_000) * 10_000 - (salary?.amount ?? 0));
  const incomeDay = rng.int(1, 28);

  for (let m = monthStart(period.start); m < period.end; m = addMonths(m, 1)) {
    const batch: Entry[] = [];
    if (salary && employer) {
      const e = blankEntry(m + (salary.day - 1) * DAY + salary.at, 1, salary.amount);
      patch(e, { cpName: employer.name, cpCard: employer.account, cpBank: employer.bank, summary: rng.pick(['代发工资', '工资']), type: '代发', medium: '批量' });
      batch.push(e);
    }
    if (family) {
      const e = blankEntry(m + (incomeDay - 1) * DAY + rng.int(8, 21) * HOUR + rng.int(0, 3_599), 1, otherIncome + rng.int(0, 20) * 10_000);
      patch(e, { cpName: family.name, cpCard: family.card, cpBank: family.bank, summary: rng.pick(['转账', '经营收入', '往来款', '家用']), type: '转账', medium: '网银' });
      batch.push(e);
    }
    if (rent && landlordParty) {
      const e = blankEntry(m + (rent.day - 1) * DAY + rng.int(8, 22) * HOUR + rng.int(0, 3_599), -1, rent.amount);
      patch(e, { cpName: landlordParty.name, cpCard: landlordParty.card, cpBank: landlordParty.bank, summary: '房租', type: '转账', medium: '手机银行', online: true, remark: `${new Date(m * 1000).getUTCMonth() + 1}月房租` });
      batch.push(e);
    }
    for (const tenant of tenants) {
      const e = blankEntry(m + (tenant.day - 1) * DAY + rng.int(8, 22) * HOUR + rng.int(0, 3_599), 1, tenant.amount);
      patch(e, { cpName: tenant.party.name, cpCard: tenant.party.card, cpBank: tenant.party.bank, summary: '房租', type: '转账', medium: '网银' });
      batch.push(e);
    }
    if (employees.length > 0) {
      const payroll = employees.reduce((s, x) => s + x.amount, 0);
      clients.forEach((c, i) => {
        const e = blankEntry(m + (payday - 4 + i) * DAY + rng.int(9, 16) * HOUR + rng.int(0, 3_599), 1, Math.round((payroll * rng.int(40, 55)) / 100));
        patch(e, { cpName: `${c.name.slice(0, 1)}氏${rng.pick(['贸易', '科技', '实业'])}有限公司`, cpCard: c.card, cpBank: c.bank, summary: rng.pick(['货款', '服务费', '工程款']), type: '转账', medium: '网银' });
        batch.push(e);
      });
      let t = m + (payday - 1) * DAY + 10 * HOUR;
      for (const emp of employees) {
        t += rng.int(1, 4);
        const e = blankEntry(t, -1, emp.amount);
        patch(e, { cpName: emp.party.name, cpCard: emp.party.card, cpBank: emp.party.bank, summary: '代发工资', type: '代发', medium: '批量' });
        batch.push(e);
      }
      for (const [summary, share] of [['社保费', 16], ['代扣个税', 6]] as const) {
        const e = blankEntry(m + (payday + 2) * DAY + 9 * HOUR + rng.int(0, 3_599), -1, Math.round((payroll * share) / 100));
        patch(e, { cpName: summary === '社保费' ? '社会保险费征收专户' : '国家金库', summary, type: '代扣', medium: '批量' });
        batch.push(e);
      }
    }
    if (account.persona === 'wholesale-merchant') {
      // weekly sweep of most of the takings to one of two suppliers (a legitimate 分散转入集中转出 shape)
      for (let w = m; w < addMonths(m, 1); w += 7 * DAY) {
        const sup = suppliers[rng.int(0, suppliers.length - 1)];
        if (!sup) continue;
        const e = blankEntry(dayStart(w) + 6 * DAY + 16 * HOUR + rng.int(0, 3_599), -1, 0);
        patch(e, { fill: 'sweep', fillBp: rng.int(8_500, 9_500), cpName: sup.name, cpCard: sup.card, cpBank: sup.bank, summary: '货款', type: '转账', medium: '网银', online: true });
        batch.push(e);
      }
    }
    if (account.persona === 'credit-card') {
      const e = blankEntry(m + (dueDay - 1) * DAY + rng.int(7, 20) * HOUR + rng.int(0, 3_599), 1, 0);
      patch(e, { fill: 'repay-all', cpName: ownerName, cpCard: ownCard.card, cpBank: ownCard.bank, summary: '还款', type: '还款', medium: '手机银行' });
      batch.push(e);
    }
    const month = new Date(m * 1000).getUTCMonth() + 1;
    if (month % 3 === 0 && account.kind !== 'credit' && account.channel === 'bank' && account.persona !== 'mule') {
      const e = blankEntry(m + 20 * DAY, 1, 0);
      patch(e, { fill: 'interest', summary: '结息', type: '结息', medium: '批量' });
      batch.push(e);
    }
    batch.sort((x, y) => x.t - y.t);
    for (const e of batch) if (e.t >= period.start && e.t < period.end) yield e;
  }
}

function* randomEntries(account: Account, ownerName: string, ctx: NoiseContext, rng: Rng, count: number, friends: readonly Party[], merchants: readonly PoolMerchant[]): Generator<Entry> {
  const { period } = ctx;
  const days = Math.floor((period.end - period.start) / DAY);
  const window = account.persona === 'night-worker' ? [19 * HOUR, 11 * HOUR] : account.kind === 'corporate' ? [8 * HOUR + 30 * MINUTE, 10 * HOUR] : [7 * HOUR, 16 * HOUR];
  const [open, len] = window as [number, number];
  let x = 0;
  for (let remaining = count; remaining > 0; remaining--) {
    x += (1 - x) * (1 - Math.pow(rng.float(), 1 / remaining));
    const f = x * days;
    const day = Math.min(days - 1, Math.floor(f));
    const t = period.start + day * DAY + open + Math.floor((f - day) * len);
    if (t >= period.end) continue;
    yield account.channel === 'tenpay'
      ? tenpayEntry(t, rng, friends, merchants, account)
      : account.channel === 'alipay'
        ? alipayEntry(t, rng, friends, merchants, account)
        : account.kind === 'corporate'
          ? corporateEntry(t, rng, friends, account)
          : personalEntry(t, rng, friends, merchants, account, ownerName);
  }
}

function merchantSpend(t: number, rng: Rng, merchants: readonly PoolMerchant[]): Entry {
  const m = rng.pick(merchants);
  const e = blankEntry(t, -1, rng.logInt(m.kind.min, m.kind.max));
  patch(e, { cpName: m.name, merchantName: m.name, merchantCode: m.code, terminal: m.code.slice(-8), summary: rng.pick(['消费', 'POS消费']), type: '消费', medium: 'POS' });
  return e;
}

function transfer(t: number, dir: 1 | -1, amount: number, p: Party, medium: string, rng: Rng): Entry {
  const e = blankEntry(t, dir, amount);
  patch(e, { cpName: p.name, cpCard: p.card, cpBank: p.bank, cpIdNo: p.idNo, summary: rng.pick(['转账', '汇款', '跨行转账', '手机转账']), type: '转账', medium, online: dir < 0 && medium !== '柜面' });
  return e;
}

function personalEntry(t: number, rng: Rng, friends: readonly Party[], merchants: readonly PoolMerchant[], account: Account, ownerName: string): Entry {
  const credit = account.kind === 'credit';
  const r = rng.int(0, 99);
  if (r < (credit ? 60 : 30)) return merchantSpend(t, rng, merchants);
  if (r < (credit ? 95 : 58)) {
    const tenpay = rng.chance(0.6);
    const e = blankEntry(t, -1, rng.logInt(300, 200_000));
    patch(e, { cpName: tenpay ? TENPAY_NAME : ALIPAY_NAME, cpCard: tenpay ? '243300133' : '215500690', summary: tenpay ? '财付通-微信支付' : '支付宝-快捷支付', type: '消费', medium: '快捷支付' });
    return e;
  }
  if (credit) {
    const e = blankEntry(t, 1, rng.logInt(1_000, 80_000));
    patch(e, { cpName: rng.pick(merchants).name, summary: '退货', type: '退款', medium: 'POS' });
    return e;
  }
  if (r < 68) return transfer(t, -1, rng.logInt(5_000, 2_000_000), rng.pick(friends), rng.pick(['手机银行', '手机银行', '网银', '柜面']), rng);
  if (r < 80) return transfer(t, 1, rng.logInt(5_000, 1_500_000), rng.pick(friends), '手机银行', rng);
  if (r < 86) {
    const e = blankEntry(t, 1, rng.logInt(1_000, 300_000));
    patch(e, { cpName: TENPAY_NAME, cpCard: '243300133', summary: '微信零钱提现', type: '转账', medium: '快捷支付' });
    return e;
  }
  if (r < 91) {
    const e = blankEntry(t, -1, rng.int(1, 30) * 10_000);
    patch(e, { summary: rng.pick(['ATM取款', '取款']), type: '取现', medium: 'ATM', cash: true });
    return e;
  }
  if (r < 94) {
    const e = blankEntry(t, -1, rng.pick([200, 300, 1_000, 1_200]));
    patch(e, { summary: rng.pick(['短信服务费', '年费', '账户管理费']), type: '收费', medium: '批量' });
    return e;
  }
  if (r < 97) {
    const e = blankEntry(t, -1, rng.int(10, 300) * 10_000);
    patch(e, { cpName: `${ownerName}`, summary: '理财购买', type: '理财', medium: '手机银行', online: true });
    return e;
  }
  const e = blankEntry(t, 1, rng.logInt(1_000, 80_000));
  patch(e, { cpName: rng.pick(merchants).name, summary: '退货', type: '退款', medium: 'POS' });
  return e;
}

function corporateEntry(t: number, rng: Rng, friends: readonly Party[], account: Account): Entry {
  const r = rng.int(0, 99);
  if (account.persona === 'wholesale-merchant' || account.persona === 'pos-merchant') {
    if (r < 70) {
      // takings from many different customers: a different name nearly every time
      const p = r < 60 ? randomParty(rng) : rng.pick(friends);
      const e = transfer(t, 1, rng.logInt(account.persona === 'pos-merchant' ? 2_000 : 20_000, account.persona === 'pos-merchant' ? 200_000 : 3_000_000), p, '网银', rng);
      e.summary = rng.pick(['货款', '转账', '收款']);
      return e;
    }
    if (r < 85) {
      const e = blankEntry(t, 1, rng.logInt(5_000, 500_000));
      patch(e, { cpName: '银联商务股份有限公司', summary: 'POS结算', type: '结算', medium: '批量' });
      return e;
    }
  } else if (r < 45) {
    return transfer(t, 1, rng.logInt(100_000, 20_000_000), rng.pick(friends), '网银', rng);
  }
  if (r < 92) {
    const e = transfer(t, -1, rng.logInt(50_000, 5_000_000), rng.pick(friends), '网银', rng);
    e.summary = rng.pick(['货款', '采购款', '服务费', '运费']);
    return e;
  }
  const e = blankEntry(t, -1, rng.pick([1_000, 2_000, 5_000, 20_000]));
  patch(e, { summary: rng.pick(['手续费', '网银年费', '回单箱费']), type: '收费', medium: '批量' });
  return e;
}

function tenpayEntry(t: number, rng: Rng, friends: readonly Party[], merchants: readonly PoolMerchant[], account: Account): Entry {
  const r = rng.int(0, 99);
  const friend = rng.pick(friends);
  const base = (dir: 1 | -1, amount: number, summary: string, type: string, kind: Entry['walletKind']): Entry => {
    const e = blankEntry(t, dir, amount);
    patch(e, { cpName: friend.name, cpWallet: friend.wallet, summary, type, walletKind: kind, online: dir < 0 });
    return e;
  };
  if (r < 15) return base(-1, rng.pick([520, 888, 1_000, 2_000, 5_200, 6_600, 8_800, 20_000]), '微信红包', '红包', 'red-packet');
  if (r < 30) return base(1, rng.pick([520, 666, 888, 1_000, 1_888, 5_200, 10_000]), '微信红包', '红包', 'red-packet');
  if (r < 34) {
    const e = base(-1, rng.pick([2_000, 5_000, 10_000, 20_000]), '微信红包', '红包', 'red-packet');
    e.cpName = `${rng.pick(['相亲相爱一家人', '同学群', '工作群', '老乡会'])}`;
    e.recvAmount = Math.max(1, Math.floor(e.amount * rng.int(5, 60) / 100));
    e.remark = '群红包';
    return e;
  }
  if (r < 46) return base(-1, rng.logInt(1_000, 500_000), '转账', '转帐', 'transfer');
  if (r < 58) return base(1, rng.logInt(1_000, 500_000), '转账', '转帐', 'transfer');
  if (r < 88) {
    const m = rng.pick(merchants);
    const e = blankEntry(t, -1, rng.logInt(m.kind.min, Math.min(m.kind.max, 100_000)));
    patch(e, { cpName: m.name, cpWallet: m.wallet, summary: '扫二维码付款', type: '消费', walletKind: 'payment', online: true });
    return e;
  }
  if (r < 94) {
    const e = blankEntry(t, 1, rng.logInt(10_000, 500_000));
    patch(e, { summary: '零钱充值', type: '充值', walletKind: 'withdraw', ownCard: account.boundCards[0] ?? '' });
    return e;
  }
  const e = blankEntry(t, -1, rng.logInt(10_000, 300_000));
  patch(e, { summary: '零钱提现', type: '提现', walletKind: 'withdraw', ownCard: account.boundCards[0] ?? '', online: true });
  return e;
}

function alipayEntry(t: number, rng: Rng, friends: readonly Party[], merchants: readonly PoolMerchant[], account: Account): Entry {
  const r = rng.int(0, 99);
  if (r < 42) {
    const m = rng.pick(merchants);
    const e = blankEntry(t, -1, rng.logInt(500, 100_000));
    patch(e, { cpName: m.name, cpWallet: `2088${m.code.slice(-12)}`, summary: rng.pick(['商品', '外卖订单', '充值缴费', '生活缴费']), type: '在线支付', walletKind: 'payment', online: true });
    return e;
  }
  const friend = rng.pick(friends);
  const uid = `2088${friend.card.slice(-12)}`;
  if (r < 58) {
    const e = blankEntry(t, -1, rng.logInt(1_000, 500_000));
    patch(e, { cpName: friend.name, cpWallet: uid, summary: '转账', type: '即时到账交易', online: true });
    return e;
  }
  if (r < 76) {
    const e = blankEntry(t, 1, rng.logInt(1_000, 500_000));
    patch(e, { cpName: friend.name, cpWallet: uid, summary: '转账', type: '即时到账交易' });
    return e;
  }
  if (r < 90) {
    const e = blankEntry(t, 1, rng.logInt(10_000, 500_000));
    patch(e, { summary: '余额充值', type: '充值', ownCard: account.boundCards[0] ?? '', walletKind: 'withdraw' });
    return e;
  }
  const e = blankEntry(t, -1, rng.logInt(10_000, 300_000));
  patch(e, { summary: '余额提现', type: '提现', ownCard: account.boundCards[0] ?? '', walletKind: 'withdraw', online: true });
  return e;
}
