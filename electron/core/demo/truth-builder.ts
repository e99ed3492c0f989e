/** Assembles ground-truth.json from the cast, the plan and what the writers collected. */
import type { Cast } from './cast';
import type { Network } from './network';
import type { Plan } from './plan';
import type { Collector } from './collector';
import type { ChatTruth } from './chat-output';
import type { RequestPlan } from './requests';
import type { Account, Period } from './model';
import type { AccountRecord, DeviceRecord, GroundTruth, MirrorRecord, NearMissRecord, RowRef, TransferRecord } from './truth-types';
import { GROUND_TRUTH_SCHEMA, GROUND_TRUTH_VERSION } from './truth-types';
import { fmtIso, fmtDate } from './time';
import { bankInfo } from './reference-data';

export const GENERATOR_VERSION = '1.0.0';

export interface TruthInput {
  seed: number;
  requestedTxns: number;
  period: Period;
  cast: Cast;
  net: Network;
  plan: Plan;
  collector: Collector;
  chats: ChatTruth;
  requests: RequestPlan;
}

export function buildTruth(input: TruthInput): GroundTruth {
  const { cast, plan, collector } = input;
  const transfers = plan.transfers.map((t) => transferRecord(t, plan, collector));
  const mirrorPairs = mirrors(plan, collector);
  const devices = deviceRecords(input);
  const totals = collector.allTotals();
  const byChannel: Record<string, { transactions: number; inMinor: number; outMinor: number }> = {};
  const accountsById = new Map(cast.accounts.map((a) => [a.id, a]));
  let sumIn = 0;
  let sumOut = 0;
  for (const t of totals) {
    sumIn += t.inMinor;
    sumOut += t.outMinor;
    const channel = accountsById.get(t.account)?.channel ?? 'bank';
    const c = byChannel[channel] ?? { transactions: 0, inMinor: 0, outMinor: 0 };
    c.transactions += t.rows;
    c.inMinor += t.inMinor;
    c.outMinor += t.outMinor;
    byChannel[channel] = c;
  }
  return {
    schema: GROUND_TRUTH_SCHEMA,
    schemaVersion: GROUND_TRUTH_VERSION,
    generator: { name: 'chainsight demo', version: GENERATOR_VERSION },
    seed: input.seed,
    requestedTxns: input.requestedTxns,
    currency: 'CNY',
    timezone: 'Asia/Shanghai',
    period: { start: fmtIso(input.period.start), end: fmtIso(input.period.end) },
    totals: {
      transactions: collector.transactions,
      failed: collector.failed.length,
      duplicates: collector.duplicates.length,
      mirrorPairs: mirrorPairs.length,
      balanceBreaks: collector.breaks.length,
      noDataRows: collector.noData.length,
      messages: input.chats.messages,
      sumInMinor: { CNY: sumIn },
      sumOutMinor: { CNY: sumOut },
      byChannel,
    },
    files: [...collector.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    people: cast.people.map((p) => ({
      id: p.id, name: p.name, gender: p.gender, birthDate: p.birthDate, idNumber: p.idNumber, phone: p.phone, address: p.address,
      roles: p.roles, relations: p.relations, operatedBy: p.operatedBy, wechat: p.wechat, qq: p.qq, alipayUid: p.alipayUid,
      devices: { homeIp: p.homeIp, ipv6: p.ipv6, mac: p.mac, mobileIp: p.mobileIp },
    })),
    organisations: cast.orgs.map((o) => ({ id: o.id, name: o.name, uscc: o.uscc, kind: o.kind, legalRep: o.legalRep })),
    accounts: cast.accounts.map((a) => accountRecord(a, cast)),
    requests: [
      ...input.requests.bank.map((r) => ({ id: r.id, folder: r.folder, kind: 'bank' as const, purpose: r.purpose, persons: [...new Set(r.accounts.map((a) => a.ownerId))], accounts: r.accounts.map((a) => a.id), period: { start: fmtIso(r.start), end: fmtIso(r.end) } })),
      { id: input.requests.alipay.id, folder: input.requests.alipay.folder, kind: 'alipay' as const, purpose: 'initial' as const, persons: input.requests.alipay.accounts.map((a) => a.ownerId), accounts: input.requests.alipay.accounts.map((a) => a.id), period: { start: fmtIso(input.period.start), end: fmtIso(input.period.end) } },
    ],
    typologies: plan.instances,
    passThrough: plan.paths,
    organiserLinks: organiserLinks(input, devices),
    devices,
    transfers,
    duplicates: collector.duplicates,
    mirrorPairs,
    failedRows: collector.failed,
    noDataRows: collector.noData,
    balanceBreaks: collector.breaks,
    chats: { conversations: input.chats.conversations, transferMessages: input.chats.transferMessages, amountMentions: input.chats.amountMentions, templates: input.chats.templates },
    nearMisses: nearMisses(input, devices),
    accountTotals: totals,
  };
}

function accountRecord(a: Account, cast: Cast): AccountRecord {
  const org = cast.orgById(a.ownerId);
  const owner = cast.maybePerson(org?.legalRep ?? a.ownerId);
  return {
    id: a.id, channel: a.channel, owner: a.ownerId, holderName: a.holderName, kind: a.kind,
    bank: a.channel === 'bank' ? bankInfo(a.bank).name : null, card: a.card === '' ? null : a.card, number: a.number, printedNumber: a.printedNumber,
    subject: a.subject, persona: a.persona, controlledBy: owner?.operatedBy ?? null,
    contactPhone: a.contactPhone, openingBalanceMinor: a.subject ? a.openingBalance : null, boundCards: a.boundCards, merchant: a.merchant,
  };
}

function transferRecord(t: Plan['transfers'][number], plan: Plan, collector: Collector): TransferRecord {
  const legs = [...plan.legsOf(t.from).filter((l) => l.transfer === t), ...plan.legsOf(t.to).filter((l) => l.transfer === t && l.dir > 0)];
  return {
    id: t.id, time: fmtIso(t.t), channel: t.channel, kind: t.kind, from: t.from.id, to: t.cash ? null : t.to.id, amountMinor: t.amount,
    summary: t.summary, instance: t.instance, benign: t.benign,
    legs: legs.map((l) => ({ account: l.account.id, direction: l.dir < 0 ? 'out' as const : 'in' as const, id: l.serial, occurrences: collector.occurrences(l) })),
  };
}

function mirrors(plan: Plan, collector: Collector): MirrorRecord[] {
  const out: MirrorRecord[] = [];
  for (const t of plan.transfers) {
    if (!t.from.subject || !t.to.subject || t.cash) continue;
    const outLeg = plan.legsOf(t.from).find((l) => l.transfer === t && l.dir < 0);
    const inLeg = plan.legsOf(t.to).find((l) => l.transfer === t && l.dir > 0);
    if (!outLeg || !inLeg) continue;
    const o = collector.occurrences(outLeg).find((x) => !x.duplicate);
    const i = collector.occurrences(inLeg).find((x) => !x.duplicate);
    if (!o || !i) continue;
    const ref = (account: string, id: string, file: string, line: number): RowRef => ({ account, id, file, line });
    out.push({ transfer: t.id, out: ref(t.from.id, outLeg.serial, o.file, o.line), in: ref(t.to.id, inLeg.serial, i.file, i.line), amountMinor: t.amount, sharedId: outLeg.serial === inLeg.serial });
  }
  return out;
}

function deviceRecords(input: TruthInput): DeviceRecord[] {
  const { cast, collector } = input;
  const ownerOfValue = new Map<string, string>();
  for (const p of cast.people) {
    ownerOfValue.set(`ip|${p.homeIp}`, p.id);
    ownerOfValue.set(`ipv6|${p.ipv6}`, p.id);
    ownerOfValue.set(`mac|${p.mac}`, p.id);
    ownerOfValue.set(`phone|${p.phone}`, p.id);
    if (!cast.cgnatAddresses.includes(p.mobileIp)) ownerOfValue.set(`ip|${p.mobileIp}`, p.id);
  }
  const accountOwner = new Map(cast.accounts.map((a) => [a.id, a.ownerId]));
  const out: DeviceRecord[] = [];
  for (const use of collector.deviceUse()) {
    const owners = new Set(use.accounts.map((a) => accountOwner.get(a) ?? a));
    if (owners.size < 2) continue;
    const cgnat = use.kind === 'ip' && cast.cgnatAddresses.includes(use.value);
    const owner = ownerOfValue.get(`${use.kind}|${use.value}`) ?? null;
    out.push({
      kind: use.kind, value: use.value, owner, accounts: use.accounts, benign: cgnat,
      note: cgnat ? 'carrier-grade NAT address (100.64.0.0/10) shared by unrelated mobile users: exclude from same-IP linking' : owner ? `${cast.personById(owner).name}'s ${use.kind} used to operate other people's accounts` : 'shared identifier',
    });
  }
  return out;
}

function organiserLinks(input: TruthInput, devices: readonly DeviceRecord[]): GroundTruth['organiserLinks'] {
  const { net, plan } = input;
  const o = net.organiser.person;
  const links: GroundTruth['organiserLinks'] = [];
  for (const d of devices) {
    if (d.owner === o.id) links.push({ kind: d.kind, value: d.value, accounts: d.accounts, note: d.kind === 'phone' ? 'the organiser\'s phone is the contact number on relatives\' and shop accounts' : 'the organiser\'s device operates relatives\' and shop accounts' });
  }
  const support = plan.transfers.filter((t) => t.kind === 'family-support' && t.to === net.organiser.bank);
  if (support.length > 0) links.push({ kind: 'money', value: support.map((t) => t.id).join(','), accounts: [...new Set(support.map((t) => t.from.id))], note: 'relatives pass on part of the chain receipts to the organiser; no scheme money reaches him directly' });
  return links;
}

function nearMisses(input: TruthInput, devices: readonly DeviceRecord[]): NearMissRecord[] {
  const { cast, net, plan } = input;
  const out: NearMissRecord[] = [...plan.nearMisses];
  const byPersona = (persona: string): Account[] => cast.accounts.filter((a) => a.subject && a.persona === persona);
  for (const a of byPersona('payroll-company')) out.push({ kind: 'payroll-fan-out', accounts: [a.id], persons: [], value: null, note: 'client receipts then salaries to many employees on one day each month (集中转入分散转出 shape, legitimate payroll)' });
  for (const a of byPersona('wholesale-merchant')) out.push({ kind: 'merchant-fan-in', accounts: [a.id], persons: [], value: null, note: 'takings from many customers swept weekly to one of two suppliers (分散转入集中转出 shape, legitimate trade)' });
  for (const a of byPersona('landlord')) out.push({ kind: 'rent-round-amounts', accounts: [a.id], persons: [a.ownerId], value: null, note: 'monthly round-amount rent from the same tenants (整数/频繁 shape, legitimate)' });
  for (const a of byPersona('night-worker')) out.push({ kind: 'night-activity', accounts: [a.id], persons: [a.ownerId], value: null, note: 'a night-shift worker: most activity between 19:00 and 06:00, legitimate' });
  for (const d of devices) if (d.benign) out.push({ kind: 'cgnat-shared-ip', accounts: d.accounts, persons: [], value: d.value, note: d.note });
  out.push({ kind: 'same-name-different-person', accounts: [], persons: net.twins.map((p) => p.id), value: net.twins[0].name, note: 'two unrelated people share a name; their ID numbers differ' });
  const repayments = plan.transfers.filter((t) => t.kind === 'repayment' && t.benign).length;
  out.push({ kind: 'loan-repayments', accounts: [], persons: [], value: String(repayments), note: 'monthly repayments to lenders are ordinary; in T2/T4 what matters is that they stop' });
  out.push({ kind: 'disbursement-period', accounts: [], persons: [], value: `${fmtDate(input.period.start)}/${fmtDate(input.period.end)}`, note: 'loan disbursements (摘要 贷款发放) are legitimate in themselves; T3 is the fee forwarded within hours' });
  return out;
}
