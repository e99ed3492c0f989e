import type { Command } from '../command';
import { benchCommand } from './bench';
import { caseInitCommand } from './case-init';
import { demoCommand } from './demo';
import { detectCommand } from './detect';
import { evalCommand } from './eval';
import { formatsCommand } from './formats';
import { importCommand } from './import';
import { searchCommand } from './search';
import { serveCommand } from './serve';
import { startCommand } from './start';
import { statsCommand } from './stats';
import { tagCommand } from './tag';
import { traceCommand } from './trace';

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
  searchCommand,
  tagCommand,
  traceCommand,
  detectCommand,
  evalCommand,
];
