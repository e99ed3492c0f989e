// @vitest-environment happy-dom
import './layout';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupRendererTests } from '../support/dom';
import { conversation, message } from '../support/fake-chats';
import { ROW_HEIGHT } from './layout';
import { callsTo, renderChats } from './render-chats';

setupRendererTests();

const MAY_1 = Date.UTC(2023, 4, 1, 2, 0, 0);
const HOUR = 3_600_000;
const TOTAL = 1_000;

/** One message an hour from 2023-05-01 10:00 Shanghai time, numbered in their text. */
function hourly() {
  return Array.from({ length: TOTAL }, (_, i) => message({ id: i + 1, utcMs: MAY_1 + i * HOUR, timeText: `第 ${i + 1} 条`, text: `消息 ${i + 1}` }));
}

async function openThread() {
  const backend = renderChats({ conversations: [conversation({ id: 1, messages: TOTAL })], messages: hourly() }).backend;
  const feed = await screen.findByRole('feed', { name: '消息' });
  await within(feed).findByText('消息 1');
  return { backend, feed };
}

describe('thread paging', () => {
  it('loads the first page only, renders only the rows near the screen, and sizes the scrollbar for every message', async () => {
    const { backend, feed } = await openThread();
    expect(await screen.findByText('共 1,000 条消息')).toBeTruthy();
    expect(callsTo(backend, 'chats.messages')).toEqual([{ offset: 0, limit: 150 }]);
    const rows = within(feed).getAllByRole('article');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]?.getAttribute('aria-setsize')).toBe('1000');
    const sizer = feed.firstElementChild as HTMLElement;
    expect(Number.parseFloat(sizer.style.height)).toBeGreaterThanOrEqual(TOTAL * 58);
  });

  it('fetches the page under the scroll position by offset as the reader scrolls', async () => {
    const { backend, feed } = await openThread();
    feed.scrollTop = 700 * ROW_HEIGHT;
    fireEvent.scroll(feed);
    await waitFor(() => expect(callsTo(backend, 'chats.messages').map((c) => c.offset)).toContain(600));
    // unmeasured rows are estimated, so the row under 42,000 px is near message 700, not exactly it
    const shown = await within(feed).findAllByText(/^消息 7\d\d$/);
    expect(shown.length).toBeGreaterThan(5);
    expect(within(feed).queryByText('消息 1')).toBeNull();
    // the pages between were skipped, not walked through
    expect(callsTo(backend, 'chats.messages').map((c) => c.offset)).not.toContain(300);
  });

  it('jumps to the first message of a date in the display zone', async () => {
    const { backend, feed } = await openThread();
    fireEvent.change(screen.getByLabelText('跳转到日期'), { target: { value: '2023-05-21' } });
    fireEvent.click(screen.getByRole('button', { name: '跳转' }));
    // midnight in Asia/Shanghai is 16:00 UTC the day before
    await waitFor(() => expect(callsTo(backend, 'chats.locate')).toEqual([{ utcMs: Date.UTC(2023, 4, 20, 16, 0, 0) }]));
    expect(await within(feed).findByText('2023-05-21 00:00:00')).toBeTruthy();
    expect(within(feed).getByText('消息 471')).toBeTruthy();
  });

  it('says so when nothing is on or after the date, and shows the last message', async () => {
    const { feed } = await openThread();
    fireEvent.change(screen.getByLabelText('跳转到日期'), { target: { value: '2024-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: '跳转' }));
    expect(await screen.findByText('2024-01-01 及以后没有消息，已跳到最后一条。')).toBeTruthy();
    expect(await within(feed).findByText('消息 1000')).toBeTruthy();
  });
});
