import { useTranslation } from 'react-i18next';
import type { CaseInfo, Operator } from '@shared/domain';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { GlobalSearch } from '../features/search/GlobalSearch';

export function TopBar({
  caseInfo,
  operator,
  onCases,
  onSwitchOperator,
}: {
  caseInfo: CaseInfo;
  operator: Operator;
  onCases: () => void;
  onSwitchOperator: () => void;
}) {
  const { t } = useTranslation();
  const { meta } = caseInfo;
  return (
    <header className="topbar">
      <span className="brand">{t('app.name')}</span>
      <button type="button" className="topbar-case" title={t('topbar.casesTitle')} onClick={onCases}>
        <span className="case-number">{meta.caseNumber || t('topbar.noCaseNumber')}</span>
        <span className="case-name">{meta.caseName}</span>
      </button>
      <GlobalSearch />
      <button type="button" className="topbar-operator" title={t('topbar.switchOperator')} onClick={onSwitchOperator}>
        <span className="muted">{t('topbar.operator')}</span> {operator.name}
      </button>
      <LanguageSwitch />
    </header>
  );
}
