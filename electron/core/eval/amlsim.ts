/**
 * AMLSim (IBM) labelled data as a second yardstick: node-level laundering labels over a synthetic transfer graph.
 * Reads the data sets found under a folder — the 20K sample tarball (nodes.csv with isFraud, transactions.csv with
 * source, target, value, time step) and the small sample outputs (accounts.csv with isFraud, tx.csv, alerts.csv
 * with the typology of each alerted account) — builds the detectors' table from them (each transfer as the sender's
 * out-row and the receiver's in-row, a day per time step), runs the graph detectors with parameters stated for this
 * data, and scores flagged accounts against the labels. Amounts are abstract units read as yuan.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { TableBuilder, type TxnTable } from '@shared/analytics/detectors';
import type { RuleResult } from '../analysis/detect';
import { runDetectors } from '../analysis/detect';
import { score, type EvalResult } from './score';
import { readTarball } from './tar';

export interface AmlDataset {
  name: string;
  accounts: number[];
  /** accounts labelled as laundering (isFraud) */
  fraud: Set<number>;
  /** accounts labelled with a typology (alerts.csv), when the data set says which */
  typologies: Map<string, Set<number>>;
  transfers: { from: number; to: number; amount: number; step: number }[];
  source: string;
}

export interface AmlProfile {
  dataset: string;
  source: string;
  accounts: number;
  fraudAccounts: number;
  transfers: number;
  steps: { first: number; last: number };
  amount: { min: number; median: number; max: number };
  fraudToFraudTransfers: number;
  meanDegree: number;
  typologyLabels: Record<string, number>;
}

function csv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()]));
  });
}

const truthy = (value: string | undefined): boolean => /^(1|true)$/i.test(value ?? '');

function fromNodesAndTransactions(name: string, source: string, nodes: string, transactions: string): AmlDataset {
  const rows = csv(nodes);
  return {
    name,
    source,
    accounts: rows.map((r) => Number(r.nodeid)),
    fraud: new Set(rows.filter((r) => truthy(r.isFraud)).map((r) => Number(r.nodeid))),
    typologies: new Map(),
    transfers: csv(transactions).map((r) => ({ from: Number(r.sourceNodeId), to: Number(r.targetNodeId), amount: Number(r.value), step: Number(r.time) })),
  };
}

function fromSampleOutputs(name: string, source: string, accounts: string, tx: string, alerts: string | null): AmlDataset {
  const rows = csv(accounts);
  const typologies = new Map<string, Set<number>>();
  for (const alert of alerts ? csv(alerts) : []) {
    const kind = alert.CHECK_NAME ?? 'unknown';
    const set = typologies.get(kind) ?? new Set<number>();
    set.add(Number(alert.ACCOUNT_ID));
    typologies.set(kind, set);
  }
  return {
    name,
    source,
    accounts: rows.map((r) => Number(r.ACCOUNT_ID)),
    fraud: new Set(rows.filter((r) => truthy(r.isFraud) || truthy(r.suspicious)).map((r) => Number(r.ACCOUNT_ID))),
    typologies,
    transfers: csv(tx).map((r) => ({ from: Number(r.ACCOUNT_ID), to: Number(r.COUNTER_PARTY_ACCOUNT_NUM), amount: Number(r.TXN_AMOUNT_ORIG), step: Number(r.start) })),
  };
}

/** Every AMLSim data set under a folder (tarballs, or folders holding the CSVs). */
export function findAmlDatasets(dir: string): AmlDataset[] {
  const found: AmlDataset[] = [];
  const walk = (folder: string): void => {
    const names = readdirSync(folder);
    if (names.includes('nodes.csv') && names.includes('transactions.csv')) {
      found.push(fromNodesAndTransactions(basename(folder), folder, readFileSync(join(folder, 'nodes.csv'), 'utf8'), readFileSync(join(folder, 'transactions.csv'), 'utf8')));
    }
    if (names.includes('accounts.csv') && names.includes('tx.csv')) {
      const alerts = join(folder, 'alerts.csv');
      found.push(fromSampleOutputs(basename(folder), folder, readFileSync(join(folder, 'accounts.csv'), 'utf8'), readFileSync(join(folder, 'tx.csv'), 'utf8'), existsSync(alerts) ? readFileSync(alerts, 'utf8') : null));
    }
    for (const entry of names.sort()) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(tgz|tar\.gz|tar)$/.test(entry)) {
        const files = readTarball(readFileSync(path));
        const byFolder = new Map<string, Map<string, Buffer>>();
        for (const [file, content] of files) {
          const slash = file.lastIndexOf('/');
          const folderName = slash >= 0 ? file.slice(0, slash) : '';
          const map = byFolder.get(folderName) ?? new Map<string, Buffer>();
          map.set(file.slice(slash + 1), content);
          byFolder.set(folderName, map);
        }
        for (const [folderName, map] of byFolder) {
          const nodes = map.get('nodes.csv');
          const transactions = map.get('transactions.csv');
          if (nodes && transactions) found.push(fromNodesAndTransactions(basename(folderName) || entry, `${path}:${folderName}`, nodes.toString('utf8'), transactions.toString('utf8')));
        }
      }
    }
  };
  walk(dir);
  return found;
}

const DAY = 86_400_000;
const BASE = Date.UTC(2017, 0, 1);

