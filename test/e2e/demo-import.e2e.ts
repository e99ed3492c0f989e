import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoFolder, importFolderThroughUi, openNewCase, test, expect, screenshot } from './fixtures';

/**
 * The promise of the product: a folder of returns dropped in the browser reaches the case in a few clicks. The demo
 * generator's seized set (bank 查控 packages, Alipay, Tenpay, chats) is uploaded as a folder, imported, and the
 * dashboard's figures equal its ground truth.
 */
test('drop the demo folder: upload, progress to the end, and the dashboard equals the ground truth', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'chainsight-e2e-demo-'));
  try {
    const data = generateDemoFolder(dir);
    const truth = JSON.parse(readFileSync(join(data, 'ground-truth.json'), 'utf8')) as { totals: { transactions: number; duplicates: number } };
    const nav = await openNewCase(page, '演示数据导入', 'e2e-demo-import');
    await importFolderThroughUi(page, nav, data, { watchProgress: true });
    await screenshot(page, 'demo-import-report');

    await nav.getByRole('link', { name: '案件概览' }).click();
    const figure = page.getByText('交易明细（条，含失败与重复）').locator('..');
    await expect(figure).toContainText(truth.totals.transactions.toLocaleString('en-US'));
    const duplicates = page.getByText('重复记录', { exact: true }).locator('..');
    await expect(duplicates).toContainText(truth.totals.duplicates.toLocaleString('en-US'));
    // lexicon hits by the case lexicon's group names, not their ids
    const lexicon = page.getByRole('heading', { name: '涉案词汇命中' }).locator('..');
    await expect(lexicon.getByRole('rowheader', { name: '非法代理退保' })).toBeVisible();
    await expect(lexicon.getByRole('rowheader', { name: 'surrender', exact: true })).toHaveCount(0);
    await screenshot(page, 'demo-dashboard');

    await page.locator('.topbar-case').click();
    await page.getByRole('button', { name: '关闭案件' }).click();
    await expect(page.getByRole('heading', { name: '最近打开的案件' })).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
