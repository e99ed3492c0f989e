/**
 * What every detector is: a stable id, a version, names and a description in both languages, parameters with
 * defaults (DOMAIN.md §2–§3; all configurable), and a pure function from rows to hits. A hit names the rows and
 * accounts behind it and carries a short title (worded as a suspicion, 疑似 …; in Chinese and in English) and a score in
 * [0, 1].
 */
import type { TxnTable } from './table';

export type ParamUnit = 'yuan' | 'minutes' | 'hours' | 'days' | 'ratio' | 'count' | 'hour' | 'percent' | 'text' | 'flag';

export interface ParamSpec {
  key: string;
  type: 'number' | 'integer' | 'boolean' | 'text';
  default: number | boolean | string;
  unit: ParamUnit;
  min?: number;
  max?: number;
  zh: string;
  en: string;
}

export type ParamValues = Record<string, number | boolean | string>;

export interface Localised {
  zh: string;
  en: string;
}

export interface HitItem {
  id: number;
  /** what the row or account is to the hit: 'subject', 'evidence', 'in', 'out', 'collector' … */
  role: string;
}

export interface Hit {
  /** short, in Chinese, worded as a suspicion (stored as the finding's title; scripts read it) */
  title: string;
  /** the same title in English, from the same figures; names of people and accounts stay as the data has them */
  titleEn: string;
  score: number;
  /** the account the hit is about, when there is one */
  subject: number | null;
  accounts: HitItem[];
  txns: HitItem[];
  /** rule-specific figures (amounts in minor units, times as UTC ms, counterparties not in the case by number) */
  detail: Record<string, unknown>;
}

/** An observation of an identifier on an account: a login IP, a MAC on an online-banking row, a contact phone … */
export interface DeviceObservation {
  account: number;
  kind: 'ip' | 'mac' | 'device' | 'phone';
  value: string;
  /** the transaction row it was read from, when it came from one */
  txn?: number | null;
  /** where else it was read from (identifier row id), for evidence */
  source?: string | null;
}

export interface DetectContext {
  table: TxnTable;
  /** identifiers seen on accounts (for same-IP/MAC/device) */
  devices: readonly DeviceObservation[];
  /** addresses never used for linking: CIDR ranges and exact values (resources/reference/ip-exclusions) */
  ipExclusions: readonly string[];
  /** local dates (YYYY-MM-DD) that are public holidays, and weekend dates that are working days (调休) */
  calendar: { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> } | null;
  /** cooperative yield point for long loops; throws when the run was cancelled */
  checkpoint?: (() => void) | undefined;
}

export interface Detector {
  id: string;
  version: number;
  name: Localised;
  description: Localised;
  /** flow: money movement shapes; pattern: single-row rules; link: shared identifiers; typology: DOMAIN.md §3 */
  category: 'flow' | 'pattern' | 'link' | 'typology';
  params: readonly ParamSpec[];
  run(context: DetectContext, params: ParamValues): Hit[];
}
