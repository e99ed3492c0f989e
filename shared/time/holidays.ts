import { z } from 'zod';

/**
 * The PRC public-holiday calendar: for a civil date, whether it is a statutory holiday (放假), a 调休 working day (a
 * weekend day worked in exchange), an ordinary weekend or an ordinary workday. The data is the State Council's
 * yearly notices (resources/reference/cn-holidays.json), passed in: this module reads no files.
 */

export const FESTIVALS = ['new-year', 'spring-festival', 'qingming', 'labour-day', 'dragon-boat', 'mid-autumn', 'national-day'] as const;
export type FestivalId = (typeof FESTIVALS)[number];

const CivilDateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

const Notice = z.object({
  title: z.string().min(1),
  /** 发文字号, e.g. 国办发明电〔2023〕7号; null where the published text did not carry it */
  document: z.string().min(1).nullable(),
  date: CivilDateText,
});

const Arrangement = z.object({
  /** index into the year's notices: a later notice (调整, 延长) overrides an earlier one day by day */
  notice: z.number().int().min(0),
  festival: z.enum(FESTIVALS),
  /** the name as the notice writes it (国庆节、中秋节 when they are merged) */
  name: z.string().min(1),
  /** the whole break, inclusive; 与周末连休 includes the adjoining weekend */
  from: CivilDateText,
  to: CivilDateText,
  /** weekend days that are working days (调休上班) */
  workdays: z.array(CivilDateText),
  /** the notice's own sentence */
  text: z.string().min(1),
});

export const HolidayCalendarData = z.object({
  title: z.string(),
  source: z.string(),
  format: z.literal(1),
  years: z.array(
    z.object({
      year: z.number().int().min(1949).max(2200),
      notices: z.array(Notice).min(1),
      arrangements: z.array(Arrangement),
    }),
  ),
});
export type HolidayCalendarData = z.infer<typeof HolidayCalendarData>;
export type HolidayNotice = z.infer<typeof Notice>;

export type DayKind = 'holiday' | 'makeup-workday' | 'weekend' | 'workday';

export interface DayInfo {
  /** YYYY-MM-DD */
  date: string;
  kind: DayKind;
  /** ISO weekday: 1 = Monday … 7 = Sunday */
  weekday: number;
  /** the festival whose break (or 调休 working day) it is */
  festival: FestivalId | null;
  /** the festival as the notice names it */
  name: string | null;
  /** the notice that says so */
  notice: HolidayNotice | null;
  /** false when the calendar has no notice for the date's year: only weekend/workday can be said then */
  covered: boolean;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

interface DayEntry {
  kind: 'holiday' | 'makeup-workday';
  festival: FestivalId;
  name: string;
  notice: HolidayNotice;
}

export interface HolidayCalendar {
  /** years the calendar's notices cover, ascending */
  readonly years: readonly number[];
  classify(date: CivilDate | string): DayInfo;
  /** every holiday and 调休 working day from `from` to `to` (inclusive, YYYY-MM-DD), in date order */
  specialDays(from: string, to: string): DayInfo[];
}

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2024-02-10` → days since 1970-01-01 (proleptic Gregorian, no zone). Null for text that is no real date. */
export function civilDayNumber(date: CivilDate | string): number | null {
  const fields = typeof date === 'string' ? parseCivil(date) : date;
  if (!fields) return null;
  const ms = Date.UTC(fields.year, fields.month - 1, fields.day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== fields.year || back.getUTCMonth() + 1 !== fields.month || back.getUTCDate() !== fields.day) return null;
  return Math.round(ms / DAY_MS);
}

/** Days since 1970-01-01 → `YYYY-MM-DD`. */
export function civilDateOf(dayNumber: number): string {
  const d = new Date(dayNumber * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

function parseCivil(text: string): CivilDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Checks the calendar data: real dates, from ≤ to, notices that exist, 调休 working days on weekends. */
export function checkHolidayCalendar(data: HolidayCalendarData): string[] {
  const problems: string[] = [];
  for (const year of data.years) {
    year.arrangements.forEach((a, i) => {
      const where = `${year.year} arrangements[${i}] (${a.name})`;
      const from = civilDayNumber(a.from);
      const to = civilDayNumber(a.to);
      if (from === null || to === null) problems.push(`${where}: not a real date`);
      else if (from > to) problems.push(`${where}: from is after to`);
      if (a.notice >= year.notices.length) problems.push(`${where}: notice ${a.notice} does not exist`);
      for (const workday of a.workdays) {
        const n = civilDayNumber(workday);
        if (n === null) problems.push(`${where}: working day ${workday} is not a real date`);
        else if (isoWeekday(n) < 6) problems.push(`${where}: working day ${workday} is not a weekend day`);
      }
    });
  }
  return problems;
}

/** The calendar as a lookup; later notices of a year override earlier ones day by day (调整, 延长 notices). */
export function createHolidayCalendar(data: HolidayCalendarData): HolidayCalendar {
  const days = new Map<number, DayEntry>();
  const years = [...data.years].sort((a, b) => a.year - b.year);
  for (const year of years) {
    const ordered = [...year.arrangements].sort((a, b) => a.notice - b.notice);
    for (const a of ordered) {
      const notice = year.notices[a.notice];
      const from = civilDayNumber(a.from);
      const to = civilDayNumber(a.to);
      if (!notice || from === null || to === null) continue;
      for (let n = from; n <= to; n++) days.set(n, { kind: 'holiday', festival: a.festival, name: a.name, notice });
      for (const workday of a.workdays) {
        const n = civilDayNumber(workday);
        if (n !== null) days.set(n, { kind: 'makeup-workday', festival: a.festival, name: a.name, notice });
      }
    }
  }
  const covered = new Set(years.map((y) => y.year));

  const info = (n: number): DayInfo => {
    const date = civilDateOf(n);
    const weekday = isoWeekday(n);
    const entry = days.get(n);
    if (entry) return { date, kind: entry.kind, weekday, festival: entry.festival, name: entry.name, notice: entry.notice, covered: true };
    return {
      date,
      kind: weekday >= 6 ? 'weekend' : 'workday',
      weekday,
      festival: null,
      name: null,
      notice: null,
      covered: covered.has(Number(date.slice(0, 4))),
    };
  };

  return {
    years: years.map((y) => y.year),
    classify(date) {
      const n = civilDayNumber(date);
      if (n === null) throw new RangeError(`not a civil date: ${typeof date === 'string' ? date : JSON.stringify(date)}`);
      return info(n);
    },
    specialDays(from, to) {
      const a = civilDayNumber(from);
      const b = civilDayNumber(to);
      if (a === null || b === null) return [];
      return [...days.keys()]
        .filter((n) => n >= a && n <= b)
        .sort((x, y) => x - y)
        .map(info);
    },
  };
}

export type ParsedHolidayCalendar = { ok: true; calendar: HolidayCalendar; data: HolidayCalendarData } | { ok: false; problems: string[] };

/** Validates JSON read from a calendar file and builds the lookup; problems are listed, never guessed at. */
export function parseHolidayCalendar(json: unknown): ParsedHolidayCalendar {
  const parsed = HolidayCalendarData.safeParse(json);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  const problems = checkHolidayCalendar(parsed.data);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, calendar: createHolidayCalendar(parsed.data), data: parsed.data };
}
