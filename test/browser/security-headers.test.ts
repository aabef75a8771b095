// Chromium under the server's Content-Security-Policy: the login page, the overview with its charts, the
// statistics and admin pages and the API docs render with no CSP violation (Chromium reports each as a
// console error, collected in pageErrors) and the page answers carry the policy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserSession, type BrowserSession } from '../helpers/browser';

describe('web app in Chromium under the Content-Security-Policy', () => {
  let session: BrowserSession;
  beforeAll(async () => { session = await startBrowserSession(); }, 120_000);
  afterAll(async () => { await session?.close(); });

  it('logs in and shows the main pages and the API docs without a CSP violation', async () => {
    const { page, baseUrl, pageErrors } = session;
    const first = await page.goto(`${baseUrl}/`);
    expect(first?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(first?.headers()['x-content-type-options']).toBe('nosniff');
    await page.waitForURL('**/login');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('Demo@2018');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    for (const path of ['/', '/statistics', '/targets', '/admin']) {
      await page.goto(`${baseUrl}${path}`);
      await page.waitForLoadState('networkidle');
    }
    await page.goto(`${baseUrl}/api/docs`);
    await page.locator('section.swagger-ui').waitFor();
    expect(pageErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
