/** The registry of fictional people, organisations and accounts, and the helpers that mint them. */
import type { Rng } from './prng';
import type { Account, AccountKind, Channel, Org, OrgKind, Period, Person, Persona, Role } from './model';
import { AREAS, BANKS, COMPANY_TRADES, COMPANY_WORDS, GIVEN_FEMALE, GIVEN_MALE, STREETS, SURNAMES, bankInfo } from './reference-data';
import type { Area, BankKey } from './reference-data';
import { alipayUid, cardNumber, cgnatIpv4, idNumber, ipv6, macAddress, mobile, publicIpv4, qqNumber, uscc, wechatAlias, wxid } from './identifiers';
import { DAY, localSeconds } from './time';

export interface PersonOptions {
  roles: Role[];
  gender?: 'M' | 'F';
  surname?: readonly [string, string];
  area?: Area;
  birthYears?: [number, number];
  wechat?: boolean;
  alipay?: boolean;
  qq?: boolean;
  name?: string;
}

export interface AccountOptions {
  channel?: Channel;
  bank?: BankKey;
  kind?: AccountKind;
  subject?: boolean;
  persona: Persona;
  weight: number;
}

/** Carrier NAT addresses shared by many unrelated phones (a near-miss for the same-IP model). */
export interface CgnatPool {
  addresses: string[];
}

export class Cast {
  readonly people: Person[] = [];
  readonly orgs: Org[] = [];
  readonly accounts: Account[] = [];
  private readonly peopleById = new Map<string, Person>();
  private readonly orgsById = new Map<string, Org>();
  private readonly cgnat: string[];
  private readonly banksByCard = new Map<string, BankKey>();
  private readonly taken = new Set<string>();

  constructor(
    private readonly rng: Rng,
    readonly period: Period,
  ) {
    this.cgnat = Array.from({ length: 5 }, () => cgnatIpv4(rng));
  }

  get cgnatAddresses(): readonly string[] {
    return this.cgnat;
  }

  personById(id: string): Person {
    const p = this.peopleById.get(id);
    if (!p) throw new Error(`no person ${id}`);
    return p;
  }

  maybePerson(id: string): Person | undefined {
    return this.peopleById.get(id);
  }

  orgById(id: string): Org | undefined {
    return this.orgsById.get(id);
  }

  ownerName(id: string): string {
    return this.peopleById.get(id)?.name ?? this.orgsById.get(id)?.name ?? id;
  }

  person(options: PersonOptions): Person {
    const rng = this.rng;
    const gender = options.gender ?? (rng.chance(0.5) ? 'M' : 'F');
    const surname = options.surname ?? rng.pick(SURNAMES);
    const pool = gender === 'M' ? GIVEN_MALE : GIVEN_FEMALE;
    const given = rng.chance(0.7) ? [rng.pick(pool), rng.pick(pool)] : [rng.pick(pool)];
    const name = options.name ?? surname[0] + given.map((g) => g[0]).join('');
    const pinyin = surname[1] + given.map((g) => g[1]).join('');
    const area = options.area ?? rng.pick(AREAS);
    const [y0, y1] = options.birthYears ?? [1962, 2002];
    const year = rng.int(y0, y1);
    const month = rng.int(1, 12);
    const day = rng.int(1, 28);
    const birthDate = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
    const id = `P${String(this.people.length + 1).padStart(4, '0')}`;
    // phone numbers and ID numbers name folders and link records, so no two people share one
    let phone = mobile(rng);
    while (this.taken.has(phone)) phone = mobile(rng);
    let idNo = idNumber(rng, area.code, birthDate, gender === 'M');
    while (this.taken.has(idNo)) idNo = idNumber(rng, area.code, birthDate, gender === 'M');
    this.taken.add(phone);
    this.taken.add(idNo);
    const person: Person = {
      id,
      name,
      pinyin,
      gender,
      birthDate,
      idNumber: idNo,
      phone,
      area,
      address: `${area.province}${area.city === area.province ? '' : area.city}${area.district}${rng.pick(STREETS)}${rng.int(1, 399)}号`,
      employer: '',
      roles: [...options.roles],
      relations: [],
      homeIp: publicIpv4(rng),
      ipv6: ipv6(rng),
      mac: macAddress(rng),
      mobileIp: rng.chance(0.45) ? rng.pick(this.cgnat) : publicIpv4(rng),
      wechat: options.wechat === false ? null : { wxid: wxid(rng), alias: wechatAlias(rng, pinyin), nickname: nickname(rng, name) },
      qq: options.qq === true ? qqNumber(rng) : null,
      alipayUid: options.alipay === true ? alipayUid(rng) : null,
      operatedBy: null,
    };
    this.people.push(person);
    this.peopleById.set(id, person);
    return person;
  }

