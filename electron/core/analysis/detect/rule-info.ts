import { DETECTORS } from '@shared/analytics/detectors';
import type { RuleInfo } from '@shared/domain';

/** Every rule as the findings page and `detect.rules` list it: id, names, version, parameters with defaults. */
export function ruleInfos(): RuleInfo[] {
  return DETECTORS.map((detector) => ({
    id: detector.id,
    version: detector.version,
    category: detector.category,
    name: { ...detector.name },
    description: { ...detector.description },
    params: detector.params.map((spec) => ({ ...spec })),
  }));
}
