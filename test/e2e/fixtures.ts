import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { CLI_BIN, NODE22 } from '../support/run-cli';

export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-results', 'screenshots');

export function serverUrl(): string {
  const url = process.env.CHAINSIGHT_E2E_URL;
  if (!url) throw new Error('CHAINSIGHT_E2E_URL is not set: the global setup starts chainsight serve');
  return url;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}

/**
 * Every test runs with a network guard: the app is offline (ARCHITECTURE.md §5.8), so any request outside the
 * server's own origin is aborted and fails the test.
 */
export const test = base.extend<{ foreignRequests: string[] }>({
  foreignRequests: [
    async ({ page }, use) => {
      const origin = new URL(serverUrl()).origin;
      const foreign: string[] = [];
      await page.route('**/*', async (route) => {
        const url = route.request().url();
        if (new URL(url).origin === origin) await route.continue();
        else {
          foreign.push(url);
          await route.abort('blockedbyclient');
        }
      });
      await use(foreign);
      expect(foreign, 'requests outside the app origin').toEqual([]);
      // tests share one server: each leaves it with no case open, as a first run would find it
      const url = new URL(serverUrl());
      const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
      await fetch(`${url.origin}/api/cases.close`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Whatever state the shared server is in, get past the operator screen: confirm the first profile or create one.
 * Resolves once the workstation or the case screen shows.
 */
export async function passOperatorScreen(page: Page, operator: { name: string; unit: string; badge: string }): Promise<void> {
  const nav = page.getByRole('navigation', { name: '功能导航' });
  const operatorChooser = page.getByRole('heading', { name: '选择承办人' });
  const caseScreen = page.getByRole('heading', { name: '最近打开的案件' });
  await expect(nav.or(operatorChooser).or(caseScreen)).toBeVisible();
  if (await operatorChooser.isVisible()) {
    const choose = page.getByRole('button', { name: /以此身份继续/ });
    if ((await choose.count()) > 0) await choose.first().click();
    else {
      await page.getByLabel('姓名').fill(operator.name);
      await page.getByLabel('单位').fill(operator.unit);
      await page.getByLabel('警号').fill(operator.badge);
      await page.getByRole('button', { name: '新建并使用' }).click();
    }
  }
  await expect(nav.or(caseScreen)).toBeVisible();
}

/** Generate the demo's seized set into `<dir>/演示数据` with the CLI (as an investigator's folder would arrive). */
export function generateDemoFolder(dir: string, seed = 31, txns = 1500): string {
  const data = join(dir, '演示数据');
  const generated = spawnSync(NODE22, [CLI_BIN, 'demo', data, '--seed', String(seed), '--txns', String(txns), '--json'], { encoding: 'utf8' });
  expect(generated.status, generated.stderr).toBe(0);
  return data;
}

/** From wherever the app is, a new empty case open under the demo operator; returns the left navigation. */
export async function openNewCase(page: Page, caseName: string, folderName: string): Promise<Locator> {
  await page.goto(serverUrl());
  const nav = page.getByRole('navigation', { name: '功能导航' });
  await passOperatorScreen(page, { name: '钱警官', unit: '某市公安局经侦支队', badge: '061234' });
  if (await nav.isVisible()) {
    await page.locator('.topbar-case').click();
    await page.getByRole('button', { name: '关闭案件' }).click();
  }
  await expect(page.getByRole('heading', { name: '最近打开的案件' })).toBeVisible();
  await page.getByLabel(/案件名称/).fill(caseName);
  await page.getByLabel('文件夹名称').fill(folderName);
  await page.getByRole('button', { name: '新建案件' }).click();
  await expect(nav).toBeVisible();
  return nav;
}

/**
 * Import a folder through the import screen (browser upload) and wait for the report; with `watchProgress`, the
 * import's progress bar must show and then give way to the report.
 */
export async function importFolderThroughUi(page: Page, nav: Locator, folder: string, options: { watchProgress?: boolean } = {}): Promise<Locator> {
  await nav.getByRole('link', { name: '导入' }).click();
  await page.getByLabel('选择文件夹…').setInputFiles(folder);
  const found = page.getByRole('table', { name: '识别结果' });
  await expect(found.getByText('查控交易明细信息', { exact: true }).first()).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: '开始导入' }).click();
  if (options.watchProgress === true) {
    const bar = page.getByRole('progressbar', { name: '正在导入' });
    await expect(bar).toBeVisible({ timeout: 60_000 });
    await expect(bar).toBeHidden({ timeout: 120_000 });
  }
  const report = page.getByRole('region', { name: '导入报告' });
  await expect(report).toBeVisible({ timeout: 120_000 });
  await expect(report.getByText('导入完成，已写入案件')).toBeVisible();
  return report;
}
