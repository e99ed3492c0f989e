/**
 * The fictional gang and the people around it: an organiser who never touches the money directly, relatives whose
 * accounts and POS merchants he runs from his own phone and computer, agents for each scheme, mules, victims, and
 * legitimate bystanders whose ordinary finances look suspicious to a naive detector.
 */
import type { Rng } from './prng';
import type { Cast } from './cast';
import type { Account, Org, Person, Persona } from './model';
import { ACQUIRER_NAME, AREAS, CONSUMER_LENDERS, INSURERS, MERCHANT_KINDS, SURNAMES, bankInfo } from './reference-data';
import type { BankKey } from './reference-data';

export interface Member {
  person: Person;
  bank: Account;
  tenpay: Account | null;
  alipay: Account | null;
}

export interface CardHolder extends Member {
  credit: Account;
}

export interface External {
  org: Org;
  account: Account;
}

export interface Network {
  organiser: Member;
  organiserDormant: Account;
  relatives: Member[];
  merchants: { owner: Member; org: Org; account: Account }[];
  insuranceAgent: Member;
  legalAdviser: Member;
  collectionAgent: Member;
  advisoryFirm: External;
  loanAgent: Member;
  cardAgent: Member;
  mules: Member[];
  clients: Member[];
  debtors: Member[];
  borrowers: Member[];
  realUsers: Member[];
  evader: Member;
  evaderRelatives: Member[];
  cardHolders: CardHolder[];
  bystanders: Member[];
  twins: [Person, Person];
  insurers: External[];
  lenders: External[];
  cardCentres: Map<BankKey, External>;
  acquirer: External;
  employers: External[];
  landlords: Member[];
}

export interface NetworkSize {
  clients: number;
  mules: number;
  bystanders: number;
}

