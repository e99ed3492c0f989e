/** Small helpers every detector uses to describe what it found. */
import { formatMinor } from '../../money/format';
import type { TxnTable } from './table';
import type { Hit, HitItem, Localised } from './types';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** `¥5.20万` above ten thousand yuan, `¥1,234.00` below */
export function money(minor: number): string {
  const yuan = minor / 100;
  if (Math.abs(yuan) >= 10_000) return `¥${(yuan / 10_000).toFixed(2).replace(/\.?0+$/, '')}万`;
  return `¥${formatMinor(Math.round(minor))}`;
}

/** the English title's amount: `¥75,870.00` — yuan and fen as the statement prints them (万 means nothing to a reader of English) */
export function moneyEn(minor: number): string {
  return `¥${formatMinor(Math.round(minor))}`;
}

/** a count with its noun for the English title: `1 day`, `3 days`, `2 policyholders` */
export function countEn(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** names in an English sentence: `a`, `a and b`, `a, b and c` */
export function listEn(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** a node as a person reads it: `张三 6222…1234` */
export function nodeLabel(table: TxnTable, node: number): string {
  const info = table.nodeInfo(node);
  if (!info) return '?';
  const key = info.key.startsWith('名称:') ? '' : info.key;
  const shortKey = key.length > 10 ? `${key.slice(0, 4)}…${key.slice(-4)}` : key;
  return [info.name, shortKey].filter((part) => part !== '').join(' ') || '?';
}
/** shares as a person reads them: `10%–30%`, or `10%` when both ends print alike at this precision */
export function percentRange(shares: readonly number[], digits = 0): string {
  const low = `${(Math.min(...shares) * 100).toFixed(digits)}%`;
  const high = `${(Math.max(...shares) * 100).toFixed(digits)}%`;
  return low === high ? low : `${low}–${high}`;
}

export function clamp01(value: number): number {
  return Math.max(0, Math.min(1, value));
}

/** Collects the rows and accounts of one hit without repeats. */
export class HitBuilder {
  private readonly txns = new Map<string, HitItem>();
  private readonly accounts = new Map<string, HitItem>();

  constructor(private readonly table: TxnTable) {}

  row(row: number, role: string): this {
    const id = this.table.id(row);
    this.txns.set(`${id}:${role}`, { id, role });
    return this;
  }

  rows(rows: Iterable<number>, role: string): this {
    for (const row of rows) this.row(row, role);
    return this;
  }

  node(node: number, role: string): this {
    const account = this.table.accountOf(node);
    if (account !== null) this.accounts.set(`${account}:${role}`, { id: account, role });
    return this;
  }

  /** `title`: the same finding worded in Chinese (stored as the title) and in English, from the same figures */
  build(title: Localised, score: number, subject: number | null, detail: Record<string, unknown>): Hit {
    return {
      title: title.zh,
      titleEn: title.en,
      score: Math.round(clamp01(score) * 1000) / 1000,
      subject: subject === null ? null : this.table.accountOf(subject),
      accounts: [...this.accounts.values()],
      txns: [...this.txns.values()],
      detail,
    };
  }
}
