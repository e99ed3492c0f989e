import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { generateDemoFolder, importFolderThroughUi, openNewCase, test, expect, screenshot } from './fixtures';

interface Truth {
  accounts: { id: string; holderName: string; card: string | null; number: string }[];
  transfers: { id: string; time: string }[];
  passThrough: { seedAccount: string; hops: { to: string; amountMinor: number; attributedMinor: number; delayMinutes: number; txns: string[] }[] }[];
}

/** What the chart draws, read from its echarts instance (renderer/src/features/flow/chart-handle.ts). */
interface DrawnNode {
  name: string;
  x?: number;
  y?: number;
}
interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
  clone(): Rect;
  applyTransform(transform: number[] | null): void;
}
interface DrawnElement {
  getBoundingRect(): Rect;
  getComputedTransform(): number[] | null;
}
type ChartHost = HTMLElement & {
  chainsightChart?: {
    getOption(): { series: { data: DrawnNode[]; links: unknown[] }[] };
    convertToPixel(finder: { seriesIndex: number }, value: number[]): number[];
    /** the drawn symbol of each node (zrender elements know where they were painted) */
    getModel(): { getSeriesByIndex(index: number): { getData(): { getItemGraphicEl(index: number): DrawnElement | null } } };
  };
};

const drawn = (canvas: Locator) =>
  canvas.evaluate((element) => {
    const option = (element as ChartHost).chainsightChart?.getOption();
    return { nodes: option?.series[0]?.data ?? [], links: option?.series[0]?.links.length ?? 0 };
  });

const money = (minor: number) => `¥ ${Math.floor(minor / 100).toLocaleString('en-US')}.${String(minor % 100).padStart(2, '0')}`;

/**
 * ISSUE 7: the 资金流向 page on the demo's seized set imported through the UI — the graph draws, a node clicked in
 * the chart opens its rows, a trace from the agent's account follows the planted chain through the mules to the
 * organiser's relative with the ground truth's amounts, and the follow-up list names the banks to ask.
 */
test('资金流向: the graph draws, a node opens, a trace from it reaches the collection account, the 补调 list', async ({ page }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'chainsight-e2e-flow-'));
  try {
    const data = generateDemoFolder(dir);
    const truth = JSON.parse(readFileSync(join(data, 'ground-truth.json'), 'utf8')) as Truth;
    const chain = truth.passThrough[0];
    if (!chain) throw new Error('the demo planted no pass-through chain');
    const agent = truth.accounts.find((a) => a.id === chain.seedAccount);
    if (!agent) throw new Error('no seed account');
    const agentNumber = agent.card ?? agent.number;
    const caption = `${agent.holderName} ·${agentNumber.slice(-4)}`;

    const nav = await openNewCase(page, '演示数据资金流向', 'e2e-demo-flow');

    await importFolderThroughUi(page, nav, data);

    // from the import report straight to the chart: the mission's folder → fund-flow chart in a handful of clicks
    await page.getByRole('navigation', { name: '下一步' }).getByRole('button', { name: '查看资金流向图' }).click();
    await expect(nav.getByRole('link', { name: '资金流向' })).toHaveAttribute('aria-current', 'page');
    const figure = page.getByRole('figure', { name: '资金流向图' });
    const canvas = figure.locator('.cs-chart-canvas');
    await expect.poll(async () => (await drawn(canvas)).nodes.length, { timeout: 30_000 }).toBeGreaterThan(20);
    expect((await drawn(canvas)).links).toBeGreaterThan(20);
    await expect(page.getByText(/同一笔转账两端只计一次/)).toBeVisible();
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', '资'))).toBe(true);
    await screenshot(page, 'flow-graph');

    // click the agent's node where the chart painted it
    const pixel = await canvas.evaluate((element, name) => {
      const chart = (element as ChartHost).chainsightChart;
      const index = chart?.getOption().series[0]?.data.findIndex((n) => n.name === name) ?? -1;
      const symbol = index < 0 ? null : chart?.getModel().getSeriesByIndex(0).getData().getItemGraphicEl(index);
      if (!symbol) return null;
      const rect = symbol.getBoundingRect().clone();
      rect.applyTransform(symbol.getComputedTransform());
      return [rect.x + rect.width / 2, rect.y + rect.height / 2];
    }, caption);
    expect(pixel, `${caption} drawn`).not.toBeNull();
    const box = await canvas.boundingBox();
    if (!pixel || !box) throw new Error('no position for the agent’s node');
    expect(pixel[0], 'the node is inside the chart').toBeGreaterThan(0);
    expect(pixel[0]).toBeLessThan(box.width);
    expect(pixel[1]).toBeGreaterThan(0);
    expect(pixel[1]).toBeLessThan(box.height);
    await page.mouse.click(box.x + (pixel[0] ?? 0), box.y + (pixel[1] ?? 0));
    const panel = page.getByRole('region', { name: `节点：${caption}` });
    await expect(panel).toBeVisible();
    await expect(panel.getByText(agentNumber)).toBeVisible();
    await expect(panel.getByRole('region', { name: '背后的交易明细' }).locator('.ag-row').first()).toBeVisible();
    await panel.getByRole('button', { name: '以此为起点穿透' }).click();

    // the chain's first payment starts the trace; the window covers the longest wait of a mule
    const first = truth.transfers.find((t) => t.id === chain.hops[0]?.txns[0]);
    const start = (first?.time ?? '').slice(0, 16);
    const end = new Date(Date.parse(first?.time ?? '') + 60_000 + 8 * 3_600_000).toISOString().slice(0, 16);
    const trace = page.getByRole('region', { name: '资金穿透' });
    await trace.getByLabel('层数').fill(String(chain.hops.length));
    await trace.getByLabel('时间窗（小时）').fill(String(Math.ceil(Math.max(...chain.hops.map((h) => h.delayMinutes)) / 60) + 1));
    await trace.getByLabel('起点交易自').fill(start);
    await trace.getByLabel('至', { exact: true }).fill(end);
    await trace.getByRole('button', { name: '开始穿透' }).click();
    await expect(trace.getByText(`起点资金 ${money(chain.hops[0]?.amountMinor ?? 0)}`)).toBeVisible({ timeout: 20_000 });
    const hops = trace.getByRole('region', { name: '穿透逐层明细' });
    for (const hop of chain.hops) await expect(hops.getByText(money(hop.attributedMinor)).first()).toBeVisible();
    const collection = truth.accounts.find((a) => a.id === chain.hops[chain.hops.length - 1]?.to);
    await expect(trace.getByRole('region', { name: '沉淀金额' }).getByText(collection?.holderName ?? '?')).toBeVisible();
    await screenshot(page, 'flow-trace');

    await trace.getByRole('button', { name: '保存为发现' }).click();
    await expect(trace.getByText(/已保存为发现 #\d+/)).toBeVisible();

    await page.getByRole('tab', { name: '补调清单' }).click();
    const list = page.getByRole('region', { name: '补调清单' });
    await expect(list.locator('.ag-row').first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(/个账户，合计/)).toBeVisible();
    await page.getByRole('button', { name: '导出 XLSX' }).click();
    await expect(page.getByText(/已导出到 .*补调清单_\d+\.xlsx/)).toBeVisible();
    await screenshot(page, 'flow-followups');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
