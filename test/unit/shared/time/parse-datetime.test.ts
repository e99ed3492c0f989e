import { describe, expect, it } from 'vitest';
import { formatInZone, parseDateTime, parseExcelSerial, parseSplitDateTime } from '../../../../shared/time';
import type { TimeFormatId, TimeWarning } from '../../../../shared/time';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number => Date.UTC(y, mo - 1, d, h, mi, s, ms);

describe('parseDateTime (default zone Asia/Shanghai)', () => {
  it.each<[string, number, number, boolean, TimeFormatId, TimeWarning[]]>([
    ['20240101', utc(2023, 12, 31, 16), 480, true, 'compact-date', []],
    ['20240101103000', utc(2024, 1, 1, 2, 30), 480, false, 'compact-datetime', []],
    ['20240101103000123', utc(2024, 1, 1, 2, 30, 0, 123), 480, false, 'compact-datetime', []],
    ['202401011030', utc(2024, 1, 1, 2, 30), 480, false, 'compact-datetime', []],
    ['2024-01-01 10:30:00', utc(2024, 1, 1, 2, 30), 480, false, 'separated', []],
    ['  2024-01-01 10:30:00\t', utc(2024, 1, 1, 2, 30), 480, false, 'separated', []],
    ['2024/1/5 9:05', utc(2024, 1, 5, 1, 5), 480, false, 'separated', []],
    ['2024/1/5', utc(2024, 1, 4, 16), 480, true, 'separated', []],
    ['2024.03.14 23:59:59', utc(2024, 3, 14, 15, 59, 59), 480, false, 'separated', []],
    ['2024-01-01 10:30:00.5', utc(2024, 1, 1, 2, 30, 0, 500), 480, false, 'separated', []],
    ['２０２４－０１－０１　１０：３０：００', utc(2024, 1, 1, 2, 30), 480, false, 'separated', []],
    ['2024-01-01-10.00.00.000000', utc(2024, 1, 1, 2), 480, false, 'db2', []],
    ['2024-01-01-10.00.00.123456', utc(2024, 1, 1, 2, 0, 0, 123), 480, false, 'db2', ['fraction-truncated']],
    ['2024年3月5日 10:30:00', utc(2024, 3, 5, 2, 30), 480, false, 'chinese', []],
    ['2024年03月05日', utc(2024, 3, 4, 16), 480, true, 'chinese', []],
    ['2024年3月5日10时30分15秒', utc(2024, 3, 5, 2, 30, 15), 480, false, 'chinese', []],
    ['2024-01-01T10:30:00Z', utc(2024, 1, 1, 10, 30), 0, false, 'iso-offset', []],
    ['2024-01-01T10:30:00+08:00', utc(2024, 1, 1, 2, 30), 480, false, 'iso-offset', []],
    ['2024-01-01T10:30:00.250-05:00', utc(2024, 1, 1, 15, 30, 0, 250), -300, false, 'iso-offset', []],
    ['2024-01-01 10:30:00 +0530', utc(2024, 1, 1, 5), 330, false, 'iso-offset', []],
    ['2021-03-05 10:20:30 +0800 CST', utc(2021, 3, 5, 2, 20, 30), 480, false, 'iso-offset', []],
    ['2021-03-05 10:20:30.123456789 +0800 CST', utc(2021, 3, 5, 2, 20, 30, 123), 480, false, 'iso-offset', ['fraction-truncated']],
    ['2021-03-05 10:20:30 CST', utc(2021, 3, 5, 2, 20, 30), 480, false, 'separated', ['zone-abbreviation-assumed']],
    ['2021-03-05 10:20:30 UTC', utc(2021, 3, 5, 10, 20, 30), 0, false, 'separated', []],
    ['Fri Mar 05 10:20:30 CST 2021', utc(2021, 3, 5, 2, 20, 30), 480, false, 'java-date', ['zone-abbreviation-assumed']],
    ['45366.4375', utc(2024, 3, 15, 2, 30), 480, false, 'excel-serial', ['excel-serial']],
    ['45366', utc(2024, 3, 14, 16), 480, true, 'excel-serial', ['excel-serial']],
    ['2024-02-29', utc(2024, 2, 28, 16), 480, true, 'separated', []],
    // China kept daylight saving time in 1986–1991; the zone rules know it
    ['1988-07-01 12:00:00', utc(1988, 7, 1, 3), 540, false, 'separated', []],
  ])('%j', (text, utcMs, offsetMinutes, dateOnly, format, warnings) => {
    expect(parseDateTime(text)).toEqual({
      ok: true,
      utcMs,
      offsetMinutes,
      original: text,
      dateOnly,
      zone: format === 'iso-offset' || text.endsWith('UTC') ? null : 'Asia/Shanghai',
      format,
      warnings,
    });
  });

  it.each<[string, string]>([
    ['', 'empty'],
    ['  \t', 'empty'],
    ['00000000', 'placeholder'],
    ['0000-00-00 00:00:00', 'placeholder'],
    ['000000', 'placeholder'],
    ['99991231', 'placeholder'],
    ['9999-12-31', 'placeholder'],
    ['20230229', 'bad-date'],
    ['2024-13-01', 'bad-date'],
    ['2024-04-31 10:00:00', 'bad-date'],
    ['2024-01-01 24:00:00', 'bad-time'],
    ['2024-01-01 10:60:00', 'bad-time'],
    ['20240101106000', 'bad-time'],
    ['2024-01-01T10:00:00+19:00', 'bad-offset'],
    ['yesterday', 'unrecognised'],
    ['2024-01', 'unrecognised'],
    ['1234567', 'unrecognised'],
    ['60', 'unrecognised'],
    ['103000', 'unrecognised'],
    ['240101', 'unrecognised'],
  ])('%j → %s', (text, reason) => {
    expect(parseDateTime(text)).toEqual({ ok: false, reason, original: text });
  });

  it('can switch Excel serials off', () => {
    expect(parseDateTime('45366', { excelSerial: false })).toMatchObject({ ok: false, reason: 'unrecognised' });
  });

  it('refuses an unknown zone', () => {
    expect(parseDateTime('2024-01-01 10:00:00', { zone: 'Mars/Olympus' })).toMatchObject({ ok: false, reason: 'bad-zone' });
  });
});

