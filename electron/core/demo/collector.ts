/**
 * Gathers the ground truth while files are written: where every planted leg landed (file + line), each failed,
 * duplicated and missing row, per-account totals, and which accounts each device, address and phone touched.
 * Only planted legs, exceptions and per-account counters are kept, so memory stays flat with the row count.
 */
import type { Account, Leg } from './model';
import type { Row } from './entry';
import type { ClosedFile } from './sink';
import type { AccountTotals, BalanceBreakRecord, DuplicateRecord, FailedRecord, FileRecord, NoDataRecord, RowRef } from './truth-types';

export interface Occurrence {
  file: string;
  line: number;
  duplicate: boolean;
}

export class Collector {
  readonly files: FileRecord[] = [];
  readonly failed: FailedRecord[] = [];
  readonly duplicates: DuplicateRecord[] = [];
  readonly noData: NoDataRecord[] = [];
  readonly breaks: BalanceBreakRecord[] = [];
  private readonly legs = new Map<Leg, Occurrence[]>();
  private readonly totals = new Map<string, AccountTotals>();
  private readonly devices = new Map<string, Set<string>>();
  transactions = 0;

  /** a transaction row written at file:line; `duplicateOf` when it repeats a row of an earlier request */
  row(account: Account, row: Row, file: string, line: number, duplicateOf: RowRef | null, cause = 'overlapping query periods'): void {
    this.transactions++;
    const t = this.totalsOf(account.id);
    t.rows++;
    if (row.failReason !== '') {
      t.failed++;
      this.failed.push({ row: { account: account.id, id: row.serial, file, line }, reason: row.failReason, amountMinor: row.e.amount });
    }
    if (duplicateOf) {
      t.duplicates++;
      this.duplicates.push({ row: { account: account.id, id: row.serial, file, line }, duplicateOf, cause });
    } else if (row.failReason === '') {
      if (row.e.dir > 0) {
        t.inMinor += row.e.amount;
        t.inCount++;
      } else {
        t.outMinor += row.e.amount;
        t.outCount++;
      }
    }
    const leg = row.e.leg;
    if (leg) {
      const list = this.legs.get(leg);
      const occurrence = { file, line, duplicate: duplicateOf !== null };
      if (list) list.push(occurrence);
      else this.legs.set(leg, [occurrence]);
    }
  }

  occurrences(leg: Leg): Occurrence[] {
    return this.legs.get(leg) ?? [];
  }

  totalsOf(account: string): AccountTotals {
    let t = this.totals.get(account);
    if (!t) {
      t = { account, rows: 0, failed: 0, duplicates: 0, inMinor: 0, outMinor: 0, inCount: 0, outCount: 0 };
      this.totals.set(account, t);
    }
    return t;
  }

  allTotals(): AccountTotals[] {
    return [...this.totals.values()].sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
  }

  /** a device identifier (ip, ipv6, mac, phone) seen on an account's rows or records */
  device(kind: 'ip' | 'ipv6' | 'mac' | 'phone', value: string, account: string): void {
    if (value === '' || value === '000000000000') return;
    const key = `${kind}|${value}`;
    const set = this.devices.get(key);
    if (set) set.add(account);
    else this.devices.set(key, new Set([account]));
  }

  deviceUse(): { kind: 'ip' | 'ipv6' | 'mac' | 'phone'; value: string; accounts: string[] }[] {
    const out: { kind: 'ip' | 'ipv6' | 'mac' | 'phone'; value: string; accounts: string[] }[] = [];
    for (const [key, set] of this.devices) {
      if (set.size < 2) continue;
      const [kind, value] = key.split('|') as ['ip' | 'ipv6' | 'mac' | 'phone', string];
      out.push({ kind, value, accounts: [...set].sort() });
    }
    return out.sort((a, b) => (a.kind + a.value < b.kind + b.value ? -1 : 1));
  }

  file(closed: ClosedFile, kind: string, rows: number, extra: Partial<FileRecord> = {}): void {
    this.files.push({ path: closed.path, kind, encoding: closed.encoding, bytes: closed.bytes, sha256: closed.sha256, rows, ...extra });
  }
}