export function buildNetwork(cast: Cast, rng: Rng, size: NetworkSize): Network {
  const home = rng.pick(AREAS);
  const familyName = rng.pick(SURNAMES);

  const external = (kind: Parameters<Cast['org']>[0], name?: string): External => {
    const org = cast.org(kind, name);
    return { org, account: cast.bankAccount(org, { subject: false, persona: 'external', weight: 0 }) };
  };
  const insurers = rng.sample(INSURERS, 3).map((n) => external('insurer', n));
  const lenders = [...rng.sample(CONSUMER_LENDERS, 2).map((n) => external('lender', n)), external('lender', `${rng.pick(['鼎丰', '汇通', '安和'])}农村商业银行股份有限公司`)];
  const cardCentres = new Map<BankKey, External>();
  for (const key of ['CMB', 'ICBC', 'CCB', 'CIB'] as const) cardCentres.set(key, external('card-centre', `${bankInfo(key).name}信用卡中心`));
  const acquirer = external('acquirer', ACQUIRER_NAME);
  const employers = Array.from({ length: 10 }, () => external('employer'));

  const member = (roles: Person['roles'], persona: Persona, weight: number, options: { tenpay?: boolean; alipay?: boolean; person?: Parameters<Cast['person']>[0]; bank?: BankKey } = {}): Member => {
    const person = cast.person({ roles, alipay: options.alipay, wechat: options.tenpay !== false, ...options.person });
    person.employer = rng.pick(employers).org.name;
    const bank = cast.bankAccount(person, { persona, weight, bank: options.bank });
    const tenpay = options.tenpay === false || !person.wechat ? null : cast.wallet(person, 'tenpay', { persona: 'wallet', weight: weight * 0.5 });
    const alipay = options.alipay === true ? cast.wallet(person, 'alipay', { persona: 'wallet', weight: weight * 0.3 }) : null;
    return { person, bank, tenpay, alipay };
  };

  // the organiser: his own accounts carry only his household's ordinary life
  const organiser = member(['organiser'], 'quiet', 0.8, { alipay: true, person: { roles: ['organiser'], gender: 'M', surname: familyName, area: home, birthYears: [1974, 1988], qq: true } });
  const organiserDormant = cast.bankAccount(organiser.person, { bank: 'PSBC', persona: 'mule', weight: 0 });

  const spousePerson = cast.person({ roles: ['relative'], gender: 'F', area: home, birthYears: [1978, 1992] });
  const brotherPerson = cast.person({ roles: ['relative'], gender: 'M', surname: familyName, area: home, birthYears: [1976, 1994] });
  const motherPerson = cast.person({ roles: ['relative'], gender: 'F', area: home, birthYears: [1950, 1962], wechat: false });
  cast.relate(organiser.person, spousePerson, 'spouse');
  cast.relate(organiser.person, brotherPerson, 'sibling');
  cast.relate(motherPerson, organiser.person, 'parent');
  const relatives: Member[] = [];
  for (const p of [spousePerson, brotherPerson, motherPerson]) {
    p.operatedBy = organiser.person.id;
    const bank = cast.bankAccount(p, { persona: 'quiet', weight: 0.5 });
    const tenpay = p.wechat ? cast.wallet(p, 'tenpay', { persona: 'wallet', weight: 0.3 }) : null;
    relatives.push({ person: p, bank, tenpay, alipay: null });
  }
  const merchants = relatives.slice(0, 2).map((owner) => {
    const kind = rng.pick(MERCHANT_KINDS.filter((k) => ['5411', '5311', '5732', '5541'].includes(k.mcc)));
    const org = cast.org('pos-merchant', `${owner.person.area.district.replace(/[区县市]$/, '')}${rng.pick(kind.words)}${kind.suffix}`, { legalRep: owner.person, area: owner.person.area });
    const account = cast.bankAccount(org, { persona: 'pos-merchant', weight: 1.2 });
    account.contactPhone = organiser.person.phone;
    account.onlineIp = organiser.person.homeIp;
    account.onlineMac = organiser.person.mac;
    account.onlineIpv6 = organiser.person.ipv6;
    account.merchant = { name: org.name, code: `102${org.area.code.slice(0, 4)}${kind.mcc}${rng.digits(4)}`, terminal: rng.digits(8) };
    return { owner, org, account };
  });

  const insuranceAgent = member(['agent'], 'quiet', 0.8, { person: { roles: ['agent'], qq: true } });
  const legalAdviser = member(['legal-adviser'], 'salaried', 0.8);
  const collectionAgent = member(['agent'], 'quiet', 0.8, { person: { roles: ['agent'], qq: true } });
  const advisoryFirm = (() => {
    const org = cast.org('advisory-firm', `${collectionAgent.person.area.city.replace(/市$/, '')}${rng.pick(['正信', '明正', '和衡', '安诺'])}法务咨询有限公司`, { legalRep: collectionAgent.person });
    return { org, account: cast.bankAccount(org, { persona: 'quiet', weight: 0.6 }) };
  })();
  const loanAgent = member(['agent'], 'quiet', 0.8, { alipay: true });
  const cardAgent = member(['agent'], 'quiet', 0.6);

  const mules = Array.from({ length: size.mules }, () => member(['mule'], 'mule', 0, { tenpay: false, person: { roles: ['mule'], birthYears: [1998, 2004], wechat: false } }));

  const n = size.clients;
  const clients = Array.from({ length: n }, () => member(['client'], 'salaried', 0.7));
  const debtors = Array.from({ length: n }, () => member(['debtor'], 'salaried', 0.7, { person: { roles: ['debtor'], qq: true } }));
  const borrowers = Array.from({ length: Math.max(3, n - 1) }, () => member(['borrower'], 'quiet', 0.6, { alipay: true }));
  const realUsers = borrowers.slice(0, Math.ceil(borrowers.length / 2)).map(() => member(['real-user'], 'salaried', 0.6));
  const evader = member(['debt-evader'], 'salaried', 1, { person: { roles: ['debt-evader'], gender: 'M', birthYears: [1968, 1985] } });
  const evaderSpouse = member(['evader-relative'], 'quiet', 0.5, { person: { roles: ['evader-relative'], gender: 'F', area: evader.person.area } });
  const evaderParent = member(['evader-relative'], 'quiet', 0.4, { tenpay: false, person: { roles: ['evader-relative'], wechat: false, area: evader.person.area, birthYears: [1945, 1958], surname: SURNAMES.find((s) => s[0] === evader.person.name.charAt(0)) ?? rng.pick(SURNAMES) } });
  cast.relate(evader.person, evaderSpouse.person, 'spouse');
  cast.relate(evaderParent.person, evader.person, 'parent');

  const cardHolders: CardHolder[] = Array.from({ length: n }, () => {
    const m = member(['card-holder'], 'salaried', 0.5);
    const credit = cast.bankAccount(m.person, { kind: 'credit', bank: rng.pick(['CMB', 'CMB', 'ICBC', 'CCB', 'CIB']), persona: 'credit-card', weight: 0.5 });
    return { ...m, credit };
  });

  // legitimate people and businesses queried alongside the gang
  const bystanders: Member[] = [];
  const landlords: Member[] = [];
  for (let i = 0; i < size.bystanders; i++) {
    const persona = rng.weighted<Persona>([
      ['salaried', 48],
      ['night-worker', 6],
      ['landlord', 8],
      ['payroll-company', 7],
      ['wholesale-merchant', 7],
      ['quiet', 24],
    ]);
    if (persona === 'payroll-company' || persona === 'wholesale-merchant') {
      const owner = member(['bystander'], 'quiet', 0.6, { alipay: rng.chance(0.3) });
      const org = cast.org(persona === 'payroll-company' ? 'payroll-company' : 'wholesale-merchant', undefined, { legalRep: owner.person, area: owner.person.area });
      cast.bankAccount(org, { persona, weight: 4 });
      bystanders.push(owner);
      continue;
    }
    const m = member(['bystander'], persona, persona === 'quiet' ? 0.6 : 1, { alipay: rng.chance(0.25), tenpay: rng.chance(0.5) });
    if (rng.chance(0.3)) cast.bankAccount(m.person, { persona: 'quiet', weight: 0.4 });
    if (persona === 'landlord') landlords.push(m);
    bystanders.push(m);
  }
  // two unrelated people with the same name (a trap for name-only identity merging)
  const twinOf = clients[0]?.person ?? organiser.person;
  const twin = member(['bystander'], 'salaried', 0.8, { person: { roles: ['bystander'], name: twinOf.name, gender: twinOf.gender } });
  bystanders.push(twin);

  return {
    organiser,
    organiserDormant,
    relatives,
    merchants,
    insuranceAgent,
    legalAdviser,
    collectionAgent,
    advisoryFirm,
    loanAgent,
    cardAgent,
    mules,
    clients,
    debtors,
    borrowers,
    realUsers,
    evader,
    evaderRelatives: [evaderSpouse, evaderParent],
    cardHolders,
    bystanders,
    twins: [twinOf, twin.person],
    insurers,
    lenders,
    cardCentres,
    acquirer,
    employers,
    landlords,
  };
}
