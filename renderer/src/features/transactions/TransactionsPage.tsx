import './transactions.css';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary, CaseInfo, CounterpartyRank, CounterpartyRankingInput, TxnFilter, TxnRow, TxnSort } from '@shared/domain';
import { useDisplayZone } from '../../app/display-zone';
import { useHashSubRoute, type RouteId } from '../../app/routes';
import { useCall } from '../../app/use-call';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount } from '../../components/format';
import { TagPicker } from '../tags/TagPicker';
import { AccountSummaryTable } from './AccountSummaryTable';
import { CounterpartyRankingPanel } from './CounterpartyRankingPanel';
import { ExportActions } from './ExportActions';
import { conditionCount, EMPTY_DRAFT, toDraft, toFilter, type DraftProblem, type FilterDraft } from './filter-draft';
import { SavedViewsMenu, type TxnViewState } from './SavedViewsMenu';
import { TxnDetailPanel } from './TxnDetailPanel';
import { TxnFilterBar } from './TxnFilterBar';
import { TxnGridView } from './TxnGridView';

const DEFAULT_SORT: TxnSort = [{ column: 'time', dir: 'asc' }];

/**
 * 交易: every transaction of the case in one grid — filtered, sorted and paged in SQL, a million rows scrolling
 * freely — with a detail panel on the right (fields, provenance, related rows, tags and note), saved views, exports
 * of the whole view, tagging of selected rows, and a tab of per-account summaries and counterparty rankings.
 */
export function TransactionsPage({ caseInfo, navigate }: { caseInfo: CaseInfo; navigate: (route: RouteId) => void }) {
  const { t } = useTranslation();
  const zone = useDisplayZone();
  const [tab, setTab] = useHashSubRoute('transactions');
  const any = useCall('txns.query', { filter: {}, sort: [], offset: 0, limit: 1 }, { refetchOn: ['case.changed', 'import.finished'] });
  const tags = useCall('tags.list', {}, { refetchOn: ['case.changed', 'audit.appended'] });
  const accounts = useCall('txns.accountSummary', {}, { enabled: tab === 'summaries', refetchOn: ['case.changed', 'import.finished'] });

  const [draft, setDraft] = useState<FilterDraft>(EMPTY_DRAFT);
  const [filter, setFilter] = useState<TxnFilter>({});
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [initialSort, setInitialSort] = useState<TxnSort>(DEFAULT_SORT);
  const [sort, setSort] = useState<TxnSort>(DEFAULT_SORT);
  // a saved view opened: a new grid with the view's order in its headers
  const [gridKey, setGridKey] = useState(0);
  const [generation, setGeneration] = useState(0);
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [selected, setSelected] = useState<TxnRow[]>([]);
  const [detailId, setDetailId] = useState<number | null>(null);

  const apply = useCallback(
    (next: FilterDraft) => {
      const result = toFilter(next, zone);
      setProblems(result.problems);
      if (result.problems.length > 0) return;
      setFilter(result.filter);
      setTotal(undefined);
      setSelected([]);
    },
    [zone],
  );
  const applyDraft = (next: FilterDraft) => {
    setDraft(next);
    apply(next);
  };
  const openView = (state: TxnViewState) => {
    setDraft(toDraft(state.filter, zone));
    setProblems([]);
    setFilter(state.filter);
    const order = state.sort.length > 0 ? state.sort : DEFAULT_SORT;
    setInitialSort(order);
    setSort(order);
    setGridKey((k) => k + 1);
    setTotal(undefined);
  };
  const showInGrid = (next: FilterDraft) => {
    applyDraft(next);
    setTab('');
  };
  const openAccount = (summary: AccountSummary) => showInGrid({ ...EMPTY_DRAFT, account: summary.account });
  const openCounterparty = (rank: CounterpartyRank, _input: CounterpartyRankingInput, account: AccountSummary | undefined) =>
    showInGrid({ ...EMPTY_DRAFT, counterparty: rank.key, exact: true, account: account?.account ?? '' });

  const selectedItems = useMemo(() => selected.map((row) => ({ type: 'txn' as const, id: row.id })), [selected]);
  const tagOptions = useMemo(() => (tags.data?.tags ?? []).map((tag) => ({ id: tag.id, name: tag.name })), [tags.data]);
  const conditions = conditionCount(filter);

  const header = (
    <header className="page-header">
      <h1>{t('txns.title')}</h1>
      <div className="txn-tabs" role="tablist" aria-label={t('txns.title')}>
        <button type="button" role="tab" aria-selected={tab !== 'summaries'} onClick={() => setTab('')}>
          {t('txns.tabs.grid')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'summaries'} onClick={() => setTab('summaries')}>
          {t('txns.tabs.summaries')}
        </button>
      </div>
      {tab !== 'summaries' && total !== undefined ? (
        <span className="muted num" role="status">
          {t('txns.matching', { n: formatCount(total) })}
          {any.data && conditions > 0 ? ` · ${t('txns.all', { n: formatCount(any.data.total) })}` : ''}
        </span>
      ) : null}
    </header>
  );

  if (any.data?.total === 0) {
    return (
      <div className="page">
        {header}
        <EmptyState
          title={t('txns.emptyTitle')}
          body={t('txns.emptyBody')}
          action={
            <button type="button" className="primary" onClick={() => navigate('import')}>
              {t('txns.goImport')}
            </button>
          }
        />
      </div>
    );
  }

  if (tab === 'summaries') {
    return (
      <div className="page txns-page">
        {header}
        <div className="txn-summaries">
          <AccountSummaryTable zone={zone} onOpenAccount={openAccount} />
          <CounterpartyRankingPanel zone={zone} accounts={accounts.data?.accounts ?? []} onOpenCounterparty={openCounterparty} />
        </div>
      </div>
    );
  }

  return (
    <div className="page txns-page">
      {header}
      <ErrorNotice error={any.error} onRetry={any.reload} />
      <TxnFilterBar
        draft={draft}
        onDraft={setDraft}
        onApply={apply}
        onClear={() => applyDraft(EMPTY_DRAFT)}
        problems={problems}
        zone={zone}
        tags={tagOptions}
      />
      <div className="txn-toolbar">
        <SavedViewsMenu current={{ filter, sort }} readOnly={caseInfo.readOnly} onOpen={openView} />
        <ExportActions filter={filter} sort={sort} total={total} readOnly={caseInfo.readOnly} />
      </div>
      <div className={detailId === null ? 'txn-layout' : 'txn-layout txn-layout-detail'}>
        <div className="txn-grid">
          <TxnGridView
            key={gridKey}
            filter={filter}
            initialSort={initialSort}
            generation={generation}
            zone={zone}
            onTotal={setTotal}
            onSortChange={setSort}
            onOpen={(row) => setDetailId(row.id)}
            onSelection={setSelected}
          />
        </div>
        {detailId !== null ? <TxnDetailPanel key={detailId} id={detailId} zone={zone} onClose={() => setDetailId(null)} onOpen={(row) => setDetailId(row.id)} /> : null}
      </div>
      <footer className="txn-selection">
        <span className="num">{selected.length > 0 ? t('txns.selection.count', { n: formatCount(selected.length) }) : t('txns.selection.none')}</span>
        <TagPicker items={selectedItems} disabled={caseInfo.readOnly || selected.length === 0} shortcut onApplied={() => setGeneration((g) => g + 1)} />
        <span className="muted txn-sort-hint">{t('txns.sortHint')}</span>
      </footer>
    </div>
  );
}
