import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '@shared/api';
import type { CaseInfo, CaseMetaInput, HostKind, Operator } from '@shared/domain';
import { CaseSession } from '../cases/case-session';
import type { EventBus } from '../events';
import { OperatorStore, operatorLabel } from './operators';
import { RecentCases } from './recent-cases';

/**
 * The state of one backend: who is at the keyboard and which case is open (one at a time).
 * Shared by every client of that backend (Electron windows or browser tabs of one `serve`).
 */
export class Workspace {
  readonly operators: OperatorStore;
  readonly recent: RecentCases;
  private session: CaseSession | null = null;

  constructor(
    readonly host: Exclude<HostKind, 'cli'>,
    readonly dataDir: string,
    readonly casesDir: string,
    private readonly bus: EventBus,
  ) {
    this.operators = new OperatorStore(dataDir);
    this.recent = new RecentCases(dataDir, casesDir);
  }

  get current(): CaseSession | null {
    return this.session;
  }

  requireCase(): CaseSession {
    if (!this.session) throw new AppError('NO_CASE_OPEN', 'No case is open: open or create one first.');
    return this.session;
  }

  requireOperator(): Operator {
    const operator = this.operators.current();
    if (!operator) throw new AppError('NO_OPERATOR', 'Choose an operator profile (name, unit, badge number) first.');
    return operator;
  }

  operatorLabel(): string {
    return operatorLabel(this.requireOperator());
  }

  createCase(input: { parentDir?: string | undefined; folderName: string; meta: CaseMetaInput }): CaseInfo {
    const owner = { host: this.host, operator: this.operatorLabel() };
    if (/[\\/]|^\.\.?$/.test(input.folderName)) {
      throw new AppError('BAD_INPUT', 'The case folder name cannot contain / or \\.');
    }
    const parent = resolve(input.parentDir ?? this.casesDir);
    mkdirSync(parent, { recursive: true });
    this.closeCase();
    const session = CaseSession.create(join(parent, input.folderName), input.meta, owner);
    return this.adopt(session);
  }

  openCase(caseDir: string): CaseInfo {
    const owner = { host: this.host, operator: this.operatorLabel() };
    const target = resolve(caseDir);
    if (this.session?.caseDir === target) return this.session.info();
    this.closeCase();
    return this.adopt(CaseSession.open(target, owner, 'write'));
  }

  closeCase(): boolean {
    if (!this.session) return false;
    const session = this.session;
    this.session = null;
    session.close();
    this.bus.emit('case.changed', { caseDir: null });
    return true;
  }

  audit(action: string, params: unknown): void {
    const session = this.requireCase();
    const entry = session.audit.append(this.operatorLabel(), action, params);
    this.bus.emit('audit.appended', { seq: entry.seq, action: entry.action });
  }

  private adopt(session: CaseSession): CaseInfo {
    this.session = session;
    const info = session.info();
    this.recent.remember({ caseDir: info.caseDir, caseNumber: info.meta.caseNumber, caseName: info.meta.caseName });
    this.bus.emit('case.changed', { caseDir: info.caseDir });
    return info;
  }
}
