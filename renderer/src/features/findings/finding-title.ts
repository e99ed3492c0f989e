import type { FindingSummary } from '@shared/domain';

/**
 * A finding's title in the interface language: the Chinese one as recorded, or in English the one the detector worded
 * alongside it. Findings recorded before English titles existed (and traces saved under a typed title) have none and
 * show the recorded title; `translated` says which the screen got.
 */
export function findingTitle(finding: Pick<FindingSummary, 'title' | 'titleEn'>, language: string): { text: string; translated: boolean } {
  if (language.startsWith('zh') || finding.titleEn === null) return { text: finding.title, translated: language.startsWith('zh') };
  return { text: finding.titleEn, translated: true };
}
