import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { generateDemoFolder, importFolderThroughUi, openNewCase, test, expect, screenshot } from './fixtures';

/** Search on the chat screen and wait for its results. */
async function searchChats(page: Page, query: string): Promise<Locator> {
  const box = page.getByRole('searchbox', { name: '搜索聊天内容' });
  await box.fill(query);
  await box.press('Enter');
  const results = page.getByRole('region', { name: '搜索结果' });
  await expect(results.getByText(new RegExp(`^「${query}」：[1-9][\\d,]* 条消息$`))).toBeVisible({ timeout: 30_000 });
  return results;
}

/** Every <mark> in the region holds exactly the query: hits are highlighted, and only hits. */
async function expectMarked(region: Locator, query: string): Promise<void> {
  await expect(region.locator('mark', { hasText: query }).first()).toBeVisible();
  const marked = await region.locator('mark').allTextContents();
  expect(marked.length).toBeGreaterThan(0);
  expect(new Set(marked)).toEqual(new Set([query]));
}

/**
 * Issue 5 is done when an investigator can search the seized chats for 退保 and 定金 and see the hits: the demo case
 * is imported through the UI, then searched on 聊天, and a hit is opened in its conversation.
 */
test('search the demo chats for 退保 and 定金 and see the hits highlighted', async ({ page }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'chainsight-e2e-chats-'));
  try {
    const data = generateDemoFolder(dir);
    const nav = await openNewCase(page, '演示数据聊天检索', 'e2e-demo-chats');

    // before any import the chat screen says what to do
    await nav.getByRole('link', { name: '聊天' }).click();
    await expect(page.getByText('本案尚无聊天记录')).toBeVisible();

    await importFolderThroughUi(page, nav, data);

    await nav.getByRole('link', { name: '聊天' }).click();
    const conversations = page.getByRole('navigation', { name: '会话列表' });
    await expect(conversations.getByRole('button', { name: /全部会话/ })).toBeVisible();
    // “all conversations” plus at least one conversation, each with its message count
    expect(await conversations.getByRole('button').count()).toBeGreaterThan(1);
    await expect(conversations.getByRole('button').nth(1)).toContainText(/[\d,]+ 条/);
    const thread = page.getByRole('feed', { name: '消息' });
    await expect(thread.getByRole('article').first()).toBeVisible();
    await screenshot(page, 'chats-01-conversations');

    const surrender = await searchChats(page, '退保');
    await expectMarked(surrender, '退保');
    await screenshot(page, 'chats-02-search-退保');

    // a result opens in its conversation, scrolled to it, the term still marked
    await surrender.getByRole('listitem').first().getByRole('button').click();
    await expect(surrender).toBeHidden();
    const target = thread.locator('.msg-target');
    await expect(target).toBeVisible({ timeout: 30_000 });
    await expectMarked(target, '退保');
    await expect(conversations.locator('[aria-current="true"]')).not.toContainText('全部会话');
    await screenshot(page, 'chats-03-thread-退保');

    // the message's detail says where it came from
    await target.getByRole('button', { name: '详情' }).click();
    const detail = page.getByRole('complementary', { name: '消息详情' });
    await expect(detail.getByText('原始文件')).toBeVisible();
    await expect(detail.getByText('行号')).toBeVisible();
    await screenshot(page, 'chats-04-detail');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('complementary', { name: '线索' })).toBeVisible();

    // 定金 is two characters: below the trigram index, found by scanning, highlighted the same way
    await conversations.getByRole('button', { name: /全部会话/ }).click();
    const deposit = await searchChats(page, '定金');
    await expectMarked(deposit, '定金');
    await screenshot(page, 'chats-05-search-定金');

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'Chats' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Search results' }).locator('mark', { hasText: '定金' }).first()).toBeVisible();
    await screenshot(page, 'chats-06-search-en');
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.getByRole('heading', { name: '聊天' })).toBeVisible();

    // seized text stays text
    expect(await page.locator('.chats-page script, .chats-page img').count()).toBe(0);

    await page.locator('.topbar-case').click();
    await page.getByRole('button', { name: '关闭案件' }).click();
    await expect(page.getByRole('heading', { name: '最近打开的案件' })).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
