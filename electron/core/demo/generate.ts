/**
 * `chainsight demo`: writes a deterministic seized-data set for a fictional case and its ground truth.
 * Same (seed, txns) → byte-identical files. Statements stream account by account, so memory stays flat from a few
 * thousand to ten million transactions; only the planted transfers and the exceptions are held.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, rmdirSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { AppError } from '@shared/api';
import { Rng } from './prng';
import { Cast, periodOf } from './cast';
import { buildNetwork } from './network';
import { Plan } from './plan';
import type { PlantContext } from './plant-common';
import { plantInsuranceSurrender } from './plant-insurance';
import { plantAntiCollection } from './plant-collection';
import { plantLoanIntermediary } from './plant-loan';
import { plantCardCashOut, plantDebtEvasion } from './plant-evasion-card';
import { plantFamilySupport, plantSalaryForwarding } from './plant-benign';
import type { Account } from './model';
import type { NoiseContext, PoolMerchant } from './noise';
import { AREAS, BANKS, MERCHANT_KINDS, bankInfo } from './reference-data';
import { cardNumber } from './identifiers';
import { Collector } from './collector';
import { planRequests } from './requests';
import type { MissingPage } from './bank-output';
import { banksOf, writeBankReturn } from './bank-output';
import { tenpayRoot, writeAlipay, writeTenpay } from './wallet-output';
import { writeScript } from './chat-script';
import { writeChats } from './chat-output';
import { buildTruth } from './truth-builder';
import { FileSink, resetSinkCaches } from './sink';
import { writeJsonObject } from './json-writer';
import { DAY } from './time';
import { GROUND_TRUTH_SCHEMA } from './truth-types';
import type { RowRef } from './truth-types';
import type { Network } from './network';

export const DEFAULT_TXNS = 5_000;
export const MIN_TXNS = 1_000;
export const MAX_TXNS = 20_000_000;
export const GROUND_TRUTH_FILE = 'ground-truth.json';

export interface DemoOptions {
  dir: string;
  seed: number;
  txns: number;
  progress?: (line: string) => void;
  signal?: AbortSignal;
}

export interface DemoResult {
  dir: string;
  seed: number;
  txns: number;
  files: number;
  bytes: number;
  groundTruth: string;
}

/** how the case grows with the requested size: more victims slowly, more bystanders linearly */
export function sizeFor(txns: number): { clients: number; mules: number; bystanders: number } {
  const clients = Math.min(24, Math.max(3, Math.round(3 + 1.5 * Math.log2(txns / 1_000))));
  return { clients, mules: Math.min(10, 3 + Math.floor(clients / 3)), bystanders: Math.min(4_000, Math.max(8, Math.round(txns / 2_500))) };
}

