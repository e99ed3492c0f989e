/**
 * How the case's 查控 requests were made: the gang's circles were queried in batches, the clients once for the
 * first months and again (supplementary, overlapping by a few weeks) for the rest, the organiser last, and the
 * bystanders in batches.
 */
import type { Account, Period, Person } from './model';
import type { Cast } from './cast';
import type { Network } from './network';
import type { BankRequest } from './bank-output';
import type { Rng } from './prng';
import { DAY, HOUR, addMonths, dayStart, fmtCompactDate, fmtCompactTime } from './time';

export interface RequestPlan {
  bank: BankRequest[];
  alipay: { id: string; folder: string; accounts: Account[]; stamp: string };
  /** where the supplementary request starts repeating the initial one */
  overlap: { start: number; end: number; days: number };
}

/** `anchor`: a moment the overlap must cover (a planted client leg), so every data set repeats some rows */
export function planRequests(rng: Rng, cast: Cast, net: Network, period: Period, anchor: number | null): RequestPlan {
  const unit = `${net.organiser.person.area.code}${rng.digits(2)}`;
  let stamp = period.end + 3 * DAY + 9 * HOUR;
  const nextId = (): string => {
    stamp += rng.int(1, 3) * DAY + rng.int(60, 7_000);
    return `${unit}${fmtCompactDate(stamp)}${fmtCompactTime(stamp)}`;
  };
  const city = net.organiser.person.area.city.replace(/市$/, '').slice(0, 2);
  const year = new Date(stamp * 1000).getUTCFullYear();
  let approvalNo = rng.int(100, 400);
  const approval = (): string => `${city}公经调〔${year}〕${approvalNo++}号`;

  const bankAccountsOf = (people: readonly Person[]): Account[] => {
    const ids = new Set(people.map((p) => p.id));
    const orgs = new Set(cast.orgs.filter((o) => o.legalRep !== null && ids.has(o.legalRep) && o.kind !== 'employer').map((o) => o.id));
    return cast.accounts.filter((a) => a.channel === 'bank' && a.subject && (ids.has(a.ownerId) || orgs.has(a.ownerId)));
  };
  const request = (people: readonly Person[], purpose: BankRequest['purpose'], start: number, end: number): BankRequest => {
    const id = nextId();
    return { id, folder: `银行查控/${id}`, purpose, approval: approval(), accounts: bankAccountsOf(people), start, end, duplicateBefore: null, rememberFrom: null };
  };

  const overlapDays = rng.int(10, 25);
  const split = anchor !== null ? dayStart(anchor) + rng.int(1, overlapDays - 1) * DAY : dayStart(addMonths(period.start, 8));
  const overlapStart = split - overlapDays * DAY;
  const bank: BankRequest[] = [];
  bank.push(request([...net.relatives.map((r) => r.person), ...net.mules.map((m) => m.person)], 'initial', period.start, period.end));
  bank.push(request([net.insuranceAgent, net.legalAdviser, net.collectionAgent, net.loanAgent, net.cardAgent].map((m) => m.person), 'initial', period.start, period.end));
  const clients = request(net.clients.map((c) => c.person), 'initial', period.start, split);
  clients.rememberFrom = overlapStart;
  bank.push(clients);
  bank.push(request(net.debtors.map((d) => d.person), 'initial', period.start, period.end));
  bank.push(request([...net.borrowers, ...net.realUsers].map((b) => b.person), 'initial', period.start, period.end));
  bank.push(request([net.evader, ...net.evaderRelatives].map((m) => m.person), 'initial', period.start, period.end));
  bank.push(request(net.cardHolders.map((h) => h.person), 'initial', period.start, period.end));
  // batches of twelve; larger cases are queried in fewer, bigger batches
  const batch = Math.max(12, Math.ceil(net.bystanders.length / 60));
  for (let i = 0; i < net.bystanders.length; i += batch) {
    bank.push(request(net.bystanders.slice(i, i + batch).map((b) => b.person), 'initial', period.start, period.end));
  }
  bank.push(request([net.organiser.person], 'initial', period.start, period.end));
  const supplementary = request(net.clients.map((c) => c.person), 'supplementary', overlapStart, period.end);
  supplementary.duplicateBefore = split;
  bank.push(supplementary);

  const alipayId = nextId();
  const alipayAccounts = cast.accounts.filter((a) => a.channel === 'alipay' && a.subject);
  return {
    bank,
    alipay: { id: alipayId, folder: `支付宝/${alipayId}`, accounts: alipayAccounts, stamp: `${fmtCompactDate(stamp)}${fmtCompactTime(stamp)}` },
    overlap: { start: overlapStart, end: split, days: overlapDays },
  };
}
