// 督查督办 in real Chromium on a fresh demo database: the coordinator (fgw) rebuilds the task tree from the
// plan (idempotent) and re-assigns a task of 市工业和信息化局; its user (gxj) signs for it in 我的待办, submits a progress
// report with evidence and asks for closure; fgw accepts the report and closes the task (销号). Then the
// Gantt opens and the 通报 downloads as Word, whose document.xml carries the bulletin's title.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo';
import { SCREENSHOT_DIR, startBrowserSession, type BrowserSession } from '../helpers/browser';

// A plan task led by 市工业和信息化局 (plans/xingtai-sei-2018-2020.yaml, 2.1-02), in progress in the demo
// history (signed in 2018, reported to 2020Q3), so the flow re-assigns it and reports on 2020Q4.
const TASK_TITLE = '突破高效光伏电池关键技术，推动光伏规模化应用';
const GXJ = '市工业和信息化局';
// A minimal PDF: the server checks evidence by its first bytes.
// Each step walks several pages; the machine is shared.
const STEP_TIMEOUT = 120_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

describe('督查督办 in Chromium: assign → 签收 → report → accept → 销号, the Gantt and the 通报 download', () => {
  let session: BrowserSession;
  let page: Page;
  let baseUrl: string;

  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `sei-sup-${name}.png`), fullPage: true });

  async function login(username: string) {
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/');
  }

  async function logout() {
    // The task drawer covers the header: close it first.
    if (await page.getByTestId('task-view').count()) {
      await page.locator('.ant-drawer-close').click();
      await page.getByTestId('task-view').waitFor({ state: 'detached' });
    }
    await page.locator('header').getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL('**/login');
  }

  /** From the menu: 督查督办 opens on 我的待办; another view is its tab. */
  async function openSupervision(tab: string) {
    await page.getByRole('menuitem', { name: '督查督办' }).click();
    await page.getByTestId('supervision-tabs').waitFor();
    if (tab === 'inbox') return page.getByTestId('inbox-table').waitFor();
    await page.getByTestId(`tab-${tab}`).click();
    await page.waitForURL(`**/supervision/${tab}**`);
  }

  /** The drawer of the test task, opened from the board's search. */
  async function openTaskFromBoard() {
    await page.getByTestId('filter-search').fill(TASK_TITLE);
    await page.getByTestId('filter-search').press('Enter');
    await page.getByTestId('board-tasks').getByTestId('task-link').filter({ hasText: TASK_TITLE }).first().click();
    const drawer = page.getByTestId('task-view');
    await drawer.waitFor();
    return drawer;
  }

  beforeAll(async () => {
    session = await startBrowserSession();
    ({ page, baseUrl } = session);
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('lets the coordinator re-build the tree from the plan (nothing changes) and re-assign a task to 市工业和信息化局', async () => {
    await login('fgw');
    await openSupervision('board');
    await page.getByTestId('board').waitFor();
    // The demo has the tree already; building it again from the plan changes nothing (idempotent).
    await page.getByTestId('special-action').first().waitFor();
    const before = await page.getByTestId('board-tasks').locator('tr.ant-table-row').count();
    await page.getByTestId('import-plan').click();
    await page.getByText('已从行动计划生成任务').waitFor();
    expect(await page.getByTestId('board-tasks').locator('tr.ant-table-row').count()).toBe(before);
    // Every light names its colour and carries its figures.
    const light = page.getByTestId('board-tasks').getByTestId('light').first();
    expect(await light.getAttribute('aria-label')).toMatch(/时间进度 [\d.]+%，完成 [\d.]+%，滞后 -?[\d.]+ 个百分点，逾期未报 \d+ 期，截止 \d{4}-\d{2}-\d{2}/);
    await shot('board-fgw');

    const drawer = await openTaskFromBoard();
    expect(await drawer.getByTestId('task-descriptions').innerText()).toContain(GXJ);
    // The recorded daily lights, as spans of one colour (the demo's from 2020-07-01, then the daily run's).
    await drawer.getByTestId('task-tab-history').click();
    expect(await drawer.getByTestId('light-history').innerText()).toMatch(/记录 2020-07-01 至 \d{4}-\d{2}-\d{2}，其中红灯 \d+ 天/);
    await drawer.getByTestId('task-tab-reports').click();

    // Someone else edits the task behind the open drawer: the stale save is refused (409), said so, and
    // the drawer reloads, after which the same action goes through.
    const taskId = new URL(page.url()).searchParams.get('task')!;
    const bumped = await page.evaluate(async (id) => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const task = (await (await fetch(`/api/supervision/tasks/${id}`)).json()) as { rowVersion: number; weight: number };
      const res = await fetch(`/api/supervision/tasks/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify({ rowVersion: task.rowVersion, weight: task.weight }) });
      return res.status;
    }, taskId);
    expect(bumped).toBe(200);
    await drawer.getByTestId('assign').click();
    await page.getByTestId('assign-confirm').click();
    await page.getByText('该记录已被他人修改，已重新加载最新内容').waitFor();
    await page.locator('.ant-modal-wrap:visible').getByRole('button', { name: /取\s*消/ }).click();
    await drawer.getByTestId('assign').click();
    const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('assign-org') });
    await dialog.getByTestId('assign-org').click();
    await page.keyboard.type('工业和信息化');
    await page.locator('.ant-select-dropdown:visible').getByText(GXJ, { exact: true }).click();
    await page.getByTestId('assign-confirm').click();
    // Wait for the new assignment itself: GXJ is already shown by the old one, and a read answered while the
    // assignment was being written (reads no longer wait for the process's writes) shows it until the refetch.
    await drawer.getByTestId('assignment').getByText('待签收').waitFor();
    expect(await drawer.getByTestId('assignment').innerText()).toContain(GXJ);
    await shot('task-assigned');
    await logout();
  }, STEP_TIMEOUT);

  it('shows gxj the task to sign in 我的待办; signing keeps who and when', async () => {
    await login('gxj');
    await openSupervision('inbox');
    const row = page.getByTestId('inbox-table').locator('tr.ant-table-row', { hasText: TASK_TITLE }).filter({ hasText: '待签收' });
    await row.waitFor();
    // A department user may not assign, review or close.
    expect(await page.getByTestId('import-plan').count()).toBe(0);
    await shot('inbox-gxj');
    await row.getByTestId('inbox-sign').click();
    await page.getByText('已签收').first().waitFor();
    await row.waitFor({ state: 'detached' });

    await row.page().getByTestId('inbox-table').waitFor();
    await openSupervision('board');
    const drawer = await openTaskFromBoard();
    await drawer.getByTestId('signed').waitFor();
    expect(await drawer.getByTestId('signed').innerText()).toContain('gxj');
    expect(await drawer.getByTestId('coordinator-actions').count()).toBe(0);
  }, STEP_TIMEOUT);

  it('lets gxj submit a progress report with evidence, then ask for closure', async () => {
    const drawer = page.getByTestId('task-view');
    await drawer.getByTestId('task-tab-reports').click();
    await drawer.getByTestId('report-new').click();
    const form = drawer.getByTestId('report-form');
    await form.getByTestId('report-percent').fill('100');
    await form.getByTestId('report-progress').fill('新能源装备研发项目全部完成验收，形成自主产品 3 项。');
    await form.getByTestId('report-problems').fill('无');
    await form.getByTestId('report-next').fill('做好推广应用。');
    await form.locator('input[type=file]').setInputFiles({ name: '验收报告.pdf', mimeType: 'application/pdf', buffer: PDF });
    await form.getByText('验收报告.pdf').waitFor();
    await form.getByTestId('report-submit').click();
    await page.getByText('进展已报送').first().waitFor();
    const item = drawer.getByTestId('report-item').first();
    await item.getByTestId('report-status').getByText('已报送').waitFor();
    expect(await item.getByTestId('evidence-link').innerText()).toContain('验收报告.pdf');
    await shot('report-submitted');

    await drawer.getByTestId('task-tab-closure').click();
    await drawer.getByTestId('closure-request').click();
    await drawer.getByTestId('closure-note').fill('任务目标全部完成，申请销号。');
    await drawer.getByTestId('closure-submit').click();
    await drawer.getByTestId('closure-item').getByTestId('closure-status').getByText('待核验').waitFor();
    await logout();
  }, STEP_TIMEOUT);

  it('lets the coordinator accept the report and close the task (销号)', async () => {
    await login('fgw');
    await openSupervision('inbox');
    const review = page.getByTestId('inbox-table').locator('tr.ant-table-row', { hasText: TASK_TITLE }).filter({ hasText: '待审核进展' });
    await review.waitFor();
    await review.getByTestId('inbox-review_report').click();
    const drawer = page.getByTestId('task-view');
    await drawer.waitFor();
    await drawer.getByTestId('task-tab-reports').click();
    await drawer.getByTestId('report-accept').click();
    await drawer.getByTestId('report-item').first().getByTestId('report-status').getByText('已采纳').waitFor();

    await drawer.getByTestId('task-tab-closure').click();
    await drawer.getByTestId('closure-close').click();
    await drawer.getByTestId('task-status').getByText('已销号').waitFor();
    expect(await drawer.getByTestId('light').getAttribute('data-light')).toBe('closed');
    expect(await drawer.getByTestId('closure-item').first().getByTestId('closure-status').innerText()).toBe('已销号');
    // A closed task is read-only: no report form, no closure request; the coordinator may reopen it.
    expect(await drawer.getByTestId('coordinator-actions').count()).toBe(0);
    await drawer.getByTestId('closure-reopen').waitFor();
    await shot('task-closed');
    await page.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'detached' });
  }, STEP_TIMEOUT);

  it('opens the Gantt with the as-of line', async () => {
    await page.getByTestId('tab-gantt').click();
    await page.waitForURL('**/supervision/gantt**');
    const chart = page.getByTestId('gantt-chart');
    await chart.locator('canvas').waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(/甘特图：\d+ 项任务与节点，竖线为 \d{4}-\d{2}-\d{2}/);
    expect(await page.getByTestId('gantt-today').innerText()).toMatch(/今天：\d{4}-\d{2}-\d{2}/);
    await shot('gantt');
  }, STEP_TIMEOUT);

  it('downloads the 通报 as Word with its title in the document', async () => {
    await page.getByTestId('tab-bulletin').click();
    await page.waitForURL('**/supervision/bulletin**');
    await page.getByTestId('bulletin-title').waitFor();
    const title = await page.getByTestId('bulletin-title').innerText();
    expect(title).toContain('通报');
    await shot('bulletin');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bulletin-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = join(SCREENSHOT_DIR, `sei-sup-bulletin-${Date.now()}.docx`);
    await download.saveAs(file);
    const zip = await JSZip.loadAsync(await readFile(file));
    const xml = await zip.file('word/document.xml')!.async('string');
    // Word may split a line into runs: compare the text without the markup.
    expect(xml.replace(/<[^>]+>/g, '')).toContain(title.trim());
    expect(session.pageErrors).toEqual([]);
  }, STEP_TIMEOUT);
});
