import { TxnTable, resolveParams, type AccountInput, type DetectContext, type Detector, type DeviceObservation, type Hit, type TxnInput } from '../../../../../shared/analytics/detectors';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** a China local time (UTC+8) as UTC milliseconds: day 0 is Monday 2024-06-03 */
export function at(day: number, hour: number, minute = 0): number {
  return Date.UTC(2024, 5, 3) + day * DAY + (hour - 8) * HOUR + minute * 60_000;
}

interface RowOptions {
  summary?: string;
  cash?: boolean;
  merchant?: string;
  balance?: number;
  /** counterparty printed by name only (no number) */
  nameOnly?: boolean;
}

/**
 * A small hand-built case: accounts with holders, and transfers written the way statements print them — a transfer
 * between two accounts whose statements are both in the case appears in both, linked as mirror legs.
 */
export class TinyCase {
  readonly accounts: AccountInput[] = [];
  readonly rows: TxnInput[] = [];
  readonly devices: DeviceObservation[] = [];
  private nextId = 1;
  private readonly subjects = new Set<number>();
  private readonly numbers = new Map<number, string>();
  private readonly names = new Map<number, string>();

  /** an account of the case; `subject` false: a counterparty whose statement the case lacks */
  account(id: number, holderName: string, options: { holderId?: string; subject?: boolean; kind?: string } = {}): number {
    this.accounts.push({ id, kind: options.kind ?? 'bank', number: `62220000${String(id).padStart(8, '0')}`, holderName, holderId: options.holderId ?? `ID${holderName}` });
    this.numbers.set(id, `62220000${String(id).padStart(8, '0')}`);
    this.names.set(id, holderName);
    if (options.subject !== false) this.subjects.add(id);
    return id;
  }

  /** money from `from` to `to` (yuan): a row in each statement the case holds */
  transfer(from: number, to: number, yuan: number, time: number, options: RowOptions = {}): { out: number | null; in: number | null } {
    const amount = Math.round(yuan * 100);
    const outId = this.subjects.has(from) ? this.nextId++ : null;
    const inId = this.subjects.has(to) ? this.nextId++ : null;
    const base = { time, amount, summary: options.summary ?? '转账', cash: options.cash ?? false, merchant: options.merchant ?? null };
    if (outId !== null) {
      this.rows.push({
        ...base,
        id: outId,
        account: from,
        direction: 'out',
        counterparty: options.nameOnly ? null : (this.numbers.get(to) ?? null),
        counterpartyName: this.names.get(to) ?? null,
        counterpartyAccount: options.nameOnly ? null : to,
        balance: options.balance ?? null,
        mirror: inId,
      });
    }
    if (inId !== null) {
      this.rows.push({ ...base, id: inId, account: to, direction: 'in', counterparty: this.numbers.get(from) ?? null, counterpartyName: this.names.get(from) ?? null, counterpartyAccount: from, balance: null, mirror: outId });
    }
    return { out: outId, in: inId };
  }

  /** a row of one statement with a counterparty that is no account of the case */
  row(account: number, direction: 'in' | 'out', yuan: number, time: number, counterparty: { number?: string | null; name?: string | null }, options: RowOptions = {}): number {
    const id = this.nextId++;
    this.rows.push({
      id,
      account,
      time,
      amount: Math.round(yuan * 100),
      direction,
      counterparty: counterparty.number ?? null,
      counterpartyName: counterparty.name ?? null,
      summary: options.summary ?? '转账',
      cash: options.cash ?? false,
      merchant: options.merchant ?? null,
      balance: options.balance ?? null,
    });
    return id;
  }

  device(account: number, kind: DeviceObservation['kind'], value: string): void {
    this.devices.push({ account, kind, value });
  }

  table(): TxnTable {
    return TxnTable.from(this.accounts, this.rows);
  }

  run(detector: Detector, params: Record<string, unknown> = {}, context: Partial<DetectContext> = {}): Hit[] {
    return detector.run({ table: this.table(), devices: this.devices, ipExclusions: ['100.64.0.0/10'], calendar: null, ...context }, resolveParams(detector.params, params, detector.id));
  }
}

/** the case account ids a hit names with a role */
export function accountsIn(hit: Hit | undefined, role: string): number[] {
  return (hit?.accounts ?? []).filter((a) => a.role === role).map((a) => a.id).sort((a, b) => a - b);
}

/** the txn ids a hit names with a role */
export function txnsIn(hit: Hit | undefined, role: string): number[] {
  return (hit?.txns ?? []).filter((t) => t.role === role).map((t) => t.id).sort((a, b) => a - b);
}
