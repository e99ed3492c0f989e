import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { useTempDirs } from '../../support/temp-dir';
import { APP_ROOT, assertBuilt, chainsight } from '../../support/run-cli';

const BANK = join(APP_ROOT, 'test', 'fixtures', 'bank', '5104614320240315093012');
/** 李四's WhatsApp chat: “转了¥5000，你查一下” */
const CHAT = join(APP_ROOT, 'test', 'fixtures', 'chat', 'whatsapp', '与李四的WhatsApp聊天.txt');

interface Reading {
  kind: string;
  value: string;
  amountMinor: number | null;
}
interface Group<T> {
  total: number;
  items: T[];
}
interface SearchJson {
  ok: boolean;
  readAs: Reading[];
  transactions: Group<{ id: number; amountMinor: number; matched: string[] }>;
  messages: Group<{ id: number; snippet: string; matched: string[] }>;
  identifiers: Group<{ type: string; value: string; role: string; holder: string | null; file: string }>;
  accounts: Group<{ number: string }>;
  persons: Group<{ name: string }>;
  sources: Group<{ fileName: string }>;
}
interface TagJson {
  ok: boolean;
  tag: { id: number; name: string; kind: string; created: boolean };
  applied: Record<string, number>;
  matched: Record<string, number>;
  findings?: number;
}

