import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatFilter, ChatMessage } from '@shared/domain';
import { useClient, useEvent } from '../../app/client-context';

/** Messages fetched per request; the contract allows up to 500. */
export const PAGE_SIZE = 150;
/** Pages kept in memory; the farthest from what is on screen are dropped first (a thread may hold millions). */
const KEEP_PAGES = 40;

interface Store {
  total: number | undefined;
  pages: ReadonlyMap<number, readonly ChatMessage[]>;
  error: unknown;
}

export interface MessagePages {
  /** every message the filter selects, known after the first page arrives */
  total: number | undefined;
  error: unknown;
  messageAt: (index: number) => ChatMessage | undefined;
  /** make sure the messages from `first` to `last` (indexes) are loaded or on their way */
  request: (first: number, last: number) => void;
  /** drop what is loaded and fetch again (after an error, an import or a rescoring) */
  refresh: () => void;
}

/**
 * A filtered message list fetched a page at a time by offset as the reader scrolls: the total comes with the first
 * page, so a scrollbar can cover every message while only what is near the screen is ever loaded.
 */
export function useMessagePages(filter: ChatFilter): MessagePages {
  const client = useClient();
  const filterJson = JSON.stringify(filter);
  const [store, setStore] = useState<Store>({ total: undefined, pages: new Map(), error: null });
  const inflight = useRef(new Set<number>());
  // answers to requests made before a refresh (or after unmount) are dropped
  const generation = useRef(0);

  useEffect(() => {
    const flight = inflight.current;
    return () => {
      generation.current += 1;
      flight.clear();
    };
  }, []);

  const load = useCallback(
    (page: number) => {
      if (inflight.current.has(page)) return;
      inflight.current.add(page);
      const asked = generation.current;
      const input = { ...(JSON.parse(filterJson) as ChatFilter), offset: page * PAGE_SIZE, limit: PAGE_SIZE };
      client.call('chats.messages', input).then(
        (answer) => {
          if (asked !== generation.current) return;
          inflight.current.delete(page);
          setStore((prev) => {
            const pages = new Map(prev.pages);
            pages.set(page, answer.messages);
            if (pages.size > KEEP_PAGES) {
              const farthest = [...pages.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
              for (const drop of farthest.slice(0, pages.size - KEEP_PAGES)) pages.delete(drop);
            }
            return { total: answer.total, pages, error: null };
          });
        },
        (error: unknown) => {
          if (asked !== generation.current) return;
          inflight.current.delete(page);
          setStore((prev) => ({ ...prev, error }));
        },
      );
    },
    [client, filterJson],
  );

  const { pages, total, error } = store;
  const request = useCallback(
    (first: number, last: number) => {
      if (error) return;
      const from = Math.max(0, Math.floor(first / PAGE_SIZE));
      const upper = total === undefined ? from : Math.max(0, Math.ceil(total / PAGE_SIZE) - 1);
      const to = Math.min(upper, Math.max(from, Math.floor(last / PAGE_SIZE)));
      for (let page = from; page <= to; page += 1) if (!pages.has(page)) load(page);
    },
    [pages, total, error, load],
  );

  const refresh = useCallback(() => {
    generation.current += 1;
    inflight.current.clear();
    setStore((prev) => ({ total: prev.total, pages: new Map(), error: null }));
  }, []);
  useEvent('case.changed', refresh);
  useEvent('import.finished', refresh);

  const messageAt = useCallback(
    (index: number) => {
      const page = pages.get(Math.floor(index / PAGE_SIZE));
      return page?.[index % PAGE_SIZE];
    },
    [pages],
  );

  return { total, error, messageAt, request, refresh };
}
