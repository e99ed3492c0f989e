import type { TraceInput, TraceResult } from '@shared/domain';
import { parseBankAmount } from '@shared/money';
import { formatInZone, parseDateTime } from '@shared/time';
import type { Command, CommandInput } from '../command';
import { intFlag, stringFlag, UsageError } from '../command';
import { CaseSession } from '../../core/cases/case-session';
import { CaseAccounts } from '../../core/analysis/flow/case-accounts';
import { runTrace } from '../../core/analysis/flow/trace-service';

const yuan = (minor: number): string => (minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function numberFlag(input: CommandInput, name: string, fallback: number, range: [number, number]): number {
  const raw = stringFlag(input, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < range[0] || value > range[1]) throw new UsageError(`--${name} must be a number from ${range[0]} to ${range[1]}, got "${raw}"`);
  return value;
}

function choiceFlag<T extends string>(input: CommandInput, name: string, choices: readonly T[], fallback: T): T {
  const raw = stringFlag(input, name);
  if (raw === undefined) return fallback;
  if (!(choices as readonly string[]).includes(raw)) throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got "${raw}"`);
  return raw as T;
}

function timeFlag(input: CommandInput, name: string, zone: string): number | undefined {
  const raw = stringFlag(input, name);
  if (raw === undefined) return undefined;
  const parsed = parseDateTime(raw, { zone });
  if (!parsed.ok) throw new UsageError(`--${name} is not a date-time (${parsed.reason}): "${raw}"`);
  return parsed.utcMs;
}

/**
 * `chainsight trace`: the multi-hop fund trace of the 资金流向 page for scripts (ARCHITECTURE.md §6). Read-only:
 * it works while the case is open elsewhere. `--min` is in 元 like the returns print amounts; the JSON is in 分.
 */
export const traceCommand: Command = {
  path: ['trace'],
  summary: 'follow money hop by hop from seed accounts, onward (forward) or back to its sources (backward), with FIFO or proportional attribution',
  usage:
    'chainsight trace <caseDir> --from ACCOUNT[,ACCOUNT…] [--direction forward|backward] [--hops N] [--window HOURS] [--min AMOUNT] [--tolerance RATIO] [--attribution fifo|proportional] [--since TIME] [--until TIME] [--json]',
  options: {
    from: { type: 'string' },
    direction: { type: 'string' },
    hops: { type: 'string' },
    window: { type: 'string' },
    min: { type: 'string' },
    tolerance: { type: 'string' },
    attribution: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  run(input) {
    const from = stringFlag(input, 'from');
    const seeds = (from ?? '').split(/[,，]/).map((s) => s.trim()).filter((s) => s !== '');
    if (seeds.length === 0) throw new UsageError('--from needs at least one account, card or wallet number');
    const minText = stringFlag(input, 'min');
    let minAmountMinor = 0;
    if (minText !== undefined) {
      const parsed = parseBankAmount(minText);
      if (!parsed.ok || parsed.minor < 0) throw new UsageError(`--min must be an amount in yuan such as 50000 or 1234.56, got "${minText}"`);
      minAmountMinor = parsed.minor;
    }
    const session = CaseSession.open(input.positionals[0] ?? '', { host: 'cli', operator: '' }, 'read');
    try {
      const zone = session.meta().timeZone;
      const params: TraceInput = {
        seeds,
        direction: choiceFlag(input, 'direction', ['forward', 'backward'] as const, 'forward'),
        hops: intFlag(input, 'hops', 3, 1),
        windowHours: numberFlag(input, 'window', 72, [0, 24 * 366]),
        minAmountMinor,
        tolerance: numberFlag(input, 'tolerance', 1, [0, 1]),
        attribution: choiceFlag(input, 'attribution', ['fifo', 'proportional'] as const, 'fifo'),
        seedFromUtc: timeFlag(input, 'since', zone),
        seedToUtc: timeFlag(input, 'until', zone),
        currency: 'CNY',
      };
      if (params.hops > 12) throw new UsageError('--hops must be at most 12');
      const result = runTrace(session.db, params);
      const accounts = CaseAccounts.load(session.db);
      printTrace(input, result, (key) => accounts.display(key), zone);
      return Promise.resolve(toJson(result, (key) => accounts.display(key), session.db));
    } finally {
      session.close();
    }
  },
};

function printTrace(input: CommandInput, result: TraceResult, display: (key: string) => string, zone: string): void {
  const label = (key: string): string => {
    const node = result.nodes.find((n) => n.key === key);
    const name = node?.holderName ?? (node?.kind === 'platform' ? node.label : null);
    return name && name !== display(key) ? `${display(key)} (${name})` : display(key);
  };
  const { params } = result;
  input.log(`${params.direction === 'forward' ? 'forward (去向)' : 'backward (来源)'} from ${params.seeds.map(label).join(', ')}: ${params.hops} hops, window ${params.windowHours} h, ${params.attribution}`);
  input.log(`  seed amount ${yuan(result.seedAmountMinor)}`);
  for (const hop of result.hops) {
    input.log(`  hop ${hop.level}  ${label(hop.from)} → ${label(hop.to)}  ${yuan(hop.amountMinor)}  attributed ${yuan(hop.attributedMinor)}  (${hop.txns.length} txns, first ${formatInZone(hop.txns[0]?.utcMs ?? 0, zone)})`);
  }
  input.log('  retained (沉淀):');
  for (const [key, amount] of Object.entries(result.retainedMinor).sort((a, b) => b[1] - a[1])) input.log(`    ${label(key)}  ${yuan(amount)}`);
  if (result.truncated) input.log('  (stopped early: too many hop rows; narrow the trace)');
}

/** The JSON of ARCHITECTURE.md §6: hops with from, to, amountMinor, attributedMinor, txns; retainedMinor by account. */
function toJson(result: TraceResult, display: (key: string) => string, db: CaseSession['db']): Record<string, unknown> {
  const txnNo = db.prepare('SELECT txn_no FROM txn WHERE id = ?').pluck();
  return {
    params: { ...result.params, seeds: result.params.seeds.map(display) },
    seedAmountMinor: result.seedAmountMinor,
    hops: result.hops.map((hop) => ({
      level: hop.level,
      from: display(hop.from),
      to: display(hop.to),
      fromKey: hop.from,
      toKey: hop.to,
      amountMinor: hop.amountMinor,
      attributedMinor: hop.attributedMinor,
      txns: hop.txns.map((txn) => ({
        id: txn.id,
        account: display(txn.account),
        txnNo: (txnNo.get(txn.id) as string | null | undefined) ?? null,
        mirrorId: txn.mirrorId,
        utc: new Date(txn.utcMs).toISOString(),
        amountMinor: txn.amountMinor,
        attributedMinor: txn.attributedMinor,
      })),
    })),
    retainedMinor: Object.entries(result.retainedMinor).reduce<Record<string, number>>((out, [key, amount]) => {
      out[display(key)] = (out[display(key)] ?? 0) + amount;
      return out;
    }, {}),
    nodes: result.nodes.map((node) => ({ ...node, display: display(node.key) })),
    unknownBalance: result.unknownBalance.map(display),
    truncated: result.truncated,
  };
}
