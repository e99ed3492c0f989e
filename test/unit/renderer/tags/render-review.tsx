import { render } from '@testing-library/react';
import { createClient } from '@shared/api';
import type { GlobalSearchResult } from '@shared/domain';
import { App } from '../../../../renderer/src/app/App';
import { baseHandlers, caseInfo, fakeBackend, operatorLi, type Handlers } from '../support/fake-backend';
import { reviewHandlers, reviewState, searchResult, type ReviewState } from '../support/fake-review';

/** The app opened at `hash` with an operator confirmed, a case open and the tag, note and search methods answered from `state`. */
export function renderReview(
  hash: string,
  options: { state?: ReviewState; search?: (value: string) => GlobalSearchResult; handlers?: Handlers; readOnly?: boolean } = {},
) {
  const state = options.state ?? reviewState();
  window.sessionStorage.setItem('chainsight.operatorConfirmed', operatorLi.id);
  window.location.hash = hash;
  const backend = fakeBackend({
    ...baseHandlers(caseInfo({}, { readOnly: options.readOnly ?? false })),
    ...reviewHandlers(state, options.search ?? (() => searchResult())),
    ...options.handlers,
  });
  const view = render(<App client={createClient(backend.transport)} />);
  return { backend, state, ...view };
}

export function callsTo(backend: { calls: { method: string; input: unknown }[] }, method: string): unknown[] {
  return backend.calls.filter((c) => c.method === method).map((c) => c.input);
}
