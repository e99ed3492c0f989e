/**
 * Planted transfers: every money movement the ground truth names (the schemes, the pass-through chains and the
 * benign near-misses between subjects). They are few enough to hold in memory; each account's statement merges
 * its legs into its noise stream when it is written.
 */
import type { Account, Channel, Leg, Period, Person, Transfer, TransferKind } from './model';
import type { Rng } from './prng';
import { PLANTED_BASE, serialFor } from './serials';
import { applyBp } from './money';
import { MINUTE } from './time';
import type { FeeRecord, InstanceRecord, NearMissRecord, PathRecord } from './truth-types';
import { openingBalanceBase } from './persona-params';

export interface ChatHook {
  instance: string;
  kind: string;
  t: number;
  people: Person[];
  transfer: Transfer | null;
  amount: number;
  data: Record<string, number | string>;
}

export interface TransferOptions {
  summary: string;
  remark?: string;
  instance?: string | null;
  benign?: boolean;
  merchant?: Transfer['merchant'];
  cash?: boolean;
  tenpayKind?: 'transfer' | 'red-packet';
}

/** the counterparty of a cash withdrawal: no account at all */
export const CASH: Account = {
  id: 'CASH', index: 0, channel: 'bank', ownerId: '', holderName: '', holderIdNumber: '', holderIdType: '身份证', bank: 'ICBC',
  kind: 'debit', card: '', number: '', printedNumber: '', subAccounts: [], subject: false, persona: 'external', weight: 0,
  noiseRows: 0, openedAt: 0, branchName: '', branchCode: '', city: '', contactPhone: '', onlineIp: '', onlineMac: '', onlineIpv6: '',
  mobileIp: '', openingBalance: 0, creditLimit: 0, walletId: '', walletLogin: '', boundCards: [], encoding: 'GB18030', merchant: null, forcedFailureAt: 0,
};

export class Plan {
  readonly transfers: Transfer[] = [];
  readonly instances: InstanceRecord[] = [];
  readonly paths: PathRecord[] = [];
  readonly chatHooks: ChatHook[] = [];
  readonly nearMisses: NearMissRecord[] = [];
  private readonly legs = new Map<string, Leg[]>();
  private readonly muleBusy = new Map<string, [number, number][]>();

  constructor(
    readonly seed: number,
    readonly period: Period,
  ) {}

  add(t: number, channel: Channel, from: Account, to: Account, amount: number, kind: TransferKind, options: TransferOptions): Transfer {
    if (!Number.isSafeInteger(amount) || amount <= 0) throw new Error(`planted amount must be positive minor units, got ${amount}`);
    if (t < this.period.start || t >= this.period.end) throw new Error(`planted transfer outside the period (${kind})`);
    const index = this.transfers.length + 1;
    const seq = PLANTED_BASE + index;
    const tenpayKind = options.tenpayKind ?? 'transfer';
    const outSerial = serialFor(from, t, seq, tenpayKind);
    // one trade inside one institution carries one id on both sides; across banks each side has its own
    const shared = channel !== 'bank' || from.bank === to.bank;
    const inSerial = shared ? outSerial : serialFor(to, t, seq + 1_000_000, tenpayKind);
    const transfer: Transfer = {
      id: `X${String(index).padStart(6, '0')}`,
      t,
      channel,
      from,
      to,
      amount,
      summary: options.summary,
      remark: options.remark ?? '',
      kind,
      instance: options.instance ?? null,
      benign: options.benign ?? false,
      outSerial,
      inSerial,
      merchant: options.merchant ?? null,
      cash: options.cash ?? false,
    };
    this.transfers.push(transfer);
    if (from.subject) this.pushLeg({ transfer, account: from, dir: -1, serial: outSerial });
    if (to.subject) this.pushLeg({ transfer, account: to, dir: 1, serial: inSerial });
    return transfer;
  }

  private pushLeg(leg: Leg): void {
    const list = this.legs.get(leg.account.id);
    if (list) list.push(leg);
    else this.legs.set(leg.account.id, [leg]);
  }

  legsOf(account: Account): readonly Leg[] {
    return this.legs.get(account.id) ?? [];
  }

  instance(record: Omit<InstanceRecord, 'transfers' | 'fees' | 'passThrough' | 'facts'>): InstanceRecord {
    const full: InstanceRecord = { ...record, transfers: [], fees: [], passThrough: [], facts: [] };
    this.instances.push(full);
    return full;
  }

  fee(instance: InstanceRecord, transfer: Transfer, basis: number | null, rateBp: number | null, note: string): FeeRecord {
    const fee: FeeRecord = { payer: transfer.from.id, payee: transfer.to.id, transfer: transfer.id, amountMinor: transfer.amount, basisMinor: basis, rateBp, note };
    instance.fees.push(fee);
    return fee;
  }

