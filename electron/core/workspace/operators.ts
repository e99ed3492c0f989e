import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError, Operator as OperatorSchema } from '@shared/api';
import type { Operator } from '@shared/domain';
import { readJsonFile, writeJsonFile } from './json-file';

const OperatorsFile = z.object({ operators: z.array(OperatorSchema), currentId: z.string().nullable() });
type OperatorsState = z.infer<typeof OperatorsFile>;

/** How an operator appears in the audit log and the lock file: name, unit and badge number together. */
export function operatorLabel(operator: Operator): string {
  const extras = [operator.unit, operator.badge ? `警号 ${operator.badge}` : ''].filter((part) => part.length > 0);
  return extras.length > 0 ? `${operator.name}（${extras.join('，')}）` : operator.name;
}

/** Operator profiles of this workstation (not of a case): the person at the keyboard is chosen at start. */
export class OperatorStore {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'operators.json');
  }

  private read(): OperatorsState {
    return readJsonFile(this.file, OperatorsFile, { operators: [], currentId: null });
  }

  list(): OperatorsState {
    return this.read();
  }

  save(input: Omit<Operator, 'id'> & { id?: string | undefined }): Operator {
    const state = this.read();
    const operator: Operator = { id: input.id ?? randomUUID(), name: input.name, unit: input.unit, badge: input.badge };
    const index = state.operators.findIndex((item) => item.id === operator.id);
    if (index >= 0) state.operators[index] = operator;
    else state.operators.push(operator);
    writeJsonFile(this.file, state);
    return operator;
  }

  select(id: string): Operator {
    const state = this.read();
    const operator = state.operators.find((item) => item.id === id);
    if (!operator) throw new AppError('OPERATOR_NOT_FOUND', `No operator profile with id ${id}.`);
    writeJsonFile(this.file, { ...state, currentId: id });
    return operator;
  }

  current(): Operator | null {
    const state = this.read();
    return state.operators.find((item) => item.id === state.currentId) ?? null;
  }
}
