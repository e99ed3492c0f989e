import { describe, expect, it } from 'vitest';
import { excelSerialToWall, formatAtOffset, formatInZone, formatOffset, parseDateTime, toIsoWithOffset, zoneOffsetMs } from '../../../../shared/time';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number => Date.UTC(y, mo - 1, d, h, mi, s, ms);

describe('formatInZone', () => {
  it.each<[number, string, string]>([
    [utc(2024, 1, 1, 2, 30), 'Asia/Shanghai', '2024-01-01 10:30:00'],
    [utc(2023, 12, 31, 16), 'Asia/Shanghai', '2024-01-01 00:00:00'],
    [utc(2024, 3, 31, 0, 59, 59), 'Europe/Berlin', '2024-03-31 01:59:59'],
    [utc(2024, 3, 31, 1, 0, 0), 'Europe/Berlin', '2024-03-31 03:00:00'],
    [utc(2024, 10, 27, 0, 30), 'Europe/Berlin', '2024-10-27 02:30:00'],
    [utc(2024, 10, 27, 1, 30), 'Europe/Berlin', '2024-10-27 02:30:00'],
    [utc(2024, 1, 1, 2, 30), 'UTC', '2024-01-01 02:30:00'],
    [utc(2024, 1, 1, 2, 30), 'America/New_York', '2023-12-31 21:30:00'],
    [utc(1988, 7, 1, 3), 'Asia/Shanghai', '1988-07-01 12:00:00'],
  ])('%d in %s', (utcMs, zone, text) => expect(formatInZone(utcMs, zone)).toBe(text));

  it('defaults to Asia/Shanghai and can show milliseconds', () => {
    expect(formatInZone(utc(2024, 1, 1, 2, 30, 0, 7), undefined, { milliseconds: true })).toBe('2024-01-01 10:30:00.007');
  });

  it('round-trips every hour of a DST year in Berlin', () => {
    for (let t = utc(2024, 1, 1); t < utc(2025, 1, 1); t += 3_600_000) {
      const shown = formatInZone(t, 'Europe/Berlin');
      const back = parseDateTime(shown, { zone: 'Europe/Berlin', disambiguation: 'compatible' });
      const ok = back.ok && (back.utcMs === t || back.warnings.includes('ambiguous-local-time'));
      expect(ok, `${t} ${shown}`).toBe(true);
    }
  });
});

describe('offsets and ISO output', () => {
  it.each<[number, string]>([
    [480, '+08:00'],
    [0, '+00:00'],
    [-300, '-05:00'],
    [330, '+05:30'],
    [-210, '-03:30'],
  ])('%d → %s', (minutes, text) => expect(formatOffset(minutes)).toBe(text));

  it('formats at a recorded offset', () => {
    expect(formatAtOffset(utc(2024, 1, 1, 2, 30), 480)).toBe('2024-01-01 10:30:00');
    expect(toIsoWithOffset(utc(2024, 1, 1, 2, 30), 480)).toBe('2024-01-01T10:30:00+08:00');
    expect(toIsoWithOffset(utc(2024, 1, 1, 2, 30, 0, 250), -300)).toBe('2023-12-31T21:30:00.250-05:00');
  });

  it('knows zone offsets', () => {
    expect(zoneOffsetMs(utc(2024, 6, 1), 'Asia/Shanghai')).toBe(8 * 3_600_000);
    expect(zoneOffsetMs(utc(2024, 6, 1), 'Europe/Berlin')).toBe(2 * 3_600_000);
    expect(zoneOffsetMs(utc(2024, 1, 1), 'Europe/Berlin')).toBe(3_600_000);
  });
});

describe('excelSerialToWall', () => {
  it('maps the 1900 date system, phantom 29 February included', () => {
    expect(excelSerialToWall(1)).toMatchObject({ year: 1900, month: 1, day: 1 });
    expect(excelSerialToWall(59)).toMatchObject({ year: 1900, month: 2, day: 28 });
    expect(excelSerialToWall(60)).toBeNull();
    expect(excelSerialToWall(61)).toMatchObject({ year: 1900, month: 3, day: 1 });
    expect(excelSerialToWall('45366.5')).toMatchObject({ year: 2024, month: 3, day: 15, hour: 12, minute: 0 });
    expect(excelSerialToWall(2958465)).toMatchObject({ year: 9999, month: 12, day: 31 });
  });
});
