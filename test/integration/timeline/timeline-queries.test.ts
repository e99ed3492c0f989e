import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Density, EventsOutput, BrushOutput, Heatmap, LanesOutput, SelectionOutput, CalendarOutput, TimelineTxn } from '../../../shared/api/timeline-schemas';
import { formatInZone } from '../../../shared/time';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { generateDemo } from '../../../electron/core/demo/generate';
import { runImport } from '../../../electron/core/ingest/run-import';
import { loadHolidayCalendar } from '../../../electron/core/reference/load-holidays';
import {
  listLanes,
  timelineBrush,
  timelineCalendar,
  timelineDensity,
  timelineEvents,
  timelineHeatmap,
  timelineSelection,
  timelineTxn,
} from '../../../electron/core/timeline';

/** Every transaction as plain rows: the independent side of each comparison below. */
interface RawTxn {
  id: number;
  account: number;
  ts: number | null;
  amount: number;
  currency: string;
  direction: 'in' | 'out' | null;
  succeeded: number;
  dup: number | null;
}
interface RawMessage {
  id: number;
  conversation: number;
  sender: number | null;
  ts: number | null;
}

const NO_SCOPE = { duplicates: false, failed: false };
const counted = (t: RawTxn, scope = NO_SCOPE): boolean => (scope.duplicates || t.dup === null) && (scope.failed || t.succeeded === 1);

