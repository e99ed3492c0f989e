import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRow, FindingDetail, RuleInfo } from '@shared/domain';
import { DataGrid, type ColumnSpec } from '../../components/DataGrid';
import { formatCount, formatInstant, formatMoney } from '../../components/format';
import { findingFacts } from './finding-facts';
import { findingTitle } from './finding-title';
import { formatParam, paramLabel, roleLabel } from './rule-labels';

function evidenceColumns(t: TFunction, zone: string): ColumnSpec<EvidenceRow>[] {
  return [
    { id: 'time', header: t('findings.columns.time'), value: (r) => r.utcMs, format: (r) => (r.utcMs === null ? r.timeText : formatInstant(new Date(r.utcMs).toISOString(), zone)), tooltip: (r) => r.timeText, width: 150 },
    { id: 'role', header: t('findings.columns.role'), value: (r) => r.role, format: (r) => roleLabel(r.role, t), width: 84 },
    { id: 'account', header: t('findings.columns.account'), value: (r) => r.accountNumber, kind: 'code', width: 170 },
    { id: 'holder', header: t('findings.columns.holder'), value: (r) => r.holder, width: 110 },
    { id: 'direction', header: t('findings.columns.direction'), value: (r) => r.direction, format: (r) => (r.direction === null ? '' : t(`findings.direction.${r.direction}`)), width: 64 },
    { id: 'amount', header: t('findings.columns.amount'), value: (r) => r.amountMinor, format: (r) => formatMoney(r.amountMinor, r.currency), kind: 'number', width: 120 },
    { id: 'cp', header: t('findings.columns.counterparty'), value: (r) => r.counterparty, kind: 'code', width: 170 },
    { id: 'cpName', header: t('findings.columns.counterpartyName'), value: (r) => r.counterpartyName, width: 140 },
    { id: 'summary', header: t('findings.columns.summary'), value: (r) => r.summary, width: 110 },
    { id: 'source', header: t('findings.columns.source'), value: (r) => `${r.file}:${r.line}`, tooltip: (r) => `${r.file} #${r.line}`, flex: 1, minWidth: 160 },
  ];
}

/** One finding: what it says, the parameters it ran with, its accounts, and the rows behind it in the one grid. */
export function FindingDetailView({ finding, rule, ruleLabel, zone }: { finding: FindingDetail; rule: RuleInfo | undefined; ruleLabel: string; zone: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const columns = useMemo(() => evidenceColumns(t, zone), [t, zone]);
  const facts = findingFacts(finding.detail, t, zone);
  return (
    <section className="finding-detail panel" aria-label={t('findings.detail')}>
      <p className="muted">{t('findings.suspected', { rule: ruleLabel })}</p>
      <h2>
        <bdi>{findingTitle(finding, language).text}</bdi>
      </h2>
      <dl className="finding-facts">
        <dt>{t('findings.ruleVersion')}</dt>
        <dd>
          {finding.rule} v{finding.version}
        </dd>
        <dt>{t('findings.scoreLabel')}</dt>
        <dd className="score">{finding.score === null ? '—' : finding.score.toFixed(3)}</dd>
        <dt>{t('findings.recorded')}</dt>
        <dd>
          {formatInstant(finding.createdAt, zone)} · <bdi>{finding.createdBy}</bdi>
        </dd>
        {facts.map(([key, value]) => (
          <FactRow key={key} label={key} value={value} />
        ))}
      </dl>
      <h3>{t('findings.paramsUsed')}</h3>
      <dl className="finding-facts" aria-label={t('findings.paramsUsed')}>
        {Object.entries(finding.params).map(([key, value]) => {
          const spec = rule?.params.find((p) => p.key === key);
          return <FactRow key={key} label={spec ? paramLabel(spec, language) : key} value={formatParam(value, spec?.unit ?? '', t)} />;
        })}
      </dl>
      <h3>{t('findings.accounts', { n: formatCount(finding.accountItems.length) })}</h3>
      <ul className="finding-accounts">
        {finding.accountItems.map((a) => (
          <li key={`${a.accountId}:${a.role}`}>
            <span className="muted">{roleLabel(a.role, t)}</span> <bdi>{a.holder ?? t('app.unknown')}</bdi> <span className="mono">{a.number}</span>
          </li>
        ))}
      </ul>
      <div className="finding-evidence">
        <h3>
          {finding.evidence.length < finding.evidenceTotal
            ? t('findings.evidenceCut', { shown: formatCount(finding.evidence.length), n: formatCount(finding.evidenceTotal) })
            : t('findings.evidence', { n: formatCount(finding.evidenceTotal) })}
        </h3>
        <DataGrid rows={finding.evidence} columns={columns} rowId={(r) => `${r.txnId}:${r.role}`} ariaLabel={t('findings.evidenceGrid')} emptyText={t('findings.noEvidence')} />
      </div>
    </section>
  );
}

function FactRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <bdi>{value}</bdi>
      </dd>
    </>
  );
}
