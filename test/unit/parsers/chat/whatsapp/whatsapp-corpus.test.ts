import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { whatsappText, whatsappZip } from '../../../../../shared/parsers/chat/whatsapp/format';
import { BUILT_IN_FORMATS, detectFormats } from '../../../../../shared/parsers/registry';
import type { MessageDraft } from '../../../../../shared/parsers/types';
import { chatContext, chatDetectInput, readChatFile, readChatZip, runChat, shanghaiMs, textLines } from '../../../../support/chat-records';
import type { ChatRun } from '../../../../support/chat-records';
import { CORPUS_DIR } from '../../../../support/parser-records';

/**
 * Every WhatsApp export of the shared corpus (PROVENANCE.md: chat-miner, whatstk, whatsapp-chat-parser-website),
 * read with the case zone Asia/Shanghai. Counts, first and last senders and the times were read off the files by
 * eye: a message is a timestamped line (continuation lines belong to it) except the end-to-end encryption banner.
 */

const DIR = join(CORPUS_DIR, 'chat-whatsapp');

async function importText(relative: string): Promise<ChatRun> {
  const file = readChatFile(join(DIR, relative), CORPUS_DIR);
  const [top] = detectFormats(chatDetectInput(file), BUILT_IN_FORMATS);
  expect(top?.format.id).toBe('whatsapp.txt');
  return runChat(whatsappText, textLines(file.text), chatContext(file));
}

function at(run: ChatRun, line: number): MessageDraft {
  const message = run.messages.find((m) => m.line === line);
  if (message === undefined) throw new Error(`no message at line ${line}`);
  return message;
}

interface Case {
  file: string;
  messages: number;
  system: number;
  first: string | null;
  last: string | null;
  /** a message's line and its wall time in Shanghai as the file states it */
  time: [number, string];
  order: 'dmy' | 'mdy' | 'ymd';
  /** the investigator is told the order was assumed */
  assumed?: boolean;
  title: string;
}

const CASES: Case[] = [
  { file: 'chat-miner/test_[mmddyy]_24hrs.txt', messages: 9, system: 2, first: 'John Doe', last: 'John Doe', time: [3, '2019-01-30 20:49'], order: 'mdy', title: 'Groupname' },
  { file: 'chat-miner/test_dateformat2.txt', messages: 4, system: 0, first: 'John Doe', last: 'Jahn Doe', time: [1, '2019-09-24 23:30'], order: 'mdy', title: 'test_dateformat2' },
  { file: 'chat-miner/test_dateformat4.txt', messages: 4, system: 0, first: 'John Doe', last: 'Jahn Doe', time: [3, '2022-10-11 13:37'], order: 'dmy', assumed: true, title: 'test_dateformat4' },
  { file: 'chat-miner/test_dateformat5.txt', messages: 4, system: 0, first: 'John Doe', last: 'Jahn Doe', time: [2, '2021-10-22 15:21:46'], order: 'mdy', title: 'test_dateformat5' },
  { file: 'chat-miner/test_dateformat6.txt', messages: 4, system: 0, first: 'John Doe', last: 'Jahn Doe', time: [4, '2021-10-23 15:21:47'], order: 'dmy', title: 'test_dateformat6' },
  { file: 'chat-miner/test_ddmmyy_24hrs.txt', messages: 9, system: 2, first: 'John Doe', last: 'John Doe', time: [6, '2020-06-20 00:08'], order: 'dmy', title: 'Groupname' },
  { file: 'chat-miner/test_mmddyy_24hrs.txt', messages: 9, system: 2, first: 'John Doe', last: 'John Doe', time: [6, '2020-06-20 00:08'], order: 'mdy', title: 'Groupname' },
  { file: 'chat-miner/test_mmddyyyy_12hrs.txt', messages: 9, system: 2, first: 'John Doe', last: 'John Doe', time: [3, '2019-01-30 20:49'], order: 'mdy', title: 'Groupname' },
  { file: 'chat-miner/test_unicode.txt', messages: 3, system: 0, first: 'John Doe', last: '🤓', time: [1, '2022-10-09 22:37'], order: 'dmy', assumed: true, title: 'test_unicode' },
  { file: 'chat-miner/test_yyyymmdd_24hrs.txt', messages: 9, system: 2, first: 'John Doe', last: 'John Doe', time: [10, '2021-12-30 22:01'], order: 'ymd', title: 'Groupname' },
  { file: 'chat-miner/testlog.txt', messages: 22, system: 2, first: 'John Doe', last: '🤓', time: [18, '2022-09-10 22:37'], order: 'mdy', title: 'Groupname' },
  { file: 'whatstk/example-12h-iso.txt', messages: 19, system: 1, first: null, last: 'Wobbuffet', time: [9, '2016-08-07 23:45'], order: 'ymd', title: 'Sample Group' },
  { file: 'whatstk/example-bracket-ymd.txt', messages: 19, system: 1, first: null, last: 'Wobbuffet', time: [20, '2016-10-31 12:23'], order: 'ymd', title: 'Sample Group' },
  { file: 'whatstk/lorem-merge-part1.txt', messages: 300, system: 0, first: 'John', last: 'Giuseppe', time: [300, '2020-01-10 00:00'], order: 'ymd', title: 'lorem-merge-part1' },
  { file: 'whatstk/lorem.txt', messages: 500, system: 0, first: 'Mary', last: 'Mary', time: [1, '2020-01-15 02:22:56'], order: 'dmy', title: 'lorem' },
  { file: 'whatstk/pokemon.txt', messages: 18, system: 0, first: 'Ash Ketchum', last: 'Wobbuffet', time: [20, '2016-10-31 12:23'], order: 'dmy', title: 'Pokemon Chat' },
  { file: 'whatstk/samplechat_dash_12h_seconds.txt', messages: 19, system: 1, first: null, last: 'Wobbuffet', time: [12, '2016-08-07 23:25:10'], order: 'dmy', title: 'Sample Group' },
  { file: 'whatstk/samplechat_dot_seconds.txt', messages: 19, system: 1, first: null, last: 'Wobbuffet', time: [11, '2016-08-07 19:30:10'], order: 'dmy', title: 'Sample Group' },
];

