// 计划文本解析 in real Chromium: the coordinator (fgw) pastes the seed text, sees the targets and places
// highlighted beside the draft, edits one target (T4 120 → 130), assigns a lead department to an
// industry, and creates the draft plan, which the API then lists as a draft with the edited value.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo';
import { SCREENSHOT_DIR, startBrowserSession, type BrowserSession } from '../helpers/browser';

const seed = readFileSync(new URL('../fixtures/plan-text/xingtai-sei-action-plan-2018-2020.txt', import.meta.url), 'utf8');
const STEP_TIMEOUT = 120_000;

describe('计划文本解析 in Chromium: paste the seed, edit a target, create the draft plan', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession();
    page = session.page;
  }, STEP_TIMEOUT);
  afterAll(async () => {
    await session?.close();
  });

  it('parses the pasted seed, edits one target and creates the draft plan', async () => {
    await page.goto(`${session.baseUrl}/login`);
    await page.getByLabel('用户名').fill('fgw');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('menuitem', { name: '计划文本解析' }).click();
    await page.waitForURL('**/plan-parser');

    await page.getByTestId('plan-parse-input').fill(seed);
    await page.getByTestId('plan-parse-run').click();
    const text = page.getByTestId('plan-parse-highlighted');
    await text.waitFor();
    // the five targets and the places are marked in the text
    expect(await text.locator('mark[data-kind="targets"]').count()).toBe(5);
    await expect.poll(() => text.locator('mark[data-kind="counties"]', { hasText: '宁晋' }).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('plan-parse-title').inputValue()).toBe('邢台市战略性新兴产业发展三年行动计划（2018-2020年）');

    await page.getByTestId('plan-parse-code').fill('xingtai-browser-draft');
    const value = page.getByLabel('目标值 4', { exact: true });
    expect(await value.inputValue()).toBe('120');
    await value.fill('130');
    await value.blur();

    await page.getByRole('tab', { name: /重点领域/ }).click();
    const firstLead = page.getByTestId('plan-parse-industries').locator('tbody tr').first().locator('.ant-select').nth(1);
    await firstLead.click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('市工业和信息化局').click();

    await page.getByTestId('plan-parse-create').click();
    await page.getByTestId('plan-parse-created').waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sei-plan-parse.png'), fullPage: true });

    const res = await page.request.get(`${session.baseUrl}/api/plans`);
    const draft = (await res.json()).plans.find((p: { code: string }) => p.code === 'xingtai-browser-draft');
    expect(draft.status).toBe('draft');
    const detail = await (await page.request.get(`${session.baseUrl}/api/plans/${draft.id}`)).json();
    expect(detail.targets.map((t: { value: number }) => t.value)).toEqual([1000, 245, 10, 130, 10]);
    expect(session.pageErrors).toEqual([]);
  }, STEP_TIMEOUT);
});