  hook(hook: ChatHook): void {
    this.chatHooks.push(hook);
  }

  /**
   * Move `amount` from `from` to `to` through mule accounts. Each mule keeps a small cut (withdrawn in cash soon
   * after) and forwards the rest after a delay, and is used by one chain at a time, so its balance is back at zero
   * between chains and FIFO and proportional attribution agree with the hop amounts recorded here.
   */
  passThrough(rng: Rng, options: {
    t: number;
    from: Account;
    to: Account;
    amount: number;
    hops: number;
    mules: readonly Account[];
    delayMinutes: [number, number];
    retainBp: [number, number];
    instance: InstanceRecord;
    summary: string;
  }): PathRecord {
    const muleCount = Math.max(1, options.hops - 1);
    const maxSpan = (options.delayMinutes[1] + 180) * MINUTE * (muleCount + 1);
    let start = options.t;
    let chosen: Account[] = [];
    for (let attempt = 0; attempt < 12 && chosen.length < muleCount; attempt++) {
      const free = options.mules.filter((m) => this.muleFree(m, start, start + maxSpan));
      if (free.length >= muleCount) chosen = rng.sample(free, muleCount);
      else start += 6 * 3_600;
    }
    if (chosen.length < muleCount) chosen = rng.sample(options.mules, muleCount);
    const path: PathRecord = { id: `PT${String(this.paths.length + 1).padStart(4, '0')}`, instance: options.instance.id, seedAccount: options.from.id, seedAmountMinor: options.amount, hops: [], retainedMinor: {} };
    let t = start;
    let amount = options.amount;
    let current = options.from;
    const nodes = [...chosen, options.to];
    let delay = 0;
    for (const next of nodes) {
      const transfer = this.add(t, 'bank', current, next, amount, 'hop', { summary: options.summary, instance: options.instance.id });
      options.instance.transfers.push(transfer.id);
      path.hops.push({ from: current.id, to: next.id, amountMinor: amount, attributedMinor: amount, delayMinutes: delay, txns: [transfer.id] });
      if (next === options.to) break;
      const keep = applyBp(amount, rng.int(options.retainBp[0], options.retainBp[1]));
      delay = rng.int(options.delayMinutes[0], options.delayMinutes[1]);
      const tOut = t + delay * MINUTE + rng.int(0, 59);
      const cashAt = tOut + rng.int(15, 150) * MINUTE;
      this.busy(next, t, cashAt + MINUTE);
      const cash = this.add(cashAt, 'bank', next, CASH, keep, 'mule-cashout', { summary: 'ATM取款', instance: options.instance.id, cash: true });
      options.instance.transfers.push(cash.id);
      path.retainedMinor[next.id] = (path.retainedMinor[next.id] ?? 0) + keep;
      amount -= keep;
      current = next;
      t = tOut;
    }
    path.retainedMinor[options.to.id] = (path.retainedMinor[options.to.id] ?? 0) + amount;
    this.paths.push(path);
    options.instance.passThrough.push(path.id);
    return path;
  }

  private muleFree(mule: Account, from: number, to: number): boolean {
    const spans = this.muleBusy.get(mule.id) ?? [];
    return spans.every(([a, b]) => to <= a || from >= b);
  }

  private busy(mule: Account, from: number, to: number): void {
    const spans = this.muleBusy.get(mule.id);
    if (spans) spans.push([from, to]);
    else this.muleBusy.set(mule.id, [[from, to]]);
  }

  /**
   * Order every account's legs by time and set opening balances high enough that no planted out-leg can bounce,
   * whatever the noise does (the noise stream keeps the same reserve; see ledger.ts).
   */
  finalize(accounts: readonly Account[]): void {
    for (const list of this.legs.values()) {
      list.sort((a, b) => a.transfer.t - b.transfer.t || (a.transfer.id < b.transfer.id ? -1 : a.transfer.id > b.transfer.id ? 1 : a.dir - b.dir));
    }
    for (const account of accounts) {
      if (!account.subject) continue;
      const need = reserveBefore(this.legsOf(account))[0] ?? 0;
      const floor = -account.creditLimit;
      const base = openingBalanceBase(this.seed, account);
      account.openingBalance = Math.max(base, floor + need);
    }
  }
}

/**
 * reserve[i] = the balance that must be on the account just before leg i so that legs i.. never take it below
 * the floor (0, or −limit for a credit card) if nothing else happened.
 */
export function reserveBefore(legs: readonly Leg[]): number[] {
  const out = new Array<number>(legs.length + 1).fill(0);
  for (let i = legs.length - 1; i >= 0; i--) {
    const leg = legs[i];
    const after = out[i + 1] ?? 0;
    if (!leg) continue;
    out[i] = Math.max(0, after - leg.dir * leg.transfer.amount);
  }
  return out;
}
