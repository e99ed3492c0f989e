import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir';
import { assertBuilt, chainsight } from '../../support/run-cli';

interface Truth {
  accounts: { id: string; card: string | null; number: string }[];
  transfers: { id: string; time: string }[];
  passThrough: { seedAccount: string; hops: { from: string; to: string; amountMinor: number; attributedMinor: number; delayMinutes: number; txns: string[] }[]; retainedMinor: Record<string, number> }[];
}

interface TraceJson {
  ok: boolean;
  seedAmountMinor: number;
  hops: { from: string; to: string; amountMinor: number; attributedMinor: number; txns: { id: number; txnNo: string | null }[] }[];
  retainedMinor: Record<string, number>;
}

describe('chainsight trace (ARCHITECTURE.md §6)', () => {
  const tempDir = useTempDirs();
  beforeAll(() => assertBuilt());

  it('--json: hops with from, to, amountMinor, attributedMinor and txns, retainedMinor by account, as the ground truth has them', () => {
    const dir = tempDir();
    const env = { CHAINSIGHT_HOME: join(dir, 'home') };
    const data = join(dir, 'data');
    expect(chainsight(['demo', data, '--seed', '29', '--txns', '1500', '--json'], env).status).toBe(0);
    const caseDir = join(dir, 'c.chainsight');
    expect(chainsight(['case', 'init', caseDir], env).status).toBe(0);
    const imported = chainsight(['import', caseDir, join(data, '银行查控'), '--json'], env);
    expect(imported.status, imported.stderr).toBe(0);

    const truth = JSON.parse(readFileSync(join(data, 'ground-truth.json'), 'utf8')) as Truth;
    const chain = truth.passThrough.find((c) => c.hops.length >= 3) ?? truth.passThrough[0];
    if (!chain) throw new Error('no chain');
    // the accounts as the CLI prints them: the card number the statements key them by, else the account number
    const printed = (id: string) => {
      const account = truth.accounts.find((a) => a.id === id);
      return account?.card ?? account?.number ?? id;
    };
    const first = truth.transfers.find((t) => t.id === chain.hops[0]?.txns[0]);
    const since = (first?.time ?? '').replace('T', ' ').slice(0, 19);
    const window = String(Math.ceil(Math.max(...chain.hops.map((h) => h.delayMinutes)) / 60) + 1);
    const run = chainsight(
      ['trace', caseDir, '--from', printed(chain.seedAccount), '--hops', String(chain.hops.length), '--window', window, '--since', since, '--until', since, '--attribution', 'fifo', '--json'],
      env,
    );
    expect(run.status, run.stderr).toBe(0);
    const json = run.json() as unknown as TraceJson;
    expect(json.ok).toBe(true);
    expect(json.hops.map(({ from, to, amountMinor, attributedMinor }) => ({ from, to, amountMinor, attributedMinor }))).toEqual(
      chain.hops.map((hop) => ({ from: printed(hop.from), to: printed(hop.to), amountMinor: hop.amountMinor, attributedMinor: hop.attributedMinor })),
    );
    expect(json.retainedMinor).toEqual(Object.fromEntries(Object.entries(chain.retainedMinor).map(([id, amount]) => [printed(id), amount])));
    for (const hop of json.hops) expect(hop.txns.length).toBeGreaterThan(0);

    // bad usage exits 2; an account the case does not know exits 1 with the error as JSON
    expect(chainsight(['trace', caseDir, '--from', printed(chain.seedAccount), '--attribution', 'lifo'], env).status).toBe(2);
    const unknown = chainsight(['trace', caseDir, '--from', '6222000000000000000', '--json'], env);
    expect(unknown.status).toBe(1);
    expect(unknown.json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