describe('chainsight search and chainsight tag (ARCHITECTURE.md §6)', () => {
  const tempDir = useTempDirs();
  beforeAll(() => assertBuilt());

  function importedCase(): { caseDir: string; env: Record<string, string> } {
    const dir = tempDir();
    const env = { CHAINSIGHT_HOME: join(dir, 'home') };
    const caseDir = join(dir, 'c.chainsight');
    expect(chainsight(['case', 'init', caseDir], env).status).toBe(0);
    const imported = chainsight(['import', caseDir, BANK, CHAT, '--json'], env);
    expect(imported.status, imported.stderr).toBe(0);
    return { caseDir, env };
  }

  it('search --json: a registration phone, and an amount in transactions and a message', () => {
    const { caseDir, env } = importedCase();
    const phone = chainsight(['search', caseDir, '138-1234-5678', '--json'], env);
    expect(phone.status, phone.stderr).toBe(0);
    const found = phone.json() as unknown as SearchJson;
    expect(found.ok).toBe(true);
    expect(found.readAs).toEqual([{ kind: 'mobile', value: '13812345678', amountMinor: null, currency: null }]);
    expect(found.identifiers.total).toBe(3);
    expect(found.identifiers.items[0]).toMatchObject({ type: 'phone', value: '13812345678', role: 'registration', holder: '李明华' });
    expect(found.transactions.total).toBe(0);

    const amount = chainsight(['search', caseDir, '5,000.00', '--json'], env).json() as unknown as SearchJson;
    expect(amount.readAs.map((r) => [r.kind, r.amountMinor])).toEqual([['amount', 500000]]);
    expect(amount.transactions.total).toBe(2);
    expect(amount.transactions.items.map((t) => Math.abs(t.amountMinor))).toEqual([500000, 500000]);
    expect(amount.messages.total).toBe(1);
    expect(amount.messages.items[0]?.snippet).toContain('转了¥5000');

    const human = chainsight(['search', caseDir, '李明华'], env);
    expect(human.status).toBe(0);
    expect(human.stdout).toContain('read as: text 李明华');
    expect(human.stdout).toMatch(/accounts 2\n/);
    expect(human.stdout).toMatch(/persons 1\n/);

    // a reader: works while the case is open for writing elsewhere
    const holder = CaseSession.open(caseDir, { host: 'electron', operator: '值班民警' }, 'write');
    try {
      expect(chainsight(['search', caseDir, '13812345678', '--json'], env).status).toBe(0);
    } finally {
      holder.close();
    }
    expect(chainsight(['search', caseDir], env).status).toBe(2);
  });

  it('tag --query tags every matching transaction and message, idempotently, audited with the items', () => {
    const { caseDir, env } = importedCase();
    const first = chainsight(['tag', caseDir, '--tag', '代理退保', '--query', '¥5000', '--operator', '脚本员', '--json'], env);
    expect(first.status, first.stderr).toBe(0);
    const tagged = first.json() as unknown as TagJson;
    expect(tagged.tag).toMatchObject({ id: 1, name: '代理退保', kind: 'typology', created: false });
    expect(tagged.applied).toEqual({ txn: 2, message: 1, account: 0, person: 0, finding: 0 });

    const again = chainsight(['tag', caseDir, '--tag', '代理退保', '--query', '5千', '--json'], env).json() as unknown as TagJson;
    expect(again.matched).toMatchObject({ txn: 2, message: 1 });
    expect(again.applied).toMatchObject({ txn: 0, message: 0 });

    const created = chainsight(['tag', caseDir, '--tag', '重点关注', '--query', '王小红'], env);
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('“重点关注” #100, created');
    expect(created.stdout).toContain('3 txn');

    const reader = CaseSession.open(caseDir, { host: 'cli', operator: '' }, 'read');
    try {
      const counts = reader.db.prepare('SELECT tag_id AS tag, item_type AS type, count(*) AS n FROM tag_link GROUP BY 1, 2 ORDER BY 1, 2').all();
      expect(counts).toEqual([
        { tag: 1, type: 'message', n: 1 },
        { tag: 1, type: 'txn', n: 2 },
        { tag: 100, type: 'txn', n: 3 },
      ]);
      const audit = reader.db.prepare("SELECT action, operator, params FROM audit WHERE action LIKE 'tags.%' ORDER BY seq").all() as { action: string; operator: string; params: string }[];
      expect(audit.map((a) => a.action)).toEqual(['tags.apply', 'tags.apply', 'tags.create', 'tags.apply']);
      expect(audit[0]?.operator).toBe('脚本员');
      const params = JSON.parse(audit[0]?.params ?? '{}') as { tagId: number; query: string; items: { type: string; id: number }[] };
      expect(params).toMatchObject({ tagId: 1, query: '¥5000' });
      expect(params.items.map((i) => i.type).sort()).toEqual(['message', 'txn', 'txn']);
      expect(reader.audit.verify().ok).toBe(true);
    } finally {
      reader.close();
    }
  });

  it('tag --rule tags the rows behind that rule’s findings (and the findings), and says so when there are none', () => {
    const { caseDir, env } = importedCase();
    const none = chainsight(['tag', caseDir, '--tag', '快进快出', '--rule', 'fast-in-fast-out', '--json'], env);
    expect(none.status).toBe(0);
    expect(none.json()).toMatchObject({ tag: { created: true }, findings: 0, applied: { txn: 0, message: 0, finding: 0 } });
    expect(chainsight(['tag', caseDir, '--tag', '快进快出', '--rule', 'fast-in-fast-out'], env).stdout).toContain('no findings of rule “fast-in-fast-out”');

    // a detector's finding as issue 7 will write one: two transactions and an account behind it
    const writer = CaseSession.open(caseDir, { host: 'cli', operator: '测试' }, 'write');
    try {
      const txns = writer.db.prepare('SELECT id FROM txn ORDER BY id LIMIT 2').pluck().all() as number[];
      const finding = Number(
        writer.db
          .prepare("INSERT INTO finding (rule, version, params, title, score, detail, created_at, created_by) VALUES ('fast-in-fast-out', 1, '{}', '快进快出', 0.9, '{}', ?, '测试')")
          .run(new Date().toISOString()).lastInsertRowid,
      );
      const item = writer.db.prepare('INSERT INTO finding_item (finding_id, item_type, item_id, role) VALUES (?, ?, ?, ?)');
      for (const id of txns) item.run(finding, 'txn', id, 'evidence');
      item.run(finding, 'account', 1, 'subject');
    } finally {
      writer.close();
    }
    const run = chainsight(['tag', caseDir, '--tag', '快进快出', '--rule', 'fast-in-fast-out', '--json'], env);
    expect(run.status, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ tag: { id: 100, created: false }, findings: 1, applied: { txn: 2, account: 1, finding: 1, message: 0 } });
  });

  it('bad usage exits 2: no --tag, both or neither of --rule and --query, nothing searchable', () => {
    const { caseDir, env } = importedCase();
    expect(chainsight(['tag', caseDir, '--query', 'x'], env).status).toBe(2);
    expect(chainsight(['tag', caseDir, '--tag', 't', '--query', 'x', '--rule', 'y'], env).status).toBe(2);
    const neither = chainsight(['tag', caseDir, '--tag', 't', '--json'], env);
    expect(neither.status).toBe(2);
    expect(neither.json()).toMatchObject({ ok: false, error: { code: 'BAD_USAGE' } });
    const nothing = chainsight(['tag', caseDir, '--tag', 't', '--query', '-'], env);
    expect(nothing.status).toBe(2);
    expect(nothing.stderr).toContain('nothing to search for');
  });
});
