import type { TimelineEvent, TimelineHeatmap, TimelineLane, TimelineTxn } from '@shared/domain';
import type { Handlers } from './fake-backend';

/** What the fake timeline backend holds: lanes and the events in them, a heat map and transactions in full. */
export interface TimelineFixture {
  lanes: TimelineLane[];
  /** every event, each in one lane (its account or conversation); the aggregate lanes are computed */
  events: TimelineEvent[];
  heatmap?: TimelineHeatmap;
  txns?: TimelineTxn[];
}

export function lane(overrides: Partial<TimelineLane> & Pick<TimelineLane, 'id'>): TimelineLane {
  return { kind: 'account', label: '张三', detail: '6222020200112233446', platform: 'bank', count: 0, firstUtc: null, lastUtc: null, ...overrides };
}

export function txnEvent(overrides: Partial<TimelineEvent> & Pick<TimelineEvent, 'id' | 'utcMs'>): TimelineEvent {
  return {
    type: 'txn',
    lane: 'account:1',
    amountMinor: 500_000,
    currency: 'CNY',
    direction: 'out',
    party: '张三',
    who: '李四',
    text: '转账',
    flags: [],
    messageType: null,
    ...overrides,
  };
}

export function messageEvent(overrides: Partial<TimelineEvent> & Pick<TimelineEvent, 'id' | 'utcMs'>): TimelineEvent {
  return {
    type: 'message',
    lane: 'conversation:7',
    amountMinor: null,
    currency: null,
    direction: null,
    party: '退保维权交流群',
    who: '王经理',
    text: '全额退保，先交定金',
    flags: [],
    messageType: 'text',
    ...overrides,
  };
}

export function timelineTxn(overrides: Partial<TimelineTxn> & Pick<TimelineTxn, 'id'>): TimelineTxn {
  return {
    accountId: 1,
    accountLabel: '张三',
    accountNumber: '6222020200112233446',
    utcMs: Date.UTC(2024, 1, 10, 2, 0, 0),
    timeText: '2024/2/10 10:00',
    offsetMinutes: 480,
    amountMinor: 500_000,
    currency: 'CNY',
    direction: 'out',
    directionRaw: '出',
    balanceMinor: 1_000_000,
    counterpartyName: '李四',
    counterpartyAccount: '6217000000000000001',
    counterpartyBank: '中国建设银行',
    summary: '转账',
    channel: '网银',
    succeeded: true,
    failReason: null,
    dupOf: null,
    mirrorId: null,
    reversalOf: null,
    balanceExpected: null,
    source: { sourceId: 3, file: '银行查控/5104614320240315093012/中国工商银行交易明细信息.csv', sheet: '', line: 42, rowHash: 'ab'.repeat(32) },
    ...overrides,
  };
}

/** The lanes an event is drawn in when `chosen` are on screen: its own, and the aggregate of its kind. */
function drawnIn(event: TimelineEvent, chosen: readonly string[]): string[] {
  const lanes: string[] = [];
  const all = event.type === 'txn' ? 'all:txn' : 'all:message';
  if (chosen.includes(all)) lanes.push(all);
  if (chosen.includes(event.lane)) lanes.push(event.lane);
  return lanes;
}

/** Handlers for the timeline methods over a fixture, counting, paging and selecting as the contract says. */
export function timelineHandlers(fixture: TimelineFixture): Handlers {
  const inRange = (from: number, to: number, chosen: readonly string[]) =>
    fixture.events.filter((e) => e.utcMs >= from && e.utcMs < to && drawnIn(e, chosen).length > 0).sort((a, b) => a.utcMs - b.utcMs || a.id - b.id);
  const times = fixture.events.map((e) => e.utcMs);
  return {
    'timeline.lanes': () => ({
      lanes: fixture.lanes,
      defaultLanes: fixture.lanes.slice(0, 4).map((l) => l.id),
      range: times.length > 0 ? { firstUtc: Math.min(...times), lastUtc: Math.max(...times) } : null,
      omitted: { account: 0, conversation: 0, handle: 0 },
    }),
    'timeline.density': ({ from, to, buckets, lanes }) => {
      const bucketMs = Math.ceil((to - from) / buckets);
      const n = Math.ceil((to - from) / bucketMs);
      const result = lanes.map((id) => ({ lane: id, counts: new Array<number>(n).fill(0), money: [] }));
      for (const event of inRange(from, to, lanes)) {
        for (const id of drawnIn(event, lanes)) {
          const row = result.find((r) => r.lane === id);
          const b = Math.floor((event.utcMs - from) / bucketMs);
          if (row) row.counts[b] = (row.counts[b] ?? 0) + 1;
        }
      }
      return { from, to, bucketMs, buckets: n, lanes: result, total: result.reduce((s, r) => s + r.counts.reduce((a, b) => a + b, 0), 0) };
    },
    'timeline.events': ({ from, to, lanes, limit = 2000 }) => {
      const events = inRange(from, to, lanes).flatMap((e) => drawnIn(e, lanes).map((id) => ({ ...e, lane: id })));
      return { events: events.slice(0, limit), total: events.length, truncated: events.length > limit };
    },
    'timeline.brush': ({ from, to, lanes, offset = 0, limit = 200 }) => {
      const items = inRange(from, to, lanes);
      return {
        items: items.slice(offset, offset + limit),
        total: items.length,
        offset,
        txns: items.filter((e) => e.type === 'txn').length,
        messages: items.filter((e) => e.type === 'message').length,
      };
    },
    'timeline.selection': ({ from, to, lanes }) => {
      const items = inRange(from, to, lanes);
      return { items: items.map((e) => ({ type: e.type, id: e.id })), total: items.length };
    },
    'timeline.heatmap': ({ zone }) => {
      if (!fixture.heatmap) throw new Error('no heat map in the fixture');
      return { ...fixture.heatmap, zone };
    },
    'timeline.calendar': () => ({ days: [{ date: '2024-02-10', kind: 'holiday', name: '春节' }], years: [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026] }),
    'timeline.txn': ({ id }) => ({ txn: fixture.txns?.find((t) => t.id === id) ?? null }),
  };
}
