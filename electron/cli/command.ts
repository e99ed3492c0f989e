import type { ParseArgsOptionsConfig } from 'node:util';

/** What a command gets: parsed flags, positionals, and where to write. */
export interface CommandInput {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  json: boolean;
  /** human-readable output (suppressed with --json) */
  log: (line: string) => void;
  /** progress lines on stderr (always allowed: stdout stays one JSON object with --json) */
  progress: (line: string) => void;
  signal: AbortSignal;
}

/**
 * One CLI command. `run` returns the JSON object printed with `--json` (at least `{ ok: true }` is added);
 * it throws `AppError` for failures (exit 1) and `UsageError` for bad usage (exit 2).
 */
export interface Command {
  /** words that select it, e.g. ['case', 'init'] */
  path: string[];
  summary: string;
  usage: string;
  options: ParseArgsOptionsConfig;
  /** how many positionals are required/allowed (max Infinity for lists) */
  positionals: { min: number; max: number };
  run(input: CommandInput): Promise<Record<string, unknown>>;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function stringFlag(input: CommandInput, name: string): string | undefined {
  const value = input.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function intFlag(input: CommandInput, name: string, fallback: number, min = 0): number {
  const raw = stringFlag(input, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`--${name} must be at least ${min}, got "${raw}"`);
  return value;
}
