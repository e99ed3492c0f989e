import type { Command } from '../command';
import { stringFlag } from '../command';
import { CaseSession } from '../../core/cases/case-session';
import { defaultDataDir } from '../../core/paths';
import { cliOperator } from '../operator';
import { basename } from 'node:path';

export const caseInitCommand: Command = {
  path: ['case', 'init'],
  summary: 'create a case folder <name>.chainsight with its database, originals/ and exports/',
  usage: 'chainsight case init <caseDir> [--name 案件名称] [--number 案件编号] [--cause 案由] [--unit 承办单位] [--handler 承办人] [--tz Asia/Shanghai]',
  options: {
    name: { type: 'string' },
    number: { type: 'string' },
    cause: { type: 'string' },
    unit: { type: 'string' },
    handler: { type: 'string' },
    tz: { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  run(input) {
    const target = input.positionals[0] ?? '';
    const operator = cliOperator(input, defaultDataDir());
    const session = CaseSession.create(
      target,
      {
        caseName: stringFlag(input, 'name') ?? basename(target).replace(/\.chainsight$/, ''),
        caseNumber: stringFlag(input, 'number'),
        cause: stringFlag(input, 'cause'),
        unit: stringFlag(input, 'unit'),
        handler: stringFlag(input, 'handler') ?? operator,
        timeZone: stringFlag(input, 'tz'),
      },
      { host: 'cli', operator },
    );
    const info = session.info();
    session.close();
    input.log(`Created case ${info.meta.caseName} at ${info.caseDir}`);
    return Promise.resolve({ caseDir: info.caseDir, meta: info.meta, schemaVersion: info.schemaVersion });
  },
};
