import { render } from '@testing-library/react';
import { createClient } from '@shared/api';
import { App } from '../../../../renderer/src/app/App';
import { baseHandlers, caseInfo, fakeBackend, operatorLi, type Handlers } from '../support/fake-backend';
import { chatHandlers, type ChatFixture } from '../support/fake-chats';

/** The app opened on 聊天 with an operator confirmed, a case open and the chat methods answered from `fixture`. */
export function renderChats(fixture: ChatFixture, handlers: Handlers = {}) {
  window.sessionStorage.setItem('chainsight.operatorConfirmed', operatorLi.id);
  window.location.hash = '#/chats';
  const backend = fakeBackend({ ...baseHandlers(caseInfo()), ...chatHandlers(fixture), ...handlers });
  const view = render(<App client={createClient(backend.transport)} />);
  return { backend, ...view };
}

/** The inputs of every call to `method`, in order. */
export function callsTo(backend: { calls: { method: string; input: unknown }[] }, method: string): Record<string, unknown>[] {
  return backend.calls.filter((c) => c.method === method).map((c) => c.input as Record<string, unknown>);
}
