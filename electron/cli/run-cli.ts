import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { Command, CommandInput } from './command';
import { UsageError } from './command';
import { COMMANDS } from './commands/index';
import { toAppError } from '../core/api/router';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CliOutcome {
  exitCode: 0 | 1 | 2;
  /** a server command keeps the process alive after printing */
  keepAlive: boolean;
}

const COMMON: ParseArgsOptionsConfig = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  operator: { type: 'string' },
};

export function findCommand(argv: readonly string[]): { command: Command; rest: string[] } | null {
  let best: Command | null = null;
  for (const command of COMMANDS) {
    if (command.path.every((word, i) => argv[i] === word) && (!best || command.path.length > best.path.length)) best = command;
  }
  return best ? { command: best, rest: argv.slice(best.path.length) } : null;
}

export function helpText(): string {
  return ['chainsight — 链察 evidence workstation', '', ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`), '', 'Every command takes --json.'].join('\n');
}

/** Run one command line: exit 0 on success, 1 on failure (message on stderr), 2 on bad usage. */
export async function runCli(argv: readonly string[], io: CliIo, signal: AbortSignal = new AbortController().signal): Promise<CliOutcome> {
  const json = argv.includes('--json');
  const found = findCommand(argv);
  if (!found) {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      io.stdout(`${helpText()}\n`);
      return { exitCode: argv.length === 0 ? 2 : 0, keepAlive: false };
    }
    return usageFailure(new UsageError(`unknown command "${argv.filter((a) => !a.startsWith('-')).join(' ')}"`), json, io);
  }
  const { command, rest } = found;
  let input: CommandInput;
  try {
    const parsed = parseArgs({ args: [...rest], options: { ...COMMON, ...command.options }, allowPositionals: true, strict: true });
    if (parsed.values.help === true) {
      io.stdout(`${command.usage}\n  ${command.summary}\n`);
      return { exitCode: 0, keepAlive: false };
    }
    const count = parsed.positionals.length;
    if (count < command.positionals.min || count > command.positionals.max) {
      throw new UsageError(`expected ${describeCount(command)} argument(s), got ${count}`);
    }
    input = {
      values: parsed.values,
      positionals: parsed.positionals,
      json,
      log: (line) => {
        if (!json) io.stdout(`${line}\n`);
      },
      progress: (line) => io.stderr(`${line}\n`),
      signal,
    };
  } catch (error) {
    const usage = error instanceof UsageError ? error : new UsageError(error instanceof Error ? error.message : String(error));
    return usageFailure(usage, json, io, command);
  }

  try {
    const result = await command.run(input);
    const keepAlive = result.keepAlive === true;
    const { keepAlive: _drop, ...payload } = result;
    if (json) io.stdout(`${JSON.stringify({ ok: true, ...payload })}\n`);
    return { exitCode: 0, keepAlive };
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(error, json, io, command);
    const appError = toAppError(error);
    io.stderr(`chainsight: ${appError.message}\n`);
    if (json) io.stdout(`${JSON.stringify({ ok: false, error: { code: appError.code, message: appError.message } })}\n`);
    return { exitCode: 1, keepAlive: false };
  }
}

function describeCount(command: Command): string {
  const { min, max } = command.positionals;
  if (min === max) return String(min);
  return max === Infinity ? `at least ${min}` : `${min}–${max}`;
}

function usageFailure(error: UsageError, json: boolean, io: CliIo, command?: Command): CliOutcome {
  io.stderr(`chainsight: ${error.message}\n${command ? `usage: ${command.usage}\n` : `${helpText()}\n`}`);
  if (json) io.stdout(`${JSON.stringify({ ok: false, error: { code: 'BAD_USAGE', message: error.message } })}\n`);
  return { exitCode: 2, keepAlive: false };
}

