import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { caseStats } from '../../../electron/core/cases/case-stats';
import { listConversations, listMentions, listParticipants, locateMessage, pageMessages, searchMessages } from '../../../electron/core/chats/chat-queries';
import { caseLexicon, lexiconGroups, saveLexicon } from '../../../electron/core/chats/lexicon-store';
import { runImport } from '../../../electron/core/ingest/run-import';
import { useTempDirs } from '../../support/temp-dir';
import { simpleChatFormat } from '../ingest/simple-chat-format';

const CHAT = [
  '#chat 退保群',
  '2024-03-01 10:00|张三|text|全额退保，先交2000定金，联系13812345678',
  '2024-03-01 11:00|李四|text|今天天气不错',
  '2024-03-02 09:00|张三|text|帮你停息挂账，个性化分期，口子也有',
  '2024-03-03 09:00|王五|text|"引号" 和 * 号 OR NEAR 不是查询语法',
].join('\n');

async function chatCase(tempDir: () => string): Promise<CaseSession> {
  const dir = tempDir();
  const session = CaseSession.create(join(dir, 'case'), { caseName: '聊天查询' }, { host: 'cli', operator: 't' });
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in', 'chat.txt'), CHAT);
  await runImport(session.db, { caseDir: session.caseDir, paths: [join(dir, 'in', 'chat.txt')], operator: 't', timeZone: 'Asia/Shanghai', formats: [simpleChatFormat] });
  return session;
}

describe('chat queries (what the chat screen shows)', () => {
  const tempDir = useTempDirs();

  it('lists the conversation with its counts, date range, flagged messages and participants', async () => {
    const session = await chatCase(tempDir);
    const [conversation] = listConversations(session.db);
    expect(conversation).toMatchObject({ title: '退保群', messages: 4, participants: 3, firstUtc: Date.UTC(2024, 2, 1, 2, 0), sources: ['chat.txt'] });
    // 全额退保 + 定金 near an amount, and 停息挂账: two flagged messages; the weather is not
    expect(conversation?.flagged).toBe(2);
    const participants = listParticipants(session.db, conversation?.id ?? 0);
    expect(participants.map((p) => [p.name, p.messages])).toEqual([['张三', 2], ['李四', 1], ['王五', 1]]);
    session.close();
  });

  it('pages messages in time order with lexicon and mention spans, and jumps to a date', async () => {
    const session = await chatCase(tempDir);
    const page = pageMessages(session.db, {}, 1, 2);
    expect(page.total).toBe(4);
    expect(page.messages.map((m) => m.text)).toEqual(['今天天气不错', '帮你停息挂账，个性化分期，口子也有']);
    const [first] = pageMessages(session.db, {}, 0, 1).messages;
    const labelled = (first?.spans ?? []).map((span) => `${span.kind}:${span.label}:${first?.text.slice(span.start, span.end) ?? ''}`);
    expect(labelled).toEqual(expect.arrayContaining(['lexicon:surrender:全额退保', 'lexicon:fees:定金', 'mention:amount:2000', 'mention:mobile:13812345678']));
    expect(first?.source).toMatchObject({ file: 'chat.txt', line: 2 });
    expect(locateMessage(session.db, {}, { utcMs: Date.UTC(2024, 2, 2, 0, 0) })).toBe(2);
    const third = pageMessages(session.db, {}, 2, 1).messages[0];
    expect(locateMessage(session.db, {}, { messageId: third?.id })).toBe(2);
    expect(locateMessage(session.db, { senderId: third?.senderId ?? 0 }, { messageId: third?.id })).toBe(1);
    expect(locateMessage(session.db, { mentionKind: 'mobile' }, { messageId: third?.id })).toBe(-1);
    expect(pageMessages(session.db, { flaggedOnly: true }, 0, 10).total).toBe(2);
    expect(pageMessages(session.db, { mentionKind: 'mobile', mentionValue: '13812345678' }, 0, 10).total).toBe(1);
    expect(pageMessages(session.db, { mentionValue: '13900000000' }, 0, 10).total).toBe(0);
    const onlyCollection = pageMessages(session.db, { lexiconGroup: 'anti-collection' }, 0, 10);
    expect(onlyCollection.messages.map((m) => m.senderName)).toEqual(['张三']);
    const withPhones = pageMessages(session.db, { mentionKind: 'mobile' }, 0, 10);
    expect(withPhones.total).toBe(1);
    session.close();
  });

  it('searches three or more characters through the trigram index and one or two by scanning, with highlights', async () => {
    const session = await chatCase(tempDir);
    const long = searchMessages(session.db, {}, '停息挂账', 0, 10);
    expect(long.messages.map((m) => m.id)).toHaveLength(1);
    const hit = long.messages[0];
    const search = hit?.spans.find((span) => span.kind === 'search');
    expect(hit?.text.slice(search?.start, search?.end)).toBe('停息挂账');
    expect(searchMessages(session.db, {}, '定金', 0, 10).total).toBe(1);
    expect(searchMessages(session.db, {}, '口子', 0, 10).total).toBe(1);
    // query syntax characters are searched for literally, never interpreted
    expect(searchMessages(session.db, {}, '"引号"', 0, 10).total).toBe(1);
    expect(searchMessages(session.db, {}, '* 号 OR', 0, 10).total).toBe(1);
    expect(searchMessages(session.db, {}, '%', 0, 10).total).toBe(0);
    session.close();
  });

  it('lists every identifier and amount written in the messages', async () => {
    const session = await chatCase(tempDir);
    const mentions = listMentions(session.db, { limit: 100 });
    expect(mentions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'mobile', value: '13812345678', text: '13812345678', messages: 1, valid: true }),
        expect.objectContaining({ kind: 'amount', text: '2000', amountMinor: 200000 }),
      ]),
    );
    session.close();
  });

  it('saves an edited lexicon as the next version and rescores every message with it; a broken one is refused', async () => {
    const session = await chatCase(tempDir);
    const before = caseStats(session).lexiconHits;
    expect(before['anti-collection']).toBeGreaterThan(0);
    const { lexicon } = caseLexicon(session.db);
    const edited = { ...lexicon, groups: [...lexicon.groups, { id: 'weather', name: { zh: '天气', en: 'Weather' }, terms: [{ term: '天气', weight: 0.9, gloss: { en: 'weather' } }] }] };
    const saved = saveLexicon(session.db, JSON.stringify(edited), 't');
    expect(saved.version).toBe(1);
    expect(caseStats(session).lexiconHits['weather']).toBe(1);
    expect(lexiconGroups(session.db).groups.find((g) => g.id === 'weather')).toMatchObject({ hits: 1, terms: 1 });
    expect(() => saveLexicon(session.db, '{"groups": 5}', 't')).toThrow(/lexicon/i);
    expect(() => saveLexicon(session.db, '{not json', 't')).toThrow(/not valid JSON/);
    expect(caseLexicon(session.db).version).toBe(1);
    session.close();
  });
});
