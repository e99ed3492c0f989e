import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { whatsappText } from '../../../../../shared/parsers/chat/whatsapp/format';
import { BUILT_IN_FORMATS, detectFormats } from '../../../../../shared/parsers/registry';
import type { MessageDraft, SourceRecord } from '../../../../../shared/parsers/types';
import { CHAT_FIXTURES, chatContext, chatDetectInput, readChatFile, runChat, shanghaiMs, textLines } from '../../../../support/chat-records';
import type { ChatRun } from '../../../../support/chat-records';

/** Hand-written exports in layouts the corpus lacks: Chinese iOS, US Android with U+202F, an extracted `_chat.txt`. */

const DIR = join(CHAT_FIXTURES, 'whatsapp');

async function importFixture(relative: string, timeZone = 'Asia/Shanghai'): Promise<ChatRun> {
  const file = readChatFile(join(DIR, relative), CHAT_FIXTURES);
  const [top] = detectFormats(chatDetectInput(file), BUILT_IN_FORMATS);
  expect(top?.format.id).toBe('whatsapp.txt');
  return runChat(whatsappText, textLines(file.text), chatContext(file, timeZone));
}

function at(run: ChatRun, line: number): MessageDraft {
  const message = run.messages.find((m) => m.line === line);
  if (message === undefined) throw new Error(`no message at line ${line}`);
  return message;
}

describe('WhatsApp iOS export in Chinese (与李四的WhatsApp聊天.txt)', () => {
  it('reads 上午/下午 times, the title from the file name, phone senders with their +86 number', async () => {
    const run = await importFixture('与李四的WhatsApp聊天.txt');
    expect(run.errors).toEqual([]);
    expect(run.warnings).toEqual([]);
    expect(run.messages).toHaveLength(6);
    expect(run.messages[0]?.conversation).toEqual({ platform: 'whatsapp', key: '李四', title: '李四', kind: 'private' });
    expect(at(run, 2).time).toEqual({ utcMs: shanghaiMs('2024-03-05 09:16:10'), original: '2024/3/5 上午9:16:10', offsetMinutes: 480 });
    expect(at(run, 5).time.utcMs).toBe(shanghaiMs('2024-03-05 20:30:15'));
    expect(at(run, 8).time.utcMs).toBe(shanghaiMs('2024-03-06 00:05:00'));
    expect(at(run, 3).sender).toEqual({ platform: 'whatsapp', id: '+8613800138000', name: '+86 138 0013 8000' });
    expect(at(run, 5)).toMatchObject({ text: '转了¥5000，你查一下\n还有一笔明天转', messageType: 'text' });
    expect((at(run, 5).raw.line ?? '').split('\n')).toHaveLength(2);
  });

  it('reads <附件：…> markers as attachments typed by extension and 此消息已删除 as recalled', async () => {
    const run = await importFixture('与李四的WhatsApp聊天.txt');
    expect(at(run, 4)).toMatchObject({ messageType: 'image', text: '', attachments: [{ name: '00000012-PHOTO-2024-03-05-12-03-00.jpg', kind: 'image' }] });
    expect(at(run, 8)).toMatchObject({ messageType: 'voice', attachments: [{ name: '00000013-AUDIO-2024-03-06-00-05-00.opus', kind: 'voice' }] });
    expect(at(run, 7)).toMatchObject({ messageType: 'recalled', text: '此消息已删除', sender: { name: '李四' } });
  });

  it('states the mainland number as an identifier in the form bank and payment returns use', async () => {
    const run = await importFixture('与李四的WhatsApp聊天.txt');
    expect(run.identifiers).toEqual([
      expect.objectContaining({ type: 'identifier', identifierType: 'phone', value: '13800138000', role: 'contact', line: 3, observedAt: at(run, 3).time }),
    ]);
  });

  it('reads wall times in the case zone chosen for the import', async () => {
    const run = await importFixture('与李四的WhatsApp聊天.txt', 'Europe/Berlin');
    // 5 March 2024 is winter time in Berlin: UTC+1
    expect(at(run, 2).time).toEqual({ utcMs: Date.UTC(2024, 2, 5, 8, 16, 10), original: '2024/3/5 上午9:16:10', offsetMinutes: 60 });
  });
});

