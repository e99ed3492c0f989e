// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as echarts from 'echarts/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient } from '@shared/api';
import type { TimelineEvent } from '@shared/domain';
import { App } from '../../../../renderer/src/app/App';
import { CHART_FONT, withChartDefaults } from '../../../../renderer/src/components/Chart';
import { baseHandlers, caseInfo, fakeBackend, operatorLi, type Handlers } from '../support/fake-backend';
import { message } from '../support/fake-chats';
import { lane, messageEvent, timelineHandlers, timelineTxn, txnEvent, type TimelineFixture } from '../support/fake-timeline';
import { setupRendererTests } from '../support/dom';
import { recordCanvasText } from './canvas';

setupRendererTests();

const FEB_1 = Date.UTC(2024, 1, 1, 0, 0, 0);
const HOUR = 3_600_000;
const HOSTILE = '<img src=x onerror=alert(1)>';

function fixture(events: TimelineEvent[]): TimelineFixture {
  return {
    lanes: [
      lane({ id: 'all:txn', kind: 'all', label: '', detail: '', platform: null, count: 40 }),
      lane({ id: 'account:1', label: '张三', count: 30 }),
      lane({ id: 'account:2', label: HOSTILE, count: 10 }),
      lane({ id: 'conversation:7', kind: 'conversation', label: '退保维权交流群', detail: 'group', platform: 'wechat', count: 5 }),
    ],
    events,
    txns: [timelineTxn({ id: 1 })],
    heatmap: {
      zone: 'Asia/Shanghai',
      cells: Array.from({ length: 7 * 24 }, (_, i) => ({
        weekday: Math.floor(i / 24) + 1,
        hour: i % 24,
        count: i % 24 === 23 ? 5 : 1,
        holidays: i % 24 === 10 ? 1 : 0,
        makeupWorkdays: 0,
        night: i % 24 >= 22 || i % 24 < 6,
      })),
      total: 7 * 24 + 7 * 4,
      night: 7 * 8 + 7 * 4,
      holidays: 7,
      makeupWorkdays: 0,
      uncovered: 0,
      nightFrom: 22,
      nightTo: 6,
      festivals: [{ festival: 'spring-festival', name: '春节', firstDate: '2024-02-10', lastDate: '2024-02-17', events: 7, notice: '国务院办公厅关于2024年部分节假日安排的通知' }],
      calendarYears: [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026],
    },
  };
}

/** 30 transactions of 张三 an hour apart from 1 February, 10 of the hostile-named account, 5 messages. */
function fewEvents(): TimelineEvent[] {
  return [
    ...Array.from({ length: 30 }, (_, i) => txnEvent({ id: i + 1, utcMs: FEB_1 + i * HOUR, direction: i % 2 === 0 ? 'out' : 'in' })),
    ...Array.from({ length: 10 }, (_, i) => txnEvent({ id: 100 + i, lane: 'account:2', party: HOSTILE, utcMs: FEB_1 + i * HOUR + 1000 })),
    ...Array.from({ length: 5 }, (_, i) => messageEvent({ id: 200 + i, utcMs: FEB_1 + i * 2 * HOUR + 500, text: i === 0 ? HOSTILE : '全额退保，先交定金' })),
  ];
}

function renderTimeline(data: TimelineFixture, hash = '#/timeline', handlers: Handlers = {}) {
  window.sessionStorage.setItem('chainsight.operatorConfirmed', operatorLi.id);
  window.location.hash = hash;
  const backend = fakeBackend({
    ...baseHandlers(caseInfo()),
    ...timelineHandlers(data),
    'tags.list': () => ({
      tags: [{ id: 5, name: '代理退保', nameEn: 'Insurance surrender agent', kind: 'typology', color: '#c2410c', createdAt: '', createdBy: '', counts: { txn: 0, message: 0, account: 0, person: 0, finding: 0 }, total: 0 }],
    }),
    'tags.apply': ({ items }) => ({ applied: items.length, already: 0 }),
    'chats.message': ({ id }) => ({ message: message({ id, text: HOSTILE, conversationTitle: '退保维权交流群', source: { sourceId: 9, file: '聊天记录/微信/退保群.csv', sheet: '', line: 17 } }) }),
    ...handlers,
  });
  const view = render(<App client={createClient(backend.transport)} />);
  return { backend, ...view };
}

const callsTo = (backend: { calls: { method: string; input: unknown }[] }, method: string) =>
  backend.calls.filter((c) => c.method === method).map((c) => c.input as Record<string, unknown>);

async function chartInstance() {
  const figure = await screen.findByRole('figure', { name: '交易与消息时间线' });
  await waitFor(() => expect(echarts.getInstanceByDom(figure.firstElementChild as HTMLElement)).toBeTruthy());
  return echarts.getInstanceByDom(figure.firstElementChild as HTMLElement) as NonNullable<ReturnType<typeof echarts.getInstanceByDom>>;
}

