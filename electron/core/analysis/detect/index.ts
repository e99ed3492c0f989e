export { loadCaseRows, type CaseRows } from './case-rows';
export { detectInCase, type DetectCall, type DetectOutcome } from './detect-service';
export { detectReport, startDetectJob } from './detect-job';
export { getFinding, listFindings, ruleCounts } from './findings-queries';
export { saveRuleFindings } from './findings-store';
export { ruleInfos } from './rule-info';
export { runDetectors, resolveRunParams, selectDetectors, type RuleResult, type RunOptions } from './run-detectors';
export { holidaysBetween, loadIpExclusions } from './reference-lists';
