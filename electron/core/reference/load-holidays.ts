import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '@shared/api';
import { parseHolidayCalendar, type HolidayCalendar } from '@shared/time/holidays';
import { findAppRoot } from '../paths';

/** The shipped calendar, resources/reference/cn-holidays.json (State Council notices, see its README). */
export function defaultHolidaysPath(): string {
  return join(findAppRoot(__dirname), 'resources', 'reference', 'cn-holidays.json');
}

const calendars = new Map<string, HolidayCalendar>();

/**
 * Reads and checks a holiday calendar once per path (the shipped one by default) and keeps it. A file that fails
 * its checks is refused with every problem named: a wrong holiday table would silently mislabel evidence.
 */
export function loadHolidayCalendar(path: string = defaultHolidaysPath()): HolidayCalendar {
  let calendar = calendars.get(path);
  if (!calendar) {
    const parsed = parseHolidayCalendar(JSON.parse(readFileSync(path, 'utf8')) as unknown);
    if (!parsed.ok) throw new AppError('INTERNAL', `holiday calendar ${path} is invalid: ${parsed.problems.slice(0, 5).join('; ')}`);
    calendar = parsed.calendar;
    calendars.set(path, calendar);
  }
  return calendar;
}
