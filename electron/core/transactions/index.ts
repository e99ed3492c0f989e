/** The transactions workbench's services (ISSUE 6 §1–§2): grid pages, detail, exports, summaries, saved views. */
export { queryTxns, countTxns } from './txn-query';
export { getTxn } from './txn-detail';
export { runExportJob } from './export-job';
export { accountSummary } from './account-summary';
export { counterpartyRanking } from './counterparty-ranking';
export { deleteView, listViews, saveView } from './saved-views';