describe('timeline queries over an imported demo case', () => {
  let dir = '';
  let session: CaseSession;
  let txns: RawTxn[] = [];
  let messages: RawMessage[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chainsight-timeline-'));
    const data = join(dir, 'data');
    await generateDemo({ dir: data, seed: 47, txns: 3000 });
    session = CaseSession.create(join(dir, 'case'), { caseName: 'timeline' }, { host: 'cli', operator: 't' });
    await runImport(session.db, { caseDir: session.caseDir, paths: [data], operator: 't', timeZone: 'Asia/Shanghai' });
    txns = session.db
      .prepare('SELECT id, account_id AS account, ts_utc AS ts, amount_minor AS amount, currency, direction, succeeded, dup_of AS dup FROM txn')
      .all() as RawTxn[];
    messages = session.db.prepare('SELECT id, conversation_id AS conversation, sender_id AS sender, ts_utc AS ts FROM message').all() as RawMessage[];
  }, 180_000);

  afterAll(() => {
    session.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has what the comparisons need: transactions with duplicates and failed rows, and chats', () => {
    expect(txns.length).toBeGreaterThan(2500);
    expect(txns.some((t) => t.dup !== null)).toBe(true);
    expect(txns.some((t) => t.succeeded === 0)).toBe(true);
    expect(messages.length).toBeGreaterThan(50);
  });

  it('lists the lanes busiest first, the whole case first, and picks the busiest as default', () => {
    const lanes = LanesOutput.parse(listLanes(session.db));
    expect(lanes.lanes.slice(0, 2).map((l) => l.id)).toEqual(['all:txn', 'all:message']);
    const accounts = lanes.lanes.filter((l) => l.kind === 'account');
    const perAccount = new Map<number, number>();
    for (const t of txns) perAccount.set(t.account, (perAccount.get(t.account) ?? 0) + 1);
    expect(accounts).toHaveLength(perAccount.size);
    for (const lane of accounts) expect(lane.count).toBe(perAccount.get(Number(lane.id.split(':')[1])));
    expect(accounts.map((l) => l.count)).toEqual([...accounts.map((l) => l.count)].sort((a, b) => b - a));
    expect(lanes.defaultLanes.slice(0, 2)).toEqual(['all:txn', 'all:message']);
    expect(lanes.defaultLanes).toContain(accounts[0]?.id);
    const conversations = lanes.lanes.filter((l) => l.kind === 'conversation');
    expect(conversations.reduce((n, l) => n + l.count, 0)).toBe(messages.length);
    const times = [...txns, ...messages].map((e) => e.ts).filter((ts): ts is number => ts !== null);
    expect(lanes.range).toEqual({ firstUtc: Math.min(...times), lastUtc: Math.max(...times) });
  });

  it('gives per-lane counts and sums per bucket equal to the rows counted one by one', () => {
    const lanes = listLanes(session.db);
    const range = lanes.range;
    if (!range) throw new Error('empty case');
    const accountLanes = lanes.lanes.filter((l) => l.kind === 'account').slice(0, 6);
    const from = range.firstUtc;
    const to = range.lastUtc + 1;
    for (const [buckets, scope] of [
      [37, NO_SCOPE],
      [400, { duplicates: true, failed: true }],
    ] as const) {
      const density = Density.parse(timelineDensity(session.db, { from, to, buckets, lanes: ['all:txn', ...accountLanes.map((l) => l.id)], kinds: ['txn'], scope }));
      const width = density.bucketMs;
      expect(width * density.buckets).toBeGreaterThanOrEqual(to - from);
      const expectLane = (laneId: string, pick: (t: RawTxn) => boolean) => {
        const counts = new Array<number>(density.buckets).fill(0);
        const inSum = new Array<number>(density.buckets).fill(0);
        const outSum = new Array<number>(density.buckets).fill(0);
        for (const t of txns) {
          if (t.ts === null || t.ts < from || t.ts >= to || !pick(t) || !counted(t, scope)) continue;
          const b = Math.floor((t.ts - from) / width);
          counts[b] = (counts[b] ?? 0) + 1;
          if (t.direction === 'in') inSum[b] = (inSum[b] ?? 0) + Math.abs(t.amount);
          if (t.direction === 'out') outSum[b] = (outSum[b] ?? 0) + Math.abs(t.amount);
        }
        const lane = density.lanes.find((l) => l.lane === laneId);
        expect(lane?.counts, laneId).toEqual(counts);
        const cny = lane?.money.find((m) => m.currency === 'CNY');
        expect(cny?.inMinor, laneId).toEqual(inSum);
        expect(cny?.outMinor, laneId).toEqual(outSum);
      };
      expectLane('all:txn', () => true);
      for (const lane of accountLanes) expectLane(lane.id, (t) => `account:${t.account}` === lane.id);
      expect(density.total).toBe(density.lanes.reduce((n, l) => n + l.counts.reduce((a, b) => a + b, 0), 0));
    }
  });

  it('leaves duplicates and bank-failed rows out unless asked, and says nothing about lanes of a kind not asked for', () => {
    const from = Math.min(...txns.map((t) => t.ts ?? Infinity));
    const to = Math.max(...txns.map((t) => t.ts ?? -Infinity)) + 1;
    const total = (scope: { duplicates: boolean; failed: boolean }) => timelineDensity(session.db, { from, to, buckets: 10, lanes: ['all:txn'], kinds: ['txn'], scope }).total;
    const dated = txns.filter((t) => t.ts !== null);
    expect(total(NO_SCOPE)).toBe(dated.filter((t) => t.dup === null && t.succeeded === 1).length);
    expect(total({ duplicates: true, failed: false })).toBe(dated.filter((t) => t.succeeded === 1).length);
    expect(total({ duplicates: true, failed: true })).toBe(dated.length);
    const onlyMessages = timelineDensity(session.db, { from, to, buckets: 10, lanes: ['all:txn', 'all:message'], kinds: ['message'], scope: NO_SCOPE });
    expect(onlyMessages.lanes[0]?.counts.every((n) => n === 0)).toBe(true);
    expect(onlyMessages.lanes[1]?.counts.reduce((a, b) => a + b, 0)).toBe(messages.filter((m) => m.ts !== null && m.ts >= from && m.ts < to).length);
  });

  it('counts messages per conversation and per sender', () => {
    const lanes = listLanes(session.db);
    const conversation = lanes.lanes.find((l) => l.kind === 'conversation');
    const handle = lanes.lanes.find((l) => l.kind === 'handle');
    if (!conversation || !handle || !lanes.range) throw new Error('demo chats missing');
    const density = timelineDensity(session.db, { from: lanes.range.firstUtc, to: lanes.range.lastUtc + 1, buckets: 50, lanes: [conversation.id, handle.id], kinds: ['txn', 'message'], scope: NO_SCOPE });
    const sum = (i: number) => density.lanes[i]?.counts.reduce((a, b) => a + b, 0);
    expect(sum(0)).toBe(messages.filter((m) => `conversation:${m.conversation}` === conversation.id && m.ts !== null).length);
    expect(sum(1)).toBe(messages.filter((m) => `handle:${m.sender ?? ''}` === handle.id && m.ts !== null).length);
  });

  it('names chat lanes and message events by the holder the payment registration gives, not by a bare wxid', () => {
    const registered = new Set(
      session.db
        .prepare("SELECT i.value FROM identifier i JOIN account a ON a.id = i.account_id WHERE i.type = 'wechat_id' AND a.holder_name IS NOT NULL")
        .pluck()
        .all() as string[],
    );
    const lanes = listLanes(session.db).lanes.filter((l) => l.kind === 'conversation' || l.kind === 'handle');
    const bare = lanes.filter((l) => registered.has(l.label));
    expect(lanes.length).toBeGreaterThan(0);
    expect(bare.map((l) => l.label)).toEqual([]);
    expect(lanes.some((l) => /^\S+ \(wxid_[a-z0-9]+\)$/.test(l.label))).toBe(true);
    const range = listLanes(session.db).range;
    if (!range) throw new Error('no range');
    const events = timelineEvents(session.db, { from: range.firstUtc, to: range.lastUtc + 1, lanes: ['all:message'], kinds: ['message'], scope: NO_SCOPE, limit: 2000 });
    expect(events.events.length).toBeGreaterThan(0);
    // every message names its conversation, and the wxid-only ones by the holder
    expect(events.events.every((event) => event.party !== null && event.party !== '')).toBe(true);
    expect(events.events.some((event) => /^\S+ \(wxid_[a-z0-9]+\)$/.test(event.who ?? ''))).toBe(true);
    for (const event of events.events) {
      expect(registered.has(event.party ?? '')).toBe(false);
      expect(registered.has(event.who ?? '')).toBe(false);
    }
  });

  it('lists individual events of a short range in time order, each in the lanes it belongs to', () => {
    const lanes = listLanes(session.db);
    const account = lanes.lanes.filter((l) => l.kind === 'account')[0];
    if (!account || !lanes.range) throw new Error('no account');
    const sorted = txns.filter((t) => t.ts !== null && counted(t)).sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
    const from = sorted[100]?.ts ?? 0;
    const to = sorted[160]?.ts ?? 0;
    const inRange = sorted.filter((t) => (t.ts ?? 0) >= from && (t.ts ?? 0) < to);
    const ofAccount = inRange.filter((t) => `account:${t.account}` === account.id);
    const result = EventsOutput.parse(timelineEvents(session.db, { from, to, lanes: ['all:txn', account.id], kinds: ['txn'], scope: NO_SCOPE, limit: 2000 }));
    expect(result.total).toBe(inRange.length + ofAccount.length);
    expect(result.truncated).toBe(false);
    expect(result.events.filter((e) => e.lane === 'all:txn').map((e) => e.id).sort((a, b) => a - b)).toEqual(inRange.map((t) => t.id).sort((a, b) => a - b));
    expect(result.events.filter((e) => e.lane === account.id).map((e) => e.id).sort((a, b) => a - b)).toEqual(ofAccount.map((t) => t.id).sort((a, b) => a - b));
    const times = result.events.map((e) => e.utcMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const cut = timelineEvents(session.db, { from, to, lanes: ['all:txn'], kinds: ['txn'], scope: NO_SCOPE, limit: 10 });
    expect(cut).toMatchObject({ total: inRange.length, truncated: true });
    expect(cut.events).toHaveLength(10);
  });

  it('pages a brushed period: every item once, in time order, transactions and messages together', () => {
    const lanes = listLanes(session.db);
    const conversation = lanes.lanes.find((l) => l.kind === 'conversation');
    if (!conversation || !lanes.range) throw new Error('demo chats missing');
    const convMessages = messages.filter((m) => `conversation:${m.conversation}` === conversation.id && m.ts !== null);
    const sender = convMessages[0]?.sender;
    const from = Math.min(...convMessages.map((m) => m.ts ?? Infinity));
    const to = Math.max(...convMessages.map((m) => m.ts ?? -Infinity)) + 1;
    const chosen = ['all:txn', conversation.id, `handle:${sender ?? 0}`];
    const expectedTxns = txns.filter((t) => t.ts !== null && t.ts >= from && t.ts < to && counted(t));
    const expectedMessages = messages.filter(
      (m) => m.ts !== null && m.ts >= from && m.ts < to && (`conversation:${m.conversation}` === conversation.id || (sender !== null && m.sender === sender)),
    );
    const seen: string[] = [];
    let last = -Infinity;
    for (let offset = 0; ; offset += 97) {
      const page = BrushOutput.parse(timelineBrush(session.db, { from, to, lanes: chosen, kinds: ['txn', 'message'], scope: NO_SCOPE, offset, limit: 97 }));
      expect(page.total).toBe(expectedTxns.length + expectedMessages.length);
      expect(page).toMatchObject({ txns: expectedTxns.length, messages: expectedMessages.length });
      for (const item of page.items) {
        expect(item.utcMs).toBeGreaterThanOrEqual(last);
        last = item.utcMs;
        seen.push(`${item.type}:${item.id}`);
      }
      if (page.items.length < 97) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual([...expectedTxns.map((t) => `txn:${t.id}`), ...expectedMessages.map((m) => `message:${m.id}`)].sort());
    const selection = SelectionOutput.parse(timelineSelection(session.db, { from, to, lanes: chosen, kinds: ['txn', 'message'], scope: NO_SCOPE }));
    expect(selection.total).toBe(seen.length);
    expect(selection.items.map((i) => `${i.type}:${i.id}`).sort()).toEqual(seen);
  });

  it('reads the heat map on the display zone clock: Shanghai is UTC shifted by eight hours', () => {
    const shanghai = Heatmap.parse(timelineHeatmap(session.db, { zone: 'Asia/Shanghai', kinds: ['txn', 'message'], scope: NO_SCOPE }));
    const utc = Heatmap.parse(timelineHeatmap(session.db, { zone: 'UTC', kinds: ['txn', 'message'], scope: NO_SCOPE }));
    expect(shanghai.total).toBe(utc.total);
    expect(shanghai.total).toBe(txns.filter((t) => t.ts !== null && counted(t)).length + messages.filter((m) => m.ts !== null).length);
    const cell = (map: typeof utc, weekday: number, hour: number) => map.cells.find((c) => c.weekday === weekday && c.hour === hour)?.count;
    let differing = 0;
    for (let weekday = 1; weekday <= 7; weekday++) {
      for (let hour = 0; hour < 24; hour++) {
        const shifted = hour + 8;
        const localWeekday = shifted >= 24 ? (weekday % 7) + 1 : weekday;
        expect(cell(shanghai, localWeekday, shifted % 24), `UTC ${weekday} ${hour}:00`).toBe(cell(utc, weekday, hour));
        if (cell(shanghai, weekday, hour) !== cell(utc, weekday, hour)) differing++;
      }
    }
    expect(differing).toBeGreaterThan(20);
    expect(shanghai.night).not.toBe(utc.night);
  });

  it('counts events at night and on public holidays exactly as the calendar and the clock say, event by event', () => {
    const calendar = loadHolidayCalendar();
    for (const zone of ['Asia/Shanghai', 'America/New_York']) {
      const map = timelineHeatmap(session.db, { zone, kinds: ['txn'], scope: NO_SCOPE });
      let night = 0;
      let holidays = 0;
      let makeup = 0;
      for (const t of txns) {
        if (t.ts === null || !counted(t)) continue;
        const local = formatInZone(t.ts, zone);
        const hour = Number(local.slice(11, 13));
        if (hour >= 22 || hour < 6) night++;
        const kind = calendar.classify(local.slice(0, 10)).kind;
        if (kind === 'holiday') holidays++;
        if (kind === 'makeup-workday') makeup++;
      }
      expect({ night: map.night, holidays: map.holidays, makeup: map.makeupWorkdays }, zone).toEqual({ night, holidays, makeup });
      expect(map.cells.filter((c) => c.night).map((c) => c.hour).sort((a, b) => a - b)[0]).toBe(0);
      expect(map.cells.reduce((n, c) => n + c.holidays, 0)).toBe(holidays);
    }
    const shanghai = timelineHeatmap(session.db, { zone: 'Asia/Shanghai', kinds: ['txn'], scope: NO_SCOPE });
    expect(shanghai.holidays).toBeGreaterThan(0);
    expect(shanghai.festivals.reduce((n, f) => n + f.events, 0)).toBe(shanghai.holidays);
    expect(shanghai.festivals[0]?.notice).toMatch(/^国务院办公厅关于20\d\d年/);
    expect(() => timelineHeatmap(session.db, { zone: 'Mars/Olympus', kinds: ['txn'], scope: NO_SCOPE })).toThrow(/unknown time zone/);
  });

  it('opens one transaction with its provenance, and lists the special days of a period', () => {
    const first = txns[0];
    if (!first) throw new Error('no txn');
    const txn = TimelineTxn.parse(timelineTxn(session.db, first.id));
    const source = session.db.prepare('SELECT s.rel_path AS file, t.line, t.row_hash AS rowHash FROM txn t JOIN source s ON s.id = t.source_id WHERE t.id = ?').get(first.id);
    expect(txn.source).toMatchObject(source as object);
    expect(txn.amountMinor).toBe(first.amount);
    expect(timelineTxn(session.db, 99_999_999)).toBeNull();
    const days = CalendarOutput.parse(timelineCalendar({ fromDate: '2024-02-01', toDate: '2024-02-29' }));
    expect(days.days.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual(Array.from({ length: 8 }, (_, i) => `2024-02-${String(10 + i)}`));
    expect(days.days.filter((d) => d.kind === 'makeup-workday').map((d) => d.date)).toEqual(['2024-02-04', '2024-02-18']);
  });
});
