import { join } from 'node:path';
import type { FollowUpFilter } from '@shared/domain';
import { EXPORTS_DIR, type CaseSession } from '../../cases/case-session';
import { followUps } from './follow-ups';
import { writeFollowUpsXlsx } from './follow-ups-xlsx';

export { flowGraph, flowRows } from './flow-graph-service';
export { runTrace, saveTrace } from './trace-service';
export { followUps } from './follow-ups';

/** The 补调清单 written to the case's exports/ folder (the router audits the call). */
export async function exportFollowUps(session: CaseSession, filter: FollowUpFilter): Promise<{ path: string; file: string; accounts: number }> {
  const list = followUps(session.db, filter);
  const meta = session.meta();
  const written = await writeFollowUpsXlsx(list, join(session.caseDir, EXPORTS_DIR), { caseNumber: meta.caseNumber, caseName: meta.caseName, timeZone: meta.timeZone });
  return { ...written, accounts: list.accounts };
}
