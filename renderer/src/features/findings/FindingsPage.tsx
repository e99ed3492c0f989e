import './findings.css';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventName } from '@shared/api';
import type { CaseInfo } from '@shared/domain';
import { useDisplayZone } from '../../app/display-zone';
import { useHashSubRoute } from '../../app/routes';
import { useCall } from '../../app/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount } from '../../components/format';
import { FindingDetailView } from './FindingDetailView';
import { FindingList } from './FindingList';
import { RuleList } from './RuleList';
import type { ParamDraft } from './RuleParams';
import { paramOverrides, ruleName } from './rule-labels';
import { useDetectRun } from './use-detect-run';

const REFRESH_ON: readonly EventName[] = ['case.changed', 'import.finished'];
const PAGE = 200;

/**
 * 发现: the detectors with their versions and parameters (editable before a run), a run over the case with progress
 * and cancel, the findings grouped by rule with their counts, and one finding with the parameters it ran with and
 * the rows behind it. Findings are suspicions (疑似 …) for the investigator to check, never conclusions.
 */
export function FindingsPage({ caseInfo }: { caseInfo: CaseInfo }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const zone = useDisplayZone();
  const rules = useCall('detect.rules', {});
  const [sub, setSub] = useHashSubRoute('findings');
  const ruleList = rules.data?.rules;
  const selectedRule = ruleList?.find((r) => r.id === sub)?.id ?? null;
  const [offset, setOffset] = useState(0);
  const findings = useCall('findings.list', { rule: selectedRule ?? undefined, offset, limit: PAGE }, { refetchOn: REFRESH_ON });
  const [findingId, setFindingId] = useState<number | null>(null);
  const detail = useCall('findings.get', { id: findingId ?? 0 }, { enabled: findingId !== null, refetchOn: REFRESH_ON });
  const [unchosen, setUnchosen] = useState<ReadonlySet<string>>(new Set());
  const [drafts, setDrafts] = useState<Record<string, ParamDraft>>({});
  const [invalid, setInvalid] = useState<string | null>(null);

  const refresh = useCallback(() => {
    findings.reload();
    if (findingId !== null) detail.reload();
  }, [findings, detail, findingId]);
  const run = useDetectRun(refresh);

  const chosen = useMemo(() => new Set((ruleList ?? []).map((r) => r.id).filter((id) => !unchosen.has(id))), [ruleList, unchosen]);
  const counts = findings.data?.byRule ?? [];
  const total = counts.reduce((s, c) => s + c.count, 0);

  const startRun = () => {
    if (!ruleList) return;
    const params: Record<string, Record<string, number | boolean | string>> = {};
    for (const rule of ruleList) {
      if (!chosen.has(rule.id)) continue;
      const { values, invalid: bad } = paramOverrides(rule, drafts[rule.id] ?? {});
      if (bad) {
        setInvalid(`${ruleName(ruleList, rule.id, language)} · ${rule.params.find((p) => p.key === bad)?.[language.startsWith('zh') ? 'zh' : 'en'] ?? bad}`);
        setSub(rule.id);
        return;
      }
      if (Object.keys(values).length > 0) params[rule.id] = values;
    }
    setInvalid(null);
    const all = chosen.size === ruleList.length;
    run.start({ rules: all ? undefined : [...chosen], params });
  };

  const progress = run.progress;
  const ruleLabel = selectedRule ? ruleName(ruleList, selectedRule, language) : t('findings.allRules');
  return (
    <div className="page findings-page">
      <header className="page-header">
        <h1>{t('findings.title')}</h1>
        <span className="muted">{t('findings.intro')}</span>
      </header>
      {caseInfo.readOnly ? <div className="notice notice-info">{t('findings.readOnly')}</div> : null}
      <ErrorNotice error={rules.error} onRetry={rules.reload} />
      <ErrorNotice error={run.error} onDismiss={run.clearError} />
      {invalid ? (
        <div className="notice notice-error" role="alert">
          {t('findings.invalidParam', { param: invalid })}
        </div>
      ) : null}
      {ruleList === undefined ? (
        rules.error ? null : <p className="muted">{t('app.loading')}</p>
      ) : (
        <div className="findings-layout">
          <section className="findings-rules panel" aria-label={t('findings.rules')}>
            <div className="run-bar">
              <button type="button" className="primary" disabled={caseInfo.readOnly || run.running || run.pending || chosen.size === 0} onClick={startRun}>
                {chosen.size === ruleList.length ? t('findings.runAll') : t('findings.runChosen', { n: chosen.size })}
              </button>
              <button type="button" className="small" disabled={run.running} onClick={() => setUnchosen(new Set())}>
                {t('findings.chooseAll')}
              </button>
              <button type="button" className="small" disabled={run.running} onClick={() => setUnchosen(new Set(ruleList.map((r) => r.id)))}>
                {t('findings.chooseNone')}
              </button>
            </div>
            {run.running ? (
              <div className="run-progress" role="status">
                <span>
                  {progress === null
                    ? t('findings.starting')
                    : progress.unit === 'rows'
                      ? t('findings.reading', { done: formatCount(progress.done), total: formatCount(progress.total ?? 0) })
                      : t('findings.runningRules', { done: formatCount(progress.done), total: formatCount(progress.total ?? 0) })}
                </span>
                <progress max={progress?.total ?? 1} value={progress?.done ?? 0} />
                <button type="button" className="small" onClick={run.cancel}>
                  {t('findings.cancelRun')}
                </button>
              </div>
            ) : null}
            {run.finished ? (
              <div className={run.finished.ok ? 'notice notice-info' : 'notice notice-error'} role="status">
                {run.finished.ok
                  ? t('findings.runDone', {
                      rules: formatCount(run.report?.rules.length ?? 0),
                      hits: formatCount(run.report?.rules.reduce((s, r) => s + r.hits, 0) ?? 0),
                      replaced: formatCount(run.report?.rules.reduce((s, r) => s + r.replaced, 0) ?? 0),
                    })
                  : t('findings.runFailed', { message: run.finished.message ?? '' })}
                {run.report && run.report.calendarUncoveredYears.length > 0 ? ` ${t('findings.calendarGap', { years: run.report.calendarUncoveredYears.join('、') })}` : ''}
              </div>
            ) : null}
            <button type="button" className="link-button" aria-current={selectedRule === null ? 'true' : undefined} onClick={() => setSub('')}>
              {t('findings.allRulesCount', { n: formatCount(total) })}
            </button>
            <RuleList
              rules={ruleList}
              counts={counts}
              chosen={chosen}
              onChoose={(id, on) =>
                setUnchosen((prev) => {
                  const next = new Set(prev);
                  if (on) next.delete(id);
                  else next.add(id);
                  return next;
                })
              }
              selected={selectedRule}
              onSelect={(id) => {
                setSub(id);
                setOffset(0);
                setFindingId(null);
              }}
              drafts={drafts}
              onDraft={(id, draft) => setDrafts((prev) => ({ ...prev, [id]: draft }))}
              disabled={run.running}
            />
          </section>
          <section className="findings-list panel" aria-label={t('findings.hits')}>
            <ErrorNotice error={findings.error} onRetry={findings.reload} />
            {findings.data === undefined ? (
              findings.error ? null : <p className="muted">{t('app.loading')}</p>
            ) : findings.data.total === 0 ? (
              <p className="muted">{total === 0 ? t('findings.noneYet') : t('findings.noneForRule', { rule: ruleLabel })}</p>
            ) : (
              <>
                <FindingList findings={findings.data.findings} total={findings.data.total} ruleLabel={ruleLabel} selectedId={findingId} onSelect={setFindingId} />
                {findings.data.total > PAGE ? (
                  <div className="run-bar">
                    <button type="button" className="small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                      {t('findings.previous')}
                    </button>
                    <span className="muted">{t('findings.pageOf', { from: formatCount(offset + 1), to: formatCount(Math.min(offset + PAGE, findings.data.total)), n: formatCount(findings.data.total) })}</span>
                    <button type="button" className="small" disabled={offset + PAGE >= findings.data.total} onClick={() => setOffset(offset + PAGE)}>
                      {t('findings.next')}
                    </button>
                  </div>
                ) : null}
              </>
            )}
          </section>
          {findingId !== null && detail.data?.finding ? (
            <FindingDetailView finding={detail.data.finding} rule={ruleList.find((r) => r.id === detail.data?.finding?.rule)} ruleLabel={ruleName(ruleList, detail.data.finding.rule, language)} zone={zone} />
          ) : (
            <section className="finding-detail panel">
              <ErrorNotice error={detail.error} onRetry={detail.reload} />
              <p className="muted">{t('findings.chooseFinding')}</p>
            </section>
          )}
        </div>
      )}
    </div>
  );
}
