/** The reference lists the detectors read from resources/reference/: the IP exclusion list and the holiday calendar. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '@shared/api';
import { loadHolidayCalendar } from '../../reference/load-holidays';
import { findAppRoot } from '../../paths';

const Entry = z.object({ value: z.string().min(1), note: z.string().optional() });
const ExclusionFile = z.object({ format: z.literal(1), entries: z.array(Entry), gateways: z.array(Entry).default([]) });

export function defaultExclusionsPath(): string {
  return join(findAppRoot(__dirname), 'resources', 'reference', 'ip-exclusions.json');
}

/** Every range and value on the list (entries and gateways), as the detector takes them. */
export function loadIpExclusions(path: string = defaultExclusionsPath()): string[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new AppError('INTERNAL', `IP exclusion list ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = ExclusionFile.safeParse(json);
  if (!parsed.success) throw new AppError('INTERNAL', `IP exclusion list ${path} is invalid: ${parsed.error.issues[0]?.message ?? ''}`);
  return [...parsed.data.entries, ...parsed.data.gateways].map((entry) => entry.value);
}

export interface DetectCalendar {
  holidays: Set<string>;
  workdays: Set<string>;
  /** years of the case period the calendar has no notice for */
  uncovered: number[];
}

/** Holidays and 调休 working days between two instants (the case period), from the shipped calendar. */
export function holidaysBetween(fromMs: number, toMs: number): DetectCalendar {
  const calendar = loadHolidayCalendar();
  const from = new Date(fromMs + 8 * 3_600_000).toISOString().slice(0, 10);
  const to = new Date(toMs + 8 * 3_600_000).toISOString().slice(0, 10);
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const day of calendar.specialDays(from, to)) {
    if (day.kind === 'holiday') holidays.add(day.date);
    else if (day.kind === 'makeup-workday') workdays.add(day.date);
  }
  const uncovered: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) if (!calendar.years.includes(year)) uncovered.push(year);
  return { holidays, workdays, uncovered };
}
