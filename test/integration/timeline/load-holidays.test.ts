import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultHolidaysPath, loadHolidayCalendar } from '../../../electron/core/reference/load-holidays';
import { useTempDirs } from '../../support/temp-dir';

describe('the holiday calendar loader', () => {
  const tempDir = useTempDirs();

  it('reads the shipped calendar from resources/reference', () => {
    expect(defaultHolidaysPath()).toMatch(/resources[\\/]reference[\\/]cn-holidays\.json$/);
    const calendar = loadHolidayCalendar();
    expect(calendar.classify('2024-02-10').kind).toBe('holiday');
    expect(loadHolidayCalendar()).toBe(calendar);
  });

  it('refuses a calendar whose 调休 working day is a weekday, naming it', () => {
    const data = JSON.parse(readFileSync(defaultHolidaysPath(), 'utf8')) as { years: { arrangements: { workdays: string[] }[] }[] };
    data.years[5]?.arrangements[1]?.workdays.push('2024-02-05');
    const file = join(tempDir(), 'broken.json');
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadHolidayCalendar(file)).toThrow(/2024-02-05 is not a weekend day/);
  });
});