describe('timeline screen (时间线)', () => {
  let drawn: string[] = [];
  beforeAll(() => {
    drawn = recordCanvasText();
  });
  afterAll(() => vi.restoreAllMocks());
  // let echarts finish a paint it spread over several frames before the page is unmounted (zrender cannot stop one)
  afterEach(async () => {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
  });

  it('names the next step when the case has nothing to place on a timeline', async () => {
    renderTimeline({ lanes: [], events: [] });
    expect(await screen.findByText('本案尚无可排在时间线上的交易或消息')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '去导入' }));
    await waitFor(() => expect(window.location.hash).toBe('#/import'));
  });

  it('draws one swimlane per chosen lane, names the aggregates, and shows a small range record by record', async () => {
    const { backend } = renderTimeline(fixture(fewEvents()));
    expect(await screen.findByText('逐条：85 条记录')).toBeTruthy();
    const lanes = screen.getByRole('list', { name: '泳道' });
    expect(within(lanes).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '全部交易：本视图 40 条记录',
      '张三：本视图 30 条记录',
      `${HOSTILE}：本视图 10 条记录`,
      '退保维权交流群：本视图 5 条记录',
    ]);
    await waitFor(() => expect(drawn).toEqual(expect.arrayContaining(['全部交易', '张三', '退保维权交流群'])));
    // the hostile name is drawn on the canvas as text, never as markup
    expect(drawn.some((text) => text.includes('<img'))).toBe(true);
    expect(document.querySelector('img')).toBeNull();
    const density = callsTo(backend, 'timeline.density')[0];
    expect(density?.lanes).toEqual(['all:txn', 'account:1', 'account:2', 'conversation:7']);
    expect(density?.scope).toEqual({ duplicates: false, failed: false });
    expect(callsTo(backend, 'timeline.events')).toHaveLength(1);
    expect(screen.getByText('已排除重复记录和失败交易')).toBeTruthy();
  });

  it('draws density, and no single records, when the window holds more than 2,000', async () => {
    const many = Array.from({ length: 2600 }, (_, i) => txnEvent({ id: i + 1, utcMs: FEB_1 + i * 60_000 }));
    const { backend } = renderTimeline(fixture(many));
    expect(await screen.findByText(/^密度：每格 .+，共 5,200 条记录$/)).toBeTruthy();
    expect(callsTo(backend, 'timeline.events')).toHaveLength(0);
  });

  it('brings duplicates and failed rows back when asked, and says what is excluded', async () => {
    const { backend } = renderTimeline(fixture(fewEvents()));
    await screen.findByText('逐条：85 条记录');
    fireEvent.click(screen.getByRole('checkbox', { name: '重复记录' }));
    await waitFor(() => expect(callsTo(backend, 'timeline.density').at(-1)?.scope).toEqual({ duplicates: true, failed: false }));
    expect(screen.getByText('已排除银行标记失败的交易')).toBeTruthy();
  });

  it('lists a brushed period in the side panel and tags every record of it', async () => {
    const { backend } = renderTimeline(fixture(fewEvents()));
    await screen.findByText('逐条：85 条记录');
    const chart = await chartInstance();
    fireEvent.click(screen.getByRole('button', { name: '框选时段' }));
    expect(screen.getByText('在图上按住拖动以框选时段（Esc 取消）')).toBeTruthy();
    // the brush reports wall-clock axis values of the display zone (UTC+8): 1 Feb 08:00–12:00 is 00:00–04:00 UTC
    act(() => {
      chart.trigger('brushend', { areas: [{ coordRange: [FEB_1 + 8 * HOUR, FEB_1 + 12 * HOUR] }] });
    });
    const panel = await screen.findByRole('region', { name: '框选时段的记录' });
    expect(within(panel).getByText('2024-02-01 08:00 至 2024-02-01 12:00')).toBeTruthy();
    // 张三 00:00–03:00 (4), the other account 00:00–03:00 (4), messages 00:00 and 02:00 (2)
    expect(await within(panel).findByText('8 笔交易，2 条消息')).toBeTruthy();
    const list = within(panel).getByRole('list', { name: '框选时段的记录' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    expect(list.textContent).toContain(HOSTILE);
    expect(document.querySelector('img')).toBeNull();

    fireEvent.change(within(panel).getByRole('combobox', { name: '标签' }), { target: { value: '5' } });
    fireEvent.click(within(panel).getByRole('button', { name: '为框选的 10 项打标签' }));
    expect(await within(panel).findByText('已为 10 项打上“代理退保”（其中 0 项原已有）')).toBeTruthy();
    const [selection] = callsTo(backend, 'timeline.selection');
    expect(selection).toMatchObject({ from: FEB_1, to: FEB_1 + 4 * HOUR });
    const [applied] = callsTo(backend, 'tags.apply');
    expect(applied?.tagId).toBe(5);
    expect(applied?.items).toHaveLength(10);
    expect(applied?.items).toEqual(expect.arrayContaining([{ type: 'txn', id: 1 }, { type: 'message', id: 201 }]));
  });

  it('opens a transaction with its provenance, and a message with its text as text', async () => {
    renderTimeline(fixture(fewEvents()));
    await screen.findByText('逐条：85 条记录');
    const chart = await chartInstance();
    act(() => {
      chart.trigger('brushend', { areas: [{ coordRange: [FEB_1 + 8 * HOUR, FEB_1 + 9 * HOUR] }] });
    });
    const panel = await screen.findByRole('region', { name: '框选时段的记录' });
    const items = await within(panel).findAllByRole('button', { name: /转账|全额退保|<img/ });
    fireEvent.click(items[0] as HTMLElement);
    const detail = await screen.findByRole('region', { name: '事件详情' });
    expect(await within(detail).findByText('银行查控/5104614320240315093012/中国工商银行交易明细信息.csv')).toBeTruthy();
    expect(within(detail).getByText('42')).toBeTruthy();
    expect(within(detail).getByText('¥ 5,000.00')).toBeTruthy();
    expect(within(detail).getByText('2024-02-10 10:00:00')).toBeTruthy();
    fireEvent.click(within(detail).getByRole('button', { name: '返回框选列表' }));
    const message = await within(await screen.findByRole('region', { name: '框选时段的记录' })).findByRole('button', { name: /聊天消息/ });
    fireEvent.click(message);
    const messageDetail = await screen.findByRole('region', { name: '事件详情' });
    expect(await within(messageDetail).findByText(HOSTILE)).toBeTruthy();
    expect(within(messageDetail).getByText('聊天记录/微信/退保群.csv')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });

  it('opens the detail of an event clicked on the chart', async () => {
    renderTimeline(fixture(fewEvents()));
    await screen.findByText('逐条：85 条记录');
    const chart = await chartInstance();
    // a point's value is [axis time, lane row, index into the events drawn]; the first drawn is 张三's first transfer
    act(() => {
      chart.trigger('click', { seriesIndex: 1, dataIndex: 0, value: [FEB_1 + 8 * HOUR, 1, 0] } as never);
    });
    const detail = await screen.findByRole('region', { name: '事件详情' });
    expect(within(detail).getByRole('heading', { level: 2 }).textContent).toContain('交易 #1');
    expect(await within(detail).findByText('中国建设银行')).toBeTruthy();
  });

  it('draws tooltips in the bundled CJK font (a canvas tooltip does not inherit the chart’s)', () => {
    expect(withChartDefaults({ tooltip: { trigger: 'item' } }).tooltip).toMatchObject({ renderMode: 'richText', textStyle: { fontFamily: CHART_FONT } });
  });

  it('switches the display zone in the status bar without writing anything, and the page follows', async () => {
    const { backend } = renderTimeline(fixture(fewEvents()));
    await screen.findByText('逐条：85 条记录');
    expect(screen.getByText('时间按 Asia/Shanghai（UTC+08:00）显示，可在状态栏切换')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: '显示时区' }), { target: { value: 'UTC' } });
    expect(await screen.findByText('时间按 UTC（UTC+00:00）显示，可在状态栏切换')).toBeTruthy();
    expect(screen.getByText('非案件时区')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '时段分布' }));
    await screen.findByRole('region', { name: '时段热力图：星期 × 小时' });
    expect(callsTo(backend, 'timeline.heatmap').at(-1)?.zone).toBe('UTC');
    // back to the case zone
    fireEvent.change(screen.getByRole('combobox', { name: '显示时区' }), { target: { value: 'Asia/Shanghai' } });
    await waitFor(() => expect(callsTo(backend, 'timeline.heatmap').at(-1)?.zone).toBe('Asia/Shanghai'));
    expect(screen.queryByText('非案件时区')).toBeNull();
    const writes = backend.calls.filter((c) => ['cases.updateMeta', 'tags.apply'].includes(c.method));
    expect(writes).toEqual([]);
  });

  it('shows the heat map with night and public-holiday figures, the legend and the notices behind the holidays', async () => {
    renderTimeline(fixture(fewEvents()), '#/timeline/heatmap');
    const region = await screen.findByRole('region', { name: '时段热力图：星期 × 小时' });
    expect(await within(region).findByText('84 条（42.9%）')).toBeTruthy();
    expect(within(region).getByText('夜间（22:00–次日 06:00）')).toBeTruthy();
    expect(within(region).getByText('7 条（3.6%）')).toBeTruthy();
    expect(within(region).getByText('灰色调的列：夜间 22:00 至次日 06:00（深浅同样表示记录多少）。')).toBeTruthy();
    expect(within(region).getByText('春节')).toBeTruthy();
    expect(within(region).getByText('国务院办公厅关于2024年部分节假日安排的通知')).toBeTruthy();
    expect(within(region).getByText('2024-02-10 – 02-17')).toBeTruthy();
  });

  it('lets the investigator choose the lanes', async () => {
    const { backend } = renderTimeline(fixture(fewEvents()));
    await screen.findByText('逐条：85 条记录');
    fireEvent.click(screen.getByRole('button', { name: '选择泳道…' }));
    const dialog = await screen.findByRole('dialog', { name: '选择泳道' });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /张三/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: '显示所选' }));
    await waitFor(() => expect(callsTo(backend, 'timeline.density').at(-1)?.lanes).toEqual(['all:txn', 'account:2', 'conversation:7']));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