describe.skipIf(!existsSync(DIR))('corpus: WhatsApp text exports (whatsapp.txt)', () => {
  for (const c of CASES) {
    it(`${c.file}: ${c.messages} messages, read ${c.order}${c.assumed ? ' (assumed, warned)' : ''}`, async () => {
      const run = await importText(c.file);
      expect(run.errors).toEqual([]);
      expect(run.messages).toHaveLength(c.messages);
      expect(run.messages.filter((m) => m.messageType === 'system' && m.sender === null)).toHaveLength(c.system);
      expect(run.messages[0]?.sender?.name ?? null).toBe(c.first);
      expect(run.messages[run.messages.length - 1]?.sender?.name ?? null).toBe(c.last);
      const [line, wall] = c.time;
      expect(at(run, line).time.utcMs).toBe(shanghaiMs(wall));
      expect(at(run, line).time.offsetMinutes).toBe(480);
      if (c.order !== 'ymd') expect(run.hints.order).toBe(c.order);
      expect(run.warnings.map((w) => w.code)).toEqual(c.assumed ? ['DATE_ORDER_ASSUMED'] : []);
      expect(run.messages.every((m) => m.conversation.title === c.title && m.conversation.key === c.title && m.conversation.platform === 'whatsapp')).toBe(true);
      // provenance: the raw text starts with the line as written
      expect(at(run, line).raw.line).toMatch(/^\[?\d/);
    });
  }

  it('multi-line messages keep their continuation lines; blank lines between messages are not text', async () => {
    const run = await importText('chat-miner/testlog.txt');
    expect(at(run, 5)).toMatchObject({
      sender: { name: 'Jahn Doe', id: '' },
      text: 'Lorem ipsum dolor sit amet,\nconsectetur adipiscing elit.\nPellentesque non tincidunt erat.\nNullam suscipit diam dolor, non pretium leo semper eu.\nAliquam pellentesque facilisis nunc eu rhoncus.\nCras scelerisque neque.',
    });
    expect((at(run, 5).raw.line ?? '').split('\n')).toHaveLength(6);
    const six = await importText('chat-miner/test_dateformat6.txt');
    expect(at(six, 2).text).toBe('Lorem ipsum dolor sit amet.');
    expect(at(six, 4).text).toBe('Lorem ipsum : dolor sit amet.');
  });

  it('system lines have no sender; a phone-number sender gets its digits as id and is reported as an identifier', async () => {
    const run = await importText('chat-miner/testlog.txt');
    expect(at(run, 12)).toMatchObject({ sender: null, messageType: 'system', text: '+12 345 578 created group "Groupname"' });
    expect(at(run, 13)).toMatchObject({ sender: null, messageType: 'system', text: 'You were added' });
    expect(at(run, 14).sender).toEqual({ platform: 'whatsapp', id: '+12345578', name: '+12 345 578' });
    expect(run.identifiers).toEqual([expect.objectContaining({ identifierType: 'phone', value: '+12345578', role: 'contact', line: 14, account: null })]);
    expect(run.messages[0]?.conversation.kind).toBe('group');
    // the encryption banner on line 11 is not a message
    expect(run.messages.find((m) => m.line === 11)).toBeUndefined();
  });

  it("an empty message 'John Doe:.' is John Doe's, as he writes elsewhere in the file", async () => {
    const run = await importText('chat-miner/test_ddmmyy_24hrs.txt');
    expect(at(run, 2)).toMatchObject({ sender: { name: 'John Doe' }, text: '.', messageType: 'text' });
  });

  it('12-hour clocks: 00:08 a. m. is just past midnight, 13:37 p.m. is 13:37, NBSP inside p. m.', async () => {
    const spanish = await importText('chat-miner/test_mmddyyyy_12hrs.txt');
    expect(at(spanish, 6).time).toEqual({ utcMs: shanghaiMs('2020-06-20 00:08'), original: '06/20/2020, 00:08 a. m.', offsetMinutes: 480 });
    expect(at(spanish, 9).time.utcMs).toBe(shanghaiMs('2021-12-20 12:10'));
    const odd = await importText('chat-miner/test_dateformat4.txt');
    expect(at(odd, 1).time.utcMs).toBe(shanghaiMs('2022-10-09 23:37'));
    expect(at(odd, 2).time.utcMs).toBe(shanghaiMs('2022-10-10 12:37'));
    const unicode = await importText('chat-miner/test_unicode.txt');
    expect(unicode.messages.map((m) => m.sender?.name)).toEqual(['John Doe', 'John Doe 🤓', '🤓']);
  });

  it('the order is assumed only when no date decides it, and the warning says so', async () => {
    const run = await importText('chat-miner/test_dateformat4.txt');
    expect(run.warnings[0]?.message).toMatch(/no date in the file shows whether it is day\/month or month\/day.*day-first/);
  });

  it('phone senders in a long export (lorem.txt): one identifier, many messages', async () => {
    const run = await importText('whatstk/lorem.txt');
    expect(run.identifiers.map((i) => i.value)).toEqual(['+1123456789']);
    expect(run.messages.filter((m) => m.sender?.id === '+1123456789').length).toBeGreaterThan(50);
    expect(new Set(run.messages.map((m) => m.sender?.name))).toEqual(new Set(['Mary', 'John', 'Giuseppe', '+1 123 456 789']));
  });
});

const ZIP = join(DIR, 'whatsapp-chat-parser-website/whatsapp-chat-parser-example.zip');

describe.skipIf(!existsSync(ZIP))('corpus: WhatsApp "Attach media" zip (whatsapp.zip)', () => {
  it('is detected by its _chat.txt entry and read: 51 messages, 3 system lines, 4 attachments by kind', async () => {
    const zip = await readChatZip(ZIP, CORPUS_DIR);
    const ranked = detectFormats(chatDetectInput(zip), BUILT_IN_FORMATS);
    expect(ranked.map((r) => r.format.id)).toEqual(['whatsapp.zip']);
    expect(ranked[0]?.reason).toMatch(/压缩包内是“附带媒体”导出的聊天文本/);
    const run = await runChat(whatsappZip, textLines(zip.text), chatContext(zip));
    expect(run.errors).toEqual([]);
    expect(run.warnings).toEqual([]);
    expect(run.messages).toHaveLength(51);
    expect(run.messages.filter((m) => m.sender === null).map((m) => m.text)).toEqual([
      'Loris created group “WhatsApp Chat Parser Example”',
      'Loris added Emily',
      'Loris added John',
    ]);
    expect(run.messages[0]?.conversation).toEqual({ platform: 'whatsapp', key: 'WhatsApp Chat Parser Example', title: 'WhatsApp Chat Parser Example', kind: 'group' });
    expect(run.messages[run.messages.length - 1]).toMatchObject({ line: 60, sender: { name: 'Loris' } });
    expect(run.messages[run.messages.length - 1]?.text.split('\n')).toHaveLength(3);
    expect(run.messages.flatMap((m) => m.attachments)).toEqual([
      { name: '00000001-PHOTO-2019-06-20-16-00-15.jpg', kind: 'image' },
      { name: '00000002-VIDEO-2019-06-20-16-01-42.mp4', kind: 'video' },
      { name: '00000003-AUDIO-2019-06-20-16-03-55.mp3', kind: 'voice' },
      { name: '00000004-whatsapp-chat-parser-example.zip', kind: 'file' },
    ]);
    expect(at(run, 16)).toMatchObject({ messageType: 'image', text: '', sender: { name: 'Loris' } });
    // [20.06.19, 16:00:15]: day-first is proved by the 20
    expect(at(run, 16).time).toEqual({ utcMs: shanghaiMs('2019-06-20 16:00:15'), original: '20.06.19, 16:00:15', offsetMinutes: 480 });
    expect(at(run, 24).text).toBe("Come on...\ndon't be so mysterious and show us!");
    expect(at(run, 48).messageType).toBe('other');
  });
});
