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
import { getMessage, listConversations, listMentions, listParticipants, locateMessage, pageMessages, searchMessages } from '../chats/chat-queries';
import { caseLexicon, lexiconGroups, saveLexicon } from '../chats/lexicon-store';

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

    'jobs.cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
  };
}
