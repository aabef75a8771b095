// The targets page and the registries in real Chromium on a fresh demo database: cards with gauge,
// light and anticipated status (demo figures labelled), a date change, the trend chart and the
// components table; the platform, park and project registers with their counts and lights.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, startBrowserSession, type BrowserSession } from '../helpers/browser';


describe('targets page in Chromium', () => {
  let page: Page;
  let baseUrl: string;
  let pageErrors: string[] = [];

  let session: BrowserSession;
  beforeAll(async () => {
    session = await startBrowserSession();
    ({ page, baseUrl, pageErrors } = session);
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('用户名').fill('fgw');
    await page.getByLabel('密码').fill('Demo@2018');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/');
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows a card per target with gauge, light and anticipated status; demo figures are labelled', async () => {
    await page.getByRole('menuitem', { name: '目标指标' }).click();
    await page.waitForURL('**/targets');
    const cards = page.getByTestId('target-cards');
    await cards.getByTestId('target-card-T5').waitFor();
    for (const code of ['T1', 'T2', 'T3', 'T4', 'T5']) await cards.getByTestId(`target-card-${code}`).waitFor();
    const t4 = cards.getByTestId('target-card-T4');
    expect(await t4.getByTestId('target-actual').innerText()).toBe('123 家');
    expect(await t4.getByTestId('actual-demo').innerText()).toContain('演示数据');
    expect(await t4.getByTestId('target-attainment').innerText()).toBe('102.5%');
    expect(await t4.getByTestId('target-light').getAttribute('data-light')).toBe('green');
    expect(await t4.getByTestId('target-status').innerText()).toBe('目标已实现');
    expect(await t4.locator('.ant-progress-circle').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sei-targets.png'), fullPage: true });
  });

  it('says how sure each target is, and computes on approved values only when switched', async () => {
    const t1 = page.getByTestId('target-card-T1');
    expect(await t1.getByTestId('target-met').innerText()).toBe('已达标（按未审核数据）');
    expect(await t1.getByTestId('target-status-shares').innerText()).toMatch(/已审核 0 亿元（0%，0 家） · 已报送 .* · 草稿/);
    expect(await t1.getByTestId('target-missing').innerText()).toMatch(/缺报 \d+ 家：2019 年报送、202012 未报/);
    const t3 = page.getByTestId('target-card-T3');
    expect(await t3.getByTestId('actual-unverified').innerText()).toBe('未核实');
    expect(await t3.getByTestId('actual-demo').innerText()).toBe('演示数据');
    await page.getByTestId('targets-approved-only').click();
    await expect.poll(() => t1.getByTestId('target-met').innerText()).toBe('未达标');
    expect(await t1.getByTestId('target-actual').innerText()).toBe('985.04 亿元');
    expect(await t1.getByTestId('target-weakest-status').innerText()).toContain('已审核');
    await page.getByTestId('targets-approved-only').click();
    await expect.poll(() => t1.getByTestId('target-met').innerText()).toBe('已达标（按未审核数据）');
  });

  it('re-assesses on another date', async () => {
    const picker = page.getByTestId('targets-as-of');
    await picker.click();
    await page.locator('.ant-picker-dropdown:visible').waitFor();
    await picker.fill('2019-12-31');
    await picker.press('Enter');
    const t4 = page.getByTestId('target-card-T4');
    await t4.getByTestId('target-actual').getByText('106 家').waitFor();
    expect(await t4.getByTestId('target-status').innerText()).toBe('进展顺利');
    expect(await t4.getByTestId('target-projection').innerText()).toContain('预计可达标');
  });

  it('shows the chosen target\'s trend chart and the components behind the figures', async () => {
    await page.getByTestId('target-card-T4').click();
    await page.getByTestId('target-trend-chart').locator('canvas').first().waitFor();
    const table = page.getByTestId('target-components');
    await table.getByText('观测年均增长率').waitFor();
    const text = await table.innerText();
    expect(text).toContain('所需年均增长率');
    expect(text).toContain('比值 R');
    expect(text).toContain('基期取自数据 2017');
    expect(text).toContain('进展顺利');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sei-target-detail.png'), fullPage: true });
    await page.getByTestId('target-trend-chart').screenshot({ path: join(SCREENSHOT_DIR, 'sei-target-chart.png') });
  });

  it('lists the registries with their counts and project lights', async () => {
    await page.getByRole('menuitem', { name: '创新平台' }).click();
    await page.waitForURL('**/platforms');
    expect(await page.getByTestId('platform-count').innerText()).toContain('计入目标 123 个');
    expect(await page.getByTestId('platform-table').getByTestId('record-demo').count()).toBeGreaterThan(0);
    await page.getByRole('menuitem', { name: '园区基地' }).click();
    await page.waitForURL('**/parks');
    expect(await page.getByTestId('park-count').innerText()).toContain('计入目标 11 个');
    await page.getByRole('menuitem', { name: '重大项目' }).click();
    await page.waitForURL('**/projects');
    const lights = page.getByTestId('project-table').locator('[data-light]');
    await lights.first().waitFor();
    const colours = new Set(await lights.evaluateAll((els) => els.map((e) => e.getAttribute('data-light'))));
    expect(colours).toEqual(new Set(['green', 'yellow', 'red']));
    // The expanded row explains every light with its figures.
    await page.getByTestId('project-table').locator('.ant-table-row-expand-icon').first().click();
    const reasons = page.getByTestId('project-light-reasons').first();
    await reasons.waitFor();
    expect(await reasons.locator('[data-light-key]').count()).toBe(4);
    expect(await reasons.innerText()).toMatch(/计划 .* 开工/);
    // A 竣工 project with 「竣工投产」 open: the edit dialog offers to close it, and the offer goes once it is closed.
    await page.getByTestId('project-table').locator('tr', { hasText: '邢台市政府应急指挥平台项目' }).getByRole('button', { name: '编辑' }).click();
    const offer = page.getByTestId('stage-milestone-offer');
    await offer.waitFor();
    expect(await offer.innerText()).toContain('「竣工投产」');
    await offer.getByRole('button', { name: '标记完成' }).click();
    await offer.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await page.getByTestId('registry-form').waitFor({ state: 'detached' });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sei-projects.png'), fullPage: true });
  });

  it('adds a platform through the form, and the count follows', async () => {
    await page.getByRole('menuitem', { name: '创新平台' }).click();
    await page.waitForURL('**/platforms');
    await page.getByTestId('platform-count').getByText('计入目标 123 个').waitFor();
    await page.getByTestId('registry-add').click();
    const form = page.getByTestId('registry-form');
    await form.getByLabel('名称').fill('浏览器测试企业技术中心');
    // A click that lands while the dropdown is still animating can be lost on a busy machine: check
    // what the select shows and choose again until it holds the option.
    const choose = async (label: string, option: string) => {
      const shown = form.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) }).locator('.ant-select-selection-item');
      await expect.poll(async () => {
        if ((await shown.count()) && (await shown.innerText()) === option) return option;
        await form.getByLabel(label, { exact: true }).click();
        await page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }).click({ timeout: 5_000 }).catch(() => undefined);
        await page.waitForTimeout(300);
        return (await shown.count()) ? shown.innerText() : '';
      }, { timeout: 30_000, interval: 100 }).toBe(option);
    };
    await choose('类型', '企业技术中心');
    await choose('级别', '省级');
    await form.getByLabel('依托单位').fill('浏览器测试有限公司');
    const date = form.getByLabel('认定日期');
    await date.click();
    await page.locator('.ant-picker-dropdown:visible').waitFor();
    await date.fill('2020-05-01');
    await date.press('Enter');
    await expect.poll(() => date.inputValue()).toBe('2020-05-01');
    await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: /保\s*存/ }).click();
    try {
      await page.getByTestId('platform-count').getByText('计入目标 124 个').waitFor();
    } catch (err) {
      await page.screenshot({ path: '/tmp/sei-platform-save-failed.png', fullPage: true });
      throw err;
    }
    await page.getByText('已保存').first().waitFor();
  });

  it('speaks English when asked', async () => {
    await page.getByRole('menuitem', { name: '目标指标' }).click();
    await page.waitForURL('**/targets');
    await page.getByTestId('language-switch').getByText('English').click();
    const t4 = page.getByTestId('target-card-T4');
    await t4.getByText('Innovation platforms at provincial level or above').waitFor();
    expect(await t4.getByTestId('actual-demo').innerText()).toContain('Demo data');
    expect(await t4.getByTestId('target-light').innerText()).toContain('Green');
    expect(await t4.getByTestId('target-actual').innerText()).toMatch(/^\d+ units$/);
    expect(await page.getByTestId('target-card-T1').getByTestId('target-actual').innerText()).toMatch(/CNY 100m$/);
    await page.getByTestId('target-components').getByText('Observed CAGR').waitFor();
    await page.getByTestId('language-switch').getByText('中文').click();
    await page.getByRole('menuitem', { name: '目标指标' }).waitFor();
  });

  it('raised no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
