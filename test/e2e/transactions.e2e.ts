import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import type { Locator, Page } from '@playwright/test';
import { formatMinor } from '../../shared/money';
import { formatInZone } from '../../shared/time';
import { CLI_BIN, NODE22 } from '../support/run-cli';
import { expect, passOperatorScreen, screenshot, serverUrl, test } from './fixtures';

const ZONE = 'Asia/Shanghai';
const ROW_HEIGHT = 26;

interface Stored {
  id: number;
  ts_utc: number | null;
  ts_text: string;
  amount_minor: number;
  cp_name: string | null;
  cp_account: string | null;
  summary: string | null;
}

function cli(args: string[]): Record<string, unknown> {
  const run = spawnSync(NODE22, [CLI_BIN, ...args, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 240_000 });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

/** `¥ 1,234.56` / `-¥ 1,234.56`, as the grid writes money. */
function money(minor: number): string {
  const text = formatMinor(Math.abs(minor));
  return `${minor < 0 ? '-' : ''}¥ ${text}`;
}

/** The grid's rendered row at a 0-based index of the view. */
function gridRow(grid: Locator, index: number): Locator {
  return grid.locator(`[role="row"][row-index="${index}"]`);
}

async function cell(grid: Locator, index: number, column: string): Promise<string> {
  return (await gridRow(grid, index).locator(`[col-id="${column}"]`).innerText()).trim();
}

/** Scroll the grid so the row at `index` is rendered, and wait for its data (not the loading placeholder). */
async function scrollToRow(page: Page, grid: Locator, index: number): Promise<void> {
  await grid.locator('.ag-grid-viewport').first().evaluate((viewport, top) => {
    viewport.scrollTop = top;
  }, index * ROW_HEIGHT);
  await expect(gridRow(grid, index).locator('[col-id="amount"]')).toContainText('¥', { timeout: 30_000 });
  await page.waitForTimeout(100);
}

async function matching(page: Page): Promise<number> {
  const status = page.locator('.page-header [role="status"]');
  await expect(status).toContainText('符合条件');
  const text = (await status.innerText()).replace(/,/g, '');
  return Number(/符合条件 (\d+) 条/.exec(text)?.[1] ?? NaN);
}

/**
 * Issue 6 §7: a case of more than 100,000 transactions, built with the CLI, opened in Chromium; the grid scrolled to
 * row 50,000 and checked against SQL; sorted by amount; filtered by a counterparty; a row's provenance opened; the
 * view exported and the file checked row by row.
 */
test('the transactions grid on a case of more than 100,000 rows agrees with SQL, and its export with the view', async ({ page }) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'chainsight-e2e-txns-'));
  try {
    const data = join(dir, 'data');
    const caseDir = join(dir, '十万交易.chainsight');
    cli(['demo', data, '--seed', '5', '--txns', '110000']);
    cli(['case', 'init', caseDir, '--name', '十万条交易明细']);
    cli(['import', caseDir, data]);
    const db = new Database(join(caseDir, 'case.sqlite'), { readonly: true });
    try {
      const total = (db.prepare('SELECT count(*) AS n FROM txn').get() as { n: number }).n;
      expect(total).toBeGreaterThanOrEqual(100_000);

      await page.goto(serverUrl());
      await passOperatorScreen(page, { name: '赵警官', unit: '某市公安局经侦支队', badge: '071234' });
      const nav = page.getByRole('navigation', { name: '功能导航' });
      if (await nav.isVisible()) {
        await page.locator('.topbar-case').click();
        await page.getByRole('button', { name: '关闭案件' }).click();
      }
      await page.getByLabel('案件文件夹路径（…/名称.chainsight）').fill(caseDir);
      await page.getByRole('form', { name: '打开已有案件' }).getByRole('button', { name: '打开' }).click();
      await expect(nav).toBeVisible();
      await nav.getByRole('link', { name: '交易' }).click();
      const grid = page.getByRole('region', { name: '交易明细' });
      await expect(gridRow(grid, 0).locator('[col-id="amount"]')).toContainText('¥', { timeout: 30_000 });
      expect(await matching(page)).toBe(total);
      expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', '资'))).toBe(true);
      await screenshot(page, 'txns-01-grid');

      // row 50,000 in the default order (time, then import order) is the row SQL puts there
      const byTime = db.prepare('SELECT id, ts_utc, ts_text, amount_minor, cp_name, cp_account, summary FROM txn ORDER BY ts_utc, id LIMIT 2 OFFSET 49999').all() as Stored[];
      await scrollToRow(page, grid, 49_999);
      const [row50k, next] = byTime;
      if (!row50k || !next) throw new Error('the case has fewer than 50,001 rows');
      expect(await cell(grid, 49_999, 'amount')).toBe(money(row50k.amount_minor));
      expect(await cell(grid, 49_999, 'time')).toBe(row50k.ts_utc === null ? row50k.ts_text : formatInZone(row50k.ts_utc, ZONE));
      expect(await cell(grid, 49_999, 'cpName')).toBe(row50k.cp_name ?? '');
      expect(await cell(grid, 49_999, 'summary')).toBe(row50k.summary ?? '');
      expect(await cell(grid, 50_000, 'amount')).toBe(money(next.amount_minor));
      expect(await cell(grid, 50_000, 'time') >= (await cell(grid, 49_999, 'time'))).toBe(true);
      await screenshot(page, 'txns-02-row-50000');

      // sort by amount: the first click sorts ascending, the second descending — largest amounts first
      const amountHeader = grid.locator('.ag-header-cell[col-id="amount"]');
      await amountHeader.click();
      await amountHeader.click();
      await expect(amountHeader).toHaveAttribute('aria-sort', 'descending');
      const largest = db.prepare('SELECT amount_minor FROM txn ORDER BY abs(amount_minor) DESC, id DESC LIMIT 3').pluck().all() as number[];
      await expect(gridRow(grid, 0).locator('[col-id="amount"]')).toHaveText(money(largest[0] ?? 0), { timeout: 30_000 });
      expect(await cell(grid, 1, 'amount')).toBe(money(largest[1] ?? 0));
      expect(await cell(grid, 2, 'amount')).toBe(money(largest[2] ?? 0));
      await screenshot(page, 'txns-03-sorted-by-amount');

      // filter by a counterparty: a person's name with some dozens of rows
      const counterparty = db
        .prepare("SELECT cp_name FROM txn WHERE cp_name IS NOT NULL AND length(cp_name) = 3 GROUP BY cp_name HAVING count(*) BETWEEN 20 AND 200 ORDER BY count(*) DESC LIMIT 1")
        .pluck()
        .get() as string;
      const expected = (db.prepare("SELECT count(*) FROM txn WHERE cp_name LIKE ? OR cp_account LIKE ?").pluck().get(`%${counterparty}%`, `%${counterparty}%`) as number);
      await page.getByLabel('对手方').fill(counterparty);
      await page.getByLabel('对手方').press('Enter');
      await expect.poll(() => matching(page), { timeout: 30_000 }).toBe(expected);
      await expect(gridRow(grid, 0).locator('[col-id="cpName"]')).toContainText(counterparty);
      await screenshot(page, 'txns-04-filtered-by-counterparty');

      // the provenance of the first row of the view
      const firstId = db
        .prepare('SELECT id FROM txn WHERE cp_name LIKE ? OR cp_account LIKE ? ORDER BY abs(amount_minor) DESC, id DESC LIMIT 1')
        .pluck()
        .get(`%${counterparty}%`, `%${counterparty}%`) as number;
      const source = db.prepare('SELECT s.rel_path AS file, t.line, t.row_hash AS hash FROM txn t JOIN source s ON s.id = t.source_id WHERE t.id = ?').get(firstId) as {
        file: string;
        line: number;
        hash: string;
      };
      await gridRow(grid, 0).locator('[col-id="cpName"]').click();
      const detail = page.getByRole('complementary', { name: '交易详情' });
      const provenance = detail.getByRole('region', { name: '来源' });
      await expect(provenance.getByText(source.file, { exact: true })).toBeVisible();
      await expect(provenance.locator('dd', { hasText: new RegExp(`^${source.line.toLocaleString('en-US')}$`) })).toBeVisible();
      await expect(provenance.getByText('✓ 与原始行重新计算一致')).toBeVisible();
      await expect(provenance.getByRole('table', { name: '原始行（按原表头）' })).toBeAttached();
      await provenance.scrollIntoViewIfNeeded();
      await screenshot(page, 'txns-05-provenance');
      await page.keyboard.press('Escape');
      await expect(detail).toBeHidden();

      // several rows selected for tagging
      await gridRow(grid, 0).getByRole('checkbox').check();
      await gridRow(grid, 1).getByRole('checkbox').check();
      await expect(page.locator('.txn-selection')).toContainText('已选 2 条');
      await expect(detail).toBeHidden();

      // export the view: the file holds exactly the view's rows, none of whose cells can start a formula
      await page.getByRole('button', { name: '导出 CSV' }).click();
      const done = page.locator('.txn-export-done');
      await expect(done).toContainText(`已导出 ${expected.toLocaleString('en-US')} 条`, { timeout: 60_000 });
      const path = (await done.locator('.txn-export-path').innerText()).trim();
      await screenshot(page, 'txns-06-exported');
      const text = readFileSync(path, 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
      const [header, ...rows] = parsed.data;
      expect(rows.length).toBe(expected);
      for (const row of rows) for (const value of row) expect(/^[=+@\t\r]/.test(value) || (/^-/.test(value) && !/^-\d+(\.\d+)?$/.test(value)), value).toBe(false);
      const idColumn = header?.indexOf('记录ID') ?? -1;
      expect(Number(rows[0]?.[idColumn])).toBe(firstId);

      // 汇总: the ranking says what it ranks
      await page.getByRole('tab', { name: '汇总与排名' }).click();
      await expect(page.getByRole('heading', { name: /按对手户名 · 收入（对方转入） · 前 20 名/ })).toBeVisible({ timeout: 60_000 });
      await expect(page.getByText(/未计入：交易失败/)).toBeVisible({ timeout: 60_000 });
      await screenshot(page, 'txns-07-summaries');

      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.getByRole('heading', { name: 'Transactions', exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { name: /By counterparty name · In \(received from\) · top 20/ })).toBeVisible();
      await screenshot(page, 'txns-08-summaries-en');
      await page.getByRole('button', { name: '中文' }).click();
      await expect(page.getByRole('heading', { name: '交易', exact: true })).toBeVisible();

      // seized text stays text
      expect(await page.locator('.txns-page script, .txns-page img').count()).toBe(0);
      await page.locator('.topbar-case').click();
      await page.getByRole('button', { name: '关闭案件' }).click();
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
