// Chromium: the login page makes no failing request, a failed login leaves the cursor in the password
// field, and a 催报 reaches the enterprise user's header bell, whose drawer links to the entry form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISE } from '../../src/db/seed/demo';
import { startBrowserSession, type BrowserSession } from '../helpers/browser';
import { loginAs } from '../helpers/http';

describe('web app in Chromium: login page and notifications', () => {
  let session: BrowserSession;
  const failed: string[] = [];
  beforeAll(async () => {
    session = await startBrowserSession();
    session.page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  it('opens the login page without a failing request and keeps the cursor in the password field after a wrong password', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/`);
    await page.waitForURL('**/login');
    await page.getByTestId('login-submit').waitFor();
    expect(failed).toEqual([]);
    await page.getByLabel('用户名').fill('qiye');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('current-password');
    expect(await page.getByLabel('密码').inputValue()).toBe('');
  });

  it('shows a reminder from tongji on qiye\'s bell; the drawer links to the entry form', async () => {
    const { page, app } = session;
    const tongji = await loginAs(app, 'tongji');
    const sent = await tongji.request('POST', '/api/statistics/reminders', { dataset: 'ENT_MONTHLY', period: '202101', orgCodes: [DEMO_ENTERPRISE.code] });
    expect(sent.statusCode, sent.body).toBe(200);
    await page.getByLabel('密码').fill('Demo@2018');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname !== '/login');
    await expect.poll(() => page.getByTestId('notification-count').innerText()).toContain('1');
    await page.getByTestId('notification-bell').click();
    const item = page.getByTestId('notification-item').first();
    expect(await item.innerText()).toContain('催报');
    await item.click();
    await page.waitForURL((url) => url.pathname === '/statistics/entry' && url.searchParams.get('period') === '202101');
    await expect.poll(() => page.getByTestId('notification-count').innerText()).not.toContain('1');
    expect(session.pageErrors).toEqual([]);
  });
});
