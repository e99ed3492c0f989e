import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TxnExportResult, TxnFilter, TxnSort } from '@shared/domain';
import { useClient } from '../../app/client-context';
import { useAction } from '../../app/use-action';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount } from '../../components/format';
import { HashText } from '../import/HashText';

/**
 * 导出 CSV / XLSX: the backend writes the whole filtered, sorted view into the case's exports/ folder as a job (its
 * progress and cancel are in the status bar); the written path, row count and SHA-256 are shown when it is done.
 */
export function ExportActions({ filter, sort, total, readOnly }: { filter: TxnFilter; sort: TxnSort; total: number | undefined; readOnly: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const action = useAction();
  const [result, setResult] = useState<TxnExportResult | null>(null);
  const run = (format: 'csv' | 'xlsx') => {
    setResult(null);
    void action.run(() => client.call('txns.export', { filter, sort, format })).then((done) => {
      if (done) setResult(done);
    });
  };
  const title = readOnly ? t('txns.export.readOnly') : t('txns.export.title', { n: formatCount(total ?? 0) });
  return (
    <div className="txn-export">
      <button type="button" className="small" title={title} disabled={readOnly || action.pending || total === 0} onClick={() => run('csv')}>
        {t('txns.export.csv')}
      </button>
      <button type="button" className="small" title={title} disabled={readOnly || action.pending || total === 0} onClick={() => run('xlsx')}>
        {t('txns.export.xlsx')}
      </button>
      {action.pending ? (
        <span className="muted" role="status">
          {t('txns.export.running')}
        </span>
      ) : null}
      {result ? (
        <span className="txn-export-done" role="status">
          {t('txns.export.done', { n: formatCount(result.rows) })} <code className="txn-export-path">{result.path}</code>{' '}
          <span className="muted">
            SHA-256 <HashText value={result.sha256} />
          </span>
        </span>
      ) : null}
      <ErrorNotice error={action.error} onDismiss={action.clearError} />
    </div>
  );
}