  relate(a: Person, b: Person, kind: 'spouse' | 'sibling' | 'parent'): void {
    a.relations.push({ to: b.id, kind });
    b.relations.push({ to: a.id, kind: kind === 'parent' ? 'child' : kind });
  }

  org(kind: OrgKind, name?: string, options: { legalRep?: Person; area?: Area } = {}): Org {
    const rng = this.rng;
    const area = options.area ?? rng.pick(AREAS);
    const individual = kind === 'pos-merchant' || kind === 'wholesale-merchant';
    const org: Org = {
      id: `O${String(this.orgs.length + 1).padStart(3, '0')}`,
      name: name ?? companyName(rng, area),
      uscc: uscc(rng, area.code, individual),
      kind,
      area,
      legalRep: options.legalRep?.id ?? null,
      address: `${area.city}${area.district}${rng.pick(STREETS)}${rng.int(1, 999)}号`,
    };
    this.orgs.push(org);
    this.orgsById.set(org.id, org);
    return org;
  }

  /** a bank account (or card) held by a person or an organisation */
  bankAccount(owner: Person | Org, options: AccountOptions): Account {
    const rng = this.rng;
    const bank = options.bank ?? rng.pick(BANKS).key;
    const info = bankInfo(bank);
    const isOrg = 'uscc' in owner;
    const kind: AccountKind = options.kind ?? (isOrg ? 'corporate' : 'debit');
    const number = accountNumber(rng, bank, kind);
    let card = '';
    if (kind === 'debit') card = cardNumber(rng, info.debitBin, info.debitLength);
    if (kind === 'credit') card = cardNumber(rng, info.creditBin ?? info.debitBin, info.creditLength);
    const area = isOrg ? owner.area : owner.area;
    const operator = !isOrg && owner.operatedBy ? this.personById(owner.operatedBy) : null;
    const person = isOrg ? (owner.legalRep ? this.personById(owner.legalRep) : null) : owner;
    const device = operator ?? person;
    const subs = kind === 'credit' ? [] : subAccounts(bank, number, rng);
    const account: Account = {
      id: '',
      index: 0,
      channel: 'bank',
      ownerId: owner.id,
      holderName: owner.name,
      holderIdNumber: isOrg ? owner.uscc : owner.idNumber,
      holderIdType: isOrg ? '统一社会信用代码' : '身份证',
      bank,
      kind,
      card,
      number,
      printedNumber: printedAccount(bank, number),
      subAccounts: subs,
      subject: options.subject ?? true,
      persona: options.persona,
      weight: options.weight,
      noiseRows: 0,
      openedAt: this.period.start - rng.int(60, 3000) * DAY + rng.int(8 * 3_600, 18 * 3_600),
      branchName: `${info.short}${area.city.replace(/市$/, '')}${area.district.replace(/[区县市]$/, '')}支行`,
      branchCode: `${area.code.slice(0, 4)}${rng.digits(5)}`,
      city: area.city,
      contactPhone: operator ? operator.phone : isOrg ? (person?.phone ?? mobile(rng)) : owner.phone,
      onlineIp: device ? device.homeIp : publicIpv4(rng),
      onlineMac: device ? device.mac : macAddress(rng),
      onlineIpv6: device ? device.ipv6 : ipv6(rng),
      mobileIp: device ? device.mobileIp : publicIpv4(rng),
      openingBalance: 0,
      creditLimit: kind === 'credit' ? rng.pick([3_000_000, 5_000_000, 8_000_000, 10_000_000]) : 0,
      walletId: '',
      walletLogin: '',
      boundCards: [],
      encoding: 'GB18030',
      merchant: null,
      forcedFailureAt: 0,
    };
    return this.register(account);
  }

