import { describe, expect, it } from 'vitest';
import { hour24, readStampLine } from '../../../../../shared/parsers/chat/whatsapp/timestamp-line';

describe('the line that starts a WhatsApp message', () => {
  it.each([
    ['[20.06.19, 15:58:47] Loris: Hi', true, ['20', '06', '19'], 15, 58, 47, null, 'Loris: Hi'],
    ['20/06/2019, 15:58 - Loris: Hi', false, ['20', '06', '2019'], 15, 58, 0, null, 'Loris: Hi'],
    ['2016-04-15, 3:04 PM - You created group', false, ['2016', '04', '15'], 15, 4, 0, 'pm', 'You created group'],
    ['[2016/04/15 15:04] Ash: yo', true, ['2016', '04', '15'], 15, 4, 0, null, 'Ash: yo'],
    ['9/24/2019 11:30 p.m. - John Doe: x', false, ['9', '24', '2019'], 23, 30, 0, 'pm', 'John Doe: x'],
    ['01/01/2019, 11:25 a. m. - John: x', false, ['01', '01', '2019'], 11, 25, 0, 'am', 'John: x'],
    ['09/10/22, 10:37 p.\u00a0m. - John: x', false, ['09', '10', '22'], 22, 37, 0, 'pm', 'John: x'],
    ['3/4/24, 12:30\u202fPM - Ben: x', false, ['3', '4', '24'], 12, 30, 0, 'pm', 'Ben: x'],
    ['3/4/24, 12:05\u202fAM - Ben: x', false, ['3', '4', '24'], 0, 5, 0, 'am', 'Ben: x'],
    ['[2024/3/5 下午8:30:15] 李四: x', true, ['2024', '3', '5'], 20, 30, 15, 'pm', '李四: x'],
    ['[2024/3/6 上午12:05:00] 李四: x', true, ['2024', '3', '6'], 0, 5, 0, 'am', '李四: x'],
    ['2022/12/24, 13:01. - John: x', false, ['2022', '12', '24'], 13, 1, 0, null, 'John: x'],
    ['[11/10/22 13:37:00 p.m.] John: x', true, ['11', '10', '22'], 13, 37, 0, 'pm', 'John: x'],
    ['\u200e[05.03.24, 21:14:03] 王五: x', true, ['05', '03', '24'], 21, 14, 3, null, '王五: x'],
  ])('%s', (line, bracketed, fields, hour, minute, second, meridiem, rest) => {
    const stamp = readStampLine(line);
    expect(stamp).not.toBeNull();
    expect(stamp).toMatchObject({ bracketed, fields, minute, second, meridiem, rest });
    if (stamp) expect(hour24(stamp)).toBe(hour);
  });

  it.each([
    ['consectetur adipiscing elit. Duis libero.'],
    ['2016-01-01 12:00:00 张三(123456)'],
    ['时间: 2024-01-01 00:01:40'],
    ['1,4110951743155789784,文本,0,wxid_x'],
    ['20240105,100.00,出'],
    ['[图片]'],
    ['123/45/6789, 10:00 - x'],
  ])('%s is not one', (line) => {
    expect(readStampLine(line)).toBeNull();
  });

  it('tells the US English clock from other 12-hour markers', () => {
    expect(readStampLine('3/4/24, 9:05 AM - A: x')?.englishMeridiem).toBe(true);
    expect(readStampLine('3/4/24, 9:05 a. m. - A: x')?.englishMeridiem).toBe(false);
    expect(readStampLine('[2024/3/5 上午9:15:02] A: x')?.englishMeridiem).toBe(false);
  });
});
