import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

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
