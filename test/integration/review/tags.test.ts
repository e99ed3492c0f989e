import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '@shared/api';
import type { ItemMarks, ItemNote, Tag, TaggedItem } from '@shared/domain';
import { createBackend } from '../../../electron/core/backend';
import type { Backend } from '../../../electron/core/host';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { TYPOLOGY_PRESETS } from '../../../electron/core/tags/presets';
import { listTags } from '../../../electron/core/tags/tag-store';
import { useTempDirs } from '../../support/temp-dir';
import { PHONE, reviewCase } from './review-case';

async function call<T>(backend: Backend, method: string, input: unknown = {}): Promise<T> {
  const result = (await backend.dispatch(method, input)) as Result<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

interface AuditRow {
  action: string;
  operator: string;
  params: string;
}

/** The review case opened through the backend by an operator, as the UI has it. */
async function openedCase(tempDir: () => string) {
  const root = tempDir();
  const session = await reviewCase(root);
  const ids = {
    txns: session.db.prepare('SELECT id FROM txn WHERE cp_account = ? OR summary LIKE ? ORDER BY id').pluck().all(PHONE, `%${PHONE}%`) as number[],
    message: session.db.prepare("SELECT id FROM message WHERE text LIKE '%全额退保%'").pluck().get() as number,
    account: session.db.prepare("SELECT id FROM account WHERE holder_name = '李明华' ORDER BY id").pluck().get() as number,
    person: session.db.prepare("SELECT id FROM person WHERE name = '李明华'").pluck().get() as number,
  };
  const caseDir = session.caseDir;
  session.close();
  const backend = await createBackend({ host: 'serve', dataDir: join(root, 'data'), casesDir: join(root, 'cases'), version: 't' });
  const op = await call<{ id: string }>(backend, 'operators.save', { name: '陈警官', unit: '经侦支队', badge: '031234' });
  await call(backend, 'operators.select', { id: op.id });
  await call(backend, 'cases.open', { caseDir });
  const audit = async (): Promise<AuditRow[]> => (await call<{ entries: AuditRow[] }>(backend, 'audit.list', { limit: 1000 })).entries;
  return { backend, ids, caseDir, audit };
}

describe('tags, notes and stars (issue 6 §4)', () => {
  const tempDir = useTempDirs();

  it('gives the case its typology presets on first use, first in the list, with English labels and fixed ids', async () => {
    const { backend } = await openedCase(tempDir);
    const { tags } = await call<{ tags: Tag[] }>(backend, 'tags.list');
    expect(tags.map((t) => t.name)).toEqual(TYPOLOGY_PRESETS.map((p) => p.name));
    expect(tags.slice(0, 8).map((t) => t.name)).toEqual(['代理退保', '反催收/停息挂账', '贷款中介', '恶意逃废债', '信用卡套现', '保险诈骗', '代理理赔', '虚假诉讼']);
    expect(tags[0]).toMatchObject({ id: 1, kind: 'typology', nameEn: 'Surrender-refund agent', total: 0 });
    const free = await call<Tag>(backend, 'tags.create', { name: '  重点嫌疑  ' });
    expect(free).toMatchObject({ name: '重点嫌疑', kind: 'free', nameEn: null });
    expect(free.id).toBeGreaterThanOrEqual(100);
    expect(free.color).toMatch(/^#[0-9a-f]{6}$/);
    const again = await call<{ tags: Tag[] }>(backend, 'tags.list');
    expect(again.tags.at(-1)?.name).toBe('重点嫌疑');
    expect(again.tags.filter((t) => t.kind === 'typology')).toHaveLength(TYPOLOGY_PRESETS.length);
    // the same name twice is refused, with the clash named
    const clash = await backend.dispatch('tags.create', { name: '代理退保' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { reason: 'tag-exists', tagId: 1 } } });
  });

  it('applies and removes idempotently, counts per item type, and audits every change with its items', async () => {
    const { backend, ids, audit } = await openedCase(tempDir);
    const items = [
      ...ids.txns.map((id) => ({ type: 'txn', id })),
      { type: 'message', id: ids.message },
      { type: 'account', id: ids.account },
      { type: 'person', id: ids.person },
    ];
    expect(ids.txns).toHaveLength(2);
    expect(await call(backend, 'tags.apply', { tagId: 1, items })).toEqual({ applied: 5, already: 0 });
    // again, with a repeat inside the call: nothing new, nothing doubled
    expect(await call(backend, 'tags.apply', { tagId: 1, items: [...items, items[0]] })).toEqual({ applied: 0, already: 5 });
    const preset = (await call<{ tags: Tag[] }>(backend, 'tags.list')).tags[0];
    expect(preset).toMatchObject({ name: '代理退保', total: 5, counts: { txn: 2, message: 1, account: 1, person: 1, finding: 0 } });

    expect(await call(backend, 'tags.remove', { tagId: 1, items: [{ type: 'txn', id: ids.txns[0] }] })).toEqual({ removed: 1 });
    expect(await call(backend, 'tags.remove', { tagId: 1, items: [{ type: 'txn', id: ids.txns[0] }] })).toEqual({ removed: 0 });
    expect((await call<{ tags: Tag[] }>(backend, 'tags.list')).tags[0]?.counts.txn).toBe(1);

    const entries = await audit();
    const applies = entries.filter((e) => e.action === 'tags.apply');
    expect(applies).toHaveLength(2);
    expect(applies.every((e) => e.operator.startsWith('陈警官'))).toBe(true);
    // newest first: the last entry is the first call
    const applied = JSON.parse(applies.at(-1)?.params ?? '{}') as { tagId: number; items: unknown[] };
    expect(applied.tagId).toBe(1);
    expect(applied.items).toHaveLength(5);
    expect(applied.items).toContainEqual({ type: 'message', id: ids.message });
    expect(applied.items).toContainEqual({ type: 'person', id: ids.person });
    const removal = entries.find((e) => e.action === 'tags.remove');
    expect(JSON.parse(removal?.params ?? '{}')).toEqual({ tagId: 1, items: [{ type: 'txn', id: ids.txns[0] }] });
  });

  it('refuses items the case does not hold, saying which, and links none of the list', async () => {
    const { backend, ids, audit } = await openedCase(tempDir);
    const refused = await backend.dispatch('tags.apply', { tagId: 1, items: [{ type: 'txn', id: ids.txns[0] }, { type: 'txn', id: 999_999 }, { type: 'finding', id: 1 }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { reason: 'missing-items', missing: 2 } } });
    expect(JSON.stringify(refused)).toContain('txn 999999');
    expect(JSON.stringify(refused)).toContain('finding 1');
    expect((await call<{ tags: Tag[] }>(backend, 'tags.list')).tags[0]?.total).toBe(0);
    expect((await audit()).some((e) => e.action === 'tags.apply.failed')).toBe(true);
    expect(await backend.dispatch('tags.apply', { tagId: 4242, items: [{ type: 'txn', id: ids.txns[0] }] })).toMatchObject({ ok: false, error: { details: { reason: 'no-such-tag' } } });
  });

  it('protects the typology presets from deletion and renaming; deletes a free tag with its links, audited', async () => {
    const { backend, ids, audit } = await openedCase(tempDir);
    expect(await backend.dispatch('tags.delete', { tagId: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { reason: 'preset' } } });
    expect(await backend.dispatch('tags.rename', { tagId: 2, name: '随便' })).toMatchObject({ ok: false, error: { details: { reason: 'preset' } } });
    // a preset may change colour
    expect(await call(backend, 'tags.rename', { tagId: 2, name: '反催收/停息挂账', color: '#123456' })).toMatchObject({ id: 2, color: '#123456' });

    const free = await call<Tag>(backend, 'tags.create', { name: '待核实', color: '#00AA00' });
    expect(free.color).toBe('#00aa00');
    const renamed = await call<Tag>(backend, 'tags.rename', { tagId: free.id, name: '已核实' });
    expect(renamed).toMatchObject({ id: free.id, name: '已核实' });
    await call(backend, 'tags.apply', { tagId: free.id, items: ids.txns.map((id) => ({ type: 'txn', id })) });
    expect(await call(backend, 'tags.delete', { tagId: free.id })).toEqual({ name: '已核实', links: 2 });
    const { tags } = await call<{ tags: Tag[] }>(backend, 'tags.list');
    expect(tags.some((t) => t.id === free.id)).toBe(false);
    const marks = await call<{ items: ItemMarks[] }>(backend, 'tags.ofItems', { items: [{ type: 'txn', id: ids.txns[0] }] });
    expect(marks.items[0]?.tags).toEqual([]);
    const actions = (await audit()).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['tags.create', 'tags.rename', 'tags.delete', 'tags.delete.failed']));
  });

  it('lists a tag’s items with a one-line description each, in time order, and the tags, notes and stars per item', async () => {
    const { backend, ids } = await openedCase(tempDir);
    const free = await call<Tag>(backend, 'tags.create', { name: '资金回流' });
    await call(backend, 'tags.apply', {
      tagId: free.id,
      items: [
        { type: 'person', id: ids.person },
        { type: 'txn', id: ids.txns[1] },
        { type: 'message', id: ids.message },
        { type: 'txn', id: ids.txns[0] },
        { type: 'account', id: ids.account },
      ],
    });
    await call(backend, 'tags.apply', { tagId: 6, items: [{ type: 'txn', id: ids.txns[0] }] });
    await call(backend, 'notes.set', { item: { type: 'txn', id: ids.txns[0] }, text: '转给注册手机号账户', starred: true });

    const page = await call<{ total: number; items: TaggedItem[] }>(backend, 'tags.items', { tagId: free.id });
    expect(page.total).toBe(5);
    expect(page.items.map((i) => i.type)).toEqual(['txn', 'message', 'txn', 'account', 'person']);
    const [payment, message, repayment, account, person] = page.items;
    expect(payment).toMatchObject({
      exists: true,
      timeText: '2024-03-01 10:00',
      title: '6230580000000000001',
      detail: PHONE,
      amountMinor: -500000,
      currency: 'CNY',
      direction: 'out',
      note: '转给注册手机号账户',
      starred: true,
    });
    expect(payment?.taggedBy).toMatch(/^陈警官/);
    expect(message).toMatchObject({ title: '张三', context: '退保群', timeText: '2024-03-01 10:00' });
    expect(message?.detail).toContain('全额退保');
    expect(repayment).toMatchObject({ amountMinor: 30000, direction: 'in', context: `还款 ${PHONE}` });
    expect(account).toMatchObject({ subtitle: '李明华', detail: '110105198503121234', utcMs: null });
    expect(person).toMatchObject({ title: '李明华', detail: '110105198503121234' });

    const onlyTxns = await call<{ total: number; items: TaggedItem[] }>(backend, 'tags.items', { tagId: free.id, type: 'txn', limit: 1, offset: 1 });
    expect(onlyTxns.total).toBe(2);
    expect(onlyTxns.items.map((i) => i.id)).toEqual([ids.txns[1]]);

    const marks = await call<{ items: ItemMarks[] }>(backend, 'tags.ofItems', {
      items: [
        { type: 'txn', id: ids.txns[0] },
        { type: 'txn', id: ids.txns[1] },
        { type: 'txn', id: 424242 },
      ],
    });
    expect(marks.items.map((m) => m.tags.map((t) => t.name))).toEqual([['保险诈骗', '资金回流'], ['资金回流'], []]);
    expect(marks.items.map((m) => [m.note, m.starred])).toEqual([['转给注册手机号账户', true], [null, false], [null, false]]);
  });

  it('keeps notes and stars per item; clearing both removes them; the audit has each change', async () => {
    const { backend, ids, audit } = await openedCase(tempDir);
    const item = { type: 'message', id: ids.message };
    expect(await call<ItemNote>(backend, 'notes.get', { item })).toEqual({ item, text: '', starred: false, updatedAt: null, updatedBy: null });
    const starred = await call<ItemNote>(backend, 'notes.set', { item, text: '', starred: true });
    expect(starred).toMatchObject({ text: '', starred: true });
    expect(starred.updatedBy).toMatch(/^陈警官/);
    await call(backend, 'notes.set', { item, text: '收定金话术\n第二行', starred: true });
    expect(await call<ItemNote>(backend, 'notes.get', { item })).toMatchObject({ text: '收定金话术\n第二行', starred: true });
    await call(backend, 'notes.set', { item, text: '  ', starred: false });
    expect(await call<ItemNote>(backend, 'notes.get', { item })).toMatchObject({ text: '', starred: false, updatedAt: null });
    expect(await backend.dispatch('notes.set', { item: { type: 'person', id: 9999 }, text: 'x', starred: false })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const notes = (await audit()).filter((e) => e.action === 'notes.set').map((e) => JSON.parse(e.params) as { item: unknown; text: string });
    expect(notes.map((n) => n.text)).toEqual(['  ', '收定金话术\n第二行', '']);
    expect(notes.map((n) => n.item)).toEqual([item, item, item]);
  });

  it('a case read by another program (read-only) lists the presets it will get without writing them', async () => {
    const { caseDir } = await openedCase(tempDir);
    const reader = CaseSession.open(caseDir, { host: 'cli', operator: '' }, 'read');
    try {
      const tags = listTags(reader.db);
      expect(tags.map((t) => [t.id, t.name])).toEqual(TYPOLOGY_PRESETS.map((p) => [p.id, p.name]));
      expect(reader.db.prepare('SELECT count(*) FROM tag').pluck().get()).toBe(0);
    } finally {
      reader.close();
    }
  });
});
