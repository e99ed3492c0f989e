/**
 * Runs chosen detectors over loaded case rows: resolves each rule's parameters (defaults from DOMAIN.md, the
 * caller's values over them), runs it, and returns its hits with the canonical parameters it ran with.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { AppError } from '@shared/api';
import { DETECTORS, ParamError, detectorById, resolveParams, type DetectContext, type Detector, type Hit, type ParamValues } from '@shared/analytics/detectors';
import { cancelled, type CaseRows } from './case-rows';
import { holidaysBetween, loadIpExclusions } from './reference-lists';

export interface RuleResult {
  rule: string;
  version: number;
  params: ParamValues;
  hits: Hit[];
  milliseconds: number;
}

export interface RunOptions {
  /** rule ids; all when empty or absent */
  rules?: readonly string[] | undefined;
  /** per rule id, parameter values (numbers, booleans, text or their text form) */
  params?: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined;
  signal?: AbortSignal | undefined;
  onRule?: ((index: number, total: number, rule: string) => void) | undefined;
  /** replaces the shipped IP exclusion list (tests) */
  ipExclusions?: readonly string[] | undefined;
}

/** The detectors a run asks for, checked; unknown ids are an error naming the known ones. */
export function selectDetectors(ids: readonly string[] | undefined): Detector[] {
  if (!ids || ids.length === 0) return [...DETECTORS];
  return ids.map((id) => {
    const detector = detectorById(id);
    if (!detector) throw new AppError('BAD_INPUT', `Unknown rule "${id}". Rules: ${DETECTORS.map((d) => d.id).join(', ')}`);
    return detector;
  });
}

/** Parameters of every selected rule, resolved and checked before anything runs (a typo fails fast). */
export function resolveRunParams(detectors: readonly Detector[], given: RunOptions['params']): Map<string, ParamValues> {
  const selected = new Set(detectors.map((d) => d.id));
  for (const id of Object.keys(given ?? {})) {
    if (!selected.has(id)) throw new AppError('BAD_INPUT', `Parameters were given for "${id}", which is not among the rules of this run.`);
  }
  const out = new Map<string, ParamValues>();
  for (const detector of detectors) {
    try {
      out.set(detector.id, resolveParams(detector.params, given?.[detector.id] ?? {}, detector.id));
    } catch (error) {
      if (error instanceof ParamError) throw new AppError('BAD_INPUT', error.message);
      throw error;
    }
  }
  return out;
}

export async function runDetectors(rows: CaseRows, options: RunOptions = {}): Promise<RuleResult[]> {
  const detectors = selectDetectors(options.rules);
  const params = resolveRunParams(detectors, options.params);
  const needsCalendar = detectors.some((d) => d.id === 'night-holiday');
  const calendar = needsCalendar && rows.period ? holidaysBetween(rows.period.from, rows.period.to) : null;
  const context: DetectContext = {
    table: rows.table,
    devices: rows.devices,
    ipExclusions: options.ipExclusions ?? (detectors.some((d) => d.id === 'shared-device') ? loadIpExclusions() : []),
    calendar: calendar ? { holidays: calendar.holidays, workdays: calendar.workdays } : null,
    checkpoint: () => cancelled(options.signal),
  };
  const results: RuleResult[] = [];
  for (const [index, detector] of detectors.entries()) {
    cancelled(options.signal);
    options.onRule?.(index, detectors.length, detector.id);
    const values = params.get(detector.id) ?? {};
    const started = performance.now();
    let hits: Hit[];
    try {
      hits = detector.run(context, values);
    } catch (error) {
      if (error instanceof ParamError) throw new AppError('BAD_INPUT', `${detector.id}: ${error.message}`);
      throw error;
    }
    hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
    results.push({ rule: detector.id, version: detector.version, params: values, hits, milliseconds: Math.round(performance.now() - started) });
    await yieldToLoop();
  }
  return results;
}
