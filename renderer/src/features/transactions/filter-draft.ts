import type { TxnFilter, TxnFlag } from '@shared/domain';
import { formatMinor, parseBankAmount } from '@shared/money';
import { formatInZone, localToUtc, validDate } from '@shared/time';

/** The filter bar as typed: text boxes hold text until applied; amounts in yuan, dates in the display zone. */
export interface FilterDraft {
  account: string;
  counterparty: string;
  exact: boolean;
  amountMin: string;
  amountMax: string;
  /** YYYY-MM-DD, both ends included */
  from: string;
  to: string;
  direction: '' | 'in' | 'out';
  tagId: string;
  quick: string;
  flags: Partial<Record<TxnFlag, boolean>>;
}

export const EMPTY_DRAFT: FilterDraft = {
  account: '',
  counterparty: '',
  exact: false,
  amountMin: '',
  amountMax: '',
  from: '',
  to: '',
  direction: '',
  tagId: '',
  quick: '',
  flags: {},
};

export type DraftProblem = { kind: 'badAmount'; text: string } | { kind: 'badRange' } | { kind: 'badDates' };

const DAY_MS = 86_400_000;

/** Midnight of a calendar day on the zone's wall clock, as a UTC instant. */
export function dayStartUtc(date: string, zone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!validDate(year, month, day)) return null;
  try {
    const result = localToUtc({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 }, zone);
    return result.ok ? result.utcMs : null;
  } catch {
    return null;
  }
}

/** `2024-02-29` → `2024-03-01` (calendar arithmetic, no zone involved). */
function nextDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + 1)).toISOString().slice(0, 10);
}

/** Yuan as typed (`1,234.5`, `¥500`, `5万` is not accepted) → minor units of its size; null when not an amount. */
function amountOf(text: string): number | null {
  const parsed = parseBankAmount(text);
  return parsed.ok ? Math.abs(parsed.minor) : null;
}

/** The draft as the backend's filter, or what is wrong with it. */
export function toFilter(draft: FilterDraft, zone: string): { filter: TxnFilter; problems: DraftProblem[] } {
  const filter: TxnFilter = {};
  const problems: DraftProblem[] = [];
  const text = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

  const account = text(draft.account);
  if (account) filter.account = account;
  const counterparty = text(draft.counterparty);
  if (counterparty) {
    filter.counterparty = counterparty;
    if (draft.exact) filter.counterpartyExact = true;
  }
  for (const [key, value] of [
    ['amountMinMinor', draft.amountMin],
    ['amountMaxMinor', draft.amountMax],
  ] as const) {
    const typed = text(value);
    if (!typed) continue;
    const minor = amountOf(typed);
    if (minor === null) problems.push({ kind: 'badAmount', text: typed });
    else filter[key] = minor;
  }
  if (filter.amountMinMinor !== undefined && filter.amountMaxMinor !== undefined && filter.amountMinMinor > filter.amountMaxMinor) problems.push({ kind: 'badRange' });
  const from = text(draft.from) ? dayStartUtc(draft.from, zone) : null;
  const toStart = text(draft.to) ? dayStartUtc(draft.to, zone) : null;
  if (from !== null) filter.fromUtc = from;
  // the end date is included: up to the start of the next calendar day there (23–25 h later across DST)
  if (toStart !== null) filter.toUtc = dayStartUtc(nextDate(draft.to.trim()), zone) ?? toStart + DAY_MS;
  if (filter.fromUtc !== undefined && filter.toUtc !== undefined && filter.fromUtc >= filter.toUtc) problems.push({ kind: 'badDates' });
  if (draft.direction) filter.direction = draft.direction;
  if (draft.tagId) filter.tagId = Number(draft.tagId);
  const quick = text(draft.quick);
  if (quick) filter.quick = quick;
  const flags = Object.fromEntries(Object.entries(draft.flags).filter(([, value]) => value !== undefined));
  if (Object.keys(flags).length > 0) filter.flags = flags;
  return { filter, problems };
}

/** A saved filter back into the boxes (amounts in yuan, the end date as the last day included). */
export function toDraft(filter: TxnFilter, zone: string): FilterDraft {
  return {
    account: filter.account ?? '',
    counterparty: filter.counterparty ?? '',
    exact: filter.counterpartyExact === true,
    amountMin: filter.amountMinMinor === undefined ? '' : formatMinor(filter.amountMinMinor, { grouping: false }),
    amountMax: filter.amountMaxMinor === undefined ? '' : formatMinor(filter.amountMaxMinor, { grouping: false }),
    from: filter.fromUtc === undefined ? '' : formatInZone(filter.fromUtc, zone).slice(0, 10),
    to: filter.toUtc === undefined ? '' : formatInZone(filter.toUtc - 1, zone).slice(0, 10),
    direction: filter.direction ?? '',
    tagId: filter.tagId === undefined ? '' : String(filter.tagId),
    quick: filter.quick ?? '',
    flags: { ...(filter.flags ?? {}) },
  };
}

/** How many conditions a filter sets (a flag counts once). */
export function conditionCount(filter: TxnFilter): number {
  const { flags, counterpartyExact, ...rest } = filter;
  void counterpartyExact;
  return Object.values(rest).filter((value) => value !== undefined).length + Object.values(flags ?? {}).filter((value) => value !== undefined).length;
}
