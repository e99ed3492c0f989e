import { describe, expect, it } from 'vitest';
import { formatOffset, formatUtcMs, startOfDayUtc } from '../../../../renderer/src/features/chats/zoned-time';

describe('startOfDayUtc', () => {
  it('is midnight on the zone’s wall clock', () => {
    expect(startOfDayUtc('2024-03-01', 'Asia/Shanghai')).toBe(Date.UTC(2024, 1, 29, 16, 0, 0));
    expect(startOfDayUtc('2024-03-01', 'UTC')).toBe(Date.UTC(2024, 2, 1));
    expect(startOfDayUtc('2024-07-01', 'Europe/London')).toBe(Date.UTC(2024, 5, 30, 23, 0, 0));
  });

  it('uses the offset in force that day across a daylight-saving change', () => {
    // New York: EST (−5) on 10 March 2024 at midnight, EDT (−4) from 02:00
    expect(startOfDayUtc('2024-03-10', 'America/New_York')).toBe(Date.UTC(2024, 2, 10, 5, 0, 0));
    expect(startOfDayUtc('2024-03-11', 'America/New_York')).toBe(Date.UTC(2024, 2, 11, 4, 0, 0));
  });

  it('refuses what is not a date', () => {
    expect(startOfDayUtc('2024-3-1', 'Asia/Shanghai')).toBeNull();
    expect(startOfDayUtc('', 'Asia/Shanghai')).toBeNull();
  });
});

describe('formatting', () => {
  it('shows instants in the display zone and offsets as UTC±hh:mm', () => {
    expect(formatUtcMs(Date.UTC(2023, 4, 1, 2, 0, 0), 'Asia/Shanghai')).toBe('2023-05-01 10:00:00');
    expect(formatUtcMs(1e20, 'Asia/Shanghai')).toBe('100000000000000000000');
    expect(formatOffset(480)).toBe('UTC+08:00');
    expect(formatOffset(-210)).toBe('UTC-03:30');
    expect(formatOffset(0)).toBe('UTC+00:00');
  });
});
