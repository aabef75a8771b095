// 统计监测 in real Chromium on a fresh demo database: the demo enterprise fills its December 2020 monthly
// report (Enter moves between fields, a bound violation shows its message), saves and submits it; the
// county user of the enterprise's county reviews it; 统计局 approves it; the values are then shown as
// approved and locked. A bad import file is rejected in the dry run with its row errors.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUsccCheck } from '../../src/core/statistics/uscc';
import { addUser } from '../../src/core/users/add-user';
import { DEMO_ENTERPRISE, DEMO_PASSWORD } from '../../src/db/seed/demo';
import { createStore } from '../../src/db/store';
import { secrets } from '../../src/server/auth/secrets';
import { SCREENSHOT_DIR, startBrowserSession, type BrowserSession } from '../helpers/browser';
import { loginAs } from '../helpers/http';


// The demo enterprise is in 沙河市 (130582), not 宁晋县: the county step needs a county user of its own county.
const COUNTY_USER = 'shahe';

// December 2020 year-to-date values, above November's so the non-decreasing rule holds.
const ENTRY: [code: string, value: string][] = [
  ['REVENUE', '90000'],
  ['VALUE_ADDED', '20500.5'],
  ['PROFIT', '4100'],
  ['RD_EXPENDITURE', '2400'],
  ['EXPORT_DELIVERY', ''],
  ['FIXED_ASSET_INVESTMENT', '38000'],
  ['EMPLOYEES', '640'],
];

