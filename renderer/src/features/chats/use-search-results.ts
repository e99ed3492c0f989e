import { useCallback, useEffect, useState } from 'react';
import type { ChatFilter, ChatMessage } from '@shared/domain';
import { useClient } from '../../app/client-context';

const PAGE = 100;

interface Loaded {
  /** the search (filter and query) these pages belong to */
  base: string;
  pages: number;
  messages: ChatMessage[];
  total: number;
  error: unknown;
}

export interface SearchResults {
  /** undefined until the first page of this search arrives */
  messages: ChatMessage[] | undefined;
  total: number;
  error: unknown;
  loading: boolean;
  loadMore: () => void;
}

/** Hits of a full-text search under the current filter, a page at a time, in time order as the backend lists them; nothing while `query` is null. */
export function useSearchResults(filter: ChatFilter, query: string | null): SearchResults {
  const client = useClient();
  const filterJson = JSON.stringify(filter);
  const base = `${filterJson}\n${query}`;
  const [wanted, setWanted] = useState({ base, pages: 1 });
  // a new search (or a new filter) starts from its first page again
  if (wanted.base !== base) setWanted({ base, pages: 1 });
  const pages = wanted.base === base ? wanted.pages : 1;
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (query === null) return undefined;
    let live = true;
    const input = { ...(JSON.parse(filterJson) as ChatFilter), query, offset: (pages - 1) * PAGE, limit: PAGE };
    client.call('chats.search', input).then(
      (answer) => {
        if (!live) return;
        setLoaded((prev) => ({
          base,
          pages,
          messages: prev?.base === base && prev.pages === pages - 1 ? [...prev.messages, ...answer.messages] : answer.messages,
          total: answer.total,
          error: null,
        }));
      },
      (error: unknown) => {
        if (live) setLoaded((prev) => ({ base, pages, messages: prev?.base === base ? prev.messages : [], total: prev?.base === base ? prev.total : 0, error }));
      },
    );
    return () => {
      live = false;
    };
  }, [client, filterJson, query, base, pages]);

  const same = loaded?.base === base ? loaded : null;
  const loadMore = useCallback(() => setWanted({ base, pages: pages + 1 }), [base, pages]);
  return {
    messages: same?.messages,
    total: same?.total ?? 0,
    error: same?.error ?? null,
    loading: same?.pages !== pages,
    loadMore,
  };
}
