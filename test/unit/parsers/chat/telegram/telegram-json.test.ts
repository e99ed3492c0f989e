import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TELEGRAM_FORMATS } from '../../../../../shared/parsers/chat/telegram/index';
import { telegramJson } from '../../../../../shared/parsers/chat/telegram/telegram-json';
import type { MessageDraft } from '../../../../../shared/parsers/types';
import { CHAT_FIXTURES, CORPUS_DIR, atOffset, claimants, corpusHas, documentDetectInput, mapDocument, readText } from './chat-test-kit';

/** Telegram Desktop's result.json: hand-written fixtures of both layouts and the public sample files. */

const FULL = join(CHAT_FIXTURES, 'telegram/full-account/result.json');
const LAYOUT_2020 = join(CHAT_FIXTURES, 'telegram/layout-2020/result.json');
const PARSER_DIR = join(CORPUS_DIR, 'chat-telegram/telegram-chat-parser');

function byId(messages: readonly MessageDraft[], key: string, id: string): MessageDraft {
  const found = messages.find((m) => m.conversation.key === key && m.externalId === id);
  if (found === undefined) throw new Error(`no message ${id} in ${key}`);
  return found;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('telegram.json: the whole-account export', () => {
  it('reads every chat, left chats included, each as its own conversation of the account holder', async () => {
    const out = await mapDocument(telegramJson, readText(FULL), 'Telegram/DataExport_2024-03-05/result.json');
    expect(out.errors).toEqual([]);
    expect(countBy(out.messages, (m) => `${m.conversation.key} ${m.conversation.kind} ${m.conversation.title}`)).toEqual({
      '6660002 private 王伟': 11,
      '1700000001 group 资金群': 5,
      '1100000009 channel 口子资源': 1,
    });
    const owner = { platform: 'telegram', id: 'user5550001', name: 'Ivan Petrov' };
    expect(new Set(out.messages.map((m) => JSON.stringify(m.conversation.owner)))).toEqual(new Set([JSON.stringify(owner)]));
    expect(out.messages.map((m) => [m.externalId, m.outgoing]).slice(0, 3)).toEqual([
      ['10', true],
      ['11', false],
      ['12', false],
    ]);
  });

  it('takes the instant from date_unixtime and the exporting machine’s offset from the wall time beside it', async () => {
    const out = await mapDocument(telegramJson, readText(FULL), 'result.json', 'Asia/Shanghai');
    const first = byId(out.messages, '6660002', '10');
    // Moscow wall time 10:00 is 07:00 UTC; the case zone (Shanghai) does not change the instant
    expect(first.time).toEqual({ utcMs: atOffset('2024-03-01 10:00:00', 180), original: '2024-03-01T10:00:00', offsetMinutes: 180 });
    expect(first.text).toBe('明天把钱转到这张卡 6222 0212 3456 7890 123');
    expect(first.raw).toMatchObject({ id: '10', date_unixtime: '1709276400', from_id: 'user5550001', '@index': '0' });
  });

  it('joins text parts, keeps hidden link targets, replies, media and service actions', async () => {
    const out = await mapDocument(telegramJson, readText(FULL), 'result.json');
    const reply = byId(out.messages, '6660002', '11');
    expect([reply.text, reply.replyTo, reply.raw.links, reply.sender]).toEqual(['好的，点这里付款', '10', 'http://pay.example/p?id=7', { platform: 'telegram', id: 'user6660002', name: '王伟' }]);
    const media = ['12', '13', '14', '15', '16', '18', '19', '20'].map((id) => {
      const m = byId(out.messages, '6660002', id);
      return [id, m.messageType, m.text, m.attachments];
    });
    expect(media).toEqual([
      ['12', 'image', '收据', [{ name: 'photos/photo_1@01-03-2024_10-02-00.jpg', kind: 'image' }]],
      ['13', 'voice', '', [{ name: 'voice_messages/audio_1@01-03-2024_10-03-00.ogg', kind: 'voice' }]],
      ['14', 'sticker', '👍', [{ name: '(File not included. Change data exporting settings to download.)', kind: 'sticker' }]],
      ['15', 'location', '(31.2304, 121.4737)', []],
      ['16', 'contact', '李 四 +8613900139000', []],
      ['18', 'file', '借条', [{ name: 'files/借条.pdf', kind: 'file' }]],
      ['19', 'video', '', [{ name: 'video_files/video_1@01-03-2024_10-09-00.mp4', kind: 'video' }]],
      ['20', 'image', '', [{ name: 'funny.mp4', kind: 'image' }]],
    ]);
    const call = byId(out.messages, '6660002', '17');
    expect([call.messageType, call.sender?.id, call.outgoing, call.text]).toEqual(['call', 'user5550001', true, 'Ivan Petrov phone_call; duration: 65 s; discard_reason: hangup']);
    const invite = byId(out.messages, '1700000001', '1');
    expect([invite.messageType, invite.sender, invite.text]).toEqual(['system', null, '王伟 invite_members; members: Anna']);
    const pin = byId(out.messages, '1700000001', '3');
    expect([pin.messageType, pin.replyTo]).toEqual(['system', '2']);
    const deleted = byId(out.messages, '1700000001', '4');
    expect(deleted.sender).toEqual({ platform: 'telegram', id: 'user9990000', name: '' });
    expect(byId(out.messages, '1700000001', '5')).toMatchObject({ messageType: 'other', text: '今晚几点对账？\n- 8点\n- 10点' });
    expect(byId(out.messages, '1100000009', '1').sender).toEqual({ platform: 'telegram', id: 'channel1100000009', name: '口子资源' });
  });

  it('states the holder’s and the contacts’ phone numbers as identifiers, each once', async () => {
    const out = await mapDocument(telegramJson, readText(FULL), 'result.json');
    expect(out.identifiers.map((i) => [i.identifierType, i.value, i.role, i.observedAt?.original ?? null])).toEqual([
      ['phone', '+79001234567', 'owner', null],
      ['phone', '13800138000', 'contact', '2023-05-01T09:00:00'],
      ['phone', '+79001112233', 'contact', '2023-05-01T09:00:00'],
      ['phone', '13900139000', 'contact', '2024-03-01T10:06:00'],
    ]);
    expect(out.identifiers[1]?.raw).toMatchObject({ first_name: '王', last_name: '伟', name: '王 伟' });
  });
});

describe('telegram.json: the 2020 layout', () => {
  it('reads numeric from_id as user ids and the zone-less date in the case zone, across a DST change', async () => {
    const out = await mapDocument(telegramJson, readText(LAYOUT_2020), 'Telegram/ChatExport_2020-03-30/result.json', 'Europe/Berlin');
    expect(out.errors).toEqual([]);
    expect(out.messages.map((m) => [m.externalId, m.sender?.id, m.outgoing, m.time.utcMs, m.time.offsetMinutes])).toEqual([
      ['501', 'user1111', true, atOffset('2020-03-29 01:30:00', 60), 60],
      ['502', 'user4242', false, atOffset('2020-03-29 03:30:00', 120), 120],
      ['503', 'user1111', true, atOffset('2020-03-29 04:00:00', 120), 120],
    ]);
    expect(out.messages[1]).toMatchObject({ text: 'see https://t.me/somechannel and hurry', replyTo: '501', raw: { text: 'see https://t.me/somechannel and hurry' } });
    expect(out.messages[0]?.conversation).toEqual({ platform: 'telegram', key: '4242', title: 'Bob', kind: 'private', owner: { platform: 'telegram', id: 'user1111', name: 'Alice' } });
  });
});

describe('telegram.json: files that are not what they claim', () => {
  const one = (text: string) => mapDocument(telegramJson, text, 'result.json');

  it('reports invalid JSON once, with the reason and where it breaks', async () => {
    const out = await one('{\n "name": "x",\n "messages": [1, 2,]\n}');
    expect(out.all).toEqual([{ type: 'error', sheet: '', line: 1, code: 'BAD_ROW', message: "not valid JSON: Unexpected ']' where a value was expected at position 35 (line 3, column 20)" }]);
    const cut = await one('{"messages": [{"id": 1');
    expect(cut.errors.map((e) => e.message)).toEqual(['not valid JSON: Unexpected end of JSON input at position 22 (line 1, column 23)']);
  });

  it('survives 100,000 levels of nesting, whole or unclosed', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect((await one(deep)).errors.map((e) => e.message)).toEqual(['not a Telegram Desktop export: the JSON holds a list, not an object']);
    expect((await one('['.repeat(100_000))).errors.map((e) => e.message)).toEqual(['not valid JSON: Unexpected end of JSON input at position 100000 (line 1, column 100001)']);
    const nestedText = `{"messages": [{"id": 1, "type": "message", "date": "2024-01-01T00:00:00", "from": "a", "text": ${deep}}, {"id": 2, "type": "message", "date": "2024-01-01T00:00:01", "from": "a", "text": "ok"}]}`;
    const out = await one(nestedText);
    expect(out.errors.map((e) => e.message)).toEqual(['message 1: part 1 of its text is a list, neither a string nor an entity with text']);
    expect(out.messages.map((m) => m.text)).toEqual(['ok']);
  });

  it('says so when the JSON is no Telegram export', async () => {
    expect((await one('{"foo": 1}')).errors.map((e) => e.message)).toEqual(["not a Telegram Desktop export: the top level has neither 'messages' nor 'chats'"]);
  });

  it('keeps the first 1,000,000 characters of an endless message and reports the cut', async () => {
    const text = 'x'.repeat(1_000_005);
    const out = await one(JSON.stringify({ name: 'n', type: 'personal_chat', id: 1, messages: [{ id: 9, type: 'message', date: '2024-01-01T00:00:00', from: 'a', from_id: 'user2', text }] }));
    expect(out.messages[0]?.text.length).toBe(1_000_000);
    expect(out.errors).toEqual([{ type: 'error', sheet: '', line: 0, code: 'TOO_LONG', message: 'Telegram message 9: the message has 1,000,005 characters; the first 1,000,000 were kept' }]);
  });

  it('rejects a message without a usable date and keeps going', async () => {
    const out = await one(
      JSON.stringify({
        name: 'n',
        type: 'private_group',
        id: 1,
        messages: [
          { id: 1, type: 'message', from: 'a', text: 'no date' },
          { id: 2, type: 'message', date: '2024-02-30T10:00:00', from: 'a', text: 'bad date' },
          { id: 3, type: 'message', date: '2024-02-29T10:00:00', from: 'a', text: 'fine' },
        ],
      }),
    );
    expect(out.errors.map((e) => [e.code, e.message])).toEqual([
      ['MISSING_FIELD', 'message 1 has no date'],
      ['BAD_TIME', "message 2: its date '2024-02-30T10:00:00' is not a calendar date"],
    ]);
    expect(out.messages.map((m) => m.externalId)).toEqual(['3']);
  });
});

