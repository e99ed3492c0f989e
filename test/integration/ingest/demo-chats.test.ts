import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIT_THRESHOLD } from '@shared/lexicon';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { caseStats } from '../../../electron/core/cases/case-stats';
import { listConversations } from '../../../electron/core/chats/chat-queries';
import { generateDemo } from '../../../electron/core/demo/generate';
import { runImport } from '../../../electron/core/ingest/run-import';
import { useTempDirs } from '../../support/temp-dir';

interface MessageRef {
  file: string;
  line: number | null;
  messageId: string | null;
}

interface ChatTruth {
  totals: { messages: number };
  chats: {
    conversations: { file: string; format: string; title: string; messages: number }[];
    transferMessages: { message: MessageRef; kind: 'transfer' | 'red-packet' | 'mention'; amountMinor: number }[];
    amountMentions: { message: MessageRef; text: string; amountMinor: number }[];
    templates: { id: string; typology: string; messages: MessageRef[] }[];
  };
}

describe("the demo case's chats import completely and what they say is found", () => {
  const tempDir = useTempDirs();

  it('seed 13: message counts per conversation, every amount written, every template letter, transfers linked to trades', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    await generateDemo({ dir: data, seed: 13, txns: 2000 });
    const truth = JSON.parse(readFileSync(join(data, 'ground-truth.json'), 'utf8')) as ChatTruth;
    const session = CaseSession.create(join(dir, 'case'), { caseName: 'demo chats' }, { host: 'cli', operator: 't' });
    const report = await runImport(session.db, { caseDir: session.caseDir, paths: [data], operator: 't', timeZone: 'Asia/Shanghai' });
    const db = session.db;

    const perFile = new Map(
      // the ground truth counts what people wrote; exports also carry service lines (Telegram's "created the group")
      (db.prepare("SELECT s.rel_path AS file, count(m.id) AS n FROM source s JOIN message m ON m.source_id = s.id WHERE m.msg_type <> 'system' GROUP BY s.id").all() as { file: string; n: number }[]).map(
        (row) => [row.file, row.n],
      ),
    );
    // paths are relative to what was dropped: the data folder itself
    for (const conversation of truth.chats.conversations) expect(perFile.get(`data/${conversation.file}`), conversation.file).toBe(conversation.messages);
    const system = db.prepare("SELECT count(*) FROM message WHERE msg_type = 'system'").pluck().get() as number;
    expect(caseStats(session).messages - system).toBe(truth.chats.conversations.reduce((sum, c) => sum + c.messages, 0));

    const find = db.prepare(
      `SELECT m.id, m.lexicon_score AS score, m.dup_cluster AS cluster, m.txn_id AS txn FROM message m JOIN source s ON s.id = m.source_id
       WHERE s.rel_path = 'data/' || ? AND (m.line = ? OR (? IS NOT NULL AND m.ext_id = ?))`,
    );
    const messageOf = (ref: MessageRef): { id: number; score: number; cluster: number | null; txn: number | null } => {
      const row = find.get(ref.file, ref.line ?? -1, ref.messageId, ref.messageId) as { id: number; score: number; cluster: number | null; txn: number | null } | undefined;
      if (!row) throw new Error(`message not imported: ${JSON.stringify(ref)}`);
      return row;
    };
    const amounts = db.prepare("SELECT amount_minor FROM mention WHERE message_id = ? AND kind = 'amount'").pluck();
    for (const mention of truth.chats.amountMentions) {
      const message = messageOf(mention.message);
      expect(amounts.all(message.id), `${mention.text} in ${mention.message.file}:${mention.message.line ?? mention.message.messageId ?? ''}`).toContain(mention.amountMinor);
    }
    for (const template of truth.chats.templates) {
      const members = template.messages.map(messageOf);
      // every templated complaint letter is flagged by the lexicon, and they are clustered together
      for (const member of members) expect(member.score).toBeGreaterThanOrEqual(HIT_THRESHOLD);
      const clusters = new Set(members.map((member) => member.cluster));
      expect(clusters.size, template.id).toBe(1);
      expect([...clusters][0], template.id).not.toBeNull();
    }
    const platformTransfers = truth.chats.transferMessages.filter((link) => link.kind !== 'mention');
    const linked = platformTransfers.filter((link) => messageOf(link.message).txn !== null).length;
    expect(linked).toBe(platformTransfers.length);
    expect(report.chats.transferLinks).toBeGreaterThanOrEqual(platformTransfers.length);
    // WeChat exports name people by wxid only: the Tenpay registration of that wxid gives the holder's name
    const titles = listConversations(db).map((c) => c.title);
    expect(titles.filter((title) => /^\S+ \(wxid_[a-z0-9]+\)$/.test(title)).length).toBeGreaterThan(0);
    session.close();
  }, 120_000);
});
