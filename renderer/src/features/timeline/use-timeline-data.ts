import { useEffect, useState } from 'react';
import type { TimelineDensity, TimelineEvent, TimelineTxnScope } from '@shared/domain';
import { useClient, useEvent } from '../../app/client-context';
import { bucketPlan } from './buckets';

/** Below this many records in the window the chart draws each one; above it, density per bucket. */
export const EVENT_LIMIT = 2000;
/** About this many buckets across the window: a bar every few pixels on a laptop screen. */
export const BUCKETS = 320;

export interface TimelineWindowData {
  density: TimelineDensity | null;
  /** the window's individual records, when it holds at most EVENT_LIMIT */
  events: { events: TimelineEvent[]; total: number; truncated: boolean } | null;
  error: unknown;
  /** a request for the current window is in flight; the previous window's data is still shown */
  loading: boolean;
}

interface Settled {
  key: string;
  density: TimelineDensity | null;
  events: TimelineWindowData['events'];
  error: unknown;
}

/**
 * What the swimlanes show for a window: density first (cheap at any zoom), then, when the window holds few enough
 * records, the records themselves. The last answer stays on screen while the next one loads, so zooming never
 * blanks the chart; answers for windows already left are dropped.
 */
export function useTimelineData(window: { from: number; to: number } | null, lanes: readonly string[], scope: TimelineTxnScope, zone: string): TimelineWindowData {
  const client = useClient();
  const [settled, setSettled] = useState<Settled | null>(null);
  const [version, setVersion] = useState(0);
  useEvent('import.finished', () => setVersion((v) => v + 1));
  const plan = window ? bucketPlan(window, zone, BUCKETS) : null;
  const key = plan && lanes.length > 0 ? JSON.stringify({ plan, lanes, scope, version }) : null;

  useEffect(() => {
    if (key === null) return undefined;
    const { plan: p, lanes: chosen, scope: s } = JSON.parse(key) as { plan: { from: number; to: number; buckets: number }; lanes: string[]; scope: TimelineTxnScope };
    let live = true;
    const load = async () => {
      const density = await client.call('timeline.density', { from: p.from, to: p.to, buckets: p.buckets, lanes: chosen, scope: s });
      const events = density.total <= EVENT_LIMIT ? await client.call('timeline.events', { from: p.from, to: p.to, lanes: chosen, scope: s, limit: EVENT_LIMIT }) : null;
      if (live) setSettled({ key, density, events, error: null });
    };
    load().catch((error: unknown) => {
      if (live) setSettled((prev) => ({ key, density: prev?.density ?? null, events: prev?.events ?? null, error }));
    });
    return () => {
      live = false;
    };
  }, [client, key]);

  return {
    density: settled?.density ?? null,
    events: settled?.events ?? null,
    error: settled?.key === key ? settled.error : null,
    loading: key !== null && settled?.key !== key,
  };
}
