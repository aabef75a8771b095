// `sei registry list/export/import` (创新平台, 园区基地, 重大项目) against both databases, run as the real CLI;
// `--json` is compared with the API (src/server/routes/registries.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../src/shared/registries';
import { dialects, type TestDatabase } from './helpers/databases';
import { cliSuite, sei, type CliSuite } from './helpers/cli';
import type { Session } from './helpers/http';

async function xlsx(sheets: Record<string, (string | number | null)[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r) => ws.addRow(r));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Every sheet of a workbook as its name and cell values, to compare two exports written at different times. */
async function sheetValues(bytes: Buffer): Promise<{ name: string; rows: unknown[] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: unknown[] = [];
    ws.eachRow((row) => rows.push(row.values));
    return { name: ws.name, rows };
  });
}

const PLATFORM_HEADER = ['平台名称', '平台类型', '级别', '依托单位', '重点领域代码', '县市区代码', '认定日期'];
const GOOD_PLATFORM = ['宁晋测试光伏企业技术中心（CLI）', '企业技术中心', '省级', '宁晋测试光伏有限公司', 'new-energy-grid', '130528', '2019-06-01'];

describe.each(dialects)('%s: sei registry', { timeout: 120_000 }, (dialect) => {
  const suite = cliSuite(dialect, 'sei-registry-cli-');
  let database: TestDatabase, admin: Session, dir: string, api: CliSuite['api'];
  beforeAll(() => void ({ database, admin, dir, api } = suite));

  it('list --json is the API list on the date for each kind; the table counts what T4/T5 count; bad --kind or --as-of exit 2', async () => {
    const [platforms, parks, projects, human, badKind, noKind, badDate] = await Promise.all([
      sei(database.url, ['registry', 'list', '--kind', 'platform', '--as-of', '2020-12-31', '--json']),
      sei(database.url, ['registry', 'list', '--kind', 'park', '--as-of', '2019-12-31', '--json']),
      sei(database.url, ['registry', 'list', '--kind', 'project', '--as-of', '2020-06-30', '--json']),
      sei(database.url, ['registry', 'list', '--kind', 'platform', '--as-of', '2018-12-31']),
      sei(database.url, ['registry', 'list', '--kind', 'platforms']),
      sei(database.url, ['registry', 'list']),
      sei(database.url, ['registry', 'list', '--kind', 'park', '--as-of', '2019-02-30']),
    ]);
    for (const r of [platforms, parks, projects, human]) expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(platforms.stdout)).toEqual(await api('/api/platforms?asOf=2020-12-31'));
    expect(JSON.parse(parks.stdout)).toEqual(await api('/api/parks?asOf=2019-12-31'));
    const p = JSON.parse(projects.stdout);
    expect(p).toEqual(await api('/api/projects?asOf=2020-06-30'));
    expect(p.items).toHaveLength(11);
    // The demo's T4 is 86 at the end of 2018 (docs/targets.md).
    expect(human.stdout).toContain('共 148 个，省级以上 86 个（计入 T4）/ 148 platform(s), 86 provincial or national on 2018-12-31');
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toContain('--kind 须为 platform、park、project 之一：platforms / --kind must be one of platform, park, project');
    expect(noKind.code).toBe(2);
    expect(noKind.stderr).toContain('缺少 --kind');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--as-of must be a date YYYY-MM-DD: 2019-02-30');
  });

  it('export writes the API workbook; import --dry-run reads it back as unchanged records with no errors', async () => {
    const file = (kind: string) => join(dir, `${kind}s.xlsx`);
    const exported = await Promise.all(['platform', 'project'].map((kind) => sei(database.url, ['registry', 'export', '--kind', kind, '--out', file(kind)])));
    for (const r of exported) expect(r.code, r.stderr).toBe(0);
    expect(exported[1]!.stdout).toContain(`exported 11 project record(s) to ${file('project')}`);
    const fromApi = await admin.request('GET', '/api/projects/export.xlsx');
    expect(fromApi.statusCode).toBe(200);
    const cliSheets = await sheetValues(readFileSync(file('project')));
    expect(cliSheets.map((s) => s.name)).toEqual(['重大项目', '年度计划', '月度投资', '里程碑', '资金', '说明']);
    expect(cliSheets).toEqual(await sheetValues(fromApi.rawPayload));

    const [platformDry, projectDry, humanDry] = await Promise.all([
      sei(database.url, ['registry', 'import', '--kind', 'platform', file('platform'), '--dry-run', '--json']),
      sei(database.url, ['registry', 'import', '--kind', 'project', file('project'), '--dry-run', '--json']),
      sei(database.url, ['registry', 'import', '--kind', 'project', file('project'), '--dry-run']),
    ]);
    for (const r of [platformDry, projectDry, humanDry]) expect(r.code, r.stderr).toBe(0);
    for (const [r, n] of [[platformDry, 148], [projectDry, 11]] as const) {
      const result = JSON.parse(r.stdout);
      expect(result).toMatchObject({ dryRun: true, rows: n, created: 0, updated: 0, errors: [] });
      expect(result.preview).toHaveLength(n);
      expect(result.preview.every((x: { action: string }) => x.action === 'unchanged')).toBe(true);
    }
    expect(humanDry.stdout).toContain('dry run, nothing stored: 11 rows — 将新增 would create 0, 将更新 would update 0, 无变化 unchanged 11');
  });

  it('an import with bad rows exits 2 naming sheet, row and field, as the API refuses it, and stores nothing', async () => {
    const bytes = await xlsx({ 创新平台: [
      PLATFORM_HEADER,
      GOOD_PLATFORM,
      ['宁晋测试未知县平台', '重点实验室', '省级', '测试单位', null, '999999', '2019-06-01'],
      [null, '孵化器', '市级', '测试单位', null, '130528', '2019-06-01'],
    ] });
    const bad = join(dir, 'platforms-bad.xlsx');
    writeFileSync(bad, bytes);
    const [human, json, dry] = await Promise.all([
      sei(database.url, ['registry', 'import', '--kind', 'platform', bad]),
      sei(database.url, ['registry', 'import', '--kind', 'platform', bad, '--json']),
      sei(database.url, ['registry', 'import', '--kind', 'platform', bad, '--dry-run', '--json']),
    ]);
    expect(human.code).toBe(2);
    expect(human.stderr).toContain('2 error(s); nothing was stored');
    expect(human.stderr).toContain('sheet\trow\tfield\tvalue\treason');
    expect(human.stderr).toMatch(/创新平台\t3\t县市区代码\t999999\t县市区代码不存在：999999 \/ unknown county code 999999/);
    expect(human.stderr).toMatch(/创新平台\t4\t平台名称\t\t.+ \/ required/);

    expect(json.code).toBe(2);
    const refused = await admin.request('POST', '/api/platforms/import', { fileBase64: bytes.toString('base64') });
    expect(refused.statusCode).toBe(400);
    expect(JSON.parse(json.stdout)).toEqual(refused.json());
    expect(refused.json().error.issues).toEqual([
      expect.objectContaining({ sheet: '创新平台', row: 3, field: '县市区代码', value: '999999' }),
      expect.objectContaining({ sheet: '创新平台', row: 4, field: '平台名称' }),
    ]);

    expect(dry.code).toBe(2); // a dry run of a bad file says so too
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, created: 0, errors: [expect.objectContaining({ row: 3 }), expect.objectContaining({ row: 4 })] });

    const after = (await api('/api/platforms?asOf=2020-12-31')).items as Platform[];
    expect(after).toHaveLength(148); // row 2 was fine, yet nothing is stored
    expect(after.map((x) => x.name)).not.toContain(GOOD_PLATFORM[0]);
  });

  it('a good file creates a record that list then shows', async () => {
    const good = join(dir, 'platforms-good.xlsx');
    writeFileSync(good, await xlsx({ 创新平台: [PLATFORM_HEADER, GOOD_PLATFORM] }));
    const run = await sei(database.url, ['registry', 'import', '--kind', 'platform', good]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('已导入 imported: 1 rows — 新增 created 1, 更新 updated 0, 无变化 unchanged 0');
    const [json, human] = await Promise.all([
      sei(database.url, ['registry', 'list', '--kind', 'platform', '--as-of', '2020-12-31', '--json']),
      sei(database.url, ['registry', 'list', '--kind', 'platform', '--as-of', '2020-12-31']),
    ]);
    expect(json.code, json.stderr).toBe(0);
    const items = JSON.parse(json.stdout).items as Platform[];
    expect(items).toHaveLength(149);
    expect(items.find((x) => x.name === GOOD_PLATFORM[0])).toMatchObject({
      type: 'enterprise_tech_center', level: 'provincial', levelAsOf: 'provincial', countsAsOf: true, countyCode: '130528', countyName: '宁晋县', demo: false,
    });
    expect(human.stdout).toMatch(/宁晋测试光伏企业技术中心（CLI）\s+企业技术中心\s+省级\s+宁晋测试光伏有限公司\s+130528 宁晋县\s+2019-06-01/);
    expect(human.stdout).toContain('共 149 个，省级以上 124 个');
    const audit = await database.db.selectFrom('audit_log').select(['actor_id', 'actor_name']).where('action', '=', 'import-create').where('entity', '=', 'platform').execute();
    expect(audit).toEqual([{ actor_id: null, actor_name: 'cli' }]);
  });
});