  /** a Tenpay (WeChat Pay) or Alipay wallet of a person, bound to their cards */
  wallet(owner: Person, channel: 'tenpay' | 'alipay', options: { persona: Persona; weight: number; subject?: boolean }): Account {
    const rng = this.rng;
    const operator = owner.operatedBy ? this.personById(owner.operatedBy) : owner;
    const cards = this.accounts.filter((a) => a.ownerId === owner.id && a.channel === 'bank' && a.kind === 'debit');
    const main = cards[0];
    const walletId = channel === 'tenpay' ? (owner.wechat?.wxid ?? wxid(rng)) : (owner.alipayUid ?? alipayUid(rng));
    const account: Account = {
      id: '',
      index: 0,
      channel,
      ownerId: owner.id,
      holderName: owner.name,
      holderIdNumber: owner.idNumber,
      holderIdType: '身份证',
      bank: main?.bank ?? 'CMB',
      kind: 'wallet',
      card: '',
      number: walletId,
      printedNumber: walletId,
      subAccounts: [],
      subject: options.subject ?? true,
      persona: options.persona,
      weight: options.weight,
      noiseRows: 0,
      openedAt: this.period.start - rng.int(200, 2500) * DAY + rng.int(7 * 3_600, 23 * 3_600),
      branchName: '',
      branchCode: '',
      city: owner.area.city,
      contactPhone: owner.phone,
      onlineIp: operator.homeIp,
      onlineMac: operator.mac,
      onlineIpv6: operator.ipv6,
      mobileIp: operator.mobileIp,
      openingBalance: 0,
      creditLimit: 0,
      walletId,
      walletLogin: channel === 'alipay' ? owner.phone : (owner.wechat?.alias ?? walletId),
      boundCards: cards.map((c) => c.card),
      encoding: rng.chance(0.7) ? 'UTF-8' : 'GB18030',
      merchant: null,
      forcedFailureAt: 0,
    };
    return this.register(account);
  }

  /** the bank that issued one of the cast's cards */
  bankOfCard(card: string): BankKey | undefined {
    return this.banksByCard.get(card);
  }

  private register(account: Account): Account {
    if (account.card !== '') this.banksByCard.set(account.card, account.bank);
    account.index = this.accounts.length + 1;
    account.id = `A${String(account.index).padStart(5, '0')}`;
    this.accounts.push(account);
    return account;
  }

  accountsOf(ownerId: string): Account[] {
    return this.accounts.filter((a) => a.ownerId === ownerId);
  }
}

function nickname(rng: Rng, name: string): string {
  const styles = [`${name.slice(-1)}${name.slice(-1)}`, `阿${name.slice(-1)}`, `${name.slice(0, 1)}总`, '平安是福', '向阳而生', '知足常乐', '追梦人', '海阔天空', `${name.slice(-1)}姐`, '静待花开', '老' + name.slice(0, 1)];
  return rng.pick(styles);
}

export function companyName(rng: Rng, area: Area): string {
  return `${area.city.replace(/市$/, '')}${rng.pick(COMPANY_WORDS)}${rng.pick(COMPANY_TRADES)}有限公司`;
}

function accountNumber(rng: Rng, bank: BankKey, kind: AccountKind): string {
  switch (bank) {
    case 'ICBC':
      return `${rng.pick(['4000', '1202', '3602', '2001'])}${rng.digits(15)}`;
    case 'CCB':
      return `${rng.pick(['4405', '3305', '3500', '1105'])}${rng.digits(16)}`;
    case 'ABC':
      return `${rng.int(10, 19)}${rng.digits(kind === 'corporate' ? 13 : 15)}`;
    case 'BOC':
      return rng.digits(12).replace(/^0/, '4');
    case 'CMB':
      return `${rng.pick(['755', '591', '571', '110'])}${rng.digits(kind === 'corporate' ? 12 : 13)}`;
    case 'COMM':
      return `${rng.pick(['3100', '4420', '3510'])}${rng.digits(17)}`;
    case 'PSBC':
      return `${rng.int(1, 9)}${rng.digits(17)}`;
    case 'CIB':
      return `${rng.pick(['1180', '1290', '3380'])}${rng.digits(14)}`;
  }
}

/** how the bank prints 交易账号: CCB adds the sub-account sequence, BOC groups digits with dashes */
export function printedAccount(bank: BankKey, number: string): string {
  if (bank === 'CCB') return `${number}_1`;
  if (bank === 'BOC') return number.replace(/(\d{4})(?=\d)/g, '$1-');
  return number;
}

function subAccounts(bank: BankKey, number: string, rng: Rng): { number: string; category: string; balance: number }[] {
  const base = bank === 'CCB' ? number : `${number}`;
  const subs = [{ number: bank === 'CCB' ? `${base}_1` : `${base}0001`, category: '活期储蓄', balance: 0 }];
  if (rng.chance(0.35)) subs.push({ number: bank === 'CCB' ? `${base}_2` : `${base}0002`, category: '整存整取定期', balance: rng.int(10, 500) * 100_000 });
  return subs;
}

export function periodOf(rng: Rng): Period {
  const year = rng.pick([2023, 2024]);
  const month = rng.int(1, 12);
  return { start: localSeconds(year, month, 1), end: localSeconds(year + 1, month, 1) };
}