export async function generateDemo(options: DemoOptions): Promise<DemoResult> {
  const { seed, txns } = options;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new AppError('BAD_INPUT', `seed must be a whole number ≥ 0, got ${seed}`);
  if (!Number.isSafeInteger(txns) || txns < MIN_TXNS || txns > MAX_TXNS) throw new AppError('BAD_INPUT', `txns must be between ${MIN_TXNS} and ${MAX_TXNS}, got ${txns}`);
  const root = resolve(options.dir);
  prepareDir(root);
  resetSinkCaches();
  const signal = options.signal;
  const progress = options.progress ?? ((): void => undefined);

  const rng = new Rng(`chainsight-demo:${seed}`);
  const period = periodOf(rng);
  const size = sizeFor(txns);
  const cast = new Cast(rng.fork('cast'), period);
  const net = buildNetwork(cast, rng.fork('network'), size);
  const plan = new Plan(seed, period);
  const ctx: PlantContext = { rng: rng.fork('plant'), plan, net, cast, period, seed };
  plantInsuranceSurrender(ctx);
  plantAntiCollection(ctx);
  plantLoanIntermediary(ctx);
  plantDebtEvasion(ctx);
  plantCardCashOut(ctx);
  plantFamilySupport(ctx);
  plantSalaryForwarding(ctx);
  allocateNoise(cast.accounts, plan, txns);
  plan.finalize(cast.accounts);

  const noise: NoiseContext = { seed, period, merchants: merchantPool(rng.fork('merchants')), employers: net.employers.map((e) => ({ name: e.org.name, account: e.account.number, bank: bankInfo(e.account.bank).short })) };
  const anchor = net.clients.flatMap((c) => plan.legsOf(c.bank)).map((l) => l.transfer.t).find((t) => t > period.start + 90 * DAY && t < period.end - 60 * DAY) ?? null;
  const requests = planRequests(rng.fork('requests'), cast, net, period, anchor);
  const collector = new Collector();
  const missingPage = chooseMissingPage(net, plan, requests.bank);
  forceOneFailure(net, plan, missingPage);
  const overlap = new Map<string, RowRef>();
  let written = 0;
  let reported = 0;
  const step = Math.max(50_000, Math.floor(txns / 20));
  const onRows = (n: number): void => {
    written += n;
    if (written - reported >= step) {
      reported = written;
      progress(`demo: ${written.toLocaleString('en-US')} / ~${txns.toLocaleString('en-US')} transactions written`);
    }
  };
  const checkpoint = async (): Promise<void> => {
    if (signal?.aborted) throw new AppError('CANCELLED', 'demo generation was cancelled; the folder holds a partial data set');
    await new Promise<void>((r) => setImmediate(r));
  };

  progress(`demo: seed ${seed}, ${cast.people.length} people, ${cast.accounts.filter((a) => a.subject).length} subject accounts, ${plan.transfers.length} planted transfers`);
  const bankCtx = { root, seed, cast, plan, noise, collector, missingPage, overlap, onRows };
  for (const request of requests.bank) {
    for (const bank of banksOf(request)) {
      await checkpoint();
      writeBankReturn(bankCtx, request, bank);
    }
  }
  const walletCtx = { root, seed, cast, plan, noise, collector, onRows };
  const tenpayBase = tenpayRoot(seed, period);
  for (const account of cast.accounts) {
    if (account.channel !== 'tenpay' || !account.subject) continue;
    await checkpoint();
    writeTenpay(walletCtx, account, tenpayBase);
  }
  await checkpoint();
  writeAlipay(walletCtx, requests.alipay.accounts, requests.alipay.folder, requests.alipay.id, requests.alipay.stamp);
  await checkpoint();
  const script = writeScript(rng.fork('chat'), plan, net);
  const chats = writeChats(root, rng.fork('chat-files'), [...script.conversations.values()], collector, period.end + 20 * DAY + 10 * 3_600 + 1_234);

  const truth = buildTruth({ seed, requestedTxns: txns, period, cast, net, plan, collector, chats, requests });
  const sink = new FileSink(root, GROUND_TRUTH_FILE, 'UTF-8', '\n');
  writeJsonObject(sink, truth);
  const gt = sink.close();
  const bytes = collector.files.reduce((s, f) => s + f.bytes, 0) + gt.bytes;
  progress(`demo: done — ${collector.transactions.toLocaleString('en-US')} transactions in ${collector.files.length} files`);
  return { dir: root, seed, txns: collector.transactions, files: collector.files.length + 1, bytes, groundTruth: join(root, GROUND_TRUTH_FILE) };
}

/**
 * Spread the noise budget (requested rows minus planted legs) over subject accounts by weight, largest remainder
 * first, so the total is exact and the split is stable.
 */
function allocateNoise(accounts: readonly Account[], plan: Plan, txns: number): void {
  const subjects = accounts.filter((a) => a.subject && a.weight > 0);
  const planted = accounts.reduce((s, a) => s + (a.subject ? plan.legsOf(a).length : 0), 0);
  const budget = Math.max(0, txns - planted);
  const total = subjects.reduce((s, a) => s + a.weight, 0);
  const shares = subjects.map((a) => ({ a, exact: (budget * a.weight) / total }));
  let given = 0;
  for (const s of shares) {
    s.a.noiseRows = Math.floor(s.exact);
    given += s.a.noiseRows;
  }
  const order = [...shares].sort((x, y) => (y.exact - Math.floor(y.exact)) - (x.exact - Math.floor(x.exact)) || x.a.index - y.a.index);
  for (let i = 0; i < budget - given; i++) {
    const s = order[i % order.length];
    if (s) s.a.noiseRows++;
  }
}

