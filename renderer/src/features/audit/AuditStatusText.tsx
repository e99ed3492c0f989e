import { useTranslation } from 'react-i18next';
import type { AuditStatus } from '@shared/domain';
import { formatCount } from '../../components/format';

/** 完整 / 在第 N 条断裂, in one sentence that says what it means. */
export function AuditStatusText({ status }: { status: AuditStatus }) {
  const { t } = useTranslation();
  if (status.ok) return <span className="ok-text">{t('audit.ok', { n: formatCount(status.entries) })}</span>;
  return (
    <span className="danger-text">
      {status.brokenAtSeq === null ? t('audit.brokenUnknown') : t('audit.broken', { seq: formatCount(status.brokenAtSeq) })}
    </span>
  );
}
