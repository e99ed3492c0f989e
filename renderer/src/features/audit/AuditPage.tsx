import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@shared/domain';
import { useDisplayZone } from '../../app/display-zone';
import { useCall } from '../../app/use-call';
import { DataGrid, type ColumnSpec } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount, formatInstant } from '../../components/format';
import { AuditStatusText } from './AuditStatusText';
import { useAuditEntries } from './use-audit-entries';

const HASH_PREFIX = 12;

/** 审计: is the hash chain intact, and who did what, when, with which parameters. */
export function AuditPage() {
  const { t } = useTranslation();
  const zone = useDisplayZone();
  const verify = useCall('audit.verify', {}, { refetchOn: ['audit.appended', 'case.changed'] });
  const audit = useAuditEntries();

  const columns = useMemo<ColumnSpec<AuditEntry>[]>(
    () => [
      { id: 'seq', header: t('audit.seq'), value: (e) => e.seq, kind: 'number', width: 80 },
      {
        id: 'at',
        header: `${t('audit.at')} (${zone})`,
        value: (e) => e.at,
        format: (e) => formatInstant(e.at, zone),
        tooltip: (e) => t('audit.atTooltip', { utc: e.at }),
        width: 170,
      },
      { id: 'operator', header: t('audit.operator'), value: (e) => e.operator, width: 120 },
      { id: 'action', header: t('audit.action'), value: (e) => e.action, width: 180 },
      { id: 'params', header: t('audit.params'), value: (e) => e.params, tooltip: (e) => e.params, flex: 1, minWidth: 200 },
      {
        id: 'hash',
        header: t('audit.hash'),
        value: (e) => e.hash,
        format: (e) => e.hash.slice(0, HASH_PREFIX),
        tooltip: (e) => e.hash,
        kind: 'code',
        width: 130,
      },
    ],
    [t, zone],
  );

  const shown = audit.entries?.length ?? 0;
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('audit.title')}</h1>
        <div className={verify.data && !verify.data.ok ? 'banner banner-danger' : 'banner'} role="status">
          {verify.data ? <AuditStatusText status={verify.data} /> : verify.error ? null : <span>{t('audit.verifying')}</span>}
          <button type="button" className="small" onClick={verify.reload} disabled={verify.loading}>
            {t('audit.reverify')}
          </button>
        </div>
      </header>
      <ErrorNotice error={verify.error ?? audit.error} />
      <div className="page-fill">
        <DataGrid
          rows={audit.entries}
          columns={columns}
          rowId={(e) => String(e.seq)}
          ariaLabel={t('audit.title')}
          emptyText={t('audit.empty')}
        />
      </div>
      <footer className="page-footer">
        <span className="num">{t('audit.shown', { shown: formatCount(shown), total: formatCount(audit.total) })}</span>
        {shown < audit.total ? (
          <button type="button" className="small" onClick={audit.loadMore} disabled={audit.loading}>
            {t('audit.loadMore')}
          </button>
        ) : null}
      </footer>
    </div>
  );
}
