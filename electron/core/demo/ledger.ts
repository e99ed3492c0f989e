/**
 * Books one account's statement: merges its planted legs into its noise stream in time order, keeps the running
 * balance, never lets noise spend money a later planted out-leg needs, and marks the rows the bank refused.
 * A pure function of (seed, account, legs): replaying it yields the same rows, ids and balances.
 */
import type { Account, Leg } from './model';
import type { Entry, Row } from './entry';
import { blankEntry, patch } from './entry';
import { reserveBefore } from './plan';
import { Rng } from './prng';
import { BANKS, bankInfo } from './reference-data';
import { luhnCheckDigit } from './identifiers';
import { serialFor } from './serials';

const FAIL_REASONS = ['余额不足', '交易超时', '账户状态异常', '对方户名不符', '超过日累计限额'];
// refused rows are a few per ten thousand, as in real returns; each one is listed in the ground truth
const RANDOM_FAIL_RATE = 0.0003;
const SHORT_FUNDS_FAIL_RATE = 0.05;

export function* ledger(account: Account, legs: readonly Leg[], noise: Iterator<Entry>, seed: number, ownerName: string): Generator<Row> {
  const rng = new Rng(`${seed}:ledger:${account.id}`);
  const reserve = reserveBefore(legs);
  const floor = -account.creditLimit;
  let balance = account.openingBalance;
  let seq = 0;
  let li = 0;
  let forced = account.forcedFailureAt > 0;
  let lastT = -Infinity;
  let next = noise.next();
  while (li < legs.length || !next.done) {
    const leg = legs[li];
    if (leg && (next.done || leg.transfer.t <= next.value.t)) {
      li++;
      balance += leg.dir * leg.transfer.amount;
      lastT = leg.transfer.t;
      yield { e: legEntry(leg, account), seq: 0, serial: leg.serial, balance, failReason: '' };
      continue;
    }
    if (next.done) break;
    const e = next.value;
    next = noise.next();
    if (forced && seq + 1 >= account.forcedFailureAt) {
      // a transfer the bank refused for want of funds, so that every data set has at least one
      forced = false;
      const attempt = blankEntry(Math.max(lastT, e.t - rng.int(30, 600)), -1, Math.max(0, balance) + rng.int(1_000, 50_000) * 100);
      patch(attempt, { cpName: e.cpName !== '' ? e.cpName : account.holderName, cpCard: e.cpCard, cpBank: e.cpBank, summary: '转账', type: '转账', medium: '手机银行', online: true });
      seq++;
      lastT = attempt.t;
      yield { e: attempt, seq, serial: serialFor(account, attempt.t, seq, 'transfer'), balance, failReason: '余额不足' };
    }
    const held = floor + (reserve[li] ?? 0);
    if (e.fill === 'sweep') e.amount = Math.floor((Math.max(0, balance - held) * e.fillBp) / 10_000 / 100) * 100;
    else if (e.fill === 'repay-all') e.amount = Math.max(0, -balance);
    else if (e.fill === 'interest') e.amount = Math.floor((Math.max(0, balance) * 9) / 10_000);
    if (e.amount <= 0 || (e.fill === 'sweep' && e.amount < 10_000)) continue;
    let failReason = '';
    if (e.dir < 0) {
      // Tenpay returns list completed trades only; banks and Alipay also show refused ones
      const canFail = account.channel !== 'tenpay';
      const available = balance - held;
      if (e.amount > available) {
        if (canFail && rng.chance(SHORT_FUNDS_FAIL_RATE)) failReason = '余额不足';
        else if (e.fill !== 'none') continue;
        else {
          // people top their account up from their own money elsewhere, then pay
          const top = topUp(account, e, e.amount - available + rng.int(1, 50) * 10_000, rng, ownerName);
          top.t = Math.max(lastT, top.t);
          seq++;
          balance += top.amount;
          yield { e: top, seq, serial: serialFor(account, top.t, seq, top.walletKind), balance, failReason: '' };
        }
      } else if (canFail && e.fill === 'none' && rng.chance(RANDOM_FAIL_RATE)) {
        failReason = rng.pick(FAIL_REASONS);
      }
    }
    seq++;
    if (failReason === '') balance += e.dir * e.amount;
    lastT = e.t;
    yield { e, seq, serial: serialFor(account, e.t, seq, e.walletKind), balance, failReason };
  }
}

