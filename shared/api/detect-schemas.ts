import { z } from 'zod';

/** Detectors and their findings as the findings page and the CLI see them (ISSUE 7 §3). */

export const ParamValue = z.union([z.number(), z.boolean(), z.string().max(2000)]);

export const RuleParam = z.object({
  key: z.string(),
  type: z.enum(['number', 'integer', 'boolean', 'text']),
  default: ParamValue,
  unit: z.string(),
  min: z.number().optional(),
  max: z.number().optional(),
  zh: z.string(),
  en: z.string(),
});

export const RuleInfo = z.object({
  id: z.string(),
  version: z.number().int(),
  category: z.enum(['flow', 'pattern', 'link', 'typology']),
  name: z.object({ zh: z.string(), en: z.string() }),
  description: z.object({ zh: z.string(), en: z.string() }),
  params: z.array(RuleParam),
});

export const DetectRunInput = z.object({
  /** rule ids; every rule when absent or empty */
  rules: z.array(z.string().min(1).max(64)).max(64).optional(),
  /** per rule id, parameter values replacing the defaults */
  params: z.record(z.string(), z.record(z.string(), ParamValue)).optional(),
});

export const RuleRunSummary = z.object({
  rule: z.string(),
  version: z.number().int(),
  params: z.record(z.string(), ParamValue),
  hits: z.number().int(),
  /** findings of an earlier run of the same rule with the same parameters that this run replaced */
  replaced: z.number().int(),
  milliseconds: z.number().int(),
});

export const DetectRunReport = z.object({
  rules: z.array(RuleRunSummary),
  /** transaction rows read, and rows left out (refused by the bank, duplicates, reversal pairs) */
  rows: z.object({ used: z.number().int(), failed: z.number().int(), duplicates: z.number().int(), reversals: z.number().int() }),
  /** the holiday calendar's coverage for the 夜间/节假日 rule: years of the case it has no notice for */
  calendarUncoveredYears: z.array(z.number().int()),
});

export const FindingSummary = z.object({
  id: z.number().int(),
  rule: z.string(),
  version: z.number().int(),
  params: z.record(z.string(), ParamValue),
  /** in Chinese, worded as a suspicion (疑似 …) */
  title: z.string(),
  /** the same in English (findings stored before schema 7, and traces saved under a title the user typed: null) */
  titleEn: z.string().nullable(),
  score: z.number().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  txns: z.number().int(),
  accounts: z.number().int(),
  /** the account the finding is about, when there is one: number and holder */
  subject: z.object({ account: z.number().int(), number: z.string(), holder: z.string().nullable() }).nullable(),
});

export const RuleFindingCount = z.object({
  rule: z.string(),
  count: z.number().int(),
  version: z.number().int(),
  lastRunAt: z.string(),
});

export const EvidenceRow = z.object({
  txnId: z.number().int(),
  role: z.string(),
  utcMs: z.number().nullable(),
  timeText: z.string(),
  accountId: z.number().int(),
  accountNumber: z.string(),
  holder: z.string().nullable(),
  direction: z.enum(['in', 'out']).nullable(),
  amountMinor: z.number().int(),
  currency: z.string(),
  balanceMinor: z.number().int().nullable(),
  counterparty: z.string().nullable(),
  counterpartyName: z.string().nullable(),
  summary: z.string().nullable(),
  channel: z.string().nullable(),
  /** where the row came from: file and line */
  file: z.string(),
  line: z.number().int(),
});

export const FindingAccount = z.object({
  accountId: z.number().int(),
  role: z.string(),
  number: z.string(),
  holder: z.string().nullable(),
  kind: z.string(),
});

export const FindingDetail = FindingSummary.extend({
  detail: z.record(z.string(), z.unknown()),
  accountItems: z.array(FindingAccount),
  evidence: z.array(EvidenceRow),
  /** evidence rows in all (the list may be cut at the limit) */
  evidenceTotal: z.number().int(),
});
