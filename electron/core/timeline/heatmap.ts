import type { z } from 'zod';
import { AppError } from '@shared/api';
import type { Heatmap, HeatmapCell, HeatmapInput } from '@shared/api/timeline-schemas';
import { isValidTimeZone, zoneOffsetMs } from '@shared/time';
import { civilDateOf, isoWeekday, type DayInfo, type HolidayCalendar } from '@shared/time/holidays';
import type { Db } from '../db/connection';
import { loadHolidayCalendar } from '../reference/load-holidays';
import { hasMessageLanes, hasTxnLanes, marks, selectLanes } from './lane-ids';
import { scopeSql } from './txn-scope';

type Input = z.output<typeof HeatmapInput>;
type Output = z.output<typeof Heatmap>;
type Cell = z.output<typeof HeatmapCell>;

/** Night, as the heat map marks it: 22:00 to 06:00 on the display zone's clock. */
export const NIGHT_FROM_HOUR = 22;
export const NIGHT_TO_HOUR = 6;

/**
 * Events are counted per quarter hour of UTC in SQL: every zone in use today is a whole number of quarter hours from
 * UTC, so each quarter falls into exactly one local hour, whatever the zone and its daylight saving rules.
 */
const QUARTER_MS = 900_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export const isNightHour = (hour: number): boolean => hour >= NIGHT_FROM_HOUR || hour < NIGHT_TO_HOUR;

interface QuarterRow {
  q: number;
  n: number;
}

/** Quarter-hour counts of the chosen transactions and messages (each message once, whichever of its lanes chose it). */
function quarterCounts(db: Db, input: Input): QuarterRow[] {
  const selection = input.lanes ? selectLanes(input.lanes) : null;
  const range: string[] = [];
  const rangeParams: number[] = [];
  if (input.from !== undefined) {
    range.push('ts_utc >= ?');
    rangeParams.push(input.from);
  }
  if (input.to !== undefined) {
    range.push('ts_utc < ?');
    rangeParams.push(input.to);
  }
  const rangeSql = range.map((c) => ` AND ${c}`).join('');
  const rows: QuarterRow[] = [];
  if (input.kinds.includes('txn') && (!selection || hasTxnLanes(selection))) {
    const accounts = selection && !selection.allTxns ? selection.accounts : null;
    const accountSql = accounts ? ` AND account_id IN (${marks(accounts)})` : '';
    rows.push(
      ...(db
        .prepare(`SELECT ts_utc / ${QUARTER_MS} AS q, count(*) AS n FROM txn WHERE ts_utc IS NOT NULL${rangeSql}${accountSql}${scopeSql(input.scope)} GROUP BY q`)
        .all(...rangeParams, ...(accounts ?? [])) as QuarterRow[]),
    );
  }
  if (input.kinds.includes('message') && (!selection || hasMessageLanes(selection))) {
    let laneSql = '';
    const laneParams: number[] = [];
    if (selection && !selection.allMessages) {
      const parts: string[] = [];
      if (selection.conversations.length > 0) parts.push(`conversation_id IN (${marks(selection.conversations)})`);
      if (selection.handles.length > 0) parts.push(`sender_id IN (${marks(selection.handles)})`);
      laneSql = ` AND (${parts.join(' OR ')})`;
      laneParams.push(...selection.conversations, ...selection.handles);
    }
    rows.push(
      ...(db
        .prepare(`SELECT ts_utc / ${QUARTER_MS} AS q, count(*) AS n FROM message WHERE ts_utc IS NOT NULL${rangeSql}${laneSql} GROUP BY q`)
        .all(...rangeParams, ...laneParams) as QuarterRow[]),
    );
  }
  return rows;
}

/**
 * Hour of day × weekday counts on the display zone's clock, with how many of each cell's events fell on a public
 * holiday or a 调休 working day (from the State Council notices), which cells are night, and per-festival totals.
 * Stored instants never change; only the clock they are read on does.
 */
export function timelineHeatmap(db: Db, input: Input, calendar: HolidayCalendar = loadHolidayCalendar()): Output {
  if (!isValidTimeZone(input.zone)) throw new AppError('BAD_INPUT', `unknown time zone ${input.zone}`);
  const cells: Cell[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) cells.push({ weekday, hour, count: 0, holidays: 0, makeupWorkdays: 0, night: isNightHour(hour) });
  }
  const days = new Map<number, DayInfo>();
  const festivals = new Map<string, Output['festivals'][number]>();
  let total = 0;
  let night = 0;
  let holidays = 0;
  let makeupWorkdays = 0;
  let uncovered = 0;
  for (const { q, n } of quarterCounts(db, input)) {
    const utc = q * QUARTER_MS;
    const local = utc + zoneOffsetMs(utc, input.zone);
    const dayNumber = Math.floor(local / DAY_MS);
    const hour = Math.floor((local - dayNumber * DAY_MS) / HOUR_MS);
    const weekday = isoWeekday(dayNumber);
    let day = days.get(dayNumber);
    if (!day) {
      day = calendar.classify(civilDateOf(dayNumber));
      days.set(dayNumber, day);
    }
    const cell = cells[(weekday - 1) * 24 + hour];
    if (!cell) continue;
    cell.count += n;
    total += n;
    if (cell.night) night += n;
    if (!day.covered) uncovered += n;
    if (day.kind === 'holiday') {
      cell.holidays += n;
      holidays += n;
    } else if (day.kind === 'makeup-workday') {
      cell.makeupWorkdays += n;
      makeupWorkdays += n;
    }
    if (day.kind === 'holiday' && day.notice && day.festival && day.name) {
      const key = `${day.notice.title}|${day.name}`;
      const entry = festivals.get(key) ?? { festival: day.festival, name: day.name, firstDate: day.date, lastDate: day.date, events: 0, notice: day.notice.title };
      entry.events += n;
      if (day.date < entry.firstDate) entry.firstDate = day.date;
      if (day.date > entry.lastDate) entry.lastDate = day.date;
      festivals.set(key, entry);
    }
  }
  return {
    zone: input.zone,
    cells,
    total,
    night,
    holidays,
    makeupWorkdays,
    uncovered,
    nightFrom: NIGHT_FROM_HOUR,
    nightTo: NIGHT_TO_HOUR,
    festivals: [...festivals.values()].sort((a, b) => a.firstDate.localeCompare(b.firstDate)),
    calendarYears: [...calendar.years],
  };
}
