import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry } from '@shared/domain';
import { useClient, useEvent } from '../../app/client-context';

const PAGE = 1000;

interface Loaded {
  key: string;
  entries: AuditEntry[];
  total: number;
  error: unknown;
}

/** Audit entries from seq 1 on, a page at a time; refreshed when an entry is appended or the case changes. */
export function useAuditEntries(): {
  entries: AuditEntry[] | undefined;
  total: number;
  error: unknown;
  loading: boolean;
  loadMore: () => void;
} {
  const client = useClient();
  const [pages, setPages] = useState(1);
  const [generation, setGeneration] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const key = `${pages}:${generation}`;

  useEffect(() => {
    let live = true;
    const load = async () => {
      const entries: AuditEntry[] = [];
      let total = 0;
      for (let page = 0; page < pages; page += 1) {
        const answer = await client.call('audit.list', { offset: page * PAGE, limit: PAGE });
        entries.push(...answer.entries);
        total = answer.total;
        if (answer.entries.length < PAGE) break;
      }
      return { entries, total };
    };
    load().then(
      ({ entries, total }) => live && setLoaded({ key, entries, total, error: null }),
      (error: unknown) => live && setLoaded((prev) => ({ key, entries: prev?.entries ?? [], total: prev?.total ?? 0, error })),
    );
    return () => {
      live = false;
    };
  }, [client, pages, key]);

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  useEvent('audit.appended', refresh);
  useEvent('case.changed', refresh);

  return {
    entries: loaded?.entries,
    total: loaded?.total ?? 0,
    error: loaded?.error ?? null,
    loading: loaded?.key !== key,
    loadMore: () => setPages((p) => p + 1),
  };
}