describe('Europe/Berlin across the DST changes', () => {
  const zone = 'Europe/Berlin';
  it.each<[string, number, number, TimeWarning[]]>([
    ['2024-03-31 01:30:00', utc(2024, 3, 31, 0, 30), 60, []],
    // 02:30 never happened that night: read with the pre-change offset, i.e. 03:30 CEST
    ['2024-03-31 02:30:00', utc(2024, 3, 31, 1, 30), 120, ['nonexistent-local-time']],
    ['2024-03-31 03:30:00', utc(2024, 3, 31, 1, 30), 120, []],
    ['2024-07-01 12:00:00', utc(2024, 7, 1, 10), 120, []],
    // 02:30 happened twice: the earlier (CEST) instant
    ['2024-10-27 02:30:00', utc(2024, 10, 27, 0, 30), 120, ['ambiguous-local-time']],
    ['2024-10-27 03:30:00', utc(2024, 10, 27, 2, 30), 60, []],
    ['2024-12-24 18:00:00', utc(2024, 12, 24, 17), 60, []],
  ])('%s', (text, utcMs, offsetMinutes, warnings) => {
    expect(parseDateTime(text, { zone })).toMatchObject({ ok: true, utcMs, offsetMinutes, zone, warnings });
  });

  it('disambiguates on request', () => {
    expect(parseDateTime('2024-10-27 02:30:00', { zone, disambiguation: 'later' })).toMatchObject({ utcMs: utc(2024, 10, 27, 1, 30), offsetMinutes: 60 });
    expect(parseDateTime('2024-03-31 02:30:00', { zone, disambiguation: 'earlier' })).toMatchObject({ utcMs: utc(2024, 3, 31, 0, 30), offsetMinutes: 60 });
    expect(parseDateTime('2024-10-27 02:30:00', { zone, disambiguation: 'reject' })).toMatchObject({ ok: false, reason: 'ambiguous-local-time' });
    expect(parseDateTime('2024-03-31 02:30:00', { zone, disambiguation: 'reject' })).toMatchObject({ ok: false, reason: 'nonexistent-local-time' });
  });
});

