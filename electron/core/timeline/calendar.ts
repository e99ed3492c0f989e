import type { z } from 'zod';
import type { CalendarInput, CalendarOutput } from '@shared/api/timeline-schemas';
import type { HolidayCalendar } from '@shared/time/holidays';
import { loadHolidayCalendar } from '../reference/load-holidays';

/** The public holidays and 调休 working days between two dates, to shade them on the time axis. */
export function timelineCalendar(input: z.output<typeof CalendarInput>, calendar: HolidayCalendar = loadHolidayCalendar()): z.output<typeof CalendarOutput> {
  const days = calendar.specialDays(input.fromDate, input.toDate).flatMap((day) =>
    day.kind === 'holiday' || day.kind === 'makeup-workday' ? [{ date: day.date, kind: day.kind, name: day.name ?? '' }] : [],
  );
  return { days, years: [...calendar.years] };
}
