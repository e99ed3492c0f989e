/**
 * The shape several typologies share: a person receives a particular inflow (a surrender refund, a loan), and within
 * a window pays a share of it to someone — and that someone is paid the same way by several unrelated people.
 * Returns the collectors (grouped by holder, so an agent's card and WeChat count as one) with their payers.
 */
import type { TxnTable } from './table';
import { firstAfter, personOf, personRows, subjectsByPerson } from './typology-helpers';

export interface FeePayment {
  person: string;
  trigger: number;
  fee: number;
  share: number;
  hours: number;
}

export interface Collector {
  key: string;
  nodes: Set<number>;
  payments: FeePayment[];
  payers: Set<string>;
}

export interface FeeAfterInflowOptions {
  isTrigger: (row: number) => boolean;
  minTrigger: number;
  windowMs: number;
  minShare: number;
  maxShare: number;
  /** rows that are never a fee payment (shopping, wages, utilities …: ordinary items) */
  isOrdinary: (row: number) => boolean;
  /** counterparties that are never collectors (the source itself, institutions …) */
  skipCollector: (node: number, triggerRow: number) => boolean;
  minPayers: number;
  checkpoint?: (() => void) | undefined;
}

export function feesAfterInflow(table: TxnTable, options: FeeAfterInflowOptions): Collector[] {
  const collectors = new Map<string, Collector>();
  for (const [person, nodes] of subjectsByPerson(table)) {
    options.checkpoint?.();
    let rows: number[] | null = null;
    for (const node of nodes) {
      const [start, end] = table.rangeOf(node);
      for (let i = start; i < end; i++) {
        if (table.dir(i) <= 0 || table.amount(i) < options.minTrigger || Number.isNaN(table.time(i)) || !options.isTrigger(i)) continue;
        rows ??= personRows(table, nodes);
        const t0 = table.time(i);
        const amount = table.amount(i);
        const source = table.cp(i);
        for (let k = firstAfter(table, rows, t0); k < rows.length; k++) {
          const j = rows[k] ?? 0;
          const tj = table.time(j);
          if (tj - t0 > options.windowMs) break;
          if (table.dir(j) >= 0 || table.merchant(j) !== '' || options.isOrdinary(j)) continue;
          const cp = table.cp(j);
          if (cp < 0 || cp === source || table.sameHolder(table.node(j), cp) || options.skipCollector(cp, i)) continue;
          const share = table.amount(j) / amount;
          if (share < options.minShare || share > options.maxShare) continue;
          const key = personOf(table, cp);
          if (key === person) continue;
          let collector = collectors.get(key);
          if (!collector) {
            collector = { key, nodes: new Set(), payments: [], payers: new Set() };
            collectors.set(key, collector);
          }
          collector.nodes.add(cp);
          collector.payers.add(person);
          collector.payments.push({ person, trigger: i, fee: j, share, hours: (tj - t0) / 3_600_000 });
        }
      }
    }
  }
  return [...collectors.values()].filter((c) => c.payers.size >= options.minPayers);
}
