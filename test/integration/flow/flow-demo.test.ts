import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '@shared/api';
import type { FlowGraphResult, FlowRowsResult, FollowUpList, TraceResult } from '@shared/domain';
import { CaseAccounts } from '../../../electron/core/analysis/flow/case-accounts';
import { createBackend } from '../../../electron/core/backend';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { caseStats } from '../../../electron/core/cases/case-stats';
import { generateDemo } from '../../../electron/core/demo/generate';
import type { Backend } from '../../../electron/core/host';
import { runImport } from '../../../electron/core/ingest/run-import';
import { startsFormula } from '../../../electron/core/transactions/cell-safety';

/**
 * The 资金流向 features on a generated demo case, checked against what the generator planted (docs/ground-truth.md):
 * the pass-through chains (agent → mules → the organiser's relative) traced hop by hop with the attributed amounts
 * of the ground truth, the graph counting each transfer once, and the follow-up list naming the right banks.
 */

interface GtAccount {
  id: string;
  channel: string;
  owner: string;
  holderName: string;
  bank: string | null;
  card: string | null;
  number: string;
  subject: boolean;
}
interface GtHop {
  from: string;
  to: string;
  amountMinor: number;
  attributedMinor: number;
  delayMinutes: number;
  txns: string[];
}
interface GtChain {
  id: string;
  instance: string;
  seedAccount: string;
  seedAmountMinor: number;
  hops: GtHop[];
  retainedMinor: Record<string, number>;
}
interface GtTransfer {
  id: string;
  time: string;
  from: string;
  to: string | null;
  amountMinor: number;
  legs: { account: string; direction: string; id: string }[];
}
interface Truth {
  accounts: GtAccount[];
  people: { id: string; roles: string[] }[];
  passThrough: GtChain[];
  transfers: GtTransfer[];
  typologies: { id: string; facts: { fact: string; feeTransfer?: string; client?: string }[] }[];
}

const SEED = 19;
let dir = '';
let caseDir = '';
let truth: Truth;
let backend: Backend;
let accounts: CaseAccounts;

async function call<T>(method: string, input: unknown = {}): Promise<T> {
  const result = (await backend.dispatch(method, input)) as Result<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chainsight-flow-'));
  const data = join(dir, 'data');
  await generateDemo({ dir: data, seed: SEED, txns: 4000 });
  truth = JSON.parse(readFileSync(join(data, 'ground-truth.json'), 'utf8')) as Truth;
  const session = CaseSession.create(join(dir, 'case'), { caseName: '资金流向', caseNumber: 'JZ-7' }, { host: 'cli', operator: 't' });
  await runImport(session.db, { caseDir: session.caseDir, paths: [data], operator: 't', timeZone: 'Asia/Shanghai' });
  caseDir = session.caseDir;
  accounts = CaseAccounts.load(session.db);
  session.close();
  backend = await createBackend({ host: 'serve', dataDir: join(dir, 'app'), casesDir: join(dir, 'cases'), version: 't' });
  const operator = await call<{ id: string }>('operators.save', { name: '钱警官', unit: '经侦支队', badge: '061234' });
  await call('operators.select', { id: operator.id });
  await call('cases.open', { caseDir });
}, 180_000);