function topUp(account: Account, e: Entry, amount: number, rng: Rng, ownerName: string): Entry {
  const t = e.t - rng.int(1, 20);
  const top = blankEntry(t, 1, amount);
  if (account.channel === 'tenpay') return patch(top, { summary: '零钱充值', type: '充值', walletKind: 'withdraw', ownCard: account.boundCards[0] ?? '' });
  if (account.channel === 'alipay') return patch(top, { summary: '余额充值', type: '充值', walletKind: 'withdraw', ownCard: account.boundCards[0] ?? '' });
  const bank = BANKS[(account.index + 3) % BANKS.length] ?? BANKS[0];
  const card = bank ? `${bank.debitBin}${String(account.index).padStart(bank.debitLength - 7, '0')}` : '';
  return patch(top, {
    cpName: account.kind === 'corporate' ? ownerName : account.holderName,
    cpCard: bank ? card + luhnCheckDigit(card) : '',
    cpBank: bank?.short ?? '',
    summary: account.kind === 'corporate' ? '往来款' : rng.pick(['本人转入', '跨行转入', '转账']),
    type: '转账',
    medium: '网银',
  });
}

/** how a planted leg reads in this account's statement */
export function legEntry(leg: Leg, account: Account): Entry {
  const tr = leg.transfer;
  const other = leg.dir < 0 ? tr.to : tr.from;
  const e = blankEntry(tr.t, leg.dir, tr.amount);
  e.leg = leg;
  e.summary = tr.summary;
  e.remark = tr.remark;
  if (tr.cash) {
    return patch(e, { type: '取现', medium: 'ATM', cash: true });
  }
  if (account.channel !== 'bank') {
    return patch(e, {
      cpName: other.holderName,
      cpWallet: other.walletId,
      type: account.channel === 'tenpay' ? (tr.kind === 'red-packet' ? '红包' : '转帐') : '即时到账交易',
      summary: account.channel === 'tenpay' ? (tr.kind === 'red-packet' ? '微信红包' : '转账') : tr.summary,
      walletKind: tr.kind === 'red-packet' ? 'red-packet' : 'transfer',
      online: leg.dir < 0,
    });
  }
  const sameBank = other.bank === account.bank && other.id !== 'CASH';
  patch(e, {
    cpName: other.holderName,
    cpCard: other.card !== '' ? other.card : other.number,
    cpBank: bankInfo(other.bank).short,
    cpIdNo: sameBank ? other.holderIdNumber : '',
  });
  if (tr.merchant && leg.dir < 0) {
    return patch(e, { cpName: tr.merchant.name, cpCard: '', merchantName: tr.merchant.name, merchantCode: tr.merchant.code, terminal: tr.merchant.terminal, type: '消费', medium: 'POS' });
  }
  const batch = tr.kind === 'refund' || tr.kind === 'disbursement' || tr.kind === 'settlement';
  if (leg.dir > 0) return patch(e, { type: batch ? '代付' : '转账', medium: batch ? '批量' : '网银' });
  // out-legs are typed in by whoever runs the account: relatives' accounts from the organiser's computer
  const viaComputer = account.kind === 'corporate' || (Number(tr.id.slice(1)) % 10) < 7;
  return patch(e, { type: tr.kind === 'card-repayment' ? '还款' : '转账', medium: viaComputer ? '网银' : '手机银行', online: true });
}

/** the IP and MAC a bank prints for a row, from the device that runs the account */
export function deviceOf(account: Account, e: Entry): { ip: string; mac: string } {
  if (!e.online) return { ip: '', mac: e.medium === 'POS' || e.medium === 'ATM' ? '000000000000' : '' };
  if (e.medium === '网银') return { ip: account.onlineIp, mac: account.onlineMac };
  return { ip: account.mobileIp, mac: '' };
}