function merchantPool(rng: Rng): PoolMerchant[] {
  return Array.from({ length: 60 }, () => {
    const kind = rng.pick(MERCHANT_KINDS);
    const area = rng.pick(AREAS);
    const bank = rng.pick(BANKS);
    return {
      name: `${area.district.replace(/[区县市]$/, '')}${rng.pick(kind.words)}${kind.suffix}`,
      code: `${rng.pick(['102', '103', '105'])}${area.code.slice(0, 4)}${kind.mcc}${rng.digits(4)}`,
      kind,
      city: area.city,
      card: cardNumber(rng, bank.debitBin, bank.debitLength),
      bank: bank.short,
      wallet: `m_${rng.digits(10)}`,
    };
  });
}

/** a page missing from one bystander's statement: a salaried account with no planted legs and enough rows */
function chooseMissingPage(net: Network, plan: Plan, requests: readonly { id: string; purpose: string; accounts: Account[] }[]): MissingPage | null {
  const candidates = net.bystanders.map((b) => b.bank).filter((a) => plan.legsOf(a).length === 0 && a.noiseRows >= 10);
  candidates.sort((x, y) => Number(y.persona === 'salaried') - Number(x.persona === 'salaried') || y.noiseRows - x.noiseRows || x.index - y.index);
  const account = candidates[0];
  if (!account) return null;
  const request = requests.find((r) => r.purpose === 'initial' && r.accounts.includes(account));
  if (!request) return null;
  return { account: account.id, request: request.id, from: Math.max(3, Math.floor(account.noiseRows * 0.4)), count: Math.min(25, Math.max(3, Math.floor(account.noiseRows * 0.05))) };
}

/** one refused row guaranteed in every data set, on a bystander's statement */
function forceOneFailure(net: Network, plan: Plan, page: MissingPage | null): void {
  const account = net.bystanders.map((b) => b.bank).filter((a) => a.id !== page?.account && plan.legsOf(a).length === 0 && a.noiseRows > 0).sort((x, y) => y.noiseRows - x.noiseRows || x.index - y.index)[0];
  if (account) account.forcedFailureAt = 1;
}

/**
 * The target must be empty, or hold an earlier demo whose own files we may replace. Files the earlier ground
 * truth does not list are never touched.
 */
function prepareDir(root: string): void {
  if (!existsSync(root)) {
    mkdirSync(root, { recursive: true });
    return;
  }
  const entries = readdirSync(root);
  if (entries.length === 0) return;
  const gtPath = join(root, GROUND_TRUTH_FILE);
  if (!existsSync(gtPath)) throw new AppError('BAD_INPUT', `${root} is not empty and holds no earlier demo data set; choose an empty or new folder`);
  let listed: string[];
  try {
    const parsed = JSON.parse(readFileSync(gtPath, 'utf8')) as { schema?: unknown; files?: { path?: unknown }[] };
    if (parsed.schema !== GROUND_TRUTH_SCHEMA || !Array.isArray(parsed.files)) throw new Error('not a demo ground truth');
    listed = parsed.files.map((f) => (typeof f.path === 'string' ? f.path : '')).filter((p) => p !== '');
  } catch {
    throw new AppError('BAD_INPUT', `${root} holds a ${GROUND_TRUTH_FILE} that is not a demo ground truth; choose an empty or new folder`);
  }
  const dirs = new Set<string>();
  for (const rel of listed) {
    const full = resolve(root, ...rel.split('/'));
    if (!full.startsWith(root + sep)) continue;
    rmSync(full, { force: true });
    for (let d = dirname(full); d.startsWith(root + sep); d = dirname(d)) dirs.add(d);
  }
  rmSync(gtPath, { force: true });
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(d);
    } catch {
      // not empty: something else lives there
    }
  }
}
