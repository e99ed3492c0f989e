import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { telegramHtml } from '../../../../../shared/parsers/chat/telegram/telegram-html';
import { CHAT_FIXTURES, CORPUS_DIR, atOffset, claimants, corpusHas, documentDetectInput, mapDocument, readText } from './chat-test-kit';

/** Telegram Desktop's HTML export (messages.html, messages2.html …). */

const PAGE_1 = join(CHAT_FIXTURES, 'telegram/ChatExport_2024-03-01/messages.html');
const PAGE_2 = join(CHAT_FIXTURES, 'telegram/ChatExport_2024-03-01/messages2.html');
const REL_1 = 'Telegram/ChatExport_2024-03-01/messages.html';

describe('telegram.html', () => {
  it('reads each message with its full time from the date title, its sender and its line in the page', async () => {
    const out = await mapDocument(telegramHtml, readText(PAGE_1), REL_1, 'Asia/Shanghai');
    expect(out.messages.map((m) => [m.externalId, m.line, m.sender?.name ?? null, m.messageType])).toEqual([
      ['5', 47, null, 'system'],
      ['6', 55, '王伟', 'text'],
      ['7', 87, '王伟', 'text'],
      ['8', 103, 'Anna', 'voice'],
      ['9', 159, 'Anna', 'text'],
      ['10', 183, '王伟', 'sticker'],
      ['11', 209, '王伟', 'location'],
      ['12', 245, 'Anna', 'text'],
      ['14', 281, 'Anna', 'text'],
      ['15', 297, '王伟', 'image'],
    ]);
    const first = out.messages[1];
    expect(first?.time).toEqual({ utcMs: atOffset('2024-03-01 10:00:00', 180), original: '01.03.2024 10:00:00 UTC+03:00', offsetMinutes: 180 });
    expect(first?.conversation).toEqual({ platform: 'telegram', key: '资金群', title: '资金群', kind: 'unknown' });
    expect(first?.raw).toEqual({ id: '6', from_name: '王伟', date: '01.03.2024 10:00:00 UTC+03:00', text: '今天打款 5万，\n走老账户 <script>alert(1)</script>' });
  });

  it('keeps markup in the text as text, and never takes a script element for words', async () => {
    const out = await mapDocument(telegramHtml, readText(PAGE_1), REL_1);
    expect(out.messages.find((m) => m.externalId === '6')?.text).toBe('今天打款 5万，\n走老账户 <script>alert(1)</script>');
    expect(out.messages.find((m) => m.externalId === '14')?.text).toBe('hello world');
  });

  it('gives joined messages the sender of the run, and reads replies, forwards and media', async () => {
    const out = await mapDocument(telegramHtml, readText(PAGE_1), REL_1);
    const find = (id: string) => out.messages.find((m) => m.externalId === id);
    expect(find('8')).toMatchObject({ replyTo: '6', attachments: [{ name: 'voice_messages/audio_1@01-03-2024_10-01-00.ogg', kind: 'voice' }], text: '' });
    expect(find('9')).toMatchObject({ text: '转发的账户 6222021234567890123', raw: { forwarded_from: '李四' }, sender: { name: 'Anna' } });
    expect(find('10')?.attachments).toEqual([{ name: 'stickers/sticker.webp', kind: 'sticker' }]);
    expect(find('11')).toMatchObject({ text: 'Location 31.2304, 121.4737', attachments: [] });
    expect(find('15')).toMatchObject({
      text: '转账截图',
      attachments: [{ name: 'Photo Not included, change data exporting settings to download. 960x1280, 136.5 KB', kind: 'image' }],
    });
  });

  it('reads a date title without offset (older exports) in the case zone, and rejects an impossible one', async () => {
    const out = await mapDocument(telegramHtml, readText(PAGE_1), REL_1, 'Asia/Shanghai');
    expect(out.messages.find((m) => m.externalId === '12')?.time).toEqual({ utcMs: atOffset('2024-03-01 11:00:00', 480), original: '01.03.2024 11:00:00', offsetMinutes: 480 });
    expect(out.errors).toEqual([{ type: 'error', sheet: '', line: 265, code: 'BAD_TIME', message: "message 13: its time '32.13.2024 25:00:00 UTC+03:00' is not a calendar date" }]);
  });

  it('keeps service messages without a time of their own, under the day separator they follow', async () => {
    const out = await mapDocument(telegramHtml, readText(PAGE_1), REL_1);
    expect(out.messages[0]).toMatchObject({ text: '王伟 invited Anna', sender: null, time: { utcMs: null, original: '1 March 2024', offsetMinutes: null } });
  });

  it('warns when a page starts inside a run whose sender is named on the previous page', async () => {
    const out = await mapDocument(telegramHtml, readText(PAGE_2), 'Telegram/ChatExport_2024-03-01/messages2.html');
    expect(out.messages.map((m) => [m.externalId, m.sender?.name, m.replyTo])).toEqual([
      ['16', '', ''],
      ['17', 'Anna', '6'],
    ]);
    expect(out.warnings).toEqual([
      'SENDER_ON_PREVIOUS_PAGE: 1 message(s) at the top of this page continue a sender named on the previous page (16); import that page too or read the name there',
    ]);
  });

  it('says so when the page holds no Telegram messages', async () => {
    const out = await mapDocument(telegramHtml, '<html><body><table><tr><td>1</td></tr></table></body></html>', 'x.html');
    expect(out.errors.map((e) => e.message)).toEqual(['not a Telegram HTML export: the page has no div.message']);
  });

  it('refuses a page nested 100,000 elements deep with one error, quickly', async () => {
    const deep = `<div class="history"><div class="message default" id="message1"><div class="body"><div class="date" title="01.03.2024 10:00:00 UTC+03:00"></div><div class="from_name">A</div><div class="text">${'<span>'.repeat(100_000)}deep${'</span>'.repeat(100_000)}</div></div></div></div>`;
    const out = await mapDocument(telegramHtml, deep, 'x.html');
    expect(out.all).toEqual([{ type: 'error', sheet: '', line: 1, code: 'BAD_ROW', message: 'not a Telegram HTML export: elements nest more than 1,000 levels deep' }]);
    // nesting within the bound still reads
    const nested = deep.replaceAll('<span>'.repeat(100_000), '<span>'.repeat(900)).replaceAll('</span>'.repeat(100_000), '</span>'.repeat(900));
    expect((await mapDocument(telegramHtml, nested, 'x.html')).messages.map((m) => m.text)).toEqual(['deep']);
  });

  it('is the format detection picks for both pages', () => {
    for (const page of [PAGE_1, PAGE_2]) expect(claimants(documentDetectInput(readText(page), 'messages.html'))).toEqual(['telegram.html']);
  });
});

describe.skipIf(!corpusHas('chat-telegram/telegram-archive-viewer'))('telegram.html: telegram-archive-viewer’s fixture (shared corpus)', () => {
  const file = join(CORPUS_DIR, 'chat-telegram/telegram-archive-viewer/messages.html');

  it('reads Alice’s message and Bob’s photo reply at the half-hour offset of the title', async () => {
    const out = await mapDocument(telegramHtml, readText(file), 'ChatExport_2023-05-14/messages.html');
    expect(out.errors).toEqual([]);
    expect(out.messages.map((m) => [m.externalId, m.sender?.name, m.text, m.messageType, m.replyTo, m.time.utcMs, m.time.offsetMinutes])).toEqual([
      ['1001', 'Alice', 'Hello archive', 'text', '', atOffset('2023-05-14 16:43:57', 210), 210],
      ['1002', 'Bob', 'Reply with photo', 'image', '1001', atOffset('2023-05-14 16:44:10', 210), 210],
    ]);
    expect(out.messages[1]?.attachments).toEqual([{ name: 'photos/photo_1.jpg', kind: 'image' }]);
    expect(claimants(documentDetectInput(readText(file), 'messages.html'))).toEqual(['telegram.html']);
  });
});
