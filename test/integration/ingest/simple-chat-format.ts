import type { FormatSpec, MapperOutput, MessageType, SourceRecord } from '@shared/parsers/types';

/**
 * A minimal chat format for pipeline tests: lines `YYYY-MM-DD HH:MM|sender|type|text|attachment|amount` under a
 * first line `#chat <title>`; read as 'lines' (text files, or the chat text of a zip).
 */
export const simpleChatFormat: FormatSpec = {
  id: 'test.chat',
  version: 1,
  name: { zh: '测试聊天', en: 'Test chat' },
  kind: 'messages',
  grade: 'self-provided',
  input: { kind: 'lines' },
  detect: (input) => ((input.text ?? '').startsWith('#chat ') ? { confidence: 0.9, reason: 'test chat header' } : null),
  async survey(records) {
    let lines = 0;
    for await (const record of records) if (record.cells[0] !== '') lines += 1;
    return { lines: String(lines) };
  },
  async *mapRows(records: AsyncIterable<SourceRecord>, context): AsyncIterable<MapperOutput> {
    let title = '';
    for await (const record of records) {
      const line = record.cells[0] ?? '';
      if (line.startsWith('#chat ')) {
        title = line.slice(6);
        continue;
      }
      if (line === '') continue;
      const [time = '', sender = '', type = 'text', text = '', attachment = '', amount = ''] = line.split('|');
      const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(time);
      if (!match) {
        yield { type: 'error', sheet: '', line: record.line, code: 'BAD_TIME', message: `not a time: ${time}` };
        continue;
      }
      const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
      yield {
        type: 'message',
        sheet: '',
        line: record.line,
        raw: { line, surveyedLines: context.hints?.['lines'] ?? '' },
        conversation: { platform: 'other', key: title, title, kind: 'group' },
        sender: sender === '' ? null : { platform: 'other', id: '', name: sender },
        outgoing: null,
        time: { utcMs: Date.UTC(y, mo - 1, d, h - 8, mi), original: time, offsetMinutes: 480 },
        messageType: type as MessageType,
        text,
        attachments: attachment === '' ? [] : [{ name: attachment, kind: 'image' }],
        externalId: '',
        replyTo: '',
        ...(amount === '' ? {} : { amountMinor: Number(amount) }),
      };
    }
  },
};
