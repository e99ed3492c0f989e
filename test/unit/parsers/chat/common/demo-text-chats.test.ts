import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../../../electron/core/demo/generate';
import type { GroundTruth } from '../../../../../electron/core/demo/truth-types';
import { BUILT_IN_FORMATS, detectFormats } from '../../../../../shared/parsers/registry';
import { chatContext, chatDetectInput, csvRecords, readChatFile, runChat, textLines } from '../../../../support/chat-records';
import type { ChatRun } from '../../../../support/chat-records';

/**
 * The demo data set's WhatsApp, QQ (QQChatExporter) and WeChat CSV chats, read as the pipeline would (detect, survey,
 * map), against ground-truth.json: every conversation's message count, and the transfer messages at their lines.
 */

const FORMAT_OF: Record<string, string> = { 'whatsapp-txt': 'whatsapp.txt', 'qq-txt': 'qq.exporter-txt', 'wechat-csv': 'wechat.chat-csv' };

describe('demo data set: text chat exports against the ground truth', () => {
  let dir = '';
  let truth: GroundTruth;
  const runs = new Map<string, ChatRun>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chainsight-chat-demo-'));
    await generateDemo({ dir, seed: 19, txns: 2000 });
    truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as GroundTruth;
    for (const conversation of truth.chats.conversations) {
      const formatId = FORMAT_OF[conversation.format];
      if (formatId === undefined) continue;
      const file = readChatFile(join(dir, conversation.file), dir);
      const [top] = detectFormats(chatDetectInput(file), BUILT_IN_FORMATS);
      if (top?.format.id !== formatId) throw new Error(`${conversation.file} detected as ${top?.format.id ?? 'nothing'}`);
      const records = top.format.input?.kind === 'lines' ? textLines(file.text) : csvRecords(file.text);
      runs.set(conversation.file, await runChat(top.format, records, chatContext(file)));
    }
  }, 120_000);

  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('has chats of all three families', () => {
    const formats = new Set(truth.chats.conversations.filter((c) => runs.has(c.file)).map((c) => c.format));
    expect(formats).toEqual(new Set(['whatsapp-txt', 'qq-txt', 'wechat-csv']));
  });

  it('every conversation yields exactly its ground-truth message count, without row errors', () => {
    for (const conversation of truth.chats.conversations) {
      const run = runs.get(conversation.file);
      if (run === undefined) continue;
      expect({ file: conversation.file, messages: run.messages.length, errors: run.errors }).toEqual({ file: conversation.file, messages: conversation.messages, errors: [] });
    }
  });

  it('WhatsApp and QQ chats carry the title the ground truth gives them; WeChat groups are groups', () => {
    for (const conversation of truth.chats.conversations) {
      const run = runs.get(conversation.file);
      if (run === undefined) continue;
      const kinds = new Set(run.messages.map((m) => m.conversation.kind));
      if (conversation.format !== 'wechat-csv') expect(run.messages[0]?.conversation.title).toBe(conversation.title);
      else expect(kinds).toEqual(new Set([conversation.file.endsWith('@chatroom.csv') ? 'group' : 'private']));
    }
  });

  it('transfer and red-packet messages sit at the lines the ground truth names; WeChat transfers carry the amount', () => {
    let checked = 0;
    for (const link of truth.chats.transferMessages) {
      const run = runs.get(link.message.file);
      if (run === undefined || link.message.line === null) continue;
      const message = run.messages.find((m) => m.line === link.message.line);
      expect(message, `${link.message.file}:${link.message.line}`).toBeDefined();
      if (link.kind === 'transfer' && link.message.file.endsWith('.csv')) {
        expect(message?.messageType).toBe('transfer');
        expect(message?.amountMinor).toBe(link.amountMinor);
      }
      if (link.kind === 'red-packet') expect(message?.messageType).toBe('red-packet');
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
