import { describe, expect, it } from 'vitest';
import data from '../../../../resources/reference/cn-holidays.json';
import { civilDayNumber, createHolidayCalendar, isoWeekday, parseHolidayCalendar, type HolidayCalendarData } from '../../../../shared/time/holidays';

const parsed = parseHolidayCalendar(data);
if (!parsed.ok) throw new Error(`shipped calendar invalid: ${parsed.problems.join('; ')}`);
const calendar = parsed.calendar;
const shipped = parsed.data;

const WEEKDAY_CHARS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7 };

describe('the shipped holiday calendar', () => {
  it('covers 2019 to 2026, one notice title per year at least', () => {
    expect(calendar.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const year of shipped.years) expect(year.notices[0]?.title).toContain(`关于${year.year}年部分节假日安排的通知`);
  });

  it('agrees with the weekday every notice names: 「2月4日（星期日）」, 「4月4日（周五）」', () => {
    let checked = 0;
    for (const year of shipped.years) {
      for (const a of year.arrangements) {
        // every 「M月D日（星期X / 周X」 in the text; a date without a month takes the month before it
        let month = 0;
        for (const match of a.text.matchAll(/(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日（(?:[^）]*?、)?(?:星期|周)([一二三四五六日])/g)) {
          month = match[2] ? Number(match[2]) : month;
          const yearOf = match[1] ? Number(match[1]) : month === 12 && a.from.startsWith(String(year.year - 1)) ? year.year - 1 : year.year;
          const n = civilDayNumber({ year: yearOf, month, day: Number(match[3]) });
          expect(n, `${a.text}`).not.toBeNull();
          expect(isoWeekday(n ?? 0), `${match[0]} in ${year.year} ${a.name}`).toBe(WEEKDAY_CHARS[match[4] ?? '']);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('makes every 「共N天」 break exactly N days long', () => {
    for (const year of shipped.years) {
      for (const a of year.arrangements) {
        const days = /共(\d+)天/.exec(a.text);
        if (!days) continue;
        const length = (civilDayNumber(a.to) ?? 0) - (civilDayNumber(a.from) ?? 0) + 1;
        expect(length, `${year.year} ${a.name}`).toBe(Number(days[1]));
      }
    }
  });

  it('knows the days investigators ask about', () => {
    expect(calendar.classify('2024-02-10')).toMatchObject({ kind: 'holiday', festival: 'spring-festival', name: '春节', weekday: 6 });
    expect(calendar.classify('2024-02-17')).toMatchObject({ kind: 'holiday', festival: 'spring-festival' });
    expect(calendar.classify('2024-02-09')).toMatchObject({ kind: 'workday', festival: null }); // 除夕 was only "encouraged" off in 2024
    expect(calendar.classify('2024-02-04')).toMatchObject({ kind: 'makeup-workday', festival: 'spring-festival', weekday: 7 });
    expect(calendar.classify('2024-02-18')).toMatchObject({ kind: 'makeup-workday', weekday: 7 });
    expect(calendar.classify('2025-10-01')).toMatchObject({ kind: 'holiday', festival: 'national-day', name: '国庆节、中秋节' });
    expect(calendar.classify('2025-10-08')).toMatchObject({ kind: 'holiday' });
    expect(calendar.classify('2025-10-11')).toMatchObject({ kind: 'makeup-workday', weekday: 6 });
    expect(calendar.classify('2025-01-28')).toMatchObject({ kind: 'holiday', festival: 'spring-festival' }); // 除夕 is statutory from 2025
    expect(calendar.classify('2026-02-23')).toMatchObject({ kind: 'holiday', festival: 'spring-festival' });
    expect(calendar.classify('2026-01-04')).toMatchObject({ kind: 'makeup-workday', festival: 'new-year' });
    // 与周末连休: the weekend before 2024's 端午 Monday is part of the break
    expect(calendar.classify('2024-06-08')).toMatchObject({ kind: 'holiday', festival: 'dragon-boat' });
    // 2023's New Year break began in 2022
    expect(calendar.classify('2022-12-31')).toMatchObject({ kind: 'holiday', festival: 'new-year', notice: { document: '国办发明电〔2022〕16号' } });
  });

  it('tells an ordinary weekend from an ordinary workday', () => {
    expect(calendar.classify('2024-03-09')).toMatchObject({ kind: 'weekend', weekday: 6, covered: true });
    expect(calendar.classify('2024-03-11')).toMatchObject({ kind: 'workday', weekday: 1, covered: true });
    expect(calendar.classify({ year: 2024, month: 3, day: 10 })).toMatchObject({ kind: 'weekend', weekday: 7 });
  });

  it('applies the later notice of a year: the 2019 Labour Day adjustment and the 2020 Spring Festival extension', () => {
    expect(calendar.classify('2019-05-03')).toMatchObject({ kind: 'holiday', festival: 'labour-day', notice: { document: '国办发明电〔2019〕3号' } });
    expect(calendar.classify('2019-05-05')).toMatchObject({ kind: 'makeup-workday' });
    // 2 February 2020 was a Sunday off by the extension; 1 February had been a 调休 working day
    expect(calendar.classify('2020-02-01')).toMatchObject({ kind: 'holiday', notice: { document: '国办发明电〔2020〕1号' } });
    expect(calendar.classify('2020-01-31')).toMatchObject({ kind: 'holiday' });
    expect(calendar.classify('2020-02-03')).toMatchObject({ kind: 'workday' });
    expect(calendar.classify('2020-01-19')).toMatchObject({ kind: 'makeup-workday' });
  });

  it('says so when a year has no notice, and still knows the weekend', () => {
    expect(calendar.classify('2018-10-01')).toMatchObject({ kind: 'workday', covered: false });
    expect(calendar.classify('2027-01-02')).toMatchObject({ kind: 'weekend', covered: false });
    expect(() => calendar.classify('2024-02-30')).toThrow(RangeError);
  });

  it('lists the special days of a period in date order', () => {
    const days = calendar.specialDays('2024-09-01', '2024-10-31');
    expect(days.map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2024-09-14 makeup-workday',
      '2024-09-15 holiday',
      '2024-09-16 holiday',
      '2024-09-17 holiday',
      '2024-09-29 makeup-workday',
      ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2024-10-${d} holiday`),
      '2024-10-12 makeup-workday',
    ]);
  });
});

describe('a calendar file with mistakes', () => {
  const base = (): HolidayCalendarData => JSON.parse(JSON.stringify(shipped)) as HolidayCalendarData;

  it('is refused when a 调休 working day falls on a weekday', () => {
    const broken = base();
    broken.years[0]?.arrangements[0]?.workdays.push('2019-01-02');
    const result = parseHolidayCalendar(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(/2019-01-02 is not a weekend day/);
  });

  it('is refused for an impossible date, a reversed break or a missing notice', () => {
    const broken = base();
    const a = broken.years[1]?.arrangements[0];
    if (!a) throw new Error('fixture');
    a.from = '2020-02-30';
    const b = broken.years[2]?.arrangements[1];
    if (!b) throw new Error('fixture');
    [b.from, b.to] = [b.to, b.from];
    const c = broken.years[3]?.arrangements[2];
    if (!c) throw new Error('fixture');
    c.notice = 5;
    const result = parseHolidayCalendar(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.some((p) => p.includes('not a real date'))).toBe(true);
      expect(result.problems.some((p) => p.includes('from is after to'))).toBe(true);
      expect(result.problems.some((p) => p.includes('notice 5 does not exist'))).toBe(true);
    }
  });

  it('is refused when its shape is wrong', () => {
    expect(parseHolidayCalendar({ format: 2, years: [] }).ok).toBe(false);
  });

  it('lets a later notice override an earlier one whatever order the arrangements are listed in', () => {
    const data2: HolidayCalendarData = {
      title: 't',
      source: 's',
      format: 1,
      years: [
        {
          year: 2030,
          notices: [
            { title: 'first', document: null, date: '2029-11-01' },
            { title: 'second', document: null, date: '2030-03-01' },
          ],
          arrangements: [
            { notice: 1, festival: 'labour-day', name: '劳动节', from: '2030-05-01', to: '2030-05-05', workdays: [], text: 'x' },
            { notice: 0, festival: 'labour-day', name: '劳动节', from: '2030-05-01', to: '2030-05-01', workdays: ['2030-05-04'], text: 'y' },
          ],
        },
      ],
    };
    expect(createHolidayCalendar(data2).classify('2030-05-04')).toMatchObject({ kind: 'holiday', notice: { title: 'second' } });
  });
});