describe.skipIf(!corpusHas('chat-telegram'))('telegram.json: the public sample exports (shared corpus)', () => {
  const load = (file: string) => mapDocument(telegramJson, readText(file), `Telegram/${file.split('/').slice(-2).join('/')}`);

  it('sample.json (sanitised: every id and date_unixtime the same) keeps all 256 messages apart', async () => {
    const out = await load(join(CORPUS_DIR, 'chat-telegram/tele_dashboard/sample.json'));
    expect(out.errors).toEqual([]);
    expect(out.messages).toHaveLength(256);
    expect(new Set(out.messages.map((m) => m.externalId))).toEqual(new Set(['69420']));
    expect(new Set(out.messages.map((m) => JSON.stringify(m.raw))).size).toBe(256);
    expect(countBy(out.messages, (m) => m.sender?.name ?? '(system)')).toEqual({
      'Joseph Joestar': 127,
      no_life_coder: 86,
      Beluga: 19,
      'Hugh Janus': 10,
      'Sussy Baka': 6,
      'A real snake 🐍': 2,
      '(system)': 6,
    });
    expect(countBy(out.messages, (m) => m.messageType)).toEqual({ text: 220, system: 6, sticker: 13, image: 14, file: 3 });
    expect(out.messages.filter((m) => m.replyTo !== '')).toHaveLength(25 + 2);
    // date_unixtime '0000000000' is a placeholder: the wall date is read in the case zone instead
    expect(out.messages[0]?.time).toEqual({ utcMs: atOffset('2022-03-21 11:11:11', 480), original: '2022-03-21T11:11:11', offsetMinutes: 480 });
    expect(out.messages[0]?.conversation).toEqual({ platform: 'telegram', key: '69420', title: 'Sample Chat Group', kind: 'group' });
  });

  it('error-unexpected-malformed.json imports what it can and names each bad message', async () => {
    const out = await load(join(PARSER_DIR, 'error-unexpected-malformed.json'));
    expect(out.errors.map((e) => [e.code, e.message])).toEqual([
      ['BAD_ROW', "message 173429 has an unknown type 'ERROR:wrong_type'"],
      ['BAD_ROW', 'message 176169: its text is an object, not a string or a list of parts'],
      ['MISSING_FIELD', 'message 210087 has no text field'],
      ['BAD_ROW', 'message 217584 is a service message that names no action'],
    ]);
    expect(out.messages).toHaveLength(12);
    expect(out.messages[0]).toMatchObject({ externalId: '173429', text: '1234567', sender: { id: '', name: 'Ben' } });
    expect(out.warnings).toEqual([
      "BAD_SENDER_ID: Saved Messages: 1 message(s) give a sender id that is not a Telegram id (message 173429); they were imported with the sender's name only",
    ]);
    expect(out.messages.find((m) => m.raw.media_type === 'ERROR:media_type')?.messageType).toBe('file');
  });

  it('the per-type samples: chat kinds, senders, services and replies', async () => {
    const summary = async (name: string) => {
      const out = await load(join(PARSER_DIR, name));
      expect(out.errors).toEqual([]);
      return {
        kind: out.messages[0]?.conversation.kind,
        types: countBy(out.messages, (m) => m.messageType),
        senders: countBy(out.messages, (m) => (m.sender === null ? '(system)' : `${m.sender.name}|${m.sender.id}`)),
        replies: out.messages.filter((m) => m.replyTo !== '').map((m) => `${m.externalId}>${m.replyTo}`),
      };
    };
    expect(await summary('bot.json')).toEqual({ kind: 'private', types: { text: 2 }, senders: { 'Bot User|user8888888888': 1, 'Real User|user9999999999': 1 }, replies: [] });
    expect(await summary('private_channel.json')).toEqual({
      kind: 'channel',
      types: { system: 2, text: 3, other: 2 },
      senders: { '(system)': 2, 'test|channel10036995664': 5 },
      replies: ['3>2', '4>3', '7>6'],
    });
    expect(await summary('public_channel.json')).toMatchObject({ kind: 'channel', senders: { '(system)': 2, 'test|channel44444444444': 5 } });
    expect(await summary('private_group.json')).toEqual({ kind: 'group', types: { system: 1, text: 1 }, senders: { '(system)': 1, 'Ben|user9999999999': 1 }, replies: [] });
    expect(await summary('public_supergroup.json')).toEqual({ kind: 'group', types: { system: 3, text: 1 }, senders: { '(system)': 3, 'Ben|user9999999999': 1 }, replies: [] });
    expect(await summary('users_test.json')).toEqual({
      kind: 'private',
      types: { text: 6, image: 1, video: 1, system: 1 },
      senders: { 'User1|user1': 3, 'User2|user2': 3, 'User4|user4': 2, '(system)': 1 },
      replies: ['600>300', '700>500', '800>500'],
    });
    expect(await summary('saved.json')).toEqual({
      kind: 'private',
      types: { image: 3, text: 12, voice: 1, sticker: 1, video: 1, system: 1, other: 2 },
      senders: { 'Ben|user9999999999': 16, 'test|user10036995664': 4, '(system)': 1 },
      replies: ['4>3', '7>6'],
    });
  });

  it('saved messages belong to the chat’s own id: Ben’s are outgoing, the pasted channel’s are not', async () => {
    const out = await load(join(PARSER_DIR, 'saved.json'));
    expect(countBy(out.messages, (m) => `${m.sender?.name ?? '(system)'} ${String(m.outgoing)}`)).toEqual({ 'Ben true': 16, 'test false': 4, '(system) null': 1 });
    expect(out.messages.find((m) => m.raw.media_type === 'video_file')?.attachments).toEqual([
      { name: '(File exceeds maximum size. Change data exporting settings to download.)', kind: 'video' },
    ]);
  });

  it('chat-miner’s minimal file (only messages, no ids) reads its Unix times as written', async () => {
    const out = await load(join(CORPUS_DIR, 'chat-telegram/chat-miner/test_single_export.json'));
    expect(out.messages.map((m) => [m.sender?.name, m.text, m.time.utcMs, m.time.original, m.externalId])).toEqual([
      ['Author 1', 'Minimal Message', 1544006350000, '1544006350', ''],
      ['Author 2', 'Link:https://telegram.org/', 1544006964000, '1544006964', ''],
    ]);
  });

  it('each sample is recognised as telegram.json', () => {
    for (const file of ['bot.json', 'saved.json', 'public_channel.json', 'error-unexpected-malformed.json']) {
      expect(claimants(documentDetectInput(readText(join(PARSER_DIR, file)), file))[0]).toBe('telegram.json');
    }
    for (const file of ['chat-miner/test_single_export.json', 'tele_dashboard/sample.json']) {
      expect(claimants(documentDetectInput(readText(join(CORPUS_DIR, 'chat-telegram', file)), file))[0]).toBe('telegram.json');
    }
  });
});

describe('telegram.json detection', () => {
  it('claims both fixture layouts, and nothing else claims them', () => {
    for (const file of [FULL, LAYOUT_2020]) {
      const ranked = claimants(documentDetectInput(readText(file), 'result.json'));
      expect(ranked).toEqual(['telegram.json']);
    }
  });

  it('leaves other JSON alone', () => {
    expect(telegramJson.detect(documentDetectInput('{"messages": [{"role": "user", "content": "hi"}]}', 'chat.json'))).toBeNull();
    expect(telegramJson.detect(documentDetectInput('[1, 2, 3]', 'x.json'))).toBeNull();
    expect(TELEGRAM_FORMATS.map((f) => f.id)).toEqual(['telegram.json', 'telegram.html']);
  });
});
