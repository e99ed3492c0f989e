import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoFolder, importFolderThroughUi, openNewCase, test, expect, screenshot } from './fixtures';

/**
 * 发现: after importing the demo returns, an investigator runs every detector from the page, watches it finish, opens
 * the insurance-surrender rule and reads a hit — its parameters and the rows behind it — and the fees it names are
 * the ones the generator planted.
 */
test('run every detector on the demo case and read a hit with its evidence rows', async ({ page }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'chainsight-e2e-findings-'));
  try {
    const data = generateDemoFolder(dir, 31, 2500);
    const truth = JSON.parse(readFileSync(join(data, 'ground-truth.json'), 'utf8')) as { typologies: { id: string; facts: { fact: string; feeTransfer?: string }[] }[] };
    const clients = truth.typologies.find((t) => t.id === 'T1')?.facts.filter((f) => f.fact === 'client').length ?? 0;
    const nav = await openNewCase(page, '检测演示', 'e2e-findings');
    await importFolderThroughUi(page, nav, data);

    await nav.getByRole('link', { name: '发现' }).click();
    await expect(page.getByText('尚无发现。选择规则、按需调整参数后点击「运行」。')).toBeVisible();
    await page.getByRole('button', { name: '运行全部规则' }).click();
    await expect(page.getByText(/检测完成：17 条规则/)).toBeVisible({ timeout: 120_000 });

    const rules = page.getByRole('navigation', { name: '检测规则' });
    await rules.getByRole('button', { name: /代理退保/ }).click();
    const hits = page.getByRole('list', { name: '「代理退保」的命中' });
    const first = hits.getByRole('button').first();
    await expect(first).toContainText(`疑似代理退保：${clients} 名投保人`);
    await first.click();
    const detail = page.getByRole('region', { name: '发现详情' });
    await expect(detail.getByLabel('运行参数')).toContainText('240 小时');
    const grid = detail.getByRole('region', { name: '证据交易' });
    await expect(grid.getByText('付费').first()).toBeVisible();
    await screenshot(page, 'findings-insurance-surrender');

    await rules.getByRole('button', { name: /共同交易对手/ }).click();
    await hits.page().getByRole('list', { name: '「共同交易对手」的命中' }).getByRole('button').first().click();
    await expect(detail).toContainText('疑似共同交易对手');
    await screenshot(page, 'findings-shared-counterparty');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
