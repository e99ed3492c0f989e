import { createHandlers } from './api/handlers';
import { createRouter } from './api/router';
import { EventBus } from './events';
import type { Backend, BackendOptions } from './host';
import { JobRegistry } from './jobs';
import { Workspace } from './workspace/workspace';
import { stagingPath } from './ingest/staging';

/** Build the backend every host talks to (Electron IPC, the loopback server) around one workspace. */
export function createBackend(options: BackendOptions): Promise<Backend> {
  const bus = new EventBus();
  const jobs = new JobRegistry(bus);
  const workspace = new Workspace(options.host, options.dataDir, options.casesDir, bus, jobs);
  const handlers = createHandlers({ workspace, jobs, version: options.version, dialogs: options.dialogs });
  const dispatch = createRouter(handlers, {
    assertCanWrite: () => {
      workspace.requireCase().assertWritable();
      workspace.requireOperator();
      workspace.assertNotBusy();
    },
    audit: (action, params) => workspace.audit(action, params),
  });

  const backend: Backend = {
    dispatch,
    onEvent: (listener) => bus.on(listener),
    uploadTarget: (batch, relPath) => {
      const session = workspace.requireCase();
      session.assertWritable();
      workspace.assertNotBusy();
      return stagingPath(session.caseDir, batch, relPath);
    },
    openCase: (caseDir) => {
      workspace.openCase(caseDir);
      return Promise.resolve();
    },
    close: () => workspace.shutdown(),
  };
  return Promise.resolve(backend);
}
