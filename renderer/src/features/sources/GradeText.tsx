import { useTranslation } from 'react-i18next';
import type { SourceInfo } from '@shared/domain';

/** 查控/平台调证 versus 当事人提供: material handed over by a party carries a visible lower-integrity marker. */
export function GradeText({ grade, long }: { grade: SourceInfo['grade']; long?: boolean }) {
  const { t } = useTranslation();
  if (grade === 'official') return <span className="grade grade-official">{t('sources.grade.official')}</span>;
  return (
    <span className="grade grade-self" title={t('sources.grade.selfNote')}>
      {t('sources.grade.selfProvided')}
      {long ? <span className="grade-note">{t('sources.grade.selfNote')}</span> : null}
    </span>
  );
}
