import type { TFunction } from 'i18next';
import { formatCount, formatInstant, formatMoney } from '../../components/format';

/** the figures of a finding's detail shown to the investigator, in this order; other keys stay in the stored JSON */
const FACT_KEYS = [
  'clients', 'debtors', 'borrowers', 'abLoans', 'holders', 'subjects', 'accounts', 'rows', 'count', 'totalRows', 'repayments', 'direction',
  'feesMinor', 'amountMinor', 'inMinor', 'outMinor', 'movedMinor', 'availableMinor', 'spentMinor', 'roundMinor', 'unitMinor', 'averageBalanceMinor',
  'medianShare', 'share', 'imbalance', 'turnover', 'medianDwellMinutes', 'sources', 'destinations', 'medianDaysAfterLastRepayment', 'nightRows',
  'nightShare', 'holidayRows', 'holidayShare', 'roundRows', 'routineShare', 'coverage', 'bothDays', 'activeDays', 'dayVariant', 'spanDays', 'from',
  'to', 'organisation', 'calendar',
] as const;
type FactKey = (typeof FACT_KEYS)[number];

const SHARES = new Set<FactKey>(['medianShare', 'share', 'nightShare', 'holidayShare', 'routineShare', 'coverage', 'imbalance']);
const TIMES = new Set<FactKey>(['from', 'to']);

function value(key: FactKey, raw: unknown, t: TFunction, zone: string): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'boolean') return raw ? t('findings.yes') : t('findings.no');
  if (key === 'direction') return raw === 'receives' ? t('findings.facts.receives') : raw === 'pays' ? t('findings.facts.pays') : null;
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return null;
  if (key.endsWith('Minor')) return formatMoney(Math.round(raw), 'CNY');
  if (SHARES.has(key)) return `${(raw * 100).toFixed(1)}%`;
  if (TIMES.has(key)) return formatInstant(new Date(raw).toISOString(), zone);
  return Number.isInteger(raw) ? formatCount(raw) : String(raw);
}

/** The detail JSON's plain figures as labelled, formatted lines (money in yuan, shares in per cent, times in the zone). */
export function findingFacts(detail: Record<string, unknown>, t: TFunction, zone: string): [string, string][] {
  const out: [string, string][] = [];
  for (const key of FACT_KEYS) {
    const shown = value(key, detail[key], t, zone);
    if (shown !== null) out.push([t(`findings.facts.${key}`), shown]);
  }
  return out;
}
