import { userInfo } from 'node:os';
import type { CommandInput } from './command';
import { stringFlag } from './command';
import { OperatorStore, operatorLabel } from '../core/workspace/operators';

/**
 * Who the CLI acts as, for the lock file and the audit log: --operator, else the workstation's chosen profile,
 * else CHAINSIGHT_OPERATOR, else the system user marked as command-line.
 */
export function cliOperator(input: CommandInput, dataDir: string): string {
  const flag = stringFlag(input, 'operator');
  if (flag) return flag;
  const profile = new OperatorStore(dataDir).current();
  if (profile) return operatorLabel(profile);
  if (process.env.CHAINSIGHT_OPERATOR) return process.env.CHAINSIGHT_OPERATOR;
  return `${userInfo().username}（命令行）`;
}
