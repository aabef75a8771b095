// 汇总分析 in real Chromium as the demo enterprise user: by park, cells of fewer than 3 enterprises show
// "— 保密" (never 0) with the reason, a note explains the rule, and the 合计 row stays; by SEI category the
// unconfirmed partly-SEI enterprises are a 待确认 row.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo';
import { SCREENSHOT_DIR, startBrowserSession, type BrowserSession } from '../helpers/browser';

describe('汇总分析 in Chromium: confidential cells for an enterprise user, reconciling rows', () => {
  let session: BrowserSession;
  let page: Page;
  beforeAll(async () => {
    session = await startBrowserSession();
    page = session.page;
    await page.goto(`${session.baseUrl}/login`);
    await page.getByLabel('用户名').fill('qiye');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/');
  }, 60_000);
  afterAll(async () => {
    expect(session?.pageErrors ?? []).toEqual([]);
    await session?.close();
  });

  it('shows small park cells as — 保密 with the reason and keeps the total', async () => {
    await page.getByRole('menuitem', { name: '统计监测' }).click();
    await page.getByTestId('tab-analysis').click();
    await page.getByTestId('analysis-dim').getByText('园区').click();
    await page.getByTestId('confidential-note').waitFor();
    const table = page.getByTestId('aggregates-table');
    const row = table.locator('tr.ant-table-row', { hasText: '宁晋新能源产业基地' });
    await row.getByTestId('confidential-cell').first().hover();
    await page.getByRole('tooltip').getByText('少于 3 家企业，按统计法保密').waitFor();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[1]).toContain('—');
    expect(cells[1]).not.toMatch(/\b0\b/);
    await table.locator('tr.ant-table-row', { hasText: '未入园' }).waitFor();
    expect(await table.getByTestId('aggregates-total').locator('td').nth(1).innerText()).toMatch(/\d{1,3}(,\d{3})+/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sei-stat-confidential.png'), fullPage: true });
  });

  it('by SEI category shows the 待确认 row', async () => {
    await page.getByTestId('analysis-dim').getByText('战新分类').click();
    await page.getByTestId('aggregates-table').locator('tr.ant-table-row', { hasText: '待确认' }).waitFor();
  });
});
