// 领导小组审议 in real Chromium on a fresh demo database: the coordinator (fgw) schedules a meeting of the
// submitted item (the demo's deferred 柏乡 item), records the attendance; the group's secretary (mishu)
// records 有条件通过 with its conditions; the minutes download as Word and carry the decision and conditions.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo';
import { SCREENSHOT_DIR, startBrowserSession, type BrowserSession } from '../helpers/browser';

const STEP_TIMEOUT = 120_000;
const CONDITIONS = '取得民航选址意见后方可拨付（浏览器测试）';

describe('领导小组审议 in Chromium: agenda, attendance, a decision with conditions, minutes', () => {
  let session: BrowserSession;
  let page: Page;
  let baseUrl: string;

  async function login(username: string) {
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/');
  }

  beforeAll(async () => {
    session = await startBrowserSession();
    ({ page, baseUrl } = session);
    await page.setViewportSize({ width: 1366, height: 768 });
  });
  afterAll(async () => { await session?.close(); });

  it('runs a meeting and downloads its minutes', async () => {
    await login('fgw');
    await page.getByRole('menuitem', { name: '领导小组审议' }).click();
    await page.getByTestId('review-items').waitFor();
    await page.getByTestId('tab-meetings').click();
    await page.getByTestId('meeting-new').click();
    await page.getByTestId('meeting-title').fill('2021年第一季度领导小组会议');
    await page.getByTestId('meeting-items').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '柏乡县通用航空机场项目前期工作经费' }).first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('meeting-create').click();
    await page.getByTestId('meeting-page').waitFor();
    expect(await page.getByTestId('agenda').innerText()).toContain('柏乡县通用航空机场项目前期工作经费');

    await page.getByTestId('attendee-add').click();
    await page.getByTestId('attendee-name-0').fill('王建国');
    await page.getByTestId('attendee-add').click();
    await page.getByTestId('attendee-name-1').fill('李振华');
    await page.getByTestId('attendee-present-1').click();
    await page.getByTestId('attendance-save').click();
    await page.getByText('王建国').or(page.locator('input[value="王建国"]')).first().waitFor();
    // The coordinator is not the secretary: no decision button.
    expect(await page.getByTestId('decide-open').count()).toBe(0);
    const url = page.url();
    await page.locator('header').getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL('**/login');

    await login('mishu');
    await page.goto(url);
    await page.getByTestId('decide-open').click();
    await page.getByTestId('decision-conditional').click();
    await page.getByTestId('decision-conditions').fill(CONDITIONS);
    await page.getByTestId('decision-save').click();
    await page.getByTestId('agenda-decision').filter({ hasText: '有条件通过' }).waitFor();
    expect(await page.getByTestId('agenda-decision').innerText()).toContain(CONDITIONS);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sei-review-meeting.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('minutes-download').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = join(SCREENSHOT_DIR, `sei-review-minutes-${Date.now()}.docx`);
    await download.saveAs(file);
    const text = (await (await JSZip.loadAsync(await readFile(file))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('2021年第一季度领导小组会议纪要');
    expect(text).toContain('会议决定：有条件通过。');
    expect(text).toContain(`通过条件：${CONDITIONS}`);
    expect(text).toContain('出席：王建国');
    expect(text).toContain('缺席：李振华');
    expect(session.pageErrors).toEqual([]);
  }, STEP_TIMEOUT);
});
