import { useTranslation } from 'react-i18next';
import type { CaseInfo } from '@shared/domain';
import { JobsIndicator } from '../features/jobs/JobsIndicator';
import { ZoneSwitch } from '../features/timeline/ZoneSwitch';
import { formatInstant } from '../components/format';

/** Writer lock in words: ours, read-only, or held by someone else (named, so they can be asked to close it). */
function LockStatus({ caseInfo, zone }: { caseInfo: CaseInfo; zone: string }) {
  const { t } = useTranslation();
  if (!caseInfo.readOnly) return <span className="lock lock-own">{t('status.lockOwn')}</span>;
  const lock = caseInfo.lock;
  if (!lock) return <span className="lock lock-readonly">{t('status.lockReadOnly')}</span>;
  return (
    <span className="lock lock-other">
      {t('status.lockOther', {
        operator: lock.operator,
        host: t(`hosts.${lock.host}`),
        hostname: lock.hostname,
        pid: lock.pid,
        since: formatInstant(lock.since, zone),
      })}
    </span>
  );
}

export function StatusBar({ caseInfo, zone }: { caseInfo: CaseInfo; zone: string }) {
  const { t } = useTranslation();
  return (
    <footer className="statusbar">
      <span className="status-item" title={caseInfo.caseDir}>
        <span className="muted">{t('status.caseFile')}</span> <span className="path">{caseInfo.caseDir}</span>
      </span>
      <LockStatus caseInfo={caseInfo} zone={zone} />
      <span className="status-item">
        <ZoneSwitch caseDir={caseInfo.caseDir} caseZone={caseInfo.meta.timeZone || zone} zone={zone} />
      </span>
      <JobsIndicator />
    </footer>
  );
}
