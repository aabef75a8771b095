import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Park, Platform, Project } from '../src/shared/registries';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';

const newPlatform = (o: Record<string, unknown> = {}) => ({
  name: '宁晋测试光伏企业技术中心', type: 'enterprise_tech_center', level: 'provincial', hostOrg: '宁晋测试光伏有限公司',
  industryCode: 'new-energy-grid', countyCode: '130528', recognisedOn: '2019-06-01', ...o,
});

async function xlsx(sheets: Record<string, (string | number | null)[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r) => ws.addRow(r));
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe.each(dialects)('%s: registries', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fgw: Session;
  let gxj: Session;
  let ningjin: Session;

  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    app = await makeApp(database);
    [fgw, gxj, ningjin] = await Promise.all([loginAs(app, 'fgw'), loginAs(app, 'gxj'), loginAs(app, 'ningjin')]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const t4 = async (asOf = '2020-12-31') => (await fgw.request('GET', `/api/targets?asOf=${asOf}`)).json().targets.find((t: { target: { code: string } }) => t.target.code === 'T4').actual.value as number;

  it('pre-fills parks and projects named in the plan', async () => {
    const parks = (await fgw.request('GET', '/api/parks?asOf=2020-12-31')).json().items as Park[];
    expect(parks.length).toBe(36);
    const ningjin = parks.find((p) => p.name === '宁晋新能源产业基地')!;
    expect(ningjin).toMatchObject({ source: 'plan', countyCode: '130528', leadIndustries: ['new-energy-grid'], status: 'recognised', demo: true, countsAsOf: true });
    const untouched = parks.find((p) => p.name === '平乡秸秆利用示范基地')!;
    expect(untouched).toMatchObject({ status: null, recognisedOn: null, demo: false, type: 'demo_base' });
    expect(untouched.note).toMatch(/未知/);
    const projects = (await fgw.request('GET', '/api/projects?asOf=2020-06-30')).json().items as Project[];
    expect(projects.map((p) => p.name)).toContain('中钢邢机搬迁升级项目');
    expect(projects.length).toBe(11);
    const lights = projects.flatMap((p) => [p.lights.start, p.lights.progress, p.lights.funds]);
    expect(new Set(lights.filter(Boolean))).toEqual(new Set(['green', 'yellow', 'red']));
  });

  it('lists demo platforms with their level on the date', async () => {
    const items = (await fgw.request('GET', '/api/platforms?asOf=2018-01-01')).json().items as Platform[];
    expect(items.length).toBe(148);
    expect(items.every((p) => p.demo)).toBe(true);
    const upgraded = items.find((p) => p.previousLevel === 'provincial' && p.recognisedOn < '2018-01-01' && p.upgradedOn! > '2018-01-01')!;
    expect(upgraded.levelAsOf).toBe('provincial');
    expect(upgraded.countsAsOf).toBe(true);
  });

  it('creates, updates with optimistic concurrency, and deletes a platform; T4 follows', async () => {
    const before = await t4();
    const created = await gxj.request('POST', '/api/platforms', newPlatform());
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(await t4()).toBe(before + 1);
    expect(await t4('2019-05-31')).toBe(await t4('2019-05-31'));
    const dup = await gxj.request('POST', '/api/platforms', newPlatform());
    expect(dup.statusCode).toBe(409);

    const got = (await gxj.request('GET', `/api/platforms/${id}`)).json() as Platform;
    expect(got.rowVersion).toBe(1);
    const up = await gxj.request('PUT', `/api/platforms/${id}`, { ...newPlatform({ level: 'national', previousLevel: 'provincial', upgradedOn: '2020-03-01' }), rowVersion: 1 });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().rowVersion).toBe(2);
    expect(await t4()).toBe(before + 1); // an upgrade is not a new platform
    const stale = await gxj.request('PUT', `/api/platforms/${id}`, { ...newPlatform(), rowVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');

    const revoked = await gxj.request('PUT', `/api/platforms/${id}`, { ...newPlatform({ revokedOn: '2020-10-01' }), rowVersion: 2 });
    expect(revoked.statusCode).toBe(200);
    expect(await t4()).toBe(before);

    const audit = (await (await loginAs(app, 'admin')).request('GET', `/api/audit?entity=platform&entityId=${id}`)).json().entries;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'create']);

    expect((await gxj.request('DELETE', `/api/platforms/${id}?rowVersion=3`)).statusCode).toBe(403); // departments do not delete
    expect((await fgw.request('DELETE', `/api/platforms/${id}?rowVersion=2`)).statusCode).toBe(409);
    expect((await fgw.request('DELETE', `/api/platforms/${id}?rowVersion=3`)).statusCode).toBe(204);
    expect((await fgw.request('GET', `/api/platforms/${id}`)).statusCode).toBe(404);
  });

  it('keeps an uploaded evidence file with the platform', async () => {
    const created = await ningjin.request('POST', '/api/platforms', newPlatform({ name: '佐证测试平台' }));
    const id = created.json().id as string;
    const pdf = Buffer.from('%PDF-1.4 认定文件 demo');
    const up = await app.inject({
      method: 'POST', url: `/api/platforms/${id}/evidence?filename=${encodeURIComponent('认定文件.pdf')}`, payload: pdf,
      headers: { cookie: ningjin.cookie, 'x-csrf-token': ningjin.csrfToken, 'content-type': 'application/octet-stream' },
    });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toEqual({ fileName: '认定文件.pdf', size: pdf.length });
    const rec = (await fgw.request('GET', `/api/platforms/${id}`)).json() as Platform;
    expect(rec).toMatchObject({ evidenceFile: '认定文件.pdf', rowVersion: 2 });
    const down = await fgw.request('GET', `/api/platforms/${id}/evidence`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(pdf)).toBe(true);
    expect(down.headers['content-disposition']).toContain(encodeURIComponent('认定文件.pdf'));
    const other = (await fgw.request('GET', '/api/platforms')).json().items.find((p: Platform) => p.countyCode === '130582') as Platform;
    const denied = await ningjin.request('POST', `/api/platforms/${other.id}/evidence`, { fileBase64: pdf.toString('base64'), fileName: 'x.pdf' });
    expect(denied.statusCode).toBe(403);
    expect((await fgw.request('GET', `/api/platforms/${other.id}/evidence`)).statusCode).toBe(404);
  });

  it('validates input and codes', async () => {
    const bad = await gxj.request('POST', '/api/platforms', newPlatform({ name: '坏数据平台', level: '省级', recognisedOn: '2019-02-30', previousLevel: 'national', upgradedOn: '2019-01-01' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['level', 'recognisedOn']));
    const unknown = await gxj.request('POST', '/api/platforms', newPlatform({ name: '未知县平台', countyCode: '999999', industryCode: 'space' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['countyCode', 'industryCode']);
    const park = await fgw.request('POST', '/api/parks', { name: '测试园区', type: 'park', status: 'recognised' });
    expect(park.statusCode).toBe(400);
  });

  it('lets a county user work only on records located in its county', async () => {
    const own = await ningjin.request('POST', '/api/platforms', newPlatform({ name: '宁晋县自有平台' }));
    expect(own.statusCode, own.body).toBe(201);
    const other = await ningjin.request('POST', '/api/platforms', newPlatform({ name: '沙河平台', countyCode: '130582' }));
    expect(other.statusCode).toBe(403);
    const shahe = (await fgw.request('GET', '/api/parks')).json().items.find((p: Park) => p.name === '沙河新能源产业基地') as Park;
    const { id, rowVersion, demo: _d, countyName: _c, updatedAt: _u, source: _s, countsAsOf: _n, ...input } = shahe;
    const edit = await ningjin.request('PUT', `/api/parks/${id}`, { ...input, note: '改', rowVersion });
    expect(edit.statusCode).toBe(403);
    const steal = await ningjin.request('PUT', `/api/platforms/${own.json().id}`, { ...newPlatform({ name: '宁晋县自有平台', countyCode: '130582' }), rowVersion: 1 });
    expect(steal.statusCode).toBe(403);
    expect((await ningjin.request('GET', '/api/projects')).statusCode).toBe(200);
  });

  it('exports XLSX and imports it back (dry run previews updates)', async () => {
    const res = await fgw.request('GET', '/api/parks/export.xlsx?asOf=2019-12-31');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('parks-2019-12-31.xlsx');
    expect((await fgw.request('GET', '/api/parks/export.xlsx?asOf=2019-13-01')).statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('园区基地')!.getRow(1).getCell(1).value).toBe('名称');
    expect(wb.getWorksheet('说明')).toBeDefined();
    const dry = await fgw.request('POST', '/api/parks/import', { fileBase64: res.rawPayload.toString('base64'), dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, created: 0, updated: 0, errors: [] });
    // Its own export reads back as the stored records: nothing to rewrite.
    expect(dry.json().preview.length).toBeGreaterThan(5);
    expect(dry.json().preview.every((p: { action: string }) => p.action === 'unchanged')).toBe(true);
  });

  it('takes the file as the raw request body too (?dryRun=1)', async () => {
    const file = Buffer.from(await xlsx({ 园区基地: [['名称', '类型', '县市区代码', '主导产业代码'], ['原始上传测试园区', '产业园区', '130528', 'new-materials; nev-icv']] }), 'base64');
    const res = await app.inject({
      method: 'POST', url: '/api/parks/import?dryRun=1', payload: file,
      headers: { cookie: fgw.cookie, 'x-csrf-token': fgw.csrfToken, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: true, errors: [], preview: [{ row: 2, name: '原始上传测试园区', action: 'create' }] });
  });

  it('imports platforms all or nothing, naming the row, field and value of each error', async () => {
    const header = ['平台名称', '平台类型', '级别', '依托单位', '重点领域代码', '县市区代码', '认定日期', '撤销日期', '原级别', '升级日期'];
    const good = ['导入测试技术中心甲', '企业技术中心', '省级', '甲公司', 'new-materials', '130582', '2018-03-01', null, null, null];
    const file = await xlsx({ 创新平台: [header, good, ['导入测试实验室乙', '重点实验室', '部级', '乙公司', null, '130582', '2018/13/01', null, null, null]] });
    const before = await t4();
    const res = await fgw.request('POST', '/api/platforms/import', { fileBase64: file });
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.issues as { row: number; field: string; value: unknown; message: string }[];
    expect(issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 3, field: '级别', value: '部级' }),
      expect.objectContaining({ row: 3, field: '认定日期', value: '2018/13/01' }),
    ]));
    expect(issues[0]!.message).toMatch(/ \/ /); // Chinese / English
    expect(await t4()).toBe(before);

    const fixed = await xlsx({ 创新平台: [header, good, ['导入测试实验室乙', '重点实验室', '国家级', '乙公司', null, '130582', '2018-06-01', null, '省级', '2020-01-15']] });
    const ok = await fgw.request('POST', '/api/platforms/import', { fileBase64: fixed });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ created: 2, updated: 0, errors: [] });
    expect(await t4()).toBe(before + 2);
    const again = await fgw.request('POST', '/api/platforms/import', { fileBase64: fixed });
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await t4()).toBe(before + 2);
    // A changed cell updates only its record.
    const changed = await xlsx({ 创新平台: [header, good, ['导入测试实验室乙', '重点实验室', '国家级', '乙公司（更名）', null, '130582', '2018-06-01', null, '省级', '2020-01-15']] });
    const third = await fgw.request('POST', '/api/platforms/import', { fileBase64: changed });
    expect(third.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
  });

  it('imports projects with their child sheets and refuses rows outside a county user\'s county', async () => {
    const file = await xlsx({
      重大项目: [['项目名称', '业主单位', '重点领域代码', '县市区代码', '总投资（万元）', '阶段', '计划开工（年月）', '实际开工（年月）'], ['宁晋导入测试项目', '宁晋某公司', 'new-energy-grid', '130528', 20000, '在建', '2020-01', '2020-04']],
      年度计划: [['项目名称', '年度', '计划投资（万元）'], ['宁晋导入测试项目', 2020, 1200]],
      月度投资: [['项目名称', '月份（YYYYMM）', '完成投资（万元）'], ['宁晋导入测试项目', '202004', 100], ['宁晋导入测试项目', 202005, 100], ['未知项目', '202005', 1]],
      资金: [['项目名称', '资金来源', '月份（YYYYMM）', '计划拨付（万元）', '实际拨付（万元）'], ['宁晋导入测试项目', '省级资金', '202006', 300, 100]],
    });
    const dry = await ningjin.request('POST', '/api/projects/import', { fileBase64: file, dryRun: true });
    expect(dry.statusCode).toBe(200);
    expect(dry.json().errors).toEqual([expect.objectContaining({ sheet: '月度投资', row: 4, field: '项目名称', value: '未知项目' })]);
    const fixed = await xlsx({
      重大项目: [['项目名称', '县市区代码', '计划开工（年月）', '实际开工（年月）'], ['宁晋导入测试项目', '130528', '2020-01', '2020-04']],
      年度计划: [['项目名称', '年度', '计划投资（万元）'], ['宁晋导入测试项目', 2020, 1200]],
      月度投资: [['项目名称', '月份（YYYYMM）', '完成投资（万元）'], ['宁晋导入测试项目', '202004', 100], ['宁晋导入测试项目', 202005, 100]],
      里程碑: [['项目名称', '里程碑', '计划日期', '完成日期'], ['宁晋导入测试项目', '主体完工', '2020-05-10', ''], ['宁晋导入测试项目', '设备进场', '2020-03-01', '2020-04-20']],
      资金: [['项目名称', '资金来源', '月份（YYYYMM）', '计划拨付（万元）', '实际拨付（万元）'], ['宁晋导入测试项目', '省级资金', '202006', 300, 100]],
    });
    const ok = await ningjin.request('POST', '/api/projects/import', { fileBase64: fixed });
    expect(ok.statusCode, ok.body).toBe(200);
    const p = ((await fgw.request('GET', '/api/projects?asOf=2020-06-30')).json().items as Project[]).find((x) => x.name === '宁晋导入测试项目')!;
    expect(p.lights).toMatchObject({ start: 'red', progress: 'red', funds: 'red', doneThisYear: 200, milestones: 'yellow', milestonesOverdue: 1, milestoneLateMonths: 1 });
    expect(p.investmentToDate).toBe(200);
    const outside = await xlsx({ 重大项目: [['项目名称', '县市区代码'], ['沙河导入项目', '130582']] });
    // A project workbook uploaded to the park register is named as such, not read as parks.
    const wrong = await fgw.request('POST', '/api/parks/import', { fileBase64: fixed, dryRun: true });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('这是「重大项目」的文件');
    const denied = await ningjin.request('POST', '/api/projects/import', { fileBase64: outside });
    expect(denied.statusCode).toBe(400);
    expect(denied.json().error.issues[0]).toMatchObject({ row: 2, field: '县市区代码', value: '130582' });
  });

  it('rejects a file that is not XLSX and a sheet without its required columns', async () => {
    const junk = await fgw.request('POST', '/api/platforms/import', { fileBase64: Buffer.from('not a spreadsheet').toString('base64') });
    expect(junk.statusCode).toBe(400);
    const noCols = await fgw.request('POST', '/api/platforms/import', { fileBase64: await xlsx({ 创新平台: [['平台名称'], ['x']] }) });
    expect(noCols.statusCode).toBe(400);
    expect(noCols.json().error.message).toMatch(/缺少列/);
  });
});

describe.each(dialects)('%s: registries without demo data', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: false });
    app = await makeApp(database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('has the plan\'s parks and projects but no platforms and no demo flags', async () => {
    const rows = await database.db.selectFrom('park').select(['name', 'demo', 'status']).execute();
    expect(rows.length).toBe(36);
    expect(rows.every((r) => Number(r.demo) === 0 && r.status === null)).toBe(true);
    expect((await database.db.selectFrom('project').select('id').execute()).length).toBe(11);
    expect((await database.db.selectFrom('innovation_platform').select('id').execute()).length).toBe(0);
  });
});
