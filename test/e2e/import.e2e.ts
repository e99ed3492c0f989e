import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from '@playwright/test';
import { passOperatorScreen, test, expect, screenshot, serverUrl } from './fixtures';

const REQUEST_NO = '5104614320210702112732';
const FILE_NAME = '广发银行交易明细信息.csv';
const HEADER = ['交易卡号', '交易账号', '交易户名', '交易证件号码', '交易时间', '交易金额', '交易余额', '收付标志', '交易对手账卡号', '对手户名', '摘要说明', '交易是否成功'];
/** enough rows that the import reports progress more than once (every 5,000 rows) */
const ROWS = 40_000;

/**
 * A 查控-style 交易明细 return as banks send it: GB18030, a tab after every header and value, CRLF, inside a folder
 * named by its 请求号. The first 摘要 carries the time of the run, so the file's SHA-256 is new to any case.
 */
function writeReturn(root: string): { folder: string; file: string; sha256: string } {
  const folder = join(root, REQUEST_NO);
  mkdirSync(folder, { recursive: true });
  const lines = [HEADER.map((h) => `${h}\t`).join(',')];
  let balanceFen = 50_000_000;
  const start = Date.UTC(2021, 6, 1, 1, 0, 0);
  for (let i = 0; i < ROWS; i += 1) {
    const incoming = i % 3 !== 2;
    const amountFen = 10_000 + ((i * 7919) % 500_000);
    balanceFen += incoming ? amountFen : -amountFen;
    const at = new Date(start + i * 61_000);
    const time = at.toISOString().slice(0, 19).replace('T', ' ');
    const cells = [
      '6214620112345677',
      '9550880212345600101',
      '李明华',
      '110105198503121234',
      time,
      (amountFen / 100).toFixed(2),
      (balanceFen / 100).toFixed(2),
      incoming ? '进' : '出',
      incoming ? '6222020200112233446' : '6217001234567890122',
      incoming ? '王小红' : '陈静',
      i === 0 ? `转账存入 ${Date.now()}` : incoming ? '转账存入' : '网银转账',
      '是',
    ];
    lines.push(cells.map((c) => `${c}\t`).join(','));
  }
  const bytes = iconv.encode(lines.join('\r\n') + '\r\n', 'gb18030');
  const file = join(folder, FILE_NAME);
  writeFileSync(file, bytes);
  return { folder, file, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') };
}

/**
 * Whatever state the shared server is in: confirm or create an operator, then make sure a case is open.
 * Returns whether this test created (and so should close) the case.
 */
async function openWorkstation(page: Page): Promise<boolean> {
  await page.goto(serverUrl());
  const nav = page.getByRole('navigation', { name: '功能导航' });
  const caseScreen = page.getByRole('heading', { name: '最近打开的案件' });
  await passOperatorScreen(page, { name: '赵警官', unit: '某市公安局经侦支队', badge: '054321' });
  const create = await caseScreen.isVisible();
  if (create) {
    await page.getByLabel('案件编号').fill('JZ-2025-0588');
    await page.getByLabel(/案件名称/).fill('某网络借贷平台非法吸收公众存款案');
    await page.getByLabel('文件夹名称').fill('e2e-导入');
    await page.getByRole('button', { name: '新建案件' }).click();
  }
  await expect(nav).toBeVisible();
  return create;
}

test('import a 查控 return folder: upload, detection, progress, report, then the 检材 with its SHA-256', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'chainsight-e2e-import-'));
  try {
    const generated = writeReturn(dir);
    const createdCase = await openWorkstation(page);
    await page.getByRole('navigation', { name: '功能导航' }).getByRole('link', { name: '导入' }).click();
    await expect(page.getByRole('heading', { name: '导入', level: 1 })).toBeVisible();
    await expect(page.getByText('还没有选择文件')).toBeVisible();
    await screenshot(page, 'import-01-empty');

    // the folder picker keeps the folder name, which carries the 请求号
    await page.getByLabel('选择文件夹…').setInputFiles(generated.folder);
    const found = page.getByRole('table', { name: '识别结果' });
    await expect(found.getByText(`${REQUEST_NO}/${FILE_NAME}`)).toBeVisible({ timeout: 30_000 });
    await expect(found.getByText('GB18030')).toBeVisible();
    // intended behaviour once the bank formats are registered: recognised with its confidence and reason
    await expect(found.getByText('查控交易明细信息', { exact: true })).toBeVisible();
    await expect(found.getByText(/^\d{1,3}%$/)).toBeVisible();
    await expect(found.getByText(/表头匹配/)).toBeVisible();
    await found.getByRole('button', { name: '预览' }).click();
    await expect(page.getByRole('table', { name: '文件前几行（原样文本）' }).getByText('交易卡号', { exact: false }).first()).toBeVisible();
    await expect(page.getByLabel(/时区（原始记录未写明时区时）/)).toHaveValue('Asia/Shanghai');
    await screenshot(page, 'import-02-inspect');

    await page.getByRole('button', { name: '开始导入' }).click();
    const running = page.getByRole('region', { name: '正在导入' });
    const report = page.getByRole('region', { name: '导入报告' });
    await expect(running.or(report)).toBeVisible();
    // the job reports every 5,000 rows; catch it mid-way when the machine is slow enough to see it
    const measured = running.getByText(/行\/秒/);
    await expect(measured.or(report)).toBeVisible({ timeout: 60_000 });
    if (await running.isVisible()) {
      await expect(running.getByRole('button', { name: '取消' })).toBeVisible();
      await expect(running.getByText(REQUEST_NO)).toBeVisible();
      await screenshot(page, 'import-03-progress');
    }
    await expect(report).toBeVisible({ timeout: 90_000 });
    await expect(report.getByText('导入完成，已写入案件')).toBeVisible();
    const row = report.getByRole('row').filter({ hasText: FILE_NAME });
    await expect(row.getByText('已导入')).toBeVisible();
    await expect(row.getByText('40,000').first()).toBeVisible();
    await expect(row.getByText(`${generated.sha256.slice(0, 12)}…`)).toBeVisible();
    await expect(report.getByText('余额不连续处')).toBeVisible();
    await expect(report.getByText('同一笔转账两端（对）')).toBeVisible();
    await report.getByText('完整性校验值（SHA-256 / SM3）').click();
    await expect(report.getByLabel('SHA-256')).toHaveValue(generated.sha256);
    await screenshot(page, 'import-04-report');

    await report.getByRole('button', { name: '查看检材' }).click();
    const grid = page.getByRole('region', { name: '检材列表' });
    const sourceRow = grid.getByRole('row').filter({ hasText: FILE_NAME });
    await expect(sourceRow.getByText(`${generated.sha256.slice(0, 16)}…`)).toBeVisible();
    await expect(sourceRow.getByText(REQUEST_NO, { exact: true })).toBeVisible();
    await expect(sourceRow.getByText('查控/平台调证')).toBeVisible();
    await screenshot(page, 'import-05-sources');

    await sourceRow.getByText(`${REQUEST_NO}/${FILE_NAME}`).dblclick();
    const panel = page.getByRole('complementary', { name: `检材详情：${FILE_NAME}` });
    await expect(panel.getByLabel('SHA-256')).toHaveValue(generated.sha256);
    await expect(panel.getByLabel('请求号')).toHaveValue(REQUEST_NO);
    await panel.getByLabel('获取时间').fill('2021-07-02 11:27');
    await panel.getByRole('button', { name: '保存' }).click();
    await expect(panel.getByText('已保存')).toBeVisible();
    await screenshot(page, 'import-06-source-panel');

    // the same in English; the report is still there after leaving the tab
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('tab', { name: /Exhibit sources/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await screenshot(page, 'import-07-sources-en');
    await page.getByRole('tab', { name: 'Import files' }).click();
    await expect(page.getByRole('region', { name: 'Import report' })).toBeVisible();
    await screenshot(page, 'import-08-report-en');
    await page.getByRole('button', { name: '中文' }).click();

    // the save is audited with only the field that changed
    await page.getByRole('navigation', { name: '功能导航' }).getByRole('link', { name: '审计' }).click();
    await expect(page.getByRole('gridcell', { name: 'sources.updateAcquisition' })).toBeVisible();
    await expect(page.getByRole('gridcell', { name: 'import.completed' }).first()).toBeVisible();

    // leave the shared server as found: the other end-to-end tests expect no case open when they start
    if (createdCase) {
      await page.getByRole('button', { name: /JZ-2025-0588/ }).click();
      await page.getByRole('button', { name: '关闭案件' }).click();
      await expect(page.getByRole('heading', { name: '最近打开的案件' })).toBeVisible();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
