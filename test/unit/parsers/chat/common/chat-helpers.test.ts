import { describe, expect, it } from 'vitest';
import { BoundedLines, MAX_MESSAGE_CHARS, capText, messageTypeOfFile, statedAmountMinor, tooLongRow, unixInstant, unixMs, wallInstant } from '../../../../../shared/parsers/chat/common/index';

describe('chat text limits', () => {
  it('cuts at 1,000,000 characters and says from how many', () => {
    expect(capText('abc')).toEqual({ text: 'abc', cutFrom: null });
    const cut = capText('y'.repeat(MAX_MESSAGE_CHARS + 5));
    expect(cut.text).toHaveLength(MAX_MESSAGE_CHARS);
    expect(cut.cutFrom).toBe(MAX_MESSAGE_CHARS + 5);
    expect(tooLongRow('', 7, 'WhatsApp', 1_000_005)).toEqual({
      type: 'error',
      sheet: '',
      line: 7,
      code: 'TOO_LONG',
      message: 'WhatsApp: the message has 1,000,005 characters; the first 1,000,000 were kept',
    });
  });

  it('collects message lines, drops trailing blank lines, stops keeping past the cap but keeps counting', () => {
    const lines = new BoundedLines();
    for (const line of ['a', '', 'b', '', '']) lines.push(line);
    expect(lines.lines()).toEqual(['a', '', 'b']);
    expect(lines.dropped).toBe(false);
    const big = new BoundedLines();
    for (let i = 0; i < 5; i++) big.push('z'.repeat(400_000));
    expect(big.lines()).toHaveLength(3);
    expect(big.dropped).toBe(true);
    expect(big.totalChars).toBe(5 * 400_000 + 4);
  });
});

describe('attachment kinds by file name', () => {
  it.each([
    ['IMG-20240101-WA0001.jpg', 'image'],
    ['00000001-PHOTO-2019-06-20-16-00-15.JPEG', 'image'],
    ['STK-20240101-WA0002.webp', 'sticker'],
    ['VID-20240101-WA0003.mp4', 'video'],
    ['PTT-20240101-WA0004.opus', 'voice'],
    ['1714529220.silk', 'voice'],
    ['张三.vcf', 'contact'],
    ['合同.pdf', 'file'],
    ['archive.zip', 'file'],
  ])('%s → %s', (name, kind) => {
    expect(messageTypeOfFile(name)).toBe(kind);
  });
});

describe('stated transfer amounts', () => {
  it.each([
    ['[转账]¥1000.00 定金', 100000],
    ['[转账]￥2,000.00 佣金', 200000],
    ['收到转账500.00元。如需收钱，请点此升级至最新版本', 50000],
    ['转你100块', 10000],
    ['[转账]已收款', undefined],
    ['[红包]恭喜发财，大吉大利', undefined],
    ['转账 2 笔', undefined],
  ])('%s → %s', (text, minor) => {
    expect(statedAmountMinor(text)).toBe(minor);
  });
});

describe('chat times', () => {
  it('reads wall fields in the zone, refusing impossible dates', () => {
    expect(wallInstant({ year: 2024, month: 3, day: 5, hour: 9, minute: 16, second: 10 }, 'x', 'Asia/Shanghai')).toEqual({
      ok: true,
      instant: { utcMs: Date.UTC(2024, 2, 5, 1, 16, 10), original: 'x', offsetMinutes: 480 },
    });
    expect(wallInstant({ year: 2024, month: 2, day: 30, hour: 9, minute: 0, second: 0 }, 'x', 'Asia/Shanghai')).toEqual({ ok: false, reason: '2024-2-30 is not a calendar date' });
  });

  it('Unix seconds and milliseconds are instants; the offset is the zone offset at that instant', () => {
    expect(unixMs('1714528800')).toBe(1_714_528_800_000);
    expect(unixMs('1714528800123')).toBe(1_714_528_800_123);
    expect(unixMs('2024-05-01')).toBeNull();
    expect(unixInstant(1_714_528_800_000, '1714528800', 'Asia/Shanghai')).toEqual({ utcMs: 1_714_528_800_000, original: '1714528800', offsetMinutes: 480 });
    expect(unixInstant(Date.UTC(2024, 6, 1), 'n', 'Europe/Berlin').offsetMinutes).toBe(120);
  });
});