describe('WhatsApp Android export, US English (WhatsApp Chat with Hotel Group.txt, CRLF)', () => {
  it('assumes month-first from the English AM/PM clock when no day is above 12, and warns', async () => {
    const run = await importFixture('WhatsApp Chat with Hotel Group.txt');
    expect(run.errors).toEqual([]);
    expect(run.warnings.map((w) => w.code)).toEqual(['DATE_ORDER_ASSUMED']);
    expect(run.warnings[0]?.message).toMatch(/month-first \(MM\/DD\/YY\).*AM\/PM/);
    expect(at(run, 8).time).toEqual({ utcMs: shanghaiMs('2024-03-05 01:00'), original: '3/5/24, 1:00\u202fAM', offsetMinutes: 480 });
    expect(at(run, 5).time.utcMs).toBe(shanghaiMs('2024-03-04 12:30'));
  });

  it('a group: system lines without sender, the created-group line, the file-attached caption, omitted and deleted media', async () => {
    const run = await importFixture('WhatsApp Chat with Hotel Group.txt');
    // ten lines: the banner is no message and line 6 continues line 5
    expect(run.messages).toHaveLength(8);
    expect(run.messages[0]?.conversation).toEqual({ platform: 'whatsapp', key: 'Hotel Group', title: 'Hotel Group', kind: 'group' });
    expect(run.messages.filter((m) => m.sender === null).map((m) => m.text)).toEqual(['Anna created group "Hotel Group"', 'Anna added +1 415 555 0100']);
    expect(at(run, 5)).toMatchObject({
      sender: { platform: 'whatsapp', id: '+14155550100', name: '+1 415 555 0100' },
      messageType: 'image',
      text: 'the receipt',
      attachments: [{ name: 'IMG-20240304-WA0003.jpg', kind: 'image' }],
    });
    expect(at(run, 7)).toMatchObject({ messageType: 'other', text: '<Media omitted>', attachments: [] });
    expect(at(run, 8).messageType).toBe('recalled');
    expect(at(run, 9).messageType).toBe('location');
    expect(at(run, 10).messageType).toBe('call');
    expect(run.identifiers.map((i) => i.value)).toEqual(['+14155550100']);
  });
});

describe('an extracted "Attach media" export (WhatsApp Chat - 王五/_chat.txt)', () => {
  it('takes the title from the folder, reports the stray line and the impossible date, keeps the rest', async () => {
    const run = await importFixture('WhatsApp Chat - 王五/_chat.txt');
    expect(run.messages.map((m) => [m.line, m.sender?.name, m.text])).toEqual([
      [2, '王五', '今晚十点，老地方'],
      [5, '赵六', '收到'],
    ]);
    expect(run.messages[0]?.conversation.title).toBe('王五');
    expect(run.errors.map((e) => [e.sheet, e.line, e.code])).toEqual([
      ['', 1, 'BAD_ROW'],
      ['', 3, 'BAD_TIME'],
    ]);
    expect(run.errors[0]?.message).toMatch(/starts with no date and time and follows no message/);
    expect(run.errors[1]?.message).toMatch(/'31\.02\.24, 21:15:00' cannot be read day-first \(2024-2-31 is not a calendar date\)/);
    // 31 proves day-first: no warning about the order
    expect(run.warnings).toEqual([]);
    expect(at(run, 5).time.utcMs).toBe(shanghaiMs('2024-03-06 08:00'));
  });
});

describe('WhatsApp mapper edge cases', () => {
  const context = { fileName: 'WhatsApp Chat with A.txt', relPath: 'x/WhatsApp Chat with A.txt', timeZone: 'Asia/Shanghai' };

  it('without a survey pass the first date decides and the investigator is told', async () => {
    const records = textLines('[01.02.24, 10:00:00] A: one\n[13.02.24, 10:00:00] A: two\n');
    const out: unknown[] = [];
    for await (const item of whatsappText.mapRows(
      (async function* (): AsyncIterable<SourceRecord> {
        for (const r of records) yield await Promise.resolve(r);
      })(),
      context,
    ))
      out.push(item);
    expect(out[0]).toMatchObject({ type: 'warning', code: 'DATE_ORDER_ASSUMED' });
    expect((out[0] as { message: string }).message).toMatch(/without a first pass/);
    expect(out.filter((o) => (o as { type: string }).type === 'message')).toHaveLength(2);
  });

  it('a file mixing day-first and month-first dates is read the way most dates allow; the others are reported', async () => {
    const text = ['[13/01/24, 10:00] A: a', '[14/01/24, 10:00] A: b', '[01/15/24, 10:00] A: c', ''].join('\n');
    const run = await runChat(whatsappText, textLines(text), context);
    expect(run.warnings.map((w) => w.code)).toEqual(['DATE_ORDER_CONFLICT']);
    expect(run.warnings[0]?.message).toMatch(/line 1 is day-first, line 3 month-first/);
    expect(run.messages.map((m) => m.text)).toEqual(['a', 'b']);
    expect(run.errors.map((e) => [e.line, e.code])).toEqual([[3, 'BAD_TIME']]);
  });

  it('a message over 1,000,000 characters is cut and the cut is reported', async () => {
    const long = 'x'.repeat(600_000);
    const text = `[13/01/24, 10:00] A: start\n${long}\n${long}\n${long}\n[13/01/24, 10:01] B: next\n`;
    const run = await runChat(whatsappText, textLines(text), context);
    expect(run.messages).toHaveLength(2);
    expect(run.messages[0]?.text).toHaveLength(1_000_000);
    expect(run.errors.map((e) => [e.line, e.code])).toEqual([[1, 'TOO_LONG']]);
    expect(run.errors[0]?.message).toBe('WhatsApp: the message has 1,800,008 characters; the first 1,000,000 were kept');
    expect(run.messages[1]?.text).toBe('next');
  });
});
