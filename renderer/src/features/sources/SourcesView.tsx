import './sources.css';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseInfo, SourceInfo } from '@shared/domain';
import { useDisplayZone } from '../../app/display-zone';
import type { CallState } from '../../app/use-call';
import { DataGrid, type ColumnSpec } from '../../components/DataGrid';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount, formatInstant } from '../../components/format';
import { formatName } from '../import/formats';
import { SourcePanel } from './SourcePanel';

const HASH_SHOWN = 16;

function shortHash(hash: string): string {
  return hash.length > HASH_SHOWN ? `${hash.slice(0, HASH_SHOWN)}…` : hash;
}

/**
 * 检材: every original file of the case with its integrity values (SHA-256 and SM3), its grade (bank or platform
 * return versus material handed over by a party) and how it was obtained; a row opens its details, where the
 * acquisition fields are edited.
 */
export function SourcesView({
  caseInfo,
  sources,
  onGoImport,
}: {
  caseInfo: CaseInfo;
  sources: CallState<{ sources: SourceInfo[] }>;
  onGoImport: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const zone = useDisplayZone();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const list = sources.data?.sources;
  const selected = list?.find((source) => source.id === selectedId) ?? null;

  const columns = useMemo<ColumnSpec<SourceInfo>[]>(
    () => [
      { id: 'id', header: t('sources.col.id'), value: (s) => s.id, kind: 'number', width: 60 },
      { id: 'file', header: t('sources.col.file'), value: (s) => s.relPath, tooltip: (s) => s.relPath, flex: 2, minWidth: 220 },
      { id: 'unit', header: t('sources.col.unit'), value: (s) => s.acquisition.unit, tooltip: (s) => s.acquisition.unit || null, width: 120 },
      { id: 'requestNo', header: t('sources.acq.requestNo'), value: (s) => s.acquisition.requestNo, tooltip: (s) => s.acquisition.requestNo || null, kind: 'code', width: 180 },
      {
        id: 'grade',
        header: t('sources.col.grade'),
        value: (s) => (s.grade === 'official' ? t('sources.grade.official') : t('sources.grade.selfShort')),
        tooltip: (s) => (s.grade === 'official' ? t('sources.grade.officialNote') : t('sources.grade.selfNote')),
        width: 140,
      },
      { id: 'imported', header: t('sources.col.imported'), value: (s) => s.imported, kind: 'number', width: 90 },
      { id: 'rejected', header: t('sources.col.rejected'), value: (s) => s.rejected, kind: 'number', width: 76 },
      { id: 'sha256', header: 'SHA-256', value: (s) => s.sha256, format: (s) => shortHash(s.sha256), tooltip: (s) => s.sha256, kind: 'code', width: 150 },
      { id: 'sm3', header: 'SM3', value: (s) => s.sm3, format: (s) => shortHash(s.sm3), tooltip: (s) => s.sm3, kind: 'code', width: 150 },
      {
        id: 'format',
        header: t('sources.col.format'),
        value: (s) => formatName(s.format, language),
        tooltip: (s) => `${s.format} · ${s.detectReason}`,
        width: 150,
      },
      {
        id: 'importedAt',
        header: `${t('sources.col.importedAt')} (${zone})`,
        value: (s) => s.importedAt,
        format: (s) => formatInstant(s.importedAt, zone),
        tooltip: (s) => t('audit.atTooltip', { utc: s.importedAt }),
        width: 170,
      },
      { id: 'method', header: t('sources.acq.method'), value: (s) => s.acquisition.method, width: 100 },
      { id: 'acquiredBy', header: t('sources.acq.acquiredBy'), value: (s) => s.acquisition.acquiredBy, width: 90 },
      { id: 'acquiredAt', header: t('sources.acq.acquiredAt'), value: (s) => s.acquisition.acquiredAt, width: 140 },
    ],
    [t, language, zone],
  );

  if (list && list.length === 0) {
    return (
      <EmptyState
        title={t('sources.emptyTitle')}
        body={t('sources.emptyBody')}
        action={
          <button type="button" className="primary" onClick={onGoImport}>
            {t('sources.goImport')}
          </button>
        }
      />
    );
  }

  const selfProvided = list?.filter((s) => s.grade === 'self-provided').length ?? 0;
  return (
    <>
      <ErrorNotice error={sources.error} onRetry={sources.reload} />
      <p className="sources-hint">
        {list ? <span className="num">{t('sources.count', { n: formatCount(list.length) })}</span> : null}
        {selfProvided > 0 ? <span className="grade grade-self">{t('sources.selfCount', { n: formatCount(selfProvided) })}</span> : null}
        <span className="muted">{t('sources.hint')}</span>
      </p>
      <div className="sources-layout">
        <div className="page-fill">
          <DataGrid
            rows={list ?? (sources.error ? [] : undefined)}
            columns={columns}
            rowId={(s) => String(s.id)}
            ariaLabel={t('sources.gridLabel')}
            emptyText={t('sources.emptyTitle')}
            onRowActivated={(s) => setSelectedId(s.id)}
          />
        </div>
        {selected ? (
          <SourcePanel
            source={selected}
            zone={zone}
            readOnly={caseInfo.readOnly}
            onClose={() => setSelectedId(null)}
            onSaved={() => sources.reload()}
          />
        ) : null}
      </div>
    </>
  );
}
