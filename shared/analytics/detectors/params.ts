/** Detector parameters: defaults, validation, reading typed values, and text (`key=value`) from the CLI. */
import type { ParamSpec, ParamValues } from './types';

export class ParamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParamError';
  }
}

/** Every parameter of a detector: its default, replaced by the given value where one is given (checked). */
export function resolveParams(specs: readonly ParamSpec[], given: Readonly<Record<string, unknown>> = {}, ruleId = ''): ParamValues {
  const known = new Set(specs.map((spec) => spec.key));
  for (const key of Object.keys(given)) {
    if (!known.has(key)) throw new ParamError(`${ruleId ? `${ruleId}: ` : ''}unknown parameter "${key}" (known: ${[...known].join(', ')})`);
  }
  const values: ParamValues = {};
  for (const spec of specs) {
    const raw = given[spec.key];
    values[spec.key] = raw === undefined ? spec.default : checkValue(spec, raw, ruleId);
  }
  return values;
}

function checkValue(spec: ParamSpec, raw: unknown, ruleId: string): number | boolean | string {
  const where = `${ruleId ? `${ruleId}.` : ''}${spec.key}`;
  if (spec.type === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    if (raw === 'true' || raw === '1' || raw === 'yes') return true;
    if (raw === 'false' || raw === '0' || raw === 'no') return false;
    throw new ParamError(`${where} must be true or false`);
  }
  if (spec.type === 'text') {
    if (typeof raw !== 'string') throw new ParamError(`${where} must be text`);
    if (raw.length > 2000) throw new ParamError(`${where} is too long`);
    return raw;
  }
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value)) throw new ParamError(`${where} must be a number`);
  if (spec.type === 'integer' && !Number.isInteger(value)) throw new ParamError(`${where} must be a whole number`);
  if (spec.min !== undefined && value < spec.min) throw new ParamError(`${where} must be at least ${spec.min}`);
  if (spec.max !== undefined && value > spec.max) throw new ParamError(`${where} must be at most ${spec.max}`);
  return value;
}

export function num(params: ParamValues, key: string): number {
  const value = params[key];
  if (typeof value !== 'number') throw new ParamError(`parameter ${key} is not a number`);
  return value;
}

export function flag(params: ParamValues, key: string): boolean {
  const value = params[key];
  if (typeof value !== 'boolean') throw new ParamError(`parameter ${key} is not true/false`);
  return value;
}

export function text(params: ParamValues, key: string): string {
  const value = params[key];
  if (typeof value !== 'string') throw new ParamError(`parameter ${key} is not text`);
  return value;
}

/** yuan (a parameter) → minor units (分) */
export function yuan(params: ParamValues, key: string): number {
  return Math.round(num(params, key) * 100);
}

/** a text parameter holding a regular expression (empty: matches nothing) */
export function pattern(params: ParamValues, key: string): RegExp | null {
  const source = text(params, key).trim();
  if (source === '') return null;
  try {
    return new RegExp(source);
  } catch {
    throw new ParamError(`parameter ${key} is not a valid pattern: ${source}`);
  }
}

/**
 * `key=value` and `rule.key=value` pairs (the CLI's --param) → per-rule overrides. A bare key applies to every
 * selected rule that has it; a key no selected rule has is an error.
 */
export function parseParamPairs(pairs: readonly string[], rules: readonly { id: string; params: readonly ParamSpec[] }[]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new ParamError(`--param expects key=value, got "${pair}"`);
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const dot = name.lastIndexOf('.');
    const ruleId = dot > 0 ? name.slice(0, dot) : null;
    const key = dot > 0 ? name.slice(dot + 1) : name;
    const targets = rules.filter((rule) => (ruleId === null || rule.id === ruleId) && rule.params.some((spec) => spec.key === key));
    if (targets.length === 0) throw new ParamError(`no selected rule has a parameter "${name}"`);
    for (const rule of targets) (out[rule.id] ??= {})[key] = value;
  }
  return out;
}
