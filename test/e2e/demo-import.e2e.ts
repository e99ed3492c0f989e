import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_BIN, NODE22 } from '../support/run-cli';
import { passOperatorScreen, test, expect, screenshot, serverUrl } from './fixtures';

/**
 * The promise of the product: a folder of returns dropped in the browser reaches the case in a few clicks. The demo
 * generator's seized set (bank 查控 packages, Alipay, Tenpay, chats) is uploaded as a folder, imported, and the
 * dashboard's figures equal its ground truth.
 */
test('drop the demo folder: upload, progress to the end, and the dashboard equals the ground truth', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'chainsight-e2e-demo-'));
  try {
    const data = join(dir, '演示数据');
    const generated = spawnSync(NODE22, [CLI_BIN, 'demo', data, '--seed', '31', '--txns', '1500', '--json'], { encoding: 'utf8' });
    expect(generated.status).toBe(0);
    const truth = JSON.parse(readFileSync(join(data, 'ground-truth.json'), 'utf8')) as { totals: { transactions: number; duplicates: number } };

    await page.goto(serverUrl());
    const nav = page.getByRole('navigation', { name: '功能导航' });
    const caseScreen = page.getByRole('heading', { name: '最近打开的案件' });
    await passOperatorScreen(page, { name: '钱警官', unit: '某市公安局经侦支队', badge: '061234' });
    if (await nav.isVisible()) {
      await page.locator('.topbar-case').click();
      await page.getByRole('button', { name: '关闭案件' }).click();
    }
    await expect(caseScreen).toBeVisible();
    await page.getByLabel(/案件名称/).fill('演示数据导入');
    await page.getByLabel('文件夹名称').fill('e2e-demo-import');
    await page.getByRole('button', { name: '新建案件' }).click();
    await expect(nav).toBeVisible();

    await nav.getByRole('link', { name: '导入' }).click();
    await page.getByLabel('选择文件夹…').setInputFiles(data);
    const found = page.getByRole('table', { name: '识别结果' });
    await expect(found.getByText('查控交易明细信息', { exact: true }).first()).toBeVisible({ timeout: 60_000 });
    await page.getByRole('button', { name: '开始导入' }).click();
    const report = page.getByRole('region', { name: '导入报告' });
    await expect(report).toBeVisible({ timeout: 120_000 });
    await expect(report.getByText('导入完成，已写入案件')).toBeVisible();
    await screenshot(page, 'demo-import-report');

    await nav.getByRole('link', { name: '案件概览' }).click();
    const figure = page.getByText('交易明细（条，含失败与重复）').locator('..');
    await expect(figure).toContainText(truth.totals.transactions.toLocaleString('en-US'));
    const duplicates = page.getByText('重复记录', { exact: true }).locator('..');
    await expect(duplicates).toContainText(truth.totals.duplicates.toLocaleString('en-US'));
    await screenshot(page, 'demo-dashboard');

    await page.locator('.topbar-case').click();
    await page.getByRole('button', { name: '关闭案件' }).click();
    await expect(caseScreen).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
