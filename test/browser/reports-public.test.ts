// 报告 and the public page in Chromium: the public page opens without login and shows only what the
// coordinator published on /reports; the 季度通报 downloads as Word with its title and the targets' figures.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo';
import { SCREENSHOT_DIR, startBrowserSession, type BrowserSession } from '../helpers/browser';

const TITLE = '邢台市战略性新兴产业发展情况通报（2020年第四季度）';

describe('报告 and the public page in Chromium', () => {
  let session: BrowserSession;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    session = await startBrowserSession();
    ({ page, baseUrl } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the public page opens without login and says nothing is published yet', async () => {
    await page.goto(`${baseUrl}/public`);
    await page.getByTestId('public-title').waitFor();
    await page.getByTestId('public-empty').waitFor();
    expect(page.url()).toBe(`${baseUrl}/public`);
  });

  it('the coordinator previews the 通报 on /reports', async () => {
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('用户名').fill('fgw');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`${baseUrl}/reports`);
    await expect(page.getByTestId('report-title').textContent()).resolves.toBe(TITLE);
    await page.getByTestId('report-light-T2').waitFor();
    expect(await page.getByTestId('report-light-T2').getAttribute('data-light')).toBe('red');
  });

  it('downloads the 通报 as Word, generated on the server, with its title', async () => {
    // Generating the charts takes a few seconds on a loaded machine: the click waits for the download.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 27_000 }), page.getByTestId('report-docx').click({ timeout: 27_000 })]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = join(SCREENSHOT_DIR, `sei-report-${Date.now()}.docx`);
    await download.saveAs(file);
    const zip = await JSZip.loadAsync(await readFile(file));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain(TITLE);
    expect(text).toContain('目标指标完成情况');
  });

  it('what the coordinator publishes appears on the public page, for a visitor without a session', async () => {
    await page.getByTestId('publish-add').click(); // the targets of 2020 (the form's default)
    await page.getByTestId('publication-list').getByText('2020', { exact: true }).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sei-reports.png'), fullPage: true });
    const visitor = await session.browser.newContext({ locale: 'zh-CN' });
    try {
      const pub = await visitor.newPage();
      await pub.goto(`${baseUrl}/public`);
      await pub.getByTestId('public-targets').waitFor();
      await expect(pub.getByTestId('public-actual-T1').textContent()).resolves.toMatch(/^1,0\d\d(\.\d+)? 亿元$/);
      expect(await pub.getByTestId('public-aggregate').count()).toBe(0);
      await pub.screenshot({ path: join(SCREENSHOT_DIR, 'sei-public.png'), fullPage: true });
    } finally {
      await visitor.close();
    }
    expect(session.pageErrors).toEqual([]);
  });
});
