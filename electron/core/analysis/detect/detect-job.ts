/**
 * `detect.run` as a background job (like an import): progress as job.progressed events — rows while the case is
 * read, then rules — cancel through jobs.cancel, the outcome as job.finished; the report stays available by job id.
 * One detector run at a time per case, and no import while it runs (Workspace.startCaseJob).
 */
import type { DetectRunInput, DetectRunReport } from '@shared/domain';
import type { JobRegistry } from '../../jobs';
import type { Workspace } from '../../workspace/workspace';
import { detectInCase } from './detect-service';
import { resolveRunParams, selectDetectors } from './run-detectors';

interface DetectState {
  reports: Map<string, DetectRunReport>;
}

const states = new WeakMap<Workspace, DetectState>();

function stateOf(workspace: Workspace): DetectState {
  let state = states.get(workspace);
  if (!state) {
    state = { reports: new Map() };
    states.set(workspace, state);
  }
  return state;
}

export function startDetectJob(workspace: Workspace, jobs: JobRegistry, input: DetectRunInput): string {
  const session = workspace.requireCase();
  session.assertWritable();
  const state = stateOf(workspace);
  const operator = workspace.operatorLabel();
  // unknown rules and bad parameters are refused now, not as a failed job later
  resolveRunParams(selectDetectors(input.rules), input.params);
  const count = input.rules && input.rules.length > 0 ? input.rules.length : null;
  const label = count === null ? '运行全部检测规则' : count === 1 ? `运行检测规则 ${input.rules?.[0] ?? ''}` : `运行 ${count} 条检测规则`;
  return workspace.startCaseJob('detect', (release) =>
    jobs.start(
      'detect',
      { label, title: { key: 'detect', rules: input.rules ?? [] } },
      (job) =>
        detectInCase(session, {
          rules: input.rules,
          params: input.params,
          operator,
          signal: job.signal,
          onProgress: (p) => {
            if (p.stage === 'load') job.progress({ done: p.done, total: p.total, unit: 'rows' });
            else job.progress({ done: p.stage === 'save' ? p.total : p.done, total: p.total, unit: 'steps' });
          },
        }),
      (outcome, id) => {
        release();
        if (outcome.ok) state.reports.set(id, outcome.value.report);
      },
    ),
  );
}

export function detectReport(workspace: Workspace, jobId: string): DetectRunReport | null {
  return stateOf(workspace).reports.get(jobId) ?? null;
}