describe('parseSplitDateTime (查控 yyyyMMdd + HHmmss)', () => {
  it.each<[string, string, number, boolean, TimeWarning[]]>([
    ['20240101', '103000', utc(2024, 1, 1, 2, 30), false, []],
    ['20240101\t', '103000\t', utc(2024, 1, 1, 2, 30), false, []],
    ['20240101', '93015', utc(2024, 1, 1, 1, 30, 15), false, ['time-padded']],
    ['20240101', '10:30:00', utc(2024, 1, 1, 2, 30), false, []],
    ['2024-01-01', '10:30', utc(2024, 1, 1, 2, 30), false, []],
    ['20240101', '', utc(2023, 12, 31, 16), true, []],
    ['20240101', '000000', utc(2023, 12, 31, 16), true, ['time-zero-may-be-placeholder']],
    ['20240101', '00:00:00', utc(2023, 12, 31, 16), true, ['time-zero-may-be-placeholder']],
  ])('%j + %j', (date, time, utcMs, dateOnly, warnings) => {
    expect(parseSplitDateTime(date, time)).toMatchObject({ ok: true, utcMs, dateOnly, warnings, offsetMinutes: 480, format: 'split-columns' });
  });

  it.each<[string, string, string]>([
    ['00000000', '000000', 'placeholder'],
    ['00000000', '103000', 'placeholder'],
    ['', '103000', 'empty'],
    ['20240101', '250000', 'bad-time'],
    ['20240101', '1030', 'bad-time'],
    ['20240230', '103000', 'bad-date'],
    ['20240101103000', '103000', 'unrecognised'],
  ])('%j + %j → %s', (date, time, reason) => {
    expect(parseSplitDateTime(date, time)).toMatchObject({ ok: false, reason });
  });
});

describe('parseExcelSerial', () => {
  it.each<[number, string, boolean]>([
    [45366.4375, '2024-03-15 10:30:00', false],
    [45366, '2024-03-15 00:00:00', true],
    [25569, '1970-01-01 00:00:00', true],
    [1, '1900-01-01 00:00:00', true],
    [59, '1900-02-28 00:00:00', true],
    [61, '1900-03-01 00:00:00', true],
    [45366.99999999, '2024-03-15 23:59:59', false],
  ])('%d → %s', (serial, wall, dateOnly) => {
    const result = parseExcelSerial(serial);
    expect(result).toMatchObject({ ok: true, dateOnly, format: 'excel-serial' });
    // Read back on the same zone's wall clock (before 1901 Shanghai ran on local mean time, +08:05:43).
    expect(result.ok && formatInZone(result.utcMs, 'Asia/Shanghai')).toBe(wall);
  });

  it('reads a serial as wall time in the chosen zone', () => {
    expect(parseExcelSerial(45366.4375, { zone: 'Europe/Berlin' })).toMatchObject({ utcMs: utc(2024, 3, 15, 9, 30), offsetMinutes: 60 });
  });

  it.each<[number, string]>([
    [60, 'excel-1900-02-29'],
    [0, 'bad-date'],
    [-5, 'bad-date'],
    [Number.NaN, 'bad-date'],
    [3_000_000, 'bad-date'],
  ])('%d → %s', (serial, reason) => expect(parseExcelSerial(serial)).toMatchObject({ ok: false, reason }));
});
