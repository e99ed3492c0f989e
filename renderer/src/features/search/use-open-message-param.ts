import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { ChatMessage } from '@shared/domain';
import { useClient } from '../../app/client-context';

/** The message a link asks the chat screen to open: `#/chats?message=<id>` → id. */
export function messageIdFromHash(hash: string): number | null {
  const [, query = ''] = hash.split('?');
  const value = new URLSearchParams(query).get('message');
  return value !== null && /^\d{1,15}$/.test(value) ? Number(value) : null;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/**
 * Opens the message named in the address (`#/chats?message=<id>`, as the global search and the tag lists link to
 * it): fetches it and hands it to `open`, then drops the parameter so a reload does not reopen it.
 */
export function useOpenMessageParam(open: (message: ChatMessage) => void): void {
  const client = useClient();
  const latest = useRef(open);
  useEffect(() => {
    latest.current = open;
  });
  const id = useSyncExternalStore(subscribe, () => messageIdFromHash(window.location.hash), () => null);
  useEffect(() => {
    if (id === null) return undefined;
    let live = true;
    client.call('chats.message', { id }).then(
      ({ message }) => {
        if (!live) return;
        window.history.replaceState(window.history.state, '', '#/chats');
        if (message) latest.current(message);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, id]);
}
