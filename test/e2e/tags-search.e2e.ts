import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoFolder, importFolderThroughUi, openNewCase, test, expect, screenshot } from './fixtures';

interface GroundTruth {
  people: { name: string; phone: string; roles: string[] }[];
}

/**
 * Issue 6 §4–§5 in the browser: the organiser's phone found through the top bar's search (Ctrl+K) wherever it
 * appears; a chat message tagged with a typology preset, starred and noted from its details; the tag's page lists it.
 */
test('global search finds a phone everywhere; a message is tagged, starred and noted and shows under its tag', async ({ page }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'chainsight-e2e-tags-'));
  try {
    const data = generateDemoFolder(dir);
    const truth = JSON.parse(readFileSync(join(data, 'ground-truth.json'), 'utf8')) as GroundTruth;
    const organiser = truth.people.find((p) => p.roles.includes('organiser')) ?? truth.people[0];
    if (!organiser) throw new Error('the demo has no people');
    const nav = await openNewCase(page, '演示数据标签与搜索', 'e2e-demo-tags');
    await importFolderThroughUi(page, nav, data);

    // the phone typed as people write it: grouped by threes and fours
    const typed = `${organiser.phone.slice(0, 3)} ${organiser.phone.slice(3, 7)} ${organiser.phone.slice(7)}`;
    await page.keyboard.press('Control+k');
    const box = page.getByRole('searchbox', { name: '全局搜索' });
    await expect(box).toBeFocused();
    await box.fill(typed);
    await box.press('Enter');
    const panel = page.getByRole('region', { name: '搜索结果' });
    await expect(panel.getByText(`手机号 ${organiser.phone}`)).toBeVisible({ timeout: 30_000 });
    const identifiers = panel.getByRole('region', { name: /^技术链标识/ });
    await expect(identifiers).toBeVisible();
    await expect(identifiers.getByText(organiser.phone).first()).toBeVisible();
    await screenshot(page, 'tags-01-global-search-phone');
    await box.press('Escape');
    await expect(panel).toBeHidden();

    // a message's details: tag it 代理退保, star it, write a note
    await nav.getByRole('link', { name: '聊天' }).click();
    const thread = page.getByRole('feed', { name: '消息' });
    const first = thread.getByRole('article').first();
    await expect(first).toBeVisible({ timeout: 30_000 });
    await first.click();
    const detail = page.getByRole('complementary', { name: '消息详情' });
    const marks = detail.getByRole('region', { name: '标签与备注' });
    await expect(marks.getByText('尚无标签')).toBeVisible();
    await marks.getByRole('combobox', { name: '打标签' }).click();
    await marks.getByRole('option', { name: /代理退保/ }).click();
    await expect(marks.getByRole('button', { name: '移除标签“代理退保”' })).toBeVisible();
    await marks.getByRole('button', { name: '加星标' }).click();
    await expect(marks.getByRole('button', { name: '取消星标' })).toBeVisible();
    await marks.getByRole('textbox', { name: '备注' }).fill('疑似收取定金的话术，待核实');
    await marks.getByRole('button', { name: '保存备注' }).click();
    await expect(marks.getByRole('button', { name: '保存备注' })).toBeDisabled();
    await screenshot(page, 'tags-02-message-marks');

    // the tag's page lists the message with its note and star
    await nav.getByRole('link', { name: '标签与证据包' }).click();
    const list = page.getByRole('navigation', { name: '标签与证据包' });
    await list.getByRole('button', { name: /代理退保/ }).click();
    const items = page.getByRole('region', { name: '“代理退保”下的项目' });
    const row = items.getByRole('listitem').first();
    await expect(row).toContainText('疑似收取定金的话术，待核实');
    await expect(row.getByRole('button', { name: '取消星标' })).toBeVisible();
    await expect(row.getByRole('link', { name: '打开' })).toHaveAttribute('href', /^#\/chats\?message=\d+$/);
    await screenshot(page, 'tags-03-tag-page');

    // the audit log has each mark
    await nav.getByRole('link', { name: '审计' }).click();
    await expect(page.getByText('tags.apply').first()).toBeVisible();
    await expect(page.getByText('notes.set').first()).toBeVisible();

    // and the link opens the message again in the chat screen
    await nav.getByRole('link', { name: '标签与证据包' }).click();
    await list.getByRole('button', { name: /代理退保/ }).click();
    await items.getByRole('listitem').first().getByRole('link', { name: '打开' }).click();
    await expect(page.getByRole('complementary', { name: '消息详情' })).toBeVisible({ timeout: 30_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