/** each transfer as two rows (sender out, receiver in) linked as mirror legs; a time step is a day */
export function amlTable(dataset: AmlDataset): TxnTable {
  const builder = new TableBuilder(0);
  for (const account of dataset.accounts) builder.addAccount({ id: account + 1, kind: 'aml', number: `AML${account}`, holderId: `AML${account}`, holderName: null });
  let id = 1;
  dataset.transfers.forEach((t, k) => {
    const time = BASE + t.step * DAY + (k % 86_000) * 1000;
    const amount = Math.round(t.amount * 100);
    builder.add({ id, account: t.from + 1, time, amount, direction: 'out', counterparty: `AML${t.to}`, counterpartyAccount: t.to + 1, mirror: id + 1 });
    builder.add({ id: id + 1, account: t.to + 1, time, amount, direction: 'in', counterparty: `AML${t.from}`, counterpartyAccount: t.from + 1, mirror: id });
    id += 2;
  });
  return builder.build();
}

export function profileOf(dataset: AmlDataset): AmlProfile {
  const amounts = dataset.transfers.map((t) => t.amount).sort((a, b) => a - b);
  const steps = dataset.transfers.map((t) => t.step);
  return {
    dataset: dataset.name,
    source: dataset.source,
    accounts: dataset.accounts.length,
    fraudAccounts: dataset.fraud.size,
    transfers: dataset.transfers.length,
    steps: { first: Math.min(...steps), last: Math.max(...steps) },
    amount: { min: amounts[0] ?? 0, median: amounts[amounts.length >> 1] ?? 0, max: amounts[amounts.length - 1] ?? 0 },
    fraudToFraudTransfers: dataset.transfers.filter((t) => dataset.fraud.has(t.from) && dataset.fraud.has(t.to)).length,
    meanDegree: Math.round(((2 * dataset.transfers.length) / Math.max(1, dataset.accounts.length)) * 100) / 100,
    typologyLabels: Object.fromEntries([...dataset.typologies].map(([k, v]) => [k, v.size])),
  };
}

/**
 * Parameters for AMLSim's data, read from its generator's documented patterns (alertPatterns.csv: 5 accounts per
 * pattern, each pattern within 10–20 steps, amounts drawn per transfer): no yuan thresholds, a day per step, and —
 * for cycles — no amount continuity (AMLSim draws each hop's amount on its own) and no coverage test.
 */
export const AML_PARAMS: Record<string, Record<string, number | boolean | string>> = {
  'fan-in': { windowDays: 20, minCounterparties: 5, minTopShare: 0, minAmount: 0, minForwardShare: 0, minNewShare: 0, maxRoutineShare: 1, excludeSameHolder: false },
  'fan-out': { windowDays: 20, minCounterparties: 5, minTopShare: 0, minAmount: 0, minForwardShare: 0, minNewShare: 0, maxRoutineShare: 1, excludeSameHolder: false },
  cycle: { windowDays: 30, maxLength: 6, minAmount: 0, minHopRatio: 0, maxHopRatio: 3, minReturnShare: 0, minCoverage: 0, excludeSameHolder: false, excludeNames: '' },
};

/**
 * The accounts a hit flags: a fan-in's or fan-out's centre (its many counterparties include every ordinary sender
 * in the window, so they are not flagged), every account of a cycle.
 */
function flaggedAccounts(result: RuleResult): Set<string> {
  const out = new Set<string>();
  for (const hit of result.hits) for (const account of hit.accounts) if (account.role === 'subject' || account.role === 'member') out.add(String(account.id - 1));
  return out;
}

export async function evalAmlDataset(dataset: AmlDataset, signal?: AbortSignal): Promise<{ profile: AmlProfile; results: EvalResult[] }> {
  const table = amlTable(dataset);
  const rules = Object.keys(AML_PARAMS);
  const results = await runDetectors({ table, devices: [], counts: { rows: table.size, failed: 0, duplicates: 0, reversals: 0 }, period: null }, { rules, params: AML_PARAMS, signal, ipExclusions: [] });
  const fraud = new Set([...dataset.fraud].map(String));
  const name = `amlsim:${dataset.name}`;
  const out: EvalResult[] = [];
  const union = new Set<string>();
  for (const result of results) {
    const flagged = flaggedAccounts(result);
    for (const a of flagged) union.add(a);
    const typology = result.rule === 'cycle' ? 'cycle' : result.rule === 'fan-in' ? 'fan_in' : 'fan_out';
    const labelled = dataset.typologies.get(typology);
    out.push(
      score({
        detector: result.rule,
        dataset: name,
        unit: 'account',
        params: result.params,
        predicted: flagged,
        positives: labelled ? new Set([...labelled].map(String)) : fraud,
        accepted: fraud,
        note: labelled
          ? `recall against the accounts alerted as ${typology}; any laundering account counts as a correct flag`
          : 'the data set labels laundering accounts but not their typology: recall is against every laundering account (of every pattern), precision counts any laundering account as correct',
      }),
    );
  }
  out.push(score({ detector: 'fan-in+fan-out+cycle', dataset: name, unit: 'account', params: {}, predicted: union, positives: fraud, note: 'accounts flagged by any of the three against every laundering account' }));
  return { profile: profileOf(dataset), results: out };
}
