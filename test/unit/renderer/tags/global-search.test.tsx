// @vitest-environment happy-dom
import '../chats/layout';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { GlobalSearchResult } from '@shared/domain';
import { settle, setupRendererTests } from '../support/dom';
import { conversation, message, chatHandlers } from '../support/fake-chats';
import { searchResult } from '../support/fake-review';
import { callsTo, renderReview } from './render-review';

setupRendererTests();

const PHONE = '13812345678';

function phoneResult(): GlobalSearchResult {
  return searchResult({
    readAs: [{ kind: 'mobile', value: PHONE, amountMinor: null, currency: null }],
    transactions: {
      total: 57,
      items: [
        {
          id: 21, utcMs: Date.UTC(2024, 2, 1, 2, 0), timeText: '2024-03-01 10:00', accountId: 10, account: '6230580000000000001', holder: '陈静',
          amountMinor: -500000, currency: 'CNY', direction: 'out', cpAccount: PHONE, cpName: '<b>王小红</b>', summary: '微信转账', matched: ['cpAccount'],
        },
      ],
    },
    messages: {
      total: 1,
      items: [
        { id: 7, conversationId: 1, conversationTitle: '退保群', utcMs: Date.UTC(2024, 2, 1, 2, 0), timeText: '2024-03-01 10:00', sender: '张三', snippet: `全额退保，先交5000定金，联系${PHONE}`, matched: ['mention:mobile', 'text'] },
      ],
    },
    identifiers: {
      total: 1,
      items: [
        {
          id: 5, type: 'phone', value: PHONE, role: 'registration', accountId: 3, account: '6214620112345677', holder: '李明华', observedUtc: null, observedText: null,
          sourceId: 6, file: '5104614320240315093012/广发银行股份有限公司账户信息.csv', line: 2,
        },
      ],
    },
  });
}

async function search(value: string) {
  const box = await screen.findByRole('searchbox', { name: '全局搜索' });
  await settle();
  fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
  expect(document.activeElement).toBe(box);
  fireEvent.change(box, { target: { value } });
  fireEvent.submit(box);
  return box;
}

describe('global search (top bar, Ctrl+K)', () => {
  it('groups what it found by kind with totals, says what the query was read as and where each item matched', async () => {
    const { backend } = renderReview('#/overview', { search: () => phoneResult() });
    await search(' 138-1234-5678 ');
    const panel = await screen.findByRole('region', { name: '搜索结果' });
    expect(await within(panel).findByText(`手机号 ${PHONE}`)).toBeTruthy();
    expect(callsTo(backend, 'search.global')).toEqual([{ value: '138-1234-5678', limit: 20 }]);
    const txns = within(panel).getByRole('region', { name: '交易 57' });
    expect(txns.textContent).toContain('共 57 处');
    expect(txns.textContent).toContain('显示前 1 处，共 57 处');
    const txn = within(txns).getByRole('link');
    expect(txn.getAttribute('href')).toBe('#/transactions?txn=21');
    expect(txn.textContent).toContain('2024-03-01 10:00:00');
    expect(txn.textContent).toContain('-¥ 5,000.00');
    expect(txn.textContent).toContain('→ <b>王小红</b>');
    expect(txn.textContent).toContain('对手账卡号');
    expect(document.querySelector('.search-panel b')).toBeNull();
    const messages = within(panel).getByRole('region', { name: '聊天消息 1' });
    expect(within(messages).getByRole('link').getAttribute('href')).toBe('#/chats?message=7');
    expect(messages.textContent).toContain('消息中写到的手机号 · 消息文字');
    const ids = within(panel).getByRole('region', { name: '技术链标识（注册手机、登录 IP、绑定卡…） 1' });
    expect(ids.textContent).toContain('注册');
    expect(ids.textContent).toContain('手机号');
    expect(ids.textContent).toContain('广发银行股份有限公司账户信息.csv · 第 2 行');
    expect(within(ids).getByRole('link').getAttribute('href')).toBe('#/transactions?account=3');
    expect(within(panel).queryByRole('region', { name: /^账户/ })).toBeNull();

    // a result opens its item and closes the panel
    fireEvent.click(within(txns).getByRole('link'));
    await waitFor(() => expect(screen.queryByRole('region', { name: '搜索结果' })).toBeNull());
  });

  it('says when nothing searchable was typed, and Esc closes the results', async () => {
    renderReview('#/overview', { search: () => searchResult() });
    const box = await search('--');
    const panel = await screen.findByRole('region', { name: '搜索结果' });
    expect(await within(panel).findByText(/未识别出可搜索的内容/)).toBeTruthy();
    fireEvent.keyDown(box, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('region', { name: '搜索结果' })).toBeNull());
  });

  it('a message result opens the chat screen on that message with its details, where it can be tagged, starred and noted', async () => {
    const chats = chatHandlers({
      conversations: [conversation({ id: 1, title: '退保群', messages: 2 })],
      messages: [message({ id: 6, text: '你好' }), message({ id: 7, utcMs: Date.UTC(2023, 4, 1, 3, 0), senderName: '张三', text: `全额退保，先交5000定金，联系${PHONE}` })],
    });
    const { backend, state } = renderReview('#/overview', { search: () => phoneResult(), handlers: chats });
    await search(PHONE);
    const panel = await screen.findByRole('region', { name: '搜索结果' });
    fireEvent.click(within(await within(panel).findByRole('region', { name: '聊天消息 1' })).getByRole('link'));
    const detail = await screen.findByRole('complementary', { name: '消息详情' });
    await waitFor(() => expect(window.location.hash).toBe('#/chats'));
    expect(within(detail).getAllByText(`全额退保，先交5000定金，联系${PHONE}`, { exact: false }).length).toBeGreaterThan(0);

    const marks = within(detail).getByRole('region', { name: '标签与备注' });
    expect(await within(marks).findByText('尚无标签')).toBeTruthy();
    const picker = within(marks).getByRole('combobox', { name: '打标签' });
    fireEvent.focus(picker);
    fireEvent.click(await within(marks).findByRole('option', { name: /代理退保/ }));
    await waitFor(() => expect(callsTo(backend, 'tags.apply')).toEqual([{ tagId: 1, items: [{ type: 'message', id: 7 }] }]));
    expect(await within(marks).findByRole('button', { name: '移除标签“代理退保”' })).toBeTruthy();

    fireEvent.click(within(marks).getByRole('button', { name: '加星标' }));
    await waitFor(() => expect(state.notes.get('message:7')).toEqual({ text: '', starred: true }));
    fireEvent.change(await within(marks).findByRole('textbox', { name: '备注' }), { target: { value: '定金话术' } });
    fireEvent.click(within(marks).getByRole('button', { name: '保存备注' }));
    await waitFor(() => expect(state.notes.get('message:7')).toEqual({ text: '定金话术', starred: true }));

    fireEvent.click(within(marks).getByRole('button', { name: '移除标签“代理退保”' }));
    await waitFor(() => expect(callsTo(backend, 'tags.remove')).toEqual([{ tagId: 1, items: [{ type: 'message', id: 7 }] }]));
    expect(await within(marks).findByText('尚无标签')).toBeTruthy();
  });
});
