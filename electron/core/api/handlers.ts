import { AppError } from '@shared/api';
import { caseStats } from '../cases/case-stats';
import { DEFAULT_ZONE } from '@shared/time';
import { detectableFormats, listFormats, suggestMapping } from '@shared/parsers/template';
import { inspectFiles } from '../ingest/inspect';
import { previewMapping } from '../ingest/preview';
import { listSources, updateAcquisition } from '../ingest/sources.repo';
import type { HostDialogs } from '../host';
import type { JobRegistry } from '../jobs';
import type { Workspace } from '../workspace/workspace';
import type { Handlers } from './router';
import { exportFollowUps, flowGraph, flowRows, followUps, runTrace, saveTrace } from '../analysis/flow';
import { getMessage, listConversations, listMentions, listParticipants, locateMessage, pageMessages, searchMessages } from '../chats/chat-queries';
import { caseLexicon, lexiconGroups, saveLexicon } from '../chats/lexicon-store';
import { detectReport, getFinding, listFindings, ruleCounts, ruleInfos, startDetectJob } from '../analysis/detect';
import { listLanes, timelineBrush, timelineCalendar, timelineDensity, timelineEvents, timelineHeatmap, timelineSelection, timelineTxn } from '../timeline';
import { globalSearch } from '../search/global-search';
import { getNote, setNote } from '../tags/notes';
import { applyTag, marksOfItems, removeTag } from '../tags/tag-links';
import { createTag, deleteTag, listTags, renameTag } from '../tags/tag-store';
import { listTaggedItems } from '../tags/tagged-items';
import { accountSummary, counterpartyRanking, deleteView, getTxn, listViews, queryTxns, runExportJob, saveView } from '../transactions';

export interface HandlerDeps {
  workspace: Workspace;
  jobs: JobRegistry;
  version: string;
  dialogs: HostDialogs | undefined;
}