describe('统计监测 in Chromium: form entry → submit → county review → approve, and the import preview', () => {
  let page: Page;
  let baseUrl: string;
  let pageErrors: string[] = [];

  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `sei-stat-${name}.png`), fullPage: true });

  async function login(username: string) {
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/');
  }

  async function logout() {
    await page.locator('header').getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL('**/login');
  }

  /** The review row of the demo enterprise. */
  const demoRow = () => page.getByTestId('review-table').locator('tr.ant-table-row', { hasText: DEMO_ENTERPRISE.code });

  let session: BrowserSession;
  beforeAll(async () => {
    session = await startBrowserSession({
      prepare: async (database) => {
        await addUser({ store: createStore(database.db), secrets }, null, { username: COUNTY_USER, password: DEMO_PASSWORD, role: 'county', orgCode: DEMO_ENTERPRISE.county, displayName: '沙河市 联络员' }, new Date());
      },
    });
    ({ page, baseUrl, pageErrors } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the enterprise its own December form with last period and same period last year beside each field', async () => {
    await login('qiye');
    await page.getByRole('menuitem', { name: '统计监测' }).click();
    const form = page.getByTestId('entry-form');
    await form.waitFor();
    expect(new URL(page.url()).pathname).toBe('/statistics');
    // An enterprise user has no review tab and cannot pick another organisation.
    expect(await page.getByTestId('tab-review').count()).toBe(0);
    expect(await page.getByTestId('entry-org-fixed').innerText()).toBe(DEMO_ENTERPRISE.name);
    expect(await form.getByTestId('entry-status').innerText()).toBe('草稿');
    expect(await form.innerText()).toContain('202012');
    expect(await form.getByTestId('last-REVENUE').innerText()).toMatch(/^\d[\d,]*(\.\d)?$/);
    expect(await form.getByTestId('ly-REVENUE').innerText()).toMatch(/^\d[\d,]*(\.\d)?$/);
    await shot('entry-empty');
  });

  it('moves to the next field on Enter and shows the bound message for a negative value', async () => {
    const input = (code: string) => page.getByTestId(`entry-input-${code}`);
    await input('REVENUE').click();
    await page.keyboard.type('90000');
    await page.keyboard.press('Enter');
    expect(await input('VALUE_ADDED').evaluate((el) => el === document.activeElement)).toBe(true);
    // Text in a number field is refused with a message, not dropped.
    await input('PROFIT').click();
    await page.keyboard.type('abc');
    await input('PROFIT').blur();
    await page.getByText('「abc」不是数字').first().waitFor();
    await input('PROFIT').fill('');
    await input('PROFIT').blur();
    await expect.poll(() => page.getByText('「abc」不是数字').count(), { timeout: 10_000 }).toBe(0);
    await input('RD_EXPENDITURE').fill('-5');
    await input('RD_EXPENDITURE').blur();
    await page.getByTestId('entry-save').click();
    await page.getByText('不能小于 0').waitFor();
    for (const [code, value] of ENTRY) {
      await input(code).fill(value);
    }
    await page.keyboard.press('Enter'); // Enter on the last field lands on 保存草稿
    expect(await page.getByTestId('entry-save').evaluate((el) => el === document.activeElement)).toBe(true);
    // The message leaves after the form re-validates (an animation), so wait for it rather than read once.
    await expect.poll(() => page.getByText('不能小于 0').count(), { timeout: 10_000 }).toBe(0);
  });

  it('saves the draft and submits it; the form is then locked', async () => {
    await page.getByTestId('entry-save').click();
    await page.getByText(/已保存（新增 6/).waitFor();
    const form = page.getByTestId('entry-form');
    expect(await form.locator('tr', { hasText: 'REVENUE' }).getByText('草稿').count()).toBe(1);
    // 上报 locks the report, so it asks first; cancelling leaves it a draft.
    await page.getByTestId('entry-submit').click();
    const confirm = page.locator('.ant-modal-confirm');
    expect(await confirm.innerText()).toContain('锁定');
    await confirm.getByRole('button', { name: /取\s*消/ }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await form.getByTestId('entry-status').innerText()).toBe('草稿');
    await page.getByTestId('entry-submit').click();
    await page.getByTestId('submit-confirm').click();
    await form.getByTestId('entry-status').getByText('已上报').waitFor();
    // Submitted today, long after the December 2020 deadline: marked late.
    await form.getByTestId('entry-late').getByText('逾期上报').waitFor();
    await form.getByTestId('entry-locked').waitFor();
    expect(await page.getByTestId('entry-save').count()).toBe(0);
    expect(await page.getByTestId('entry-input-REVENUE').isDisabled()).toBe(true);
    expect(await page.getByTestId('entry-input-REVENUE').inputValue()).toBe('90000.0');
    await shot('entry-submitted');
    await logout();
  });

  it('lets the county user of 沙河市 review the submitted report', async () => {
    await login(COUNTY_USER);
    await page.getByRole('menuitem', { name: '统计监测' }).click();
    await page.getByTestId('review-table').waitFor();
    const row = demoRow();
    await row.waitFor();
    expect(await row.innerText()).toContain('已上报');
    expect(await row.getByTestId('report-late').innerText()).toBe('逾期上报');
    // The queue is searched on the server by name or code: the demo enterprise's code leaves its row alone.
    await page.getByTestId('review-search-text').fill(DEMO_ENTERPRISE.code.slice(-10));
    await expect.poll(() => page.getByTestId('review-table').locator('tr.ant-table-row').count()).toBe(1);
    await row.waitFor();
    // A county reviews; only 统计局 gives the final approval.
    expect(await row.getByTestId('report-approve').count()).toBe(0);
    await shot('county-review');
    await row.getByTestId('report-review').click();
    await page.getByText('已审核通过').waitFor();
    await row.waitFor({ state: 'detached' });
    // A county user registers enterprises of its own county only: the form offers that county alone.
    await page.goto(`${baseUrl}/enterprises`);
    await page.getByTestId('enterprise-add').click();
    const dialog = page.getByRole('dialog', { name: '新增企业' });
    await dialog.getByTestId('enterprise-county').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect.poll(() => options.allInnerTexts()).toEqual(['沙河市']);
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await logout();
  });

  it('lets 统计局 approve it, after which the values show as approved and locked', async () => {
    await login('tongji');
    await page.getByRole('menuitem', { name: '统计监测' }).click();
    await page.getByTestId('review-table').waitFor();
    const row = demoRow();
    await row.waitFor();
    expect(await row.innerText()).toContain('县级已审核');
    expect(await row.innerText()).toContain(COUNTY_USER);
    await row.getByTestId('report-approve').click();
    await page.getByText('已审批通过').waitFor();
    await row.waitFor({ state: 'detached' });

    await page.getByTestId('review-search-status').click();
    await page.locator('.ant-select-dropdown').getByTitle('已审批').click();
    await demoRow().waitFor();
    await demoRow().getByTestId('review-view').click();
    await page.waitForURL('**/statistics/entry?**');
    const form = page.getByTestId('entry-form');
    await form.getByTestId('entry-status').getByText('已审批').waitFor();
    await form.getByTestId('entry-locked').waitFor();
    expect(await form.innerText()).toContain('tongji');
    expect(await page.getByTestId('entry-input-REVENUE').isDisabled()).toBe(true);
    expect(await form.locator('tr', { hasText: 'REVENUE' }).getByText('已审批').count()).toBe(1);
    // 统计局 may still return an approved report, but nobody can edit it.
    expect(await page.getByTestId('entry-save').count()).toBe(0);
    expect(await page.getByTestId('report-return').count()).toBe(1);
    await shot('approved');
  });

  it('rejects a bad import file in the dry run with its row errors and stores nothing', async () => {
    await page.getByTestId('tab-import').click();
    await page.waitForURL('**/statistics/import');
    const csv = [
      'org_code,indicator_code,period,value',
      `${DEMO_ENTERPRISE.code},REVENUE,202011,abc`,
      `${DEMO_ENTERPRISE.code},NO_SUCH_INDICATOR,202011,5`,
      `XXX,REVENUE,202013,1`,
    ].join('\n');
    await page.locator('input[type=file]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const rejected = page.getByTestId('import-rejected');
    await rejected.waitFor();
    expect(await rejected.innerText()).toContain('文件有 4 处错误，未导入任何数据');
    const rows = page.getByTestId('import-issues').locator('tbody tr.ant-table-row');
    const cells = await Promise.all((await rows.all()).map((r) => r.locator('td').allInnerTexts()));
    expect(cells.map((c) => c[0])).toEqual(['2', '3', '4', '4']);
    expect(cells[0]).toEqual(['2', '数值', 'abc', '「abc」不是数字：请填写数字（如 1234.5 或 1,234.5），不填请留空']);
    expect(cells[1]![3]).toContain('指标代码不存在');
    expect(cells[2]![3]).toContain('组织代码不存在');
    expect(cells[3]![3]).toContain('期间格式有误');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await shot('import-rejected');
  });

  it('previews a valid file, imports it, and a second import of the same file changes nothing', async () => {
    // A December report still in draft (the demo leaves every fourth one so) can take imported values.
    const tongji = await loginAs(session.app, 'tongji');
    const drafts = (await tongji.request('GET', '/api/reports?dataset=ENT_MONTHLY&period=202012&status=draft')).json().reports as { org: { code: string } }[];
    const org = drafts[0]!.org.code;
    const form = (await tongji.request('GET', `/api/data-entry/form?dataset=ENT_MONTHLY&org=${org}&period=202012`)).json() as { fields: { indicator: { code: string }; value: number | null }[] };
    const revenue = form.fields.find((f) => f.indicator.code === 'REVENUE')!.value!;
    const csv = `组织代码,指标代码,期间,数值\n${org},REVENUE,202012,${revenue + 100}\n`;
    const upload = () => page.locator('input[type=file]').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });

    await upload();
    await page.getByTestId('import-ready').getByText('预检通过：共 1 行、1 个数值（新增 0，修改 1，未变 0）').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').getByText('导入完成：新增 0，修改 1，删除 0，未变 0').waitFor();
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await upload();
    await page.getByTestId('import-ready').getByText('预检通过：共 1 行、1 个数值（新增 0，修改 0，未变 1）').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').getByText('导入完成：新增 0，修改 0，删除 0，未变 1').waitFor();
  });

  it('registers an enterprise: the server rejects a wrong credit code on the field, a * class asks for confirmation', async () => {
    await page.getByRole('menuitem', { name: '企业库' }).click();
    await page.getByTestId('enterprise-table').locator('tr.ant-table-row').first().waitFor();
    await page.getByTestId('enterprise-add').click();
    const dialog = page.getByRole('dialog', { name: '新增企业' });
    const good = withUsccCheck('91130528MA0TE1T00');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    await dialog.getByTestId('enterprise-uscc').fill(bad);
    await dialog.getByTestId('enterprise-name').fill('宁晋测试特种玻璃有限公司');
    await dialog.getByTestId('enterprise-county').click();
    await page.keyboard.type('宁晋');
    await page.keyboard.press('Enter');
    // The park comes from the park registry, limited to the chosen county; a lost click is chosen again.
    const parkShown = dialog.getByTestId('enterprise-park').locator('.ant-select-selection-item');
    await expect.poll(async () => {
      if ((await parkShown.count()) && (await parkShown.innerText()) === '宁晋新能源产业基地') return 'chosen';
      await dialog.getByTestId('enterprise-park').click();
      await page.locator('.ant-select-dropdown:visible').getByText('宁晋新能源产业基地', { exact: true }).click({ timeout: 5_000 }).catch(() => undefined);
      await page.waitForTimeout(300);
      return (await parkShown.count()) ? parkShown.innerText() : '';
    }, { timeout: 30_000, interval: 100 }).toBe('chosen');
    await dialog.getByTestId('enterprise-industry-code').fill('3042');
    // The class is classified as typed: 3042 特种玻璃制造 is only partly SEI (*).
    const cls = dialog.getByTestId('classification');
    await cls.getByText(/3042 特种玻璃制造 → 3 新材料产业/).waitFor();
    expect(await cls.innerText()).toContain('部分属于');
    await dialog.getByTestId('enterprise-save').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '已确认' }).click();
    await dialog.getByText('统一社会信用代码校验位错误').first().waitFor();
    await shot('enterprise-bad-uscc');

    // Confirming ticked the box, so the second save asks no more.
    expect(await dialog.getByTestId('enterprise-sei-confirmed').isChecked()).toBe(true);
    await dialog.getByTestId('enterprise-uscc').fill(good);
    await dialog.getByTestId('enterprise-save').click();
    await page.getByText('已保存').first().waitFor();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByPlaceholder('名称或统一社会信用代码').fill(good);
    await page.getByPlaceholder('名称或统一社会信用代码').press('Enter');
    const row = page.getByTestId('enterprise-table').locator('tr.ant-table-row', { hasText: good });
    await row.waitFor();
    expect(await page.getByTestId('enterprise-table').locator('tr.ant-table-row').count()).toBe(1);
    expect(await row.innerText()).toContain('宁晋县');
    expect(await row.innerText()).toContain('宁晋新能源产业基地');
    expect(await row.innerText()).toContain('部分属于 · 已确认');
    await row.getByLabel('历史').click();
    await page.getByTestId('enterprise-history').getByText('新建').waitFor();
    await shot('enterprise-history');
    await page.keyboard.press('Escape');
  });

  it('rejects an enterprise file with a bad row in the dry run, listing row, field, value and reason', async () => {
    await page.getByTestId('enterprise-import').click();
    const csv = '统一社会信用代码,企业名称,县市区代码,企业类别\n91130528MA0TE1T001,坏代码企业,130528,龙头\n' + `${withUsccCheck('91130528MA0TE1T01')},类别错误企业,130528,巨头\n`;
    await page.getByRole('dialog', { name: '企业名录批量导入' }).locator('input[type=file]').setInputFiles({ name: 'enterprises.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByTestId('enterprise-import-rejected').getByText('文件有 2 处错误，未导入任何数据').waitFor();
    const cells = await Promise.all((await page.getByTestId('enterprise-import-issues').locator('tbody tr.ant-table-row').all()).map((r) => r.locator('td').allInnerTexts()));
    expect(cells.map((c) => c.slice(0, 2))).toEqual([['2', 'uscc'], ['3', 'tier']]);
    expect(cells[0]![3]).toContain('统一社会信用代码');
    expect(cells[1]![2]).toBe('巨头');
    expect(await page.getByTestId('enterprise-import-commit').isDisabled()).toBe(true);
    await shot('enterprise-import-rejected');
    // Close with the dialog's own button and wait until it is gone: Escape is not delivered reliably while the file input holds focus.
    const dialog = page.getByRole('dialog', { name: '企业名录批量导入' });
    await dialog.getByRole('button', { name: /close|关闭/i }).first().click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('speaks English on request', async () => {
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByRole('menuitem', { name: 'Statistics' }).click();
    await page.getByTestId('tab-analysis').getByText('Aggregates').click();
    await page.getByTestId('aggregates-table').getByRole('columnheader', { name: 'YoY (same set)' }).waitFor();
    await page.getByTestId('city-series-table').getByText('Unverified').first().waitFor();
    await shot('analysis-en');
    await page.getByTestId('language-switch').getByText('中文').click();
  });

  it('confirms an outlier, which leaves the review list', async () => {
    await page.getByRole('menuitem', { name: '统计监测' }).click();
    await page.getByTestId('tab-outliers').click();
    await page.getByTestId('outliers-period').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('202010');
    await page.keyboard.press('Enter');
    const rows = page.getByTestId('outliers-table').locator('tbody tr.ant-table-row');
    // The demo keyed a ninefold value for one enterprise in October 2020.
    const first = rows.filter({ hasText: '演示101' }).first();
    await first.waitFor();
    const key = await first.getAttribute('data-row-key');
    // Its report is approved and so locked: the list says so and offers 退回, not a 更正 that would fail.
    expect(await first.getByTestId('outlier-report-status').innerText()).toBe('已审批');
    expect(await first.getByTestId('outlier-correct').count()).toBe(0);
    expect(await first.getByTestId('report-return').count()).toBe(1);
    await first.getByTestId('outlier-confirm').click();
    await page.locator('.ant-message').getByText('已确认').waitFor();
    await page.getByTestId('outliers-table').locator(`tr[data-row-key="${key}"]`).waitFor({ state: 'detached' });
  });

  it('composes a new data set in the 数据集 tab, picking indicators by name', async () => {
    await page.getByTestId('tab-datasets').click();
    await page.getByTestId('dataset-add').click();
    const dialog = page.getByRole('dialog', { name: '新建数据集' });
    await dialog.getByLabel('代码').fill('ent_rd_monthly');
    await dialog.getByLabel('名称', { exact: true }).fill('企业研发月报');
    await dialog.getByLabel('英文名称').fill('Monthly R&D report');
    // A lost keystroke on a busy machine: type and pick again until the tag holds the indicator.
    const picked = dialog.getByTestId('dataset-indicators').locator('.ant-select-selection-item');
    await expect.poll(async () => {
      if ((await picked.count()) === 1 && (await picked.innerText()).includes('RD_EXPENDITURE')) return 'picked';
      await dialog.getByTestId('dataset-indicators').click();
      await page.keyboard.type('研发经费');
      await page.locator('.ant-select-dropdown:visible').getByText(/RD_EXPENDITURE 研发经费支出/).click({ timeout: 5_000 }).catch(() => undefined);
      await page.waitForTimeout(300);
      return (await picked.count()) ? picked.first().innerText() : '';
    }, { timeout: 30_000, interval: 100 }).toBe('picked');
    // The multiple select keeps its list open: a click on the title closes it before saving.
    await dialog.locator('.ant-modal-title').click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await page.getByTestId('dataset-save').click();
    await page.locator('.ant-message').getByText('已保存数据集 ENT_RD_MONTHLY').waitFor();
    const row = page.getByTestId('datasets-table').locator('tr.ant-table-row', { hasText: 'ENT_RD_MONTHLY' });
    await row.getByText('研发经费支出').waitFor();
    expect(await row.innerText()).toContain('企业研发月报');
    await shot('datasets');
  });

  it('lets 统计局 return the approved report with a reason; the enterprise sees it and may edit again', async () => {
    await page.getByTestId('tab-review').click();
    await page.getByTestId('review-search-status').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('已审批').click();
    await demoRow().getByTestId('report-return').click();
    await page.getByTestId('return-confirm').click();
    await page.getByText('请填写退回原因').waitFor();
    await page.getByTestId('return-reason').fill('研发经费与上年差异较大，请核实');
    await page.getByTestId('return-confirm').click();
    await page.locator('.ant-message').getByText('已退回').waitFor();
    await demoRow().waitFor({ state: 'detached' });
    await logout();

    await login('qiye');
    await page.getByRole('menuitem', { name: '统计监测' }).click();
    const form = page.getByTestId('entry-form');
    await form.getByTestId('entry-status').getByText('已退回').waitFor();
    expect(await form.getByTestId('entry-returned').innerText()).toContain('研发经费与上年差异较大，请核实');
    expect(await page.getByTestId('entry-input-RD_EXPENDITURE').isDisabled()).toBe(false);
    expect(await page.getByTestId('entry-submit').count()).toBe(1);
    await shot('returned');
  });

  it('shows whole cells at 1366 and 1440 px, searches the platforms, and picks a platform level by typing', async () => {
    await logout();
    await login('gxj');
    for (const width of [1366, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${baseUrl}/projects`);
      // 中钢邢机 invests 450,000 万元: a fixed 操作 column used to cover the cell down to "45".
      const cell = page.getByTestId('project-table').locator('tr.ant-table-row', { hasText: '中钢邢机' }).getByTestId('project-total');
      await cell.waitFor();
      expect(await cell.innerText()).toBe('450,000');
      const seen = await cell.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const td = el.closest('td')!;
        // Whatever is drawn at the number's left and right ends must be the number itself.
        return [r.left + 1, r.right - 1].every((x) => el.contains(document.elementFromPoint(x, r.top + r.height / 2))) && td.scrollWidth <= td.clientWidth;
      });
      expect(seen, `width ${width}`).toBe(true);
      await shot(`projects-${width}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByRole('menuitem', { name: '创新平台' }).click();
    const rows = page.getByTestId('platform-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    const name = (await rows.first().locator('td').first().innerText()).trim().slice(0, 4);
    await page.getByTestId('platform-search-text').fill(name);
    await expect.poll(async () => (await rows.allInnerTexts()).every((t) => t.includes(name))).toBe(true);

    await page.getByTestId('registry-add').click();
    const dialog = page.getByRole('dialog', { name: '新增' });
    await dialog.getByTestId('platform-level').click();
    await page.keyboard.type('省');
    await page.keyboard.press('Enter');
    // Typing picks 省级; it used to be ignored and Enter saved the first option, 国家级.
    expect(await dialog.getByTestId('platform-level').locator('.ant-select-selection-item').innerText()).toBe('省级');
    await page.keyboard.press('Escape');
  });

  it('raised no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
