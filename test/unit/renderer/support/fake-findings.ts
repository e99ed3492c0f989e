import { AppError } from '@shared/api';
import type { DetectRunInput, DetectRunReport, FindingDetail, RuleInfo } from '@shared/domain';
import type { FakeBackend, Handlers } from './fake-backend';

/** Two rules as `detect.rules` describes them (a typology and a flow rule), with a few parameters each. */
export function fakeRules(): RuleInfo[] {
  return [
    {
      id: 'insurance-surrender',
      version: 1,
      category: 'typology',
      name: { zh: '代理退保', en: 'Insurance-surrender agents' },
      description: { zh: '多名投保人收到退保金后数日内……', en: 'Several policyholders …' },
      params: [
        { key: 'windowHours', type: 'number', default: 240, unit: 'hours', min: 1, zh: '收到退保金后多长时间内付费（小时）', en: 'Fee paid within (hours after the refund)' },
        { key: 'minClients', type: 'integer', default: 2, unit: 'count', min: 1, zh: '同一收款方至少几名投保人', en: 'At least this many policyholders paying the same account' },
      ],
    },
    {
      id: 'fast-in-fast-out',
      version: 1,
      category: 'flow',
      name: { zh: '快进快出', en: 'Fast in, fast out' },
      description: { zh: '大额资金转入后短时间内……', en: 'A large inflow leaves again …' },
      params: [
        { key: 'windowMinutes', type: 'integer', default: 30, unit: 'minutes', min: 1, max: 43_200, zh: '转入后多长时间内转出', en: 'Outflows within this time after the inflow' },
        { key: 'excludeSameHolder', type: 'boolean', default: true, unit: 'flag', zh: '不计本人账户之间的划转', en: "Leave out transfers between one holder's own accounts" },
      ],
    },
  ];
}

/** One stored finding of the insurance-surrender rule with two evidence rows (one counterparty name is hostile markup). */
export function t1Finding(): FindingDetail {
  return {
    id: 7,
    rule: 'insurance-surrender',
    version: 1,
    params: { windowHours: 240, minClients: 2 },
    title: '疑似代理退保：3 名投保人收到退保金后 3 天内向 姚俊 6225…4989 转入退保金的 8%–8%（合计 ¥6.57万）',
    titleEn: 'Suspected surrender agent: 3 policyholders paid 姚俊 6225…4989 8% of their surrender refund within 3 days of receiving it (¥65,700.00 in all)',
    score: 0.94,
    createdAt: '2024-06-05T02:00:00.000Z',
    createdBy: '李警官（某市公安局经侦支队，警号 012345）',
    txns: 2,
    accounts: 2,
    subject: { account: 33, number: '6225885866004989', holder: '姚俊' },
    detail: { clients: 3, feesMinor: 6_570_000, medianShare: 0.083 },
    accountItems: [
      { accountId: 33, role: 'collector', number: '6225885866004989', holder: '姚俊', kind: 'bank' },
      { accountId: 50, role: 'client', number: '622908103751661840', holder: '郭俊宇', kind: 'bank' },
    ],
    evidence: [
      {
        txnId: 2662, role: 'refund', utcMs: Date.UTC(2024, 6, 25, 8, 42, 34), timeText: '2024-07-25 16:42:34', accountId: 50, accountNumber: '622908103751661840', holder: '郭俊宇',
        direction: 'in', amountMinor: 18_064_359, currency: 'CNY', balanceMinor: null, counterparty: '179186217028', counterpartyName: '<img src=x onerror=alert(1)>泰和鑫人寿', summary: '退保金',
        channel: null, file: '银行查控/101/中国银行交易明细信息.csv', line: 17,
      },
      {
        txnId: 2663, role: 'fee', utcMs: Date.UTC(2024, 6, 27, 12, 51, 58), timeText: '2024-07-27 20:51:58', accountId: 50, accountNumber: '622908103751661840', holder: '郭俊宇',
        direction: 'out', amountMinor: 1_501_000, currency: 'CNY', balanceMinor: null, counterparty: '6225885866004989', counterpartyName: '姚俊', summary: '网银转账',
        channel: null, file: '银行查控/101/中国银行交易明细信息.csv', line: 18,
      },
    ],
    evidenceTotal: 2,
  };
}

export interface FindingsState {
  findings: FindingDetail[];
  runs: DetectRunInput[];
  reports: Map<string, DetectRunReport>;
  cancelled: string[];
}

export function findingsState(findings: FindingDetail[] = []): FindingsState {
  return { findings, runs: [], reports: new Map(), cancelled: [] };
}

/**
 * The detection methods over an in-memory state. `detect.run` answers a job id at once; the test drives the job with
 * `backend.emit('job.progressed' | 'job.finished', …)` as the real backend would.
 */
export function findingsHandlers(state: FindingsState, rules: RuleInfo[] = fakeRules()): Handlers {
  return {
    'detect.rules': () => ({ rules }),
    'detect.run': (input) => {
      const unknown = (input.rules ?? []).find((id) => !rules.some((r) => r.id === id));
      if (unknown) throw new AppError('BAD_INPUT', `Unknown rule "${unknown}"`);
      state.runs.push(input);
      return { jobId: `job-${state.runs.length}` };
    },
    'detect.report': ({ jobId }) => ({ report: state.reports.get(jobId) ?? null }),
    'findings.list': ({ rule, offset = 0, limit = 200 }) => {
      const matching = state.findings.filter((f) => rule === undefined || f.rule === rule);
      const byRule = [...new Set(state.findings.map((f) => f.rule))].map((id) => ({
        rule: id,
        count: state.findings.filter((f) => f.rule === id).length,
        version: 1,
        lastRunAt: '2024-06-05T02:00:00.000Z',
      }));
      return { total: matching.length, findings: matching.slice(offset, offset + limit).map(({ detail: _d, accountItems: _a, evidence: _e, evidenceTotal: _t, ...summary }) => summary), byRule };
    },
    'findings.get': ({ id }) => ({ finding: state.findings.find((f) => f.id === id) ?? null }),
    'jobs.cancel': ({ jobId }) => {
      state.cancelled.push(jobId);
      return { cancelled: true };
    },
  };
}

/** push a detect job's progress as the backend's job registry would */
export function emitProgress(backend: FakeBackend, jobId: string, done: number, total: number, unit: 'rows' | 'steps'): void {
  backend.emit('job.progressed', { jobId, kind: 'detect', label: '运行全部检测规则', done, total, unit, ratePerSecond: null, etaSeconds: null });
}
