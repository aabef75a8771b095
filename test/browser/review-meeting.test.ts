// 领导小组审议 in real Chromium on a fresh demo database, one item from draft to implemented in the web app:
// the unit (gxj) drafts an item with an attachment and submits it; the coordinator (fgw) schedules a meeting
// of it and the demo's deferred 柏乡 item, reorders the agenda and names the presenter, records the
// attendance; the group's secretary (mishu) records 有条件通过 with its conditions; the minutes download as
// Word and carry the decision and conditions; fgw assigns the follow-up task (交办); the lead unit's closure
// (销号) goes through the supervision API; the item's page then shows 已落实, and 变更 drafts a new item
// that references it. Every transition and refusal is also tested below the browser on both databases
// (test/review-loop.test.ts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo';
import { SCREENSHOT_DIR, startBrowserSession, type BrowserSession } from '../helpers/browser';
import { dialects } from '../helpers/databases';
import { loginAs } from '../helpers/http';

const STEP_TIMEOUT = 240_000;
const TITLE = '邢台市氢能装备产业园配套资金（浏览器测试）';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const CONDITIONS = '取得民航选址意见后方可拨付（浏览器测试）';

describe.each(dialects)('领导小组审议 in Chromium (%s): draft → submitted → meeting (agenda, attendance, decision with conditions, minutes) → 交办 → 已落实', (dialect) => {
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
    session = await startBrowserSession({ dialect });
    ({ page, baseUrl } = session);
    await page.setViewportSize({ width: 1366, height: 768 });
  });
  afterAll(async () => { await session?.close(); });

  async function logout() {
    await page.locator('header').getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL('**/login');
  }

  it('takes an item from draft to implemented and runs its meeting', async () => {
    // The unit drafts the item (type defaults to 重大项目建设) with an attachment, then submits it.
    await login('gxj');
    await page.getByRole('menuitem', { name: '领导小组审议' }).click();
    await page.getByTestId('item-new').click();
    await page.getByTestId('item-title').fill(TITLE);
    await page.getByTestId('item-summary').fill('园区道路、管网等配套设施建设，申请市级资金。');
    await page.getByTestId('item-amount').fill('800');
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '申请报告.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('item-save').click();
    await page.getByTestId('item-page').waitFor();
    const itemUrl = page.url();
    expect(await page.getByTestId('item-status').innerText()).toBe('草稿');
    await page.getByRole('link', { name: '申请报告.pdf' }).waitFor();
    // A unit user cannot schedule meetings: no 安排会议 for gxj.
    await page.getByTestId('item-submit').click();
    await page.getByTestId('item-submit-confirm').click();
    await page.getByTestId('item-status').filter({ hasText: '已提交' }).waitFor();
    // Still editable until it is on an agenda. Someone else changes it while the dialog is open: the save
    // answers 409, the dialog says so and shows the current version.
    const itemId = itemUrl.split('/').pop()!;
    await page.getByTestId('item-edit').click();
    await page.getByTestId('item-title').fill(`${TITLE}（改）`);
    const other = await loginAs(session.app, 'gxj');
    const current = (await other.request('GET', `/api/review/items/${itemId}`)).json();
    expect((await other.request('PUT', `/api/review/items/${itemId}`, { rowVersion: current.rowVersion, summary: '另一人修改的摘要' })).statusCode).toBe(200);
    await page.getByTestId('item-save').click();
    await page.getByTestId('item-conflict').waitFor();
    expect(await page.getByTestId('item-conflict').innerText()).toContain('已被他人修改');
    await page.getByTestId('item-summary').filter({ hasText: '另一人修改的摘要' }).waitFor();
    await page.locator('.ant-modal').getByRole('button', { name: /取\s*消/ }).click();
    await page.goto(`${baseUrl}/reviews/meetings`);
    await page.getByTestId('review-meetings').waitFor();
    expect(await page.getByTestId('meeting-new').count()).toBe(0);
    await logout();

    // The coordinator schedules it with the demo's deferred item, puts it first and names its presenter.
    await login('fgw');
    await page.getByRole('menuitem', { name: '领导小组审议' }).click();
    await page.getByTestId('review-items').waitFor();
    await page.getByTestId('tab-meetings').click();
    await page.getByTestId('meeting-new').click();
    await page.getByTestId('meeting-title').fill('2021年第一季度领导小组会议');
    await page.getByTestId('meeting-items').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '柏乡县通用航空机场项目前期工作经费' }).first().click();
    await page.locator('.ant-select-item-option').filter({ hasText: TITLE }).first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('agenda-up-1').click();
    await page.getByTestId('agenda-presenter-0').fill('市工信局 张局长');
    await page.getByTestId('meeting-create').click();
    await page.getByTestId('meeting-page').waitFor();
    const rows = await page.getByTestId('agenda').locator('tbody tr').allInnerTexts();
    expect(rows[0]).toContain(TITLE);
    expect(rows[0]).toContain('市工信局 张局长');
    expect(rows[1]).toContain('柏乡县通用航空机场项目前期工作经费');

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
    await logout();

    await login('mishu');
    await page.goto(url);
    await page.getByTestId('agenda').locator('tbody tr').filter({ hasText: TITLE }).getByTestId('decide-open').click();
    // The context asks for reduced motion, so the dialog opens without its zoom animation.
    expect(await page.locator('.ant-modal').getAttribute('class')).not.toMatch(/zoom/);
    await page.getByTestId('decision-conditional').click();
    await page.getByTestId('decision-conditions').fill(CONDITIONS);
    await page.getByTestId('decision-save').click();
    await page.getByTestId('agenda-decision').filter({ hasText: '有条件通过' }).waitFor();
    expect(await page.getByTestId('agenda-decision').filter({ hasText: '有条件通过' }).innerText()).toContain(CONDITIONS);
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
    expect(text).toContain(TITLE);
    await logout();

    // 交办: the coordinator assigns the follow-up task from the decided item (lead unit defaults to its unit).
    await login('fgw');
    await page.goto(itemUrl);
    expect(await page.getByTestId('item-status').innerText()).toBe('已审议');
    expect(await page.getByTestId('item-edit').count()).toBe(0); // decided: immutable
    await page.getByTestId('followup-new').click();
    await page.getByTestId('followup-save').click();
    await page.getByTestId('item-followups').locator('tbody tr').filter({ hasText: `落实：${TITLE}` }).waitFor();

    // 销号 through the supervision API: the lead unit asks, the office closes.
    const item = (await (await loginAs(session.app, 'fgw')).request('GET', `/api/review/items/${itemId}`)).json();
    const taskId = item.followUps[0].taskId as string;
    const [gxj, fgw] = [await loginAs(session.app, 'gxj'), await loginAs(session.app, 'fgw')];
    const task = (await fgw.request('GET', `/api/supervision/tasks/${taskId}`)).json();
    const closure = await gxj.request('POST', `/api/supervision/tasks/${taskId}/closure`, { rowVersion: task.rowVersion, note: '已按条件落实（浏览器测试）' });
    expect(closure.statusCode, closure.body).toBe(201);
    const t2 = (await fgw.request('GET', `/api/supervision/tasks/${taskId}`)).json();
    const closed = await fgw.request('POST', `/api/supervision/closures/${closure.json().id}/decide`, { rowVersion: t2.rowVersion, decision: 'close' });
    expect(closed.statusCode, closed.body).toBe(200);

    // Funds: a schedule of one row and a payment with its voucher and evidence file.
    await page.getByTestId('schedule-edit').click();
    await page.getByTestId('schedule-add').click();
    await page.getByTestId('schedule-amount-0').fill('500');
    await page.getByTestId('schedule-save').click();
    await page.getByTestId('item-schedule').filter({ hasText: '500' }).waitFor();
    await page.getByTestId('disbursement-new').click();
    await page.getByTestId('disbursement-amount').fill('200');
    await page.getByTestId('disbursement-voucher').fill('邢财预〔2021〕7号');
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '拨付凭证.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('disbursement-save').click();
    await page.getByTestId('item-disbursements').getByRole('link', { name: '拨付凭证.pdf' }).waitFor();
    expect(await page.getByTestId('item-disbursements').innerText()).toContain('邢财预〔2021〕7号');
    // 500 due today, 200 paid: 支付率 25 %, behind schedule → red.
    expect(await page.getByTestId('item-funds').innerText()).toContain('25.0%');
    await page.getByTestId('item-funds').getByTestId('light-red').waitFor();

    await page.reload();
    await page.getByTestId('item-status').filter({ hasText: '已落实' }).waitFor();
    expect(await page.getByTestId('item-history').innerText()).toContain('implemented');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'sei-review-implemented.png'), fullPage: true });

    // 变更: a new item referencing the decided one (the decided item itself cannot be edited).
    await page.getByTestId('item-amend').click();
    await page.getByTestId('item-save').click();
    await page.waitForURL((u) => u.pathname !== new URL(itemUrl).pathname && u.pathname.startsWith('/reviews/items/'));
    await page.getByTestId('item-status').filter({ hasText: '草稿' }).waitFor();
    expect(await page.getByRole('link', { name: item.code }).count()).toBe(1);
    expect(session.pageErrors).toEqual([]);
  }, STEP_TIMEOUT);
});
