// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../../../renderer/src/i18n';
import { setupRendererTests } from '../support/dom';
import { reviewState } from '../support/fake-review';
import { callsTo, renderReview } from './render-review';

setupRendererTests();

function taggedState() {
  const state = reviewState();
  const at = '2024-03-05T02:00:00.000Z';
  const by = '李警官（某市公安局经侦支队，警号 012345）';
  state.links.push({ tagId: 1, type: 'txn', id: 21, at, by }, { tagId: 1, type: 'message', id: 7, at, by }, { tagId: 1, type: 'account', id: 3, at, by });
  state.notes.set('txn:21', { text: '转给注册手机号账户', starred: true });
  return state;
}

describe('标签与证据包 page', () => {
  it('lists the typology presets first with their counts and English labels, then the free tags', async () => {
    renderReview('#/tags', { state: taggedState() });
    const list = await screen.findByRole('navigation', { name: '标签与证据包' });
    const entries = within(list).getAllByRole('button').filter((b) => b.classList.contains('tag-entry'));
    expect(entries.map((e) => e.textContent)).toEqual([
      '代理退保Surrender-refund agent3',
      '反催收/停息挂账Anti-collection / interest freeze0',
      '保险诈骗Insurance fraud0',
      '重点嫌疑0',
    ]);
    expect(entries[0]?.getAttribute('title')).toBe('交易 1 · 消息 1 · 账户 1 · 人员 0 · 发现 0');
    expect(within(list).getByRole('heading', { name: '类型标签（预置）' })).toBeTruthy();
    expect(within(list).getByRole('heading', { name: '自定义标签' })).toBeTruthy();
    expect(screen.getByText('在左侧选择一个标签，查看其下的项目。')).toBeTruthy();
  });

  it('shows a tag’s items one line each — time in the display zone, account, amount, counterparty, note — and opens them', async () => {
    renderReview('#/tags/1', { state: taggedState() });
    const items = await screen.findByRole('region', { name: '“代理退保”下的项目' });
    const rows = await within(items).findAllByRole('listitem');
    expect(rows).toHaveLength(3);
    const [txn, message, account] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(txn.textContent).toContain('2024-03-01 10:00:00');
    expect(txn.textContent).toContain('6230580000000000001');
    expect(txn.textContent).toContain('付 ¥ 5,000.00');
    expect(txn.textContent).toContain('→ 王小红 6222020200112233446');
    expect(txn.textContent).toContain('微信转账');
    expect(txn.textContent).toContain('转给注册手机号账户');
    expect(within(txn).getByRole('button', { name: '取消星标' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(txn).getByRole('link', { name: '打开' }).getAttribute('href')).toBe('#/transactions?txn=21');
    expect(message.textContent).toContain('张三');
    expect(message.textContent).toContain('全额退保，先交5000定金');
    expect(within(message).getByRole('link', { name: '打开' }).getAttribute('href')).toBe('#/chats?message=7');
    expect(account.textContent).toContain('李明华');
    expect(account.textContent).toContain('110105198503121234');
    expect(within(account).getByRole('link', { name: '打开' }).getAttribute('href')).toBe('#/transactions?account=3');
    expect(txn.textContent).toContain('李警官（某市公安局经侦支队，警号 012345） 标记于 2024-03-05 10:00:00');

    // filter by item type
    fireEvent.click(within(items).getByRole('button', { name: '消息 1' }));
    await waitFor(() => expect(within(items).getAllByRole('listitem')).toHaveLength(1));
  });

  it('stars, writes a note and removes an item from the tag through the backend', async () => {
    const { backend, state } = renderReview('#/tags/1', { state: taggedState() });
    const items = await screen.findByRole('region', { name: '“代理退保”下的项目' });
    const message = (await within(items).findAllByRole('listitem'))[1] as HTMLElement;
    fireEvent.click(within(message).getByRole('button', { name: '加星标' }));
    await waitFor(() => expect(callsTo(backend, 'notes.set')).toEqual([{ item: { type: 'message', id: 7 }, text: '', starred: true }]));
    const starred = await waitFor(() => {
      const row = within(items).getAllByRole('listitem')[1] as HTMLElement;
      expect(within(row).getByRole('button', { name: '取消星标' })).toBeTruthy();
      return row;
    });
    fireEvent.click(within(starred).getByRole('button', { name: '写备注' }));
    fireEvent.change(within(starred).getByRole('textbox', { name: '备注' }), { target: { value: '收定金话术' } });
    fireEvent.click(within(starred).getByRole('button', { name: '保存备注' }));
    await waitFor(() => expect(state.notes.get('message:7')).toEqual({ text: '收定金话术', starred: true }));
    await waitFor(() => expect(within(items).getAllByRole('listitem')[1]?.textContent).toContain('收定金话术'));

    fireEvent.click(within(within(items).getAllByRole('listitem')[2] as HTMLElement).getByRole('button', { name: '移出此标签' }));
    await waitFor(() => expect(callsTo(backend, 'tags.remove')).toEqual([{ tagId: 1, items: [{ type: 'account', id: 3 }] }]));
    await waitFor(() => expect(within(items).getAllByRole('listitem')).toHaveLength(2));
  });

  it('creates, renames and deletes a free tag; a preset offers neither rename nor delete', async () => {
    const { backend } = renderReview('#/tags/1', { state: taggedState() });
    const items = await screen.findByRole('region', { name: '“代理退保”下的项目' });
    expect(within(items).getByText('预置的类型标签不能重命名或删除')).toBeTruthy();
    expect(within(items).queryByRole('button', { name: '删除标签' })).toBeNull();

    const list = screen.getByRole('navigation', { name: '标签与证据包' });
    fireEvent.change(within(list).getByRole('textbox', { name: '标签名称' }), { target: { value: '资金回流' } });
    fireEvent.click(within(list).getByRole('button', { name: '创建' }));
    const created = await screen.findByRole('region', { name: '“资金回流”下的项目' });
    expect(window.location.hash).toBe('#/tags/101');
    expect(await within(created).findByText('此标签下尚无项目。')).toBeTruthy();

    fireEvent.click(within(created).getByRole('button', { name: '重命名' }));
    const name = within(created).getByRole('textbox', { name: '标签名称' });
    fireEvent.change(name, { target: { value: '资金回流（核实）' } });
    fireEvent.click(within(created).getByRole('button', { name: '保存' }));
    await screen.findByRole('region', { name: '“资金回流（核实）”下的项目' });
    expect(callsTo(backend, 'tags.rename')).toEqual([{ tagId: 101, name: '资金回流（核实）', color: '#2563eb' }]);

    fireEvent.click(screen.getByRole('button', { name: '删除标签' }));
    const confirm = screen.getByRole('alertdialog', { name: '删除标签' });
    expect(confirm.textContent).toContain('删除标签“资金回流（核实）”？0 项上的此标签会被移除');
    fireEvent.click(within(confirm).getByRole('button', { name: '确认删除' }));
    await waitFor(() => expect(window.location.hash).toBe('#/tags'));
    expect(callsTo(backend, 'tags.delete')).toEqual([{ tagId: 101 }]);
    await waitFor(() => expect(within(screen.getByRole('navigation', { name: '标签与证据包' })).queryByText('资金回流（核实）')).toBeNull());
  });

  it('says a name is taken in the investigator’s words', async () => {
    renderReview('#/tags', { state: taggedState() });
    const list = await screen.findByRole('navigation', { name: '标签与证据包' });
    fireEvent.change(within(list).getByRole('textbox', { name: '标签名称' }), { target: { value: '重点嫌疑' } });
    fireEvent.click(within(list).getByRole('button', { name: '创建' }));
    expect((await within(list).findByRole('alert')).textContent).toBe('已有同名标签');
  });

  it('shows seized strings and notes as text, creating no element from them', async () => {
    const state = taggedState();
    const hostile = '<img src=x onerror=alert(1)><script>window.pwned=1</script>';
    const txn = state.items[0];
    if (txn) Object.assign(txn, { detail: hostile, context: hostile });
    state.notes.set('txn:21', { text: hostile, starred: false });
    renderReview('#/tags/1', { state });
    const items = await screen.findByRole('region', { name: '“代理退保”下的项目' });
    await within(items).findAllByRole('listitem');
    expect(within(items).getAllByText(hostile, { exact: false }).length).toBeGreaterThanOrEqual(2);
    expect(document.querySelector('.tags-page img, .tags-page script')).toBeNull();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('a tagged finding reads in the interface language; one recorded with a Chinese title only keeps it', async () => {
    const state = reviewState();
    const at = '2024-03-05T02:00:00.000Z';
    const finding = { exists: true, utcMs: Date.parse(at), timeText: at, subtitle: null, context: null, amountMinor: null, currency: null, direction: null, detail: 'fast-in-fast-out v1' };
    state.items.push(
      { ...finding, type: 'finding', id: 5, title: '疑似快进快出：王五 6222…0001 1 次资金转入后 30 分钟内转出（转入 ¥6万，转出 ¥5.8万）', titleEn: 'Suspected fast in, fast out: 王五 6222…0001 passed on 1 inflow within 30 minutes (in ¥60,000.00, out ¥58,000.00)' },
      { ...finding, type: 'finding', id: 6, title: '疑似快进快出：赵六 6222…0002 2 次资金转入后 30 分钟内转出（转入 ¥12万，转出 ¥11万）', titleEn: null },
    );
    state.links.push({ tagId: 1, type: 'finding', id: 5, at, by: '李警官' }, { tagId: 1, type: 'finding', id: 6, at, by: '李警官' });
    await setLanguage('en');
    renderReview('#/tags/1', { state });
    const items = await screen.findByRole('region', { name: /^Items tagged/ });
    const [translated, older] = await within(items).findAllByRole('listitem');
    expect(translated?.querySelector('.tagged-title')?.textContent).toBe('Suspected fast in, fast out: 王五 6222…0001 passed on 1 inflow within 30 minutes (in ¥60,000.00, out ¥58,000.00)');
    expect(older?.querySelector('.tagged-title')?.textContent).toBe('疑似快进快出：赵六 6222…0002 2 次资金转入后 30 分钟内转出（转入 ¥12万，转出 ¥11万）');
    await setLanguage('zh-CN');
    await waitFor(() => expect(within(items).getAllByRole('listitem')[0]?.querySelector('.tagged-title')?.textContent).toMatch(/^疑似快进快出：王五/));
  });

  it('a read-only case can be looked at but not marked', async () => {
    renderReview('#/tags/1', { state: taggedState(), readOnly: true });
    const items = await screen.findByRole('region', { name: '“代理退保”下的项目' });
    await within(items).findAllByRole('listitem');
    expect(screen.getByText('案件以只读方式打开：可以查看，不能标记。')).toBeTruthy();
    expect(within(items).queryByRole('button', { name: '移出此标签' })).toBeNull();
    expect(within(items).getByRole('button', { name: '取消星标' }).hasAttribute('disabled')).toBe(true);
    expect(screen.queryByRole('textbox', { name: '标签名称' })).toBeNull();
  });
});
