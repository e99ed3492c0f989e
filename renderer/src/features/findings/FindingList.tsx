import { useTranslation } from 'react-i18next';
import type { FindingSummary } from '@shared/domain';
import { formatCount } from '../../components/format';

/**
 * The findings of one rule, best score first. The stored title is in Chinese (as the finding was recorded); in
 * English the rule's name leads and the recorded title follows as data.
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
  const zh = (i18n.resolvedLanguage ?? i18n.language).startsWith('zh');
  return (
    <div>
      <p className="muted">{t('findings.hitCount', { rule: ruleLabel, n: formatCount(total) })}</p>
      <ol aria-label={t('findings.hitsOf', { rule: ruleLabel })}>
        {findings.map((finding) => (
          <li key={finding.id}>
            <button type="button" className="finding-entry" aria-current={selectedId === finding.id ? 'true' : undefined} onClick={() => onSelect(finding.id)}>
              {zh ? null : <strong>{t('findings.suspected', { rule: ruleLabel })}</strong>}
              <bdi className="finding-title">{finding.title}</bdi>
              <span className="finding-line">
                <span className="score">{t('findings.score', { score: finding.score === null ? '—' : finding.score.toFixed(2) })}</span>
                <span>{t('findings.rowCount', { n: formatCount(finding.txns) })}</span>
                <span>{t('findings.accountCount', { n: formatCount(finding.accounts) })}</span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
