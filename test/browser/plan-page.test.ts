// The web app in real Chromium against a real server on a fresh demo database: log in, see the demo
// badge, read the plan's targets, switch language. A missing build or browser fails the run.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, startBrowserSession, type BrowserSession } from '../helpers/browser';


describe('web app in Chromium: login, plan page, language', () => {
  let page: Page;
  let baseUrl: string;
  let pageErrors: string[] = [];

  let session: BrowserSession;
  beforeAll(async () => {
    session = await startBrowserSession();
    ({ page, baseUrl, pageErrors } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('sends a visitor to the login page, which names the product and shows the demo badge', async () => {
    await page.goto(`${baseUrl}/`);
    await page.waitForURL('**/login');
    await page.getByText('战略性新兴产业行动计划实施监测平台').first().waitFor();
    await page.getByText('SEI Monitor').first().waitFor();
    expect(await page.getByTestId('demo-badge').innerText()).toContain('演示数据');
    await page.getByText('演示账号见 README').waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sei-login.png') });
  });

  it('shows the server message for a wrong password', async () => {
    await page.getByLabel('用户名').fill('fgw');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('logs in as the coordinator and shows name, role and the demo badge in the header', async () => {
    await page.getByLabel('密码').fill('Demo@2018');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/');
    const header = page.locator('header');
    expect(await header.getByTestId('demo-badge').innerText()).toContain('演示数据');
    const user = await header.getByTestId('current-user').innerText();
    expect(user).toContain('市发展改革委 联络员');
    expect(user).toContain('牵头单位');
    // 总览 is the leaders' cockpit now (its own browser test walks it).
    await page.getByTestId('cockpit-ready').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sei-overview.png'), fullPage: true });
  });

  it('opens the plan page from the menu and lists the five targets with values and units', async () => {
    await page.getByRole('menuitem', { name: '行动计划' }).click();
    await page.waitForURL('**/plan');
    const rows = page.getByTestId('targets-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    const cells = await Promise.all((await rows.all()).map((row) => row.locator('td').allInnerTexts()));
    expect(cells.map((c) => c[0])).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
    expect(cells.map((c) => c[3])).toEqual(['1000', '245', '10', '120', '10']);
    expect(cells.map((c) => c[4])).toEqual(['亿元', '亿元', '%', '家', '个']);
    expect(cells[0][2]).toContain('突破');
    expect(cells[2][2]).toContain('左右');
    expect(cells[0][6]).toContain('突破1000亿元');
    await page.getByTestId('plan-title').getByText('邢台市战略性新兴产业发展三年行动计划').waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sei-plan-page.png'), fullPage: true });
  });

  it('switches to English, keeps the choice after a reload, and back to Chinese', async () => {
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByRole('menuitem', { name: 'Action plan' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('targets-table').locator('thead').innerText()).toContain('Indicator');
    await page.reload();
    await page.getByRole('menuitem', { name: 'Targets' }).waitFor();
    await page.getByTestId('language-switch').getByText('中文').click();
    await page.getByRole('menuitem', { name: '目标指标' }).waitFor();
  });

  it('shows the action areas and measures, the organisations, and the parts built since (no placeholder)', async () => {
    await page.getByRole('menuitem', { name: '专项行动与任务' }).click();
    await page.waitForURL('**/tasks');
    await page.getByTestId('task-areas').waitFor();
    expect(await page.getByTestId('task-areas').locator('.ant-collapse-item').count()).toBe(9);
    expect(await page.getByTestId('measures-list').locator('.ant-list-item').count()).toBe(5);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sei-tasks.png'), fullPage: true });

    await page.getByRole('menuitem', { name: '系统管理' }).click();
    const orgs = page.getByTestId('organizations-table');
    await orgs.getByText('市发展改革委', { exact: true }).waitFor();
    expect(await orgs.getByText('牵头', { exact: true }).count()).toBeGreaterThan(0);
    // Ant Design's own texts follow the UI language too (its zh_CN locale is loaded).
    expect(await page.locator('.ant-pagination-options').first().innerText()).toContain('条/页');

    // Every part of the menu is built now (each has its own browser test); none shows the placeholder.
    await page.getByRole('menuitem', { name: '督查督办' }).click();
    await page.getByTestId('supervision-tabs').waitFor();
    await page.goto(`${baseUrl}/reports`);
    await page.getByTestId('reports-card').waitFor();
    expect(await page.getByTestId('not-yet-available').count()).toBe(0);
  });

  it('logs out (a CSRF-protected POST), and a deep link comes back after logging in again', async () => {
    await page.locator('header').getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL('**/login');
    await page.goto(`${baseUrl}/tasks`);
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('from') === '/tasks');
    await page.getByLabel('用户名').fill('fgw');
    await page.getByLabel('密码').fill('Demo@2018');
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/tasks');
    await page.getByTestId('task-areas').waitFor();
  });

  it('asks the server for English messages once English is chosen', async () => {
    await page.locator('header').getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL('**/login');
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByLabel('User name').fill('fgw');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('Wrong username or password');
  });

  it('shows a county user only the parts its role may read; the URL of another says 403', async () => {
    await page.getByLabel('User name').fill('ningjin');
    await page.getByLabel('Password').fill('Demo@2018');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('menuitem', { name: 'Statistics' }).waitFor();
    const menu = await page.locator('.ant-layout-sider').getByRole('menuitem').allInnerTexts();
    expect(menu).toContain('Overview');
    expect(menu).toContain('Enterprises');
    expect(menu).not.toContain('Administration');
    await page.goto(`${baseUrl}/admin`);
    const forbidden = page.getByTestId('forbidden');
    await forbidden.waitFor();
    expect(await forbidden.innerText()).toContain('Your role may not view "Administration"');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sei-forbidden.png') });
  });

  it('raised no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
