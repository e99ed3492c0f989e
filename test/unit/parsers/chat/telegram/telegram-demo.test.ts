import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../../../electron/core/demo/generate';
import type { GroundTruth } from '../../../../../electron/core/demo/truth-types';
import { QQ_STRUCTURED_FORMATS } from '../../../../../shared/parsers/chat/qq-structured/index';
import { TELEGRAM_FORMATS } from '../../../../../shared/parsers/chat/telegram/index';
import { telegramJson } from '../../../../../shared/parsers/chat/telegram/telegram-json';
import { WECHAT_DB_FORMATS } from '../../../../../shared/parsers/chat/wechat-db/index';
import type { Mapped } from './chat-test-kit';
import { claimants, documentDetectInput, mapDocument, readText } from './chat-test-kit';

/**
 * The demo generator's Telegram exports (聊天记录/Telegram/<phone>/ChatExport_<date>/<chat>/result.json) read back
 * against its ground truth. Each file opens with the group's create_group service message, which the ground truth
 * does not count as a chat message.
 */

describe('telegram.json on the demo data set', () => {
  let dir = '';
  let truth: GroundTruth;
  const files = new Map<string, Mapped>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chainsight-telegram-demo-'));
    await generateDemo({ dir, seed: 5, txns: 2000 });
    truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as GroundTruth;
    for (const c of truth.chats.conversations.filter((conversation) => conversation.format === 'telegram-json')) {
      files.set(c.file, await mapDocument(telegramJson, readText(join(dir, c.file)), c.file, truth.timezone));
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds every Telegram conversation the ground truth lists, with its title and exact message count', () => {
    const conversations = truth.chats.conversations.filter((c) => c.format === 'telegram-json');
    expect(conversations.length).toBeGreaterThan(0);
    for (const c of conversations) {
      const out = files.get(c.file);
      expect(out?.errors, c.file).toEqual([]);
      const chat = out?.messages.filter((m) => m.messageType !== 'system') ?? [];
      expect(chat.length, c.file).toBe(c.messages);
      expect(new Set(out?.messages.map((m) => m.conversation.title))).toEqual(new Set([c.title]));
      expect(out?.messages.filter((m) => m.messageType === 'system').map((m) => m.text.split(';')[0]?.split(' ').pop())).toEqual(['create_group']);
      expect(new Set(chat.map((m) => m.sender?.id.startsWith('user')))).toEqual(new Set([true]));
    }
  });

  it('puts every amount the ground truth says was written into the message of that id, at a Shanghai wall time', () => {
    const mentions = truth.chats.amountMentions.filter((mention) => files.has(mention.message.file));
    expect(mentions.length).toBeGreaterThan(0);
    for (const mention of mentions) {
      const message = files.get(mention.message.file)?.messages.find((m) => m.externalId === mention.message.messageId);
      expect(message?.text, `${mention.message.file} #${mention.message.messageId}`).toContain(mention.text);
      expect(message?.time.offsetMinutes).toBe(480);
    }
    for (const link of truth.chats.transferMessages.filter((l) => files.has(l.message.file))) {
      expect(files.get(link.message.file)?.messages.some((m) => m.externalId === link.message.messageId)).toBe(true);
    }
  });

  it('is recognised as telegram.json, while the structured formats leave the other chat files alone', () => {
    for (const file of files.keys()) expect(claimants(documentDetectInput(readText(join(dir, file)), file))[0]).toBe('telegram.json');
    const others = truth.chats.conversations.filter((c) => c.format !== 'telegram-json');
    expect(others.length).toBeGreaterThan(0);
    for (const c of others) {
      const input = documentDetectInput(readText(join(dir, c.file)), c.file);
      for (const format of [...TELEGRAM_FORMATS, ...QQ_STRUCTURED_FORMATS, ...WECHAT_DB_FORMATS]) expect(format.detect(input), `${format.id} on ${c.file}`).toBeNull();
    }
  });
});
