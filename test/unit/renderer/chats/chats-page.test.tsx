// @vitest-environment happy-dom
import './layout';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MentionSummary } from '@shared/domain';
import { setupRendererTests } from '../support/dom';
import { conversation, message } from '../support/fake-chats';
import { callsTo, renderChats } from './render-chats';

setupRendererTests();

const MAY_1 = Date.UTC(2023, 4, 1, 2, 0, 0);
const HOUR = 3_600_000;

function conversations() {
  return [
    conversation({ id: 1, title: '退保维权交流群', messages: 1_234, flagged: 12, participants: 7 }),
    conversation({
      id: 2,
      platform: 'qq',
      kind: 'private',
      title: '李四',
      messages: 56,
      flagged: 0,
      participants: 2,
      firstUtc: Date.UTC(2023, 6, 3, 1, 0, 0),
      lastUtc: Date.UTC(2023, 6, 3, 9, 0, 0),
    }),
  ];
}

function thread() {
  return screen.findByRole('feed', { name: '消息' });
}

describe('chat screen (聊天)', () => {
  it('names the next step when the case has no chats', async () => {
    renderChats({ conversations: [], messages: [] });
    expect(await screen.findByText('本案尚无聊天记录')).toBeTruthy();
    expect(screen.getByText(/在「导入」页导入聊天记录/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '去导入聊天记录' }));
    await waitFor(() => expect(window.location.hash).toBe('#/import'));
  });

  it('lists conversations with platform, kind, message counts, date ranges and flagged messages under “all conversations”', async () => {
    const { backend } = renderChats({ conversations: conversations(), messages: [message({ id: 1 }), message({ id: 2, conversationId: 2, conversationTitle: '李四' })] });
    const list = await screen.findByRole('navigation', { name: '会话列表' });
    const [all, group, direct] = within(list).getAllByRole('button');
    expect(all?.textContent).toContain('全部会话');
    expect(all?.textContent).toContain('1,290 条');
    expect(all?.textContent).toContain('2023-05-01 – 2023-07-03');
    expect(all?.getAttribute('aria-current')).toBe('true');
    expect(group?.textContent).toContain('微信');
    expect(group?.textContent).toContain('群聊 · 7 人');
    expect(group?.textContent).toContain('1,234 条');
    expect(group?.textContent).toContain('2023-05-01 – 2023-06-30');
    expect(within(group as HTMLElement).getByTitle('12 条消息的词库得分达到标记阈值（疑似话术）').textContent).toBe('⚑ 12');
    expect(direct?.textContent).toContain('QQ');
    expect(direct?.textContent).toContain('私聊');
    expect(direct?.textContent).toContain('56 条');
    expect(direct?.textContent).toContain('2023-07-03');
    expect(direct?.textContent).not.toContain('⚑');

    // all conversations at first, then the one chosen
    await waitFor(() => expect(callsTo(backend, 'chats.messages')[0]).toEqual({ offset: 0, limit: 150 }));
    fireEvent.click(direct as HTMLElement);
    await waitFor(() => expect(callsTo(backend, 'chats.messages').at(-1)).toEqual({ conversationId: 2, offset: 0, limit: 150 }));
    expect(direct?.getAttribute('aria-current')).toBe('true');
    expect(await within(await thread()).findByText('你好')).toBeTruthy();
  });

  it('shows markup in a message as characters and adds no script or image element', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    renderChats({
      conversations: [conversation({ id: 1, messages: 1, title: '<b>群</b>' })],
      messages: [message({ text: hostile, senderName: '<img src=y onerror=alert(2)>' })],
    });
    const feed = await thread();
    expect(await within(feed).findByText(hostile)).toBeTruthy();
    expect(within(feed).getByText('<img src=y onerror=alert(2)>')).toBeTruthy();
    expect(screen.getAllByText('<b>群</b>').length).toBeGreaterThan(0);
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
  });

  it('isolates an RTL override in a sender name or text so the rest of the row keeps its order', async () => {
    const sender = '\u202Eevil.exe 张三';
    const text = '转账\u202E 0005 元 已到';
    renderChats({ conversations: [conversation({ id: 1, messages: 1 })], messages: [message({ senderName: sender, text, type: 'transfer', amountMinor: 500_000 })] });
    const feed = await thread();
    const row = await within(feed).findByRole('article');
    const senderIsolate = within(row).getByText(sender);
    const textIsolate = within(row).getByText(text);
    // each seized string sits alone in its own <bdi>: the override ends where the string ends
    expect(senderIsolate.tagName).toBe('BDI');
    expect(textIsolate.tagName).toBe('BDI');
    const time = within(row).getByText('2023-05-01 10:00:00');
    const badge = within(row).getByText('转账');
    const amount = within(row).getByText('¥ 5,000.00');
    for (const field of [time, badge, amount]) {
      expect(senderIsolate.contains(field)).toBe(false);
      expect(textIsolate.contains(field)).toBe(false);
    }
    // and in document order: time, sender, badge, amount — the override did not move them
    const order = [time, senderIsolate, badge, amount].map((el) => [...row.querySelectorAll('*')].indexOf(el));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('shows type badges, amounts, the linked trade, 恢复, attachments with their hash, and the provenance in the detail', async () => {
    renderChats({
      conversations: [conversation({ id: 1, messages: 3 })],
      messages: [
        message({ id: 1, type: 'transfer', text: '定金', amountMinor: 500_000, txnId: 77 }),
        message({ id: 2, utcMs: MAY_1 + HOUR, type: 'image', text: '', recovered: true, attachments: [{ name: 'IMG_0001.jpg', kind: 'image', sha256: 'ab'.repeat(32), size: 1024 }] }),
        message({ id: 3, utcMs: MAY_1 + 2 * HOUR, type: 'voice', text: '', attachments: [{ name: 'voice_01.amr', kind: 'voice', sha256: null, size: null }], source: { sourceId: 9, file: '取证报告/聊天.xlsx', sheet: '微信聊天', line: 1_234 } }),
      ],
    });
    const feed = await thread();
    const rows = await within(feed).findAllByRole('article');
    expect(rows).toHaveLength(3);
    const [transfer, image, voice] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(transfer).getByText('转账')).toBeTruthy();
    expect(within(transfer).getByText('¥ 5,000.00')).toBeTruthy();
    expect(within(transfer).getByTitle('这条消息对应交易明细 #77').textContent).toContain('交易 #77');
    expect(within(image).getByText('图片')).toBeTruthy();
    expect(within(image).getByTitle('从已删除的记录中恢复').textContent).toBe('恢复');
    expect(within(image).getByText('IMG_0001.jpg')).toBeTruthy();
    expect(within(image).getByTitle(`SHA-256：${'ab'.repeat(32)}`)).toBeTruthy();
    expect(within(voice).getByText('语音')).toBeTruthy();
    expect(within(voice).getByTitle('导出中没有该附件的原件，未计算校验值').textContent).toBe('无原件');
    // hover on the time gives the original text and offset
    expect(within(transfer).getByText('2023-05-01 10:00:00').getAttribute('title')).toBe('原始时间：2023/5/1 10:00:00（UTC+08:00）；UTC：2023-05-01T02:00:00.000Z');

    fireEvent.click(within(voice).getByRole('button', { name: '详情' }));
    const detail = await screen.findByRole('complementary', { name: '消息详情' });
    expect(within(detail).getByText('取证报告/聊天.xlsx')).toBeTruthy();
    expect(within(detail).getByText('微信聊天')).toBeTruthy();
    expect(within(detail).getByText('1,234')).toBeTruthy();
    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('complementary', { name: '消息详情' })).toBeNull());
    expect(screen.getByRole('complementary', { name: '线索' })).toBeTruthy();
  });

  it('shows the first 2,000 characters of a gigantic message and the rest on 展开', async () => {
    const text = `${'开头'.repeat(10)}${'a'.repeat(1_000_000 - 20)}`;
    renderChats({ conversations: [conversation({ id: 1, messages: 1 })], messages: [message({ text })] });
    const feed = await thread();
    const body = await waitFor(() => {
      const found = feed.querySelector('.msg-text-body');
      if (!found) throw new Error('no message body yet');
      return found;
    });
    expect(body.textContent).toHaveLength(2_000);
    expect(body.textContent?.startsWith('开头开头')).toBe(true);
    fireEvent.click(within(feed).getByRole('button', { name: '展开（还有 998,000 字）' }));
    await waitFor(() => expect(feed.querySelector('.msg-text-body')?.textContent).toHaveLength(202_000));
    expect(within(feed).getByRole('button', { name: '展开（还有 798,000 字）' })).toBeTruthy();
    fireEvent.click(within(feed).getByRole('button', { name: '收起' }));
    await waitFor(() => expect(feed.querySelector('.msg-text-body')?.textContent).toHaveLength(2_000));
  });

  it('searches on Enter, marks every hit with <mark>, and opens a result in its thread', async () => {
    const messages = [
      message({ id: 1, text: '你好，我想全额退保', utcMs: MAY_1 }),
      message({ id: 2, text: '退保的服务费是多少？退保成功再付', utcMs: MAY_1 + HOUR }),
      message({ id: 3, text: '先交定金', utcMs: MAY_1 + 2 * HOUR }),
      message({ id: 4, conversationId: 2, conversationTitle: '李四', text: '退保金到账了', utcMs: MAY_1 + 3 * HOUR }),
    ];
    const { backend } = renderChats({ conversations: conversations(), messages });
    await thread();
    const box = screen.getByRole('searchbox', { name: '搜索聊天内容' });
    fireEvent.change(box, { target: { value: '退保' } });
    fireEvent.submit(box);

    const results = await screen.findByRole('region', { name: '搜索结果' });
    expect(await within(results).findByText('「退保」：3 条消息')).toBeTruthy();
    expect(callsTo(backend, 'chats.search').at(-1)).toEqual({ query: '退保', offset: 0, limit: 100 });
    const marks = [...results.querySelectorAll('mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['退保', '退保', '退保', '退保']);
    expect(within(results).getByText('范围：全部会话')).toBeTruthy();

    // the second hit opens conversation 1 scrolled to it, the term still marked there
    fireEvent.click(within(results).getByRole('button', { name: /的服务费是多少/ }));
    await waitFor(() => expect(screen.queryByRole('region', { name: '搜索结果' })).toBeNull());
    expect(callsTo(backend, 'chats.locate').at(-1)).toMatchObject({ conversationId: 1, messageId: 2 });
    const feed = await thread();
    const target = await waitFor(() => {
      const found = feed.querySelector('.msg-target');
      if (!found) throw new Error('no target yet');
      return found as HTMLElement;
    });
    expect(target.textContent).toContain('退保的服务费是多少？退保成功再付');
    expect([...target.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['退保', '退保']);
    expect(screen.getByRole('navigation', { name: '会话列表' }).querySelector('[aria-current="true"]')?.textContent).toContain('退保维权交流群');

    // the results keep the scope they were searched in; a new search takes the conversation now chosen
    fireEvent.click(screen.getByRole('button', { name: '搜索结果（3）' }));
    expect(await within(await screen.findByRole('region', { name: '搜索结果' })).findByText('「退保」：3 条消息')).toBeTruthy();
    fireEvent.change(box, { target: { value: '定金' } });
    fireEvent.submit(box);
    const again = await screen.findByRole('region', { name: '搜索结果' });
    expect(await within(again).findByText('「定金」：1 条消息')).toBeTruthy();
    expect(callsTo(backend, 'chats.search').at(-1)).toEqual({ conversationId: 1, query: '定金', offset: 0, limit: 100 });
    expect([...again.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['定金']);
  });

  it('marks lexicon hits and identifiers with the group or kind on hover', async () => {
    renderChats({
      conversations: [conversation({ id: 1, messages: 1 })],
      groups: [{ id: 'surrender', name: { zh: '代理退保', en: 'Surrender agency' }, terms: 20, hits: 3 }],
      messages: [
        message({
          text: '全额退保，电话13800138000',
          spans: [
            { start: 0, end: 4, kind: 'lexicon', label: 'surrender' },
            { start: 7, end: 18, kind: 'mention', label: 'mobile' },
          ],
        }),
      ],
    });
    const feed = await thread();
    const hit = await within(feed).findByText('全额退保');
    expect(hit.className).toBe('hit-lexicon');
    expect(hit.getAttribute('title')).toBe('词库分组：代理退保');
    const phone = within(feed).getByText('13800138000');
    expect(phone.className).toBe('hit-mention');
    expect(phone.getAttribute('title')).toBe('手机号');
    expect(feed.querySelector('.msg-text-body')?.textContent).toBe('全额退保，电话13800138000');
  });

  it('lists every identifier found by kind with counts; a kind filters the thread, a value is searched', async () => {
    const mention = (kind: string, value: string, occurrences: number, messages: number, extra: Partial<MentionSummary> = {}): MentionSummary => ({
      kind,
      value,
      text: value,
      valid: true,
      occurrences,
      messages,
      conversations: 1,
      firstMessageId: 1,
      amountMinor: null,
      ...extra,
    });
    const { backend } = renderChats({
      conversations: conversations(),
      messages: [message({ id: 1, text: '打13800138000', spans: [{ start: 1, end: 12, kind: 'mention', label: 'mobile' }] }), message({ id: 2, text: '好的', utcMs: MAY_1 + HOUR })],
      mentions: [
        mention('mobile', '13800138000', 3, 2),
        mention('mobile', '13900139000', 1, 1),
        mention('bank-card', '6222020200112233445', 2, 2, { text: '6222 0202 0011 2233 445', valid: false }),
        mention('amount', 'CNY:500000', 4, 3, { text: '5千', amountMinor: 500_000 }),
      ],
    });
    const panel = await screen.findByRole('complementary', { name: '线索' });
    const mobile = await within(panel).findByRole('region', { name: '手机号' });
    expect(within(mobile).getByRole('button', { name: /手机号\s*2 个，4 次/ })).toBeTruthy();
    expect(within(mobile).getByText('13800138000').closest('button')?.textContent).toContain('3 次 · 2 条消息');
    const card = within(panel).getByRole('region', { name: '银行卡号' });
    expect(within(card).getByText('1 个，2 次')).toBeTruthy();
    expect(within(card).getByText('校验未通过')).toBeTruthy();
    const amounts = within(panel).getByRole('region', { name: '金额' });
    expect(within(amounts).getByText('¥ 5,000.00')).toBeTruthy();
    // kinds in the investigators' order
    expect(within(panel).getAllByRole('region').map((r) => r.getAttribute('aria-label'))).toEqual(['手机号', '银行卡号', '金额']);

    fireEvent.click(within(mobile).getByRole('button', { name: /手机号\s*2 个/ }));
    await waitFor(() => expect(callsTo(backend, 'chats.messages').at(-1)).toEqual({ mentionKind: 'mobile', offset: 0, limit: 150 }));
    const feed = await thread();
    await waitFor(() => expect(within(feed).getAllByRole('article')).toHaveLength(1));
    expect(screen.getByText('已筛选')).toBeTruthy();
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: /线索类型/ }).value).toBe('mobile');

    fireEvent.click(within(mobile).getByText('13800138000'));
    await waitFor(() => expect(callsTo(backend, 'chats.search').at(-1)).toEqual({ mentionKind: 'mobile', query: '13800138000', offset: 0, limit: 100 }));
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: '搜索聊天内容' }).value).toBe('13800138000');
  });

  it('filters by lexicon group and by sender of the chosen conversation', async () => {
    const { backend } = renderChats({
      conversations: conversations(),
      groups: [
        { id: 'fees', name: { zh: '费用/佣金', en: 'Fees and commission' }, terms: 14, hits: 40 },
        { id: 'surrender', name: { zh: '代理退保', en: 'Surrender agency' }, terms: 20, hits: 12 },
      ],
      participants: { 1: [{ id: 11, platformId: 'wxid_wang', name: '王经理', names: ['王经理'], messages: 30 }] },
      messages: [message({ id: 1 })],
    });
    await thread();
    const sender = screen.getByRole<HTMLSelectElement>('combobox', { name: /发送人/ });
    expect(sender.disabled).toBe(true);
    const lexicon = screen.getByRole('combobox', { name: /词库分组/ });
    await within(lexicon).findByRole('option', { name: '代理退保（12 处命中）' });
    fireEvent.change(lexicon, { target: { value: 'surrender' } });
    await waitFor(() => expect(callsTo(backend, 'chats.messages').at(-1)).toEqual({ lexiconGroup: 'surrender', offset: 0, limit: 150 }));

    fireEvent.click(within(screen.getByRole('navigation', { name: '会话列表' })).getByRole('button', { name: /退保维权交流群/ }));
    await waitFor(() => expect(sender.disabled).toBe(false));
    await within(sender).findByRole('option', { name: /王经理\u2069（30 条）/ });
    fireEvent.change(sender, { target: { value: '11' } });
    await waitFor(() => expect(callsTo(backend, 'chats.messages').at(-1)).toEqual({ conversationId: 1, senderId: 11, lexiconGroup: 'surrender', offset: 0, limit: 150 }));
    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(callsTo(backend, 'chats.messages').at(-1)).toEqual({ conversationId: 1, offset: 0, limit: 150 }));
  });

  it('edits the lexicon as JSON: saving makes the next version and reloads the lexicon groups', async () => {
    const original = '{"version":"1.0.0","groups":[]}';
    const edited = '{"version":"1.0.1","groups":[{"id":"fees","name":{"zh":"费用","en":"Fees"},"terms":[]}]}';
    const { backend } = renderChats({ conversations: conversations(), messages: [message()], lexicon: { version: 3, json: original } });
    await thread();
    fireEvent.click(screen.getByRole('button', { name: '编辑词库' }));
    const dialog = await screen.findByRole('dialog', { name: '词库（JSON）' });
    const text = await within(dialog).findByDisplayValue(original);
    expect(within(dialog).getByText(/当前第 3 版/)).toBeTruthy();
    const save = within(dialog).getByRole<HTMLButtonElement>('button', { name: '保存为新版本并重新评分' });
    expect(save.disabled).toBe(true);
    fireEvent.change(text, { target: { value: edited } });
    const groupsBefore = callsTo(backend, 'lexicon.groups').length;
    fireEvent.click(save);
    expect(await within(dialog).findByText('已保存为第 4 版，共 0 处命中。')).toBeTruthy();
    expect(callsTo(backend, 'lexicon.save')).toEqual([{ json: edited }]);
    await waitFor(() => expect(callsTo(backend, 'lexicon.groups').length).toBeGreaterThan(groupsBefore));
  });
});
