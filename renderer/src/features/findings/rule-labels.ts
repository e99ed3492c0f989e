import type { TFunction } from 'i18next';
import type { RuleInfo, RuleParam } from '@shared/domain';

/** a rule's name in the interface language (the id when the rule is not known to this version) */
export function ruleName(rules: readonly RuleInfo[] | undefined, id: string, language: string): string {
  const rule = rules?.find((r) => r.id === id);
  if (!rule) return id;
  return language.startsWith('zh') ? rule.name.zh : rule.name.en;
}

export function paramLabel(param: RuleParam, language: string): string {
  return language.startsWith('zh') ? param.zh : param.en;
}

/** a parameter value as a person reads it: yuan with separators, hours, ratios as they are */
export function formatParam(value: number | boolean | string, unit: string, t: TFunction): string {
  if (typeof value === 'boolean') return value ? t('findings.yes') : t('findings.no');
  if (typeof value === 'string') return value === '' ? t('findings.emptyText') : value;
  if (unit === 'yuan') return `¥ ${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value)}`;
  const unitText = isUnit(unit) ? t(`findings.units.${unit}`) : '';
  return `${value}${unitText ? ` ${unitText}` : ''}`;
}

/**
 * What the form holds for a rule (text as typed) → the values sent with the run: only the ones that differ from the
 * default, as numbers or booleans where the parameter is one. Returns the key of the first value that is no number.
 */
export function paramOverrides(rule: RuleInfo, draft: Readonly<Record<string, string | boolean>>): { values: Record<string, number | boolean | string>; invalid: string | null } {
  const values: Record<string, number | boolean | string> = {};
  for (const param of rule.params) {
    const raw = draft[param.key];
    if (raw === undefined) continue;
    if (param.type === 'boolean') {
      if (raw !== param.default) values[param.key] = raw === true;
      continue;
    }
    if (param.type === 'text') {
      if (raw !== param.default) values[param.key] = String(raw);
      continue;
    }
    const number = Number(String(raw).trim());
    if (String(raw).trim() === '' || !Number.isFinite(number) || (param.type === 'integer' && !Number.isInteger(number))) return { values, invalid: param.key };
    if ((param.min !== undefined && number < param.min) || (param.max !== undefined && number > param.max)) return { values, invalid: param.key };
    if (number !== param.default) values[param.key] = number;
  }
  return { values, invalid: null };
}

const UNITS = ['minutes', 'hours', 'days', 'hour'] as const;
function isUnit(unit: string): unit is (typeof UNITS)[number] {
  return (UNITS as readonly string[]).includes(unit);
}

const ROLES = [
  'subject', 'evidence', 'in', 'out', 'source', 'destination', 'member', 'counterparty', 'collector', 'client', 'refund', 'fee', 'deposit',
  'disbursement', 'borrower', 'forward', 'before-loan', 'debtor', 'last-repayment', 'repayment', 'payout', 'move', 'recipient', 'loan',
  'merchant', 'spend', 'cash-back', 'card', 'holder', 'night', 'holiday',
] as const;

/** what a row or account is to a finding, in words (a role this version does not know is shown as it is) */
export function roleLabel(role: string, t: TFunction): string {
  return (ROLES as readonly string[]).includes(role) ? t(`findings.roles.${role as (typeof ROLES)[number]}`) : role;
}
