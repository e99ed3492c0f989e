import { useTranslation } from 'react-i18next';
import type { FindingSummary } from '@shared/domain';
import { formatCount } from '../../components/format';
import { findingTitle } from './finding-title';

/**
 * The findings of one rule, best score first, each titled in the interface language. A finding recorded with a
 * Chinese title only (before English titles were stored) shows it in English too, led by the rule's name.
 */
export function FindingList({
  findings,
  total,
  ruleLabel,
  selectedId,
  onSelect,
}: {
  findings: readonly FindingSummary[];
  total: number;
  ruleLabel: string;
  selectedId: number | null;
  onSelect: (id: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div>
      <p className="muted">{t('findings.hitCount', { rule: ruleLabel, n: formatCount(total) })}</p>
      <ol aria-label={t('findings.hitsOf', { rule: ruleLabel })}>
        {findings.map((finding) => {
          const title = findingTitle(finding, language);
          return (
            <li key={finding.id}>
              <button type="button" className="finding-entry" aria-current={selectedId === finding.id ? 'true' : undefined} onClick={() => onSelect(finding.id)}>
                {title.translated ? null : <strong>{t('findings.suspected', { rule: ruleLabel })}</strong>}
                <bdi className="finding-title">{title.text}</bdi>
                <span className="finding-line">
                  <span className="score">{t('findings.score', { score: finding.score === null ? '—' : finding.score.toFixed(2) })}</span>
                  <span>{t('findings.rowCount', { n: formatCount(finding.txns) })}</span>
                  <span>{t('findings.accountCount', { n: formatCount(finding.accounts) })}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
