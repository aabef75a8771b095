// 评价考核 in real Chromium on a fresh demo database: the coordinator opens the demo scheme, makes the
// groups' pairwise matrix inconsistent (CR turns red above 0.1), puts it back (CR no longer red) and
// saves, runs the evaluation for 2020, sees the ranking, and downloads the Word 通报 ranking, whose
// document.xml carries the title and the first-ranked county. Then a new scheme is created on the page with
// fixed weights, run for 2019 and 2020, and its runs compared side by side with the rank change.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo';
import { SCREENSHOT_DIR, startBrowserSession, type BrowserSession } from '../helpers/browser';

const STEP_TIMEOUT = 120_000;

describe('评价考核 in Chromium: pairwise grid with live CR, run, Word ranking; a new fixed-weight scheme compared over periods', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession();
    page = session.page;
    await page.goto(`${session.baseUrl}/login`);
    await page.getByLabel('用户名').fill('fgw');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/');
  }, STEP_TIMEOUT);
  afterAll(async () => {
    await session?.close();
  });

  it('edits the pairwise matrix: CR turns red above 0.1 and back; saves', async () => {
    await page.getByRole('menuitem', { name: '评价考核' }).click();
    await page.getByTestId('evaluation-page').waitFor();
    await page.getByTestId('tab-scheme').click();
    const cr = page.getByTestId('pairwise-groups-cr');
    await expect.poll(() => cr.getAttribute('data-bad')).toBe('false');
    // 产业规模 ≫ 增长质量 (9) but 增长质量 ≫ 创新与工作落实 and 创新 ≫ 产业规模: intransitive, CR far above 0.1.
    await page.getByTestId('pairwise-groups-cell-0-1').fill('9');
    await page.getByTestId('pairwise-groups-cell-0-2').fill('1/9');
    await page.getByTestId('pairwise-groups-cell-1-2').fill('9');
    await expect.poll(() => cr.getAttribute('data-bad')).toBe('true');
    expect(await cr.textContent()).toMatch(/CR = (0\.[2-9]|[1-9])/);
    // Ant Design's error red (its exact shade varies by a unit between versions): red, not green or black.
    const [r, g, b] = (await cr.evaluate((el) => getComputedStyle(el).color)).match(/\d+/g)!.map(Number);
    expect(r).toBeGreaterThan(180);
    expect(g).toBeLessThan(60);
    expect(b).toBeLessThan(60);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sei-eval-cr-red.png'), fullPage: true });
    await page.getByTestId('pairwise-groups-cell-0-1').fill('2');
    await page.getByTestId('pairwise-groups-cell-0-2').fill('2');
    await page.getByTestId('pairwise-groups-cell-1-2').fill('1');
    await expect.poll(() => cr.getAttribute('data-bad')).toBe('false');
    await page.getByTestId('scheme-save').click();
    await page.getByText('方案已保存').waitFor();
  }, STEP_TIMEOUT);

  it('runs 2020 and downloads the Word ranking', async () => {
    await page.getByTestId('tab-results').click();
    await page.getByTestId('run-period').fill('2020');
    await page.getByTestId('run-button').click();
    await page.getByText('评价已完成并存档').waitFor();
    const firstRow = page.getByTestId('ranking-table').locator('tbody tr.ant-table-row').first();
    const county = (await firstRow.locator('td').nth(1).textContent())!.trim();
    expect(await firstRow.locator('td').first().textContent()).toBe('1');
    expect(county.length).toBeGreaterThan(1);
    await page.getByTestId('score-bar').locator('canvas').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('run-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = join(SCREENSHOT_DIR, `sei-eval-${Date.now()}.docx`);
    await download.saveAs(file);
    const xml = await (await JSZip.loadAsync(await readFile(file))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('关于2020年度县（市、区）战略性新兴产业发展评价结果的通报');
    expect(text).toContain(`1${county}`);
    expect(session.pageErrors).toEqual([]);
  }, STEP_TIMEOUT);

  it('creates a scheme with fixed weights, runs 2019 and 2020, and compares the runs', async () => {
    await page.getByTestId('scheme-new').click();
    await page.getByTestId('scheme-create').waitFor();
    await page.getByTestId('scheme-name').fill('浏览器固定权重方案');
    // A fixed-weight scheme (the default for a new one): two criteria weighted 3 : 1.
    expect(await page.getByTestId('scheme-weighting').textContent()).toContain('固定权重');
    const pickCriterion = async (text: string) => {
      await page.getByTestId('group-criteria-0').click();
      await page.getByTestId('group-criteria-0').locator('input').fill(text);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
    };
    await pickCriterion('战略性新兴产业主营业务收入');
    await pickCriterion('省级以上创新平台数');
    await page.keyboard.press('Escape');
    const weight = (i: number) => page.getByTestId(`weight-0-${i}`).locator('xpath=descendant-or-self::input').first();
    await weight(0).fill('3');
    await weight(1).fill('1');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sei-eval-new-scheme.png'), fullPage: true });
    await page.getByTestId('scheme-save').click();
    await page.getByText('方案已创建').waitFor();
    await expect.poll(() => page.getByTestId('scheme-select').textContent()).toContain('浏览器固定权重方案');

    await page.getByTestId('tab-results').click();
    for (const year of ['2019', '2020']) {
      await page.getByTestId('run-period').fill(year);
      await page.getByTestId('run-button').click();
      await expect.poll(() => page.getByTestId('run-title').textContent()).toBe(`浏览器固定权重方案 · ${year}`);
    }
    expect(await page.getByTestId('weights').textContent()).toMatch(/最终权重 75\.00%.*最终权重 25\.00%/);

    await page.getByTestId('tab-compare').click();
    const table = page.getByTestId('compare-table');
    await table.waitFor();
    await page.getByTestId('compare-col-2019').waitFor();
    await page.getByTestId('compare-col-2020').waitFor();
    const rows = table.locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBeGreaterThan(10);
    // First row: ranked 1st in 2020; its change is its 2019 rank − 1.
    const cells = rows.first().locator('td');
    const rank2019 = (await cells.nth(1).textContent())!.trim();
    expect(await cells.nth(3).textContent()).toBe('1');
    const change = (await cells.nth(5).textContent())!.trim();
    expect(change).toBe(rank2019 === '—' ? '—' : rank2019 === '1' ? '0' : `+${Number(rank2019) - 1}`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sei-eval-compare.png'), fullPage: true });
    expect(session.pageErrors).toEqual([]);
  }, STEP_TIMEOUT);
});
