import type { Command } from '../command';
import { benchCommand } from './bench';
import { caseInitCommand } from './case-init';
import { demoCommand } from './demo';
import { formatsCommand } from './formats';
import { importCommand } from './import';
import { serveCommand } from './serve';
import { startCommand } from './start';
import { statsCommand } from './stats';

/** Every `chainsight` command; the words and --json keys are a contract (ARCHITECTURE.md §6). */
export const COMMANDS: readonly Command[] = [
  demoCommand,
  caseInitCommand,
  statsCommand,
  formatsCommand,
  importCommand,
  serveCommand,
  startCommand,
  benchCommand,
];