afterAll(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

const gtAccount = (id: string): GtAccount => {
  const account = truth.accounts.find((a) => a.id === id);
  if (!account) throw new Error(`no ground-truth account ${id}`);
  return account;
};
/** the case's node key of a ground-truth account (found by card or account number, as the returns print them) */
const keyOf = (id: string): string => {
  const account = gtAccount(id);
  const found = (account.card ? accounts.resolve(account.card) : undefined) ?? accounts.resolve(account.number);
  if (!found) throw new Error(`account ${id} not in the case`);
  return `a:${found.id}`;
};
const windowHoursOf = (chain: GtChain): number => Math.ceil(Math.max(...chain.hops.map((h) => h.delayMinutes)) / 60) + 1;
const firstHopTime = (chain: GtChain): number => {
  const transfer = truth.transfers.find((t) => t.id === chain.hops[0]?.txns[0]);
  return Date.parse(transfer?.time ?? '');
};

describe('tracing the pass-through chains the generator planted', () => {
  it('has chains to check (agents paying the boss through mules)', () => {
    expect(truth.passThrough.length).toBeGreaterThanOrEqual(5);
    expect(truth.passThrough.some((chain) => chain.hops.length >= 3)).toBe(true);
  });

  for (const attribution of ['fifo', 'proportional'] as const) {
    it(`forward, ${attribution}: every chain reaches the collection account through the mules with the attributed amounts of the ground truth`, async () => {
      for (const chain of truth.passThrough) {
        const at = firstHopTime(chain);
        const result = await call<TraceResult>('flow.trace', {
          seeds: [gtAccount(chain.seedAccount).card ?? gtAccount(chain.seedAccount).number],
          direction: 'forward',
          hops: chain.hops.length,
          windowHours: windowHoursOf(chain),
          attribution,
          seedFromUtc: at,
          seedToUtc: at,
        });
        const expected = chain.hops.map((hop, i) => [i + 1, keyOf(hop.from), keyOf(hop.to), hop.amountMinor, hop.attributedMinor]);
        expect(result.hops.map((h) => [h.level, h.from, h.to, h.amountMinor, h.attributedMinor]), chain.id).toEqual(expected);
        expect(result.seedAmountMinor, chain.id).toBe(chain.seedAmountMinor);
        const retained = Object.fromEntries(Object.entries(chain.retainedMinor).map(([id, amount]) => [keyOf(id), amount]));
        expect(result.retainedMinor, chain.id).toEqual(retained);
        // the rows behind each hop are the planted transfer's legs, as the bank printed their ids
        const txnNos = (await call<FlowRowsResult>('flow.rows', { txnIds: result.hops.flatMap((h) => h.txns.map((t) => t.id)) })).rows;
        expect(txnNos).toHaveLength(chain.hops.length);
      }
    });
  }

  it('backward from the collection account: the money came from the agent through the same mules', async () => {
    for (const chain of truth.passThrough) {
      const last = chain.hops[chain.hops.length - 1];
      const transfer = truth.transfers.find((t) => t.id === last?.txns[0]);
      const at = Date.parse(transfer?.time ?? '');
      const result = await call<TraceResult>('flow.trace', {
        seeds: [keyOf(last?.to ?? '')],
        direction: 'backward',
        hops: chain.hops.length,
        windowHours: windowHoursOf(chain),
        seedFromUtc: at,
        seedToUtc: at,
      });
      // every hop back carries what finally arrived: the mules' cuts were taken out on the way down
      const arrived = last?.amountMinor ?? 0;
      const expected = [...chain.hops].reverse().map((hop, i) => [i + 1, keyOf(hop.from), keyOf(hop.to), hop.amountMinor, arrived]);
      expect(result.hops.map((h) => [h.level, h.from, h.to, h.amountMinor, h.attributedMinor]), chain.id).toEqual(expected);
      expect(result.retainedMinor, chain.id).toEqual({ [keyOf(chain.seedAccount)]: arrived });
    }
  });

  it('from a victim: the fee paid to the agent reaches the collection account through the mules (proportional attribution)', async () => {
    // clients pay the agent; the agent's monthly cut to the boss pools every client's fees, so only a share of one
    // client's fee travels on: proportional attribution follows that share, FIFO leaves it behind the agent's balance
    const chain = truth.passThrough[0];
    if (!chain) throw new Error('no chain');
    const instance = truth.typologies.find((t) => t.id === chain.instance);
    const cutTime = firstHopTime(chain);
    const fees = (instance?.facts ?? [])
      .map((fact) => truth.transfers.find((t) => t.id === fact.feeTransfer))
      .filter((t): t is GtTransfer => t !== undefined && t.to === chain.seedAccount && Date.parse(t.time) < cutTime && t.from !== null);
    const fee = fees[fees.length - 1];
    if (!fee) throw new Error('no fee paid before the first cut');
    const result = await call<TraceResult>('flow.trace', {
      seeds: [keyOf(fee.from)],
      direction: 'forward',
      hops: chain.hops.length + 1,
      windowHours: Math.ceil((cutTime - Date.parse(fee.time)) / 3_600_000) + windowHoursOf(chain),
      attribution: 'proportional',
      seedFromUtc: Date.parse(fee.time),
      seedToUtc: Date.parse(fee.time),
    });
    const path = [fee.from, chain.seedAccount, ...chain.hops.map((h) => h.to)].map(keyOf);
    for (let level = 1; level < path.length; level += 1) {
      const hop = result.hops.find((h) => h.level === level && h.from === path[level - 1] && h.to === path[level]);
      expect(hop, `hop ${level} ${path[level - 1]} → ${path[level]}`).toBeDefined();
      expect(hop?.attributedMinor).toBeGreaterThan(0);
      expect(hop?.attributedMinor).toBeLessThanOrEqual(hop?.amountMinor ?? 0);
    }
    const total = Object.values(result.retainedMinor).reduce((a, b) => a + b, 0);
    expect(total).toBe(result.seedAmountMinor);
  });

  it('saves a trace as a finding with its parameters, hop rows and seed, audited', async () => {
    const chain = truth.passThrough[0];
    if (!chain) throw new Error('no chain');
    const at = firstHopTime(chain);
    const saved = await call<{ findingId: number; title: string; titleEn: string | null; trace: TraceResult }>('flow.saveTrace', {
      seeds: [keyOf(chain.seedAccount)],
      hops: chain.hops.length,
      windowHours: windowHoursOf(chain),
      seedFromUtc: at,
      seedToUtc: at,
    });
    expect(saved.title).toContain('资金穿透（去向）');
    expect(saved.title).toMatch(new RegExp(` ${chain.hops.length} 跳$`));
    expect(saved.titleEn).toMatch(new RegExp(`^Fund tracing \\(onward\\): .+, ${chain.hops.length} hops?$`));
    const session = CaseSession.open(caseDir, { host: 'cli', operator: '' }, 'read');
    try {
      const finding = session.db.prepare('SELECT rule, version, params, detail, title, title_en AS titleEn FROM finding WHERE id = ?').get(saved.findingId) as {
        rule: string;
        version: number;
        params: string;
        detail: string;
        title: string;
        titleEn: string | null;
      };
      expect(finding).toMatchObject({ title: saved.title, titleEn: saved.titleEn });
      expect(finding.rule).toBe('trace');
      expect(JSON.parse(finding.params)).toMatchObject({ hops: chain.hops.length, attribution: 'fifo', direction: 'forward', windowHours: windowHoursOf(chain) });
      const items = session.db.prepare('SELECT item_type, item_id, role FROM finding_item WHERE finding_id = ?').all(saved.findingId) as { item_type: string; item_id: number; role: string }[];
      expect(items.filter((i) => i.role === 'seed')).toEqual([{ item_type: 'account', item_id: Number(keyOf(chain.seedAccount).slice(2)), role: 'seed' }]);
      // both legs of every hop: the agent's and the mules' statements each hold one
      expect(items.filter((i) => i.role === 'hop')).toHaveLength(chain.hops.length * 2);
    } finally {
      session.close();
    }
    const audit = await call<{ entries: { action: string }[] }>('audit.list', {});
    expect(audit.entries.map((e) => e.action)).toContain('flow.saveTrace');
    // a title the investigator typed is kept as typed, in every language
    const named = await call<{ title: string; titleEn: string | null }>('flow.saveTrace', { seeds: [keyOf(chain.seedAccount)], hops: 1, title: '蒋飞的去向' });
    expect(named).toMatchObject({ title: '蒋飞的去向', titleEn: null });
  });
});

describe('the fund-flow graph', () => {
  let graph: FlowGraphResult;
  beforeAll(async () => {
    graph = await call<FlowGraphResult>('flow.graph', { maxNodes: 2000 });
  });

  it('accounts for every transaction row: counted once, or left out for a reason it states', () => {
    const session = CaseSession.open(caseDir, { host: 'cli', operator: '' }, 'read');
    const stats = caseStats(session);
    session.close();
    const { failed, duplicates, mirrorLegs, reversed, noCounterparty, noDirection } = graph.excluded;
    expect(graph.transactions + failed + duplicates + mirrorLegs + reversed + noCounterparty + noDirection).toBe(stats.transactions);
    expect(mirrorLegs).toBe(stats.mirrorPairs);
    expect(graph.edges.reduce((n, e) => n + e.count, 0)).toBe(graph.transactions);
  });

  it('counts a transfer between two accounts of the case once though both statements show it', async () => {
    for (const chain of truth.passThrough.slice(0, 4)) {
      const hop = chain.hops[0];
      if (!hop) continue;
      const planted = truth.transfers.filter((t) => t.from === hop.from && t.to === hop.to);
      const edge = graph.edges.find((e) => e.from === keyOf(hop.from) && e.to === keyOf(hop.to));
      expect(edge, `${hop.from} → ${hop.to}`).toMatchObject({ count: planted.length, sumMinor: planted.reduce((s, t) => s + t.amountMinor, 0) });
      const rows = await call<FlowRowsResult>('flow.rows', { edge: { from: edge?.from, to: edge?.to } });
      expect(rows.total).toBe(planted.length);
      // the rows shown are the payer's, each linked to the payee's leg
      expect(rows.rows.every((r) => r.accountKey === keyOf(hop.from) && r.mirrorId !== null)).toBe(true);
    }
  });

  it('draws payment platforms as platform nodes, and can fold wallet withdrawals into direct edges to the card', async () => {
    const platforms = graph.nodes.filter((n) => n.kind === 'platform').map((n) => n.key);
    expect(platforms).toEqual(expect.arrayContaining(['p:tenpay', 'p:alipay']));
    expect(graph.nodes.some((n) => n.kind === 'external' && /财付通|支付宝/.test(n.label))).toBe(false);
    const folded = await call<FlowGraphResult>('flow.graph', { maxNodes: 2000, collapsePlatforms: true });
    expect(folded.pairedLegs).toBeGreaterThan(0);
    const viaTenpay = folded.edges.filter((e) => e.via.includes('p:tenpay'));
    expect(viaTenpay.length).toBeGreaterThan(0);
    // folding moves money off the platform nodes; it never creates or loses any
    const total = (g: FlowGraphResult) => g.edges.reduce((s, e) => s + e.sumMinor, 0);
    expect(total(folded)).toBeLessThanOrEqual(total(graph));
    const platformVolume = (g: FlowGraphResult) => g.nodes.filter((n) => n.kind === 'platform').reduce((s, n) => s + n.inMinor + n.outMinor, 0);
    expect(platformVolume(folded)).toBeLessThan(platformVolume(graph));
  });

  it('groups a holder\'s accounts into one person and keeps the busiest nodes when asked for fewer', async () => {
    const persons = await call<FlowGraphResult>('flow.graph', { groupBy: 'holder', maxNodes: 2000 });
    const multi = persons.nodes.filter((n) => n.kind === 'person' && n.members > 1);
    expect(multi.length).toBeGreaterThan(0);
    const small = await call<FlowGraphResult>('flow.graph', { maxNodes: 20 });
    expect(small.nodes).toHaveLength(20);
    expect(small.totalNodes).toBe(graph.totalNodes);
    expect(small.edges.every((e) => small.nodes.some((n) => n.key === e.from) && small.nodes.some((n) => n.key === e.to))).toBe(true);
  });

  it('the rows behind a node add up to its in and out totals', async () => {
    const node = graph.nodes.find((n) => n.kind === 'case' && n.inCount + n.outCount > 5 && n.inCount + n.outCount < 400);
    if (!node) throw new Error('no node');
    const rows = await call<FlowRowsResult>('flow.rows', { node: node.key, limit: 500 });
    expect(rows.total).toBe(node.inCount + node.outCount);
  });
});

describe('the follow-up request list (补调)', () => {
  it('lists the accounts money reached whose statements the case lacks, under the bank to ask', async () => {
    const list = await call<FollowUpList>('flow.followUps', {});
    expect(list.accounts).toBeGreaterThan(10);
    const subjects = new Set(truth.accounts.filter((a) => a.subject).flatMap((a) => [a.card, a.number]));
    let checkedBanks = 0;
    let checkedCards = 0;
    for (const group of list.groups) {
      for (const account of group.accounts) {
        expect(subjects.has(account.account), account.account).toBe(false);
        expect(account.senders.length).toBeGreaterThan(0);
        expect(account.sumMinor).toBe(account.senders.reduce((s, x) => s + x.sumMinor, 0));
        const known = truth.accounts.find((a) => a.card === account.account || a.number === account.account);
        // two independent sources agree: the bank the returns print as 对手开户行 and the card's BIN
        if (account.kind === 'card' && account.binBanks.length === 1 && account.institutionSource === 'counterparty-bank') {
          expect(account.binBanks, account.account).toEqual([group.institution]);
          checkedCards += 1;
        }
        if (known?.channel === 'bank' && known.bank && group.institution !== '开户机构不明') {
          expect(known.bank.startsWith(group.institution), `${account.account}: ${group.institution} vs ${known.bank}`).toBe(true);
          checkedBanks += 1;
        }
      }
    }
    expect(checkedBanks).toBeGreaterThanOrEqual(3);
    expect(checkedCards).toBeGreaterThan(20);
    expect(list.groups.some((g) => g.institution.startsWith('财付通'))).toBe(true);
  });

  it('exports the list as XLSX into the case\'s exports folder, every text cell safe from formulas, audited', async () => {
    const list = await call<FollowUpList>('flow.followUps', {});
    const exported = await call<{ path: string; file: string; accounts: number }>('flow.exportFollowUps', {});
    expect(exported.path.startsWith(join(caseDir, 'exports'))).toBe(true);
    expect(exported.accounts).toBe(list.accounts);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(exported.path);
    const sheet = workbook.getWorksheet('补调清单');
    const dataRows: unknown[][] = [];
    sheet?.eachRow((row, index) => {
      if (index > 3) dataRows.push(row.values as unknown[]);
    });
    expect(dataRows).toHaveLength(list.accounts);
    for (const row of dataRows) for (const cell of row) if (typeof cell === 'string') expect(startsFormula(cell), cell).toBe(false);
    const audit = await call<{ entries: { action: string }[] }>('audit.list', {});
    expect(audit.entries.map((e) => e.action)).toContain('flow.exportFollowUps');
  });
});
