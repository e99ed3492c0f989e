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