/** Every method of the contract, each a thin call into a service; the type makes a missing one a compile error. */
export function createHandlers({ workspace, jobs, version, dialogs }: HandlerDeps): Handlers {
  const requireDialogs = (): HostDialogs => {
    if (!dialogs) throw new AppError('NOT_SUPPORTED_BY_HOST', 'Native dialogs exist only in the desktop app; type a path instead.');
    return dialogs;
  };

  return {
    'app.info': () => ({
      version,
      host: workspace.host,
      platform: process.platform,
      nodeVersion: process.version,
      dataDir: workspace.dataDir,
      casesDir: workspace.casesDir,
      nativeDialogs: dialogs !== undefined,
    }),

    'operators.list': () => workspace.operators.list(),
    'operators.save': (input) => workspace.operators.save(input),
    'operators.select': ({ id }) => workspace.operators.select(id),

    'cases.recent': () => ({ cases: workspace.recent.list() }),
    'cases.create': (input) => workspace.createCase(input),
    'cases.open': ({ caseDir }) => workspace.openCase(caseDir),
    'cases.createDemo': ({ seed, txns }) => workspace.createDemoCase(seed, txns),
    'cases.close': () => ({ closed: workspace.closeCase() }),
    'cases.current': () => ({ case: workspace.current?.info() ?? null }),
    'cases.updateMeta': (patch) => {
      const session = workspace.requireCase();
      session.updateMeta(patch);
      return session.info();
    },
    'cases.stats': () => caseStats(workspace.requireCase()),

    'audit.list': ({ offset, limit }) => workspace.requireCase().audit.list(offset, limit),
    'audit.verify': () => workspace.requireCase().audit.verify(),

    'dialogs.pickFolder': async (options) => ({ path: await requireDialogs().pickFolder(options) }),
    'dialogs.pickSavePath': async (options) => ({ path: await requireDialogs().pickSavePath(options) }),
    'dialogs.pickFiles': async (options) => ({ paths: await requireDialogs().pickFiles(options) }),

    'import.inspect': async ({ paths }) => ({ files: await inspectFiles(paths, detectableFormats(workspace.templates.list())) }),
    'import.preview': ({ path, template }) => previewMapping(path, template, workspace.current?.meta().timeZone ?? DEFAULT_ZONE),
    'import.start': (input) => ({ jobId: workspace.startImport(input) }),
    'import.report': ({ jobId }) => ({ report: workspace.importReport(jobId) }),
    'sources.list': () => ({ sources: listSources(workspace.requireCase().db) }),
    'sources.updateAcquisition': ({ sourceId, acquisition }) => updateAcquisition(workspace.requireCase().db, sourceId, acquisition),

    'templates.list': () => ({ templates: workspace.templates.list() }),
    'templates.save': (input) => workspace.templates.save(input),
    'templates.suggest': ({ headers, kind }) => ({ columnMap: suggestMapping(headers, kind) }),
    'templates.rename': ({ name, newName }) => ({ templates: workspace.templates.rename(name, newName) }),
    'templates.delete': ({ name }) => ({ deleted: workspace.templates.delete(name) }),
    'formats.list': () => ({ formats: listFormats(workspace.templates.list()) }),

    'chats.conversations': () => ({ conversations: listConversations(workspace.requireCase().db) }),
    'chats.participants': ({ conversationId }) => ({ participants: listParticipants(workspace.requireCase().db, conversationId) }),
    'chats.messages': ({ offset, limit, ...filter }) => pageMessages(workspace.requireCase().db, filter, offset, limit),
    'chats.locate': ({ utcMs, messageId, ...filter }) => ({ index: locateMessage(workspace.requireCase().db, filter, { utcMs, messageId }) }),
    'chats.message': ({ id }) => ({ message: getMessage(workspace.requireCase().db, id) }),
    'chats.search': ({ query, offset, limit, ...filter }) => searchMessages(workspace.requireCase().db, filter, query, offset, limit),
    'chats.mentions': (options) => ({ mentions: listMentions(workspace.requireCase().db, options) }),
    'lexicon.groups': () => lexiconGroups(workspace.requireCase().db),
    'lexicon.get': () => {
      const { version, lexicon } = caseLexicon(workspace.requireCase().db);
      return { version, json: JSON.stringify(lexicon, null, 2) };
    },
    'lexicon.save': ({ json }) => saveLexicon(workspace.requireCase().db, json, workspace.operatorLabel()),

    'tags.list': () => ({ tags: listTags(workspace.requireCase().db) }),
    'tags.create': (input) => createTag(workspace.requireCase().db, input, workspace.operatorLabel()),
    'tags.rename': (input) => renameTag(workspace.requireCase().db, input),
    'tags.delete': ({ tagId }) => deleteTag(workspace.requireCase().db, tagId),
    'tags.apply': ({ tagId, items }) => applyTag(workspace.requireCase().db, tagId, items, workspace.operatorLabel()),
    'tags.remove': ({ tagId, items }) => removeTag(workspace.requireCase().db, tagId, items),
    'tags.items': (input) => listTaggedItems(workspace.requireCase().db, input),
    'tags.ofItems': ({ items }) => ({ items: marksOfItems(workspace.requireCase().db, items) }),
    'notes.get': ({ item }) => getNote(workspace.requireCase().db, item),
    'notes.set': (input) => setNote(workspace.requireCase().db, input, workspace.operatorLabel()),
    'search.global': ({ value, limit }) => globalSearch(workspace.requireCase().db, value, limit),

    'timeline.lanes': () => listLanes(workspace.requireCase().db),
    'timeline.density': (input) => timelineDensity(workspace.requireCase().db, input),
    'timeline.events': (input) => timelineEvents(workspace.requireCase().db, input),
    'timeline.brush': (input) => timelineBrush(workspace.requireCase().db, input),
    'timeline.selection': (input) => timelineSelection(workspace.requireCase().db, input),
    'timeline.heatmap': (input) => timelineHeatmap(workspace.requireCase().db, input),
    'timeline.calendar': (input) => timelineCalendar(input),
    'timeline.txn': ({ id }) => ({ txn: timelineTxn(workspace.requireCase().db, id) }),

    'flow.graph': (input) => flowGraph(workspace.requireCase().db, input),
    'flow.rows': (input) => flowRows(workspace.requireCase().db, input),
    'flow.trace': (input) => runTrace(workspace.requireCase().db, input),
    'flow.saveTrace': (input) => saveTrace(workspace.requireCase().db, input, workspace.operatorLabel()),
    'flow.followUps': (filter) => followUps(workspace.requireCase().db, filter),
    'flow.exportFollowUps': (filter) => exportFollowUps(workspace.requireCase(), filter),

    'txns.query': (input) => queryTxns(workspace.requireCase().db, input),
    'txns.get': ({ id }) => ({ txn: getTxn(workspace.requireCase().db, id) }),
    'txns.export': (input) => {
      const session = workspace.requireCase();
      return runExportJob(
        { session, jobs, audit: (action, params) => workspace.auditIn(session, action, params), claim: (start) => workspace.startCaseJob('export', start) },
        input,
      );
    },
    'txns.accountSummary': ({ filter }) => ({ accounts: accountSummary(workspace.requireCase().db, filter) }),
    'txns.counterpartyRanking': (input) => counterpartyRanking(workspace.requireCase().db, input),
    'views.list': ({ page }) => ({ views: listViews(workspace.requireCase().db, page) }),
    'views.save': (input) => saveView(workspace.requireCase().db, input, workspace.operatorLabel()),
    'views.delete': ({ id }) => ({ deleted: deleteView(workspace.requireCase().db, id) }),

    'detect.rules': () => ({ rules: ruleInfos() }),
    'detect.run': (input) => ({ jobId: startDetectJob(workspace, jobs, input) }),
    'detect.report': ({ jobId }) => ({ report: detectReport(workspace, jobId) }),
    'findings.list': ({ rule, offset, limit }) => {
      const db = workspace.requireCase().db;
      return { ...listFindings(db, { rule, offset, limit }), byRule: ruleCounts(db) };
    },
    'findings.get': ({ id }) => ({ finding: getFinding(workspace.requireCase().db, id) }),

    'jobs.cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
  };
}
