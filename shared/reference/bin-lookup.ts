/**
 * Bank-card BIN lookup over a table passed in (shared/ stays free of I/O; electron/core/reference loads the CSV).
 * Published BIN lists disagree and repeat themselves, so a lookup returns every candidate at the longest matching
 * prefix rather than pretending to know the one answer.
 */

export type CardType = 'DC' | 'CC' | 'SCC' | 'PC';

export interface BinEntry {
  /** The prefix, digits only (3–10 digits in the shipped table). */
  bin: string;
  bankNameZh: string;
  bankCode: string;
  /** DC debit, CC credit, SCC semi-credit (准贷记卡), PC prepaid. */
  cardType: CardType;
  /** The card-number length this BIN is issued with. */
  length: number;
  /** Which table the entry came from (e.g. 'bcbc', 'override:case-12'). */
  source: string;
}

export interface BinTable {
  source: string;
  entries: readonly Omit<BinEntry, 'source'>[];
  /** 'override' replaces the entries of earlier tables for the same BINs; 'merge' (default) adds candidates. */
  mode?: 'merge' | 'override';
}

export interface BinIndex {
  readonly byPrefix: ReadonlyMap<string, readonly BinEntry[]>;
  readonly minLength: number;
  readonly maxLength: number;
}

export interface BinCandidate extends BinEntry {
  /** The card number's length equals the BIN's issued length. */
  lengthMatches: boolean;
}

export interface BinLookup {
  /** The prefix that matched, or null when none did. */
  prefix: string | null;
  /** Every entry at that prefix, length matches first, then in table order. */
  candidates: BinCandidate[];
  /** More than one distinct bank among the candidates. */
  conflict: boolean;
}

/** Builds an index from tables in priority order; identical rows (same BIN, bank, type, length) are kept once. */
export function createBinIndex(tables: readonly BinTable[]): BinIndex {
  const byPrefix = new Map<string, BinEntry[]>();
  for (const table of tables) {
    const replaced = new Set<string>();
    for (const row of table.entries) {
      if (!/^\d+$/.test(row.bin)) continue;
      const entry: BinEntry = { ...row, source: table.source };
      if (table.mode === 'override' && !replaced.has(row.bin)) {
        byPrefix.set(row.bin, []);
        replaced.add(row.bin);
      }
      const list = byPrefix.get(row.bin) ?? [];
      const duplicate = list.some(
        (e) => e.bankCode === entry.bankCode && e.cardType === entry.cardType && e.length === entry.length,
      );
      if (!duplicate) list.push(entry);
      byPrefix.set(row.bin, list);
    }
  }
  let minLength = Infinity;
  let maxLength = 0;
  for (const key of byPrefix.keys()) {
    minLength = Math.min(minLength, key.length);
    maxLength = Math.max(maxLength, key.length);
  }
  return { byPrefix, minLength: minLength === Infinity ? 0 : minLength, maxLength };
}

/**
 * Longest-prefix match of a card number (spaces and dashes ignored). When the longest matching prefix has no entry
 * of the card's length but a shorter prefix does, the shorter one wins: a 16-digit card starting 621260001 is the
 * 16-digit 621260 product, not the 19-digit 621260001 one. With no length match anywhere the longest prefix is
 * returned, every candidate flagged `lengthMatches: false`.
 */
export function lookupBin(index: BinIndex, cardNumber: string): BinLookup {
  const digits = cardNumber.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits) || index.maxLength === 0) return { prefix: null, candidates: [], conflict: false };
  let longest: { prefix: string; entries: readonly BinEntry[] } | null = null;
  for (let len = Math.min(index.maxLength, digits.length); len >= index.minLength; len--) {
    const prefix = digits.slice(0, len);
    const entries = index.byPrefix.get(prefix);
    if (!entries || entries.length === 0) continue;
    longest ??= { prefix, entries };
    if (entries.some((e) => e.length === digits.length)) return result(prefix, entries, digits.length);
  }
  return longest ? result(longest.prefix, longest.entries, digits.length) : { prefix: null, candidates: [], conflict: false };
}

function result(prefix: string, entries: readonly BinEntry[], length: number): BinLookup {
  const candidates = entries
    .map((e) => ({ ...e, lengthMatches: e.length === length }))
    .sort((a, b) => Number(b.lengthMatches) - Number(a.lengthMatches));
  const banks = new Set(candidates.map((c) => c.bankCode));
  return { prefix, candidates, conflict: banks.size > 1 };
}
