import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoFolder, importFolderThroughUi, openNewCase, test, expect, screenshot } from './fixtures';

const count = (text: string | null): number => Number((text ?? '').replace(/[^\d]/g, ''));

/**
 * Issue 6 §3: money and messages on one time axis. The demo's seized set is imported through the UI, the timeline
 * opened, a period brushed with the mouse, its records listed and tagged, one opened with its provenance; the heat
 * map shows night and public-holiday figures; the display zone switches without touching the case.
 */
test('the timeline: lanes, a brushed period listed and tagged, an event opened, the heat map and the display zone', async ({ page }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'chainsight-e2e-timeline-'));
  try {
    const data = generateDemoFolder(dir);

    const nav = await openNewCase(page, '演示数据时间线', 'e2e-demo-timeline');

    // before any import the timeline says what to do
    await nav.getByRole('link', { name: '时间线' }).click();
    await expect(page.getByText('本案尚无可排在时间线上的交易或消息')).toBeVisible();

    await importFolderThroughUi(page, nav, data);

    // the swimlanes: the whole case, then the busiest accounts and conversations
    await nav.getByRole('link', { name: '时间线' }).click();
    await expect(page.getByRole('heading', { name: '时间线' })).toBeVisible();
    const lanes = page.getByRole('list', { name: '泳道' });
    await expect(lanes.getByRole('listitem').first()).toHaveText(/^全部交易：本视图 [1-9][\d,]* 条记录$/, { timeout: 30_000 });
    await expect(lanes.getByRole('listitem').nth(1)).toHaveText(/^全部消息：本视图 [1-9][\d,]* 条记录$/);
    expect(await lanes.getByRole('listitem').count()).toBeGreaterThanOrEqual(6);
    await expect(page.getByRole('status').filter({ hasText: /^(密度|逐条)：/ })).toBeVisible();
    await expect(page.getByText('时间按 Asia/Shanghai（UTC+08:00）显示，可在状态栏切换')).toBeVisible();
    await screenshot(page, 'timeline-01-lanes');

    // brush a period with the mouse
    await page.getByRole('button', { name: '框选时段' }).click();
    await expect(page.getByText('在图上按住拖动以框选时段（Esc 取消）')).toBeVisible();
    const canvas = page.getByRole('figure', { name: '交易与消息时间线' });
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the chart has no box');
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.45);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.62, box.y + box.height * 0.45, { steps: 12 });
    await page.mouse.up();
    const panel = page.getByRole('region', { name: '框选时段的记录' });
    await expect(panel).toBeVisible();
    const counts = panel.getByText(/^[\d,]+ 笔交易，[\d,]+ 条消息$/);
    await expect(counts).toBeVisible();
    const [txns, messages] = ((await counts.textContent()) ?? '').split('，').map(count);
    expect((txns ?? 0) + (messages ?? 0)).toBeGreaterThan(0);
    const items = panel.getByRole('list', { name: '框选时段的记录' }).getByRole('listitem');
    await expect(items.first()).toBeVisible();
    expect(await items.count()).toBe(Math.min(200, (txns ?? 0) + (messages ?? 0)));

    // tag every record of the period
    await panel.getByRole('combobox', { name: '标签' }).selectOption({ label: '代理退保' });
    await panel.getByRole('button', { name: /^为框选的 [\d,]+ 项打标签$/ }).click();
    const applied = panel.getByText(/^已为 [\d,]+ 项打上“代理退保”/);
    await expect(applied).toBeVisible({ timeout: 30_000 });
    expect(count((await applied.textContent())?.split('项')[0] ?? '')).toBe((txns ?? 0) + (messages ?? 0));
    await screenshot(page, 'timeline-02-brushed-and-tagged');

    // one record in full, with where it came from
    await items.first().getByRole('button').click();
    const detail = page.getByRole('region', { name: '事件详情' });
    await expect(detail.getByText('原始文件')).toBeVisible();
    await expect(detail.getByText('行号')).toBeVisible();
    await screenshot(page, 'timeline-03-detail');
    await detail.getByRole('button', { name: '返回框选列表' }).click();
    await expect(panel).toBeVisible();

    // the heat map: weekday × hour, with night and public holidays
    await page.getByRole('button', { name: '时段分布' }).click();
    const heat = page.getByRole('region', { name: '时段热力图：星期 × 小时' });
    await expect(heat.getByText('夜间（22:00–次日 06:00）')).toBeVisible({ timeout: 30_000 });
    await expect(heat.getByText('法定节假日', { exact: true })).toBeVisible();
    await expect(heat.getByText(/节假日依据国务院办公厅历年/)).toBeVisible();
    await screenshot(page, 'timeline-04-heatmap');

    // the display zone changes what is shown, not what is stored
    const zone = page.getByRole('combobox', { name: '显示时区' });
    await zone.selectOption('UTC');
    await expect(page.getByText('时间按 UTC（UTC+00:00）显示，可在状态栏切换')).toBeVisible();
    await expect(heat.getByRole('heading', { name: '一周各时段的记录数（UTC）' })).toBeVisible({ timeout: 30_000 });
    await expect(heat.getByText('记录总数')).toBeVisible();
    await screenshot(page, 'timeline-05-heatmap-utc');
    await zone.selectOption('Asia/Shanghai');
    await expect(page.getByText('时间按 Asia/Shanghai（UTC+08:00）显示，可在状态栏切换')).toBeVisible();
    await nav.getByRole('link', { name: '案件概览' }).click();
    await expect(page.getByText('Asia/Shanghai').first()).toBeVisible();

    await page.locator('.topbar-case').click();
    await page.getByRole('button', { name: '关闭案件' }).click();
    await expect(page.getByRole('heading', { name: '最近打开的案件' })).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
