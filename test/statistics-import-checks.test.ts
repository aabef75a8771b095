// What an import refuses or warns about, on both databases: a row with more fields than the header (an
// unquoted thousands separator) in the fast CSV path and in csv-parse, UTF-8 and GBK; an XLSX formula
// without a computed value; plausibility ranges (hard, soft with confirmation, integers); rule
// violations and field names in words.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISE } from '../src/db/seed/demo';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';

const ENT = DEMO_ENTERPRISE.code;

describe.each(dialects)('%s: import checks', { timeout: 60_000 }, (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let tongji: Session;

  const upload = (name: string, bytes: Uint8Array, query = '') =>
    app.inject({
      method: 'POST', url: `/api/data-values/import?filename=${encodeURIComponent(name)}${query}`,
      payload: Buffer.from(bytes), headers: { cookie: tongji.cookie, 'x-csrf-token': tongji.csrfToken, 'content-type': 'application/octet-stream' },
    });
  const valueOf = async (code: string, period: string) => {
    const r = await sql<{ value: number }>`select value from data_value dv join organization o on o.id = dv.org_id where o.code = ${ENT} and dv.indicator_code = ${code} and dv.period = ${period}`.execute(database.db);
    return r.rows[0] ? Number(r.rows[0].value) : null;
  };

  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    app = await makeApp(database);
    tongji = await loginAs(app, 'tongji');
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it.each([
    ['fast path, UTF-8', 'utf8', false],
    ['csv-parse (a quoted cell), UTF-8', 'utf8', true],
    ['fast path, GBK', 'gbk', false],
    ['csv-parse (a quoted cell), GBK', 'gbk', true],
  ] as const)('refuses a row with more fields than the header, naming the row and the quoting (%s)', async (_label, encoding, quoted) => {
    const text = `组织代码,指标代码,期间,数值\r\n${quoted ? `"${ENT}"` : ENT},VALUE_ADDED,202012,900\r\n${ENT},REVENUE,202012,1,234.5\r\n`;
    const bytes = encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
    const res = await upload('extra.csv', bytes);
    expect(res.statusCode, res.body).toBe(400);
    const issues = res.json().error.issues;
    expect(issues, JSON.stringify(issues)).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 3, field: 'columns' });
    expect(issues[0].reason).toContain('"1,234.5"');
    expect(issues[0].reasonEn).toMatch(/5 fields but the header has 4 columns/);
    expect(await valueOf('REVENUE', '202012')).toBeNull();
    const dry = await upload('extra.csv', bytes, '&dryRun=1');
    expect(dry.json()).toMatchObject({ valid: false, issueCount: 1 });
  });

  it('refuses a wide-layout row with more cells than the header', async () => {
    const res = await upload('wide.csv', Buffer.from(`组织代码,期间,REVENUE\n${ENT},202011,1,234.5\n`, 'utf8'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({ row: 2, field: 'columns' });
  });

  it('names the row and field of an XLSX formula without a computed value (no [object Object])', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.addRow(['org_code', 'indicator_code', 'period', 'value']);
    ws.addRow([ENT, 'REVENUE', '202012', 100]);
    ws.addRow([ENT, 'VALUE_ADDED', '202012', { formula: 'D2*0.3' }]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const res = await upload('formula.xlsx', bytes);
    expect(res.statusCode, res.body).toBe(400);
    const err = res.json().error;
    expect(err.message).not.toContain('object Object');
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]).toMatchObject({ row: 3, field: 'value', value: '=D2*0.3' });
    expect(err.issues[0].reason).toMatch(/公式.*没有计算结果/);
    expect(err.issues[0].reasonEn).toMatch(/formula .* without a computed value/);
  });

  const post = (dataValues: unknown[], extra: object = {}) => tongji.request('POST', '/api/data-values', { dataValues, ...extra });
  const dv = (indicatorCode: string, value: unknown, period = '202012') => ({ orgCode: ENT, indicatorCode, period, value });

  it('refuses values outside the hard range, fractional headcounts and text, with words on what is expected', async () => {
    for (const [code, value, zh, en] of [
      ['PROFIT', '99999999999999999999', /15 位有效数字/, /more than 15 significant digits/],
      // 99999999999999999999 sent as a JSON number arrives as 1e20.
      ['PROFIT', 1e20, /利润总额 1e\+20 超过上限，不能大于 1,000,000,000/, /PROFIT 1e\+20 is above the hard maximum: must be ≤ 1,000,000,000/],
      ['REVENUE', 1e300, /主营业务收入 .*超过上限/, /must be ≤ 1,000,000,000/],
      ['EMPLOYEES', 1e300, /从业人员 .*超过上限/, /must be ≤ 1,000,000/],
      ['EMPLOYEES', 12.5, /从业人员 须为整数（人），12.5 不是整数/, /EMPLOYEES must be a whole number/],
      ['REVENUE', '一千', /「一千」不是数字/, /"一千" is not a number/],
    ] as const) {
      const res = await post([dv(code, value)]);
      expect(res.statusCode, `${code} ${value}`).toBe(400);
      const issue = res.json().error.issues[0];
      expect(issue).toMatchObject({ row: 1, field: 'value' });
      expect(issue.reason).toMatch(zh);
      expect(issue.reasonEn).toMatch(en);
    }
    const form = await tongji.request('PUT', '/api/data-entry/form', { dataset: 'ENT_MONTHLY', org: ENT, period: '202012', values: [{ indicatorCode: 'EMPLOYEES', value: '120.5', rowVersion: null }] });
    expect(form.statusCode).toBe(400);
    expect(form.json().error.issues[0]).toMatchObject({ path: 'values[0].value' });
    expect(await valueOf('EMPLOYEES', '202012')).toBeNull();
  });

  it('warns about values outside the soft range and stores them only when confirmed (API, form, file, dry run)', async () => {
    // JSON API: the dry run lists the warning; the real import without confirm is refused, with confirm stored.
    const dry = await post([dv('REVENUE', 5_000_000)], { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ valid: true, needsConfirmation: true, softWarnings: [{ row: 1, field: 'value' }] });
    expect(dry.json().softWarnings[0].reason).toMatch(/超出常见范围（不大于 2,000,000 万元）/);
    const refused = await post([dv('REVENUE', 5_000_000)]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues[0]).toMatchObject({ row: 1, field: 'value', soft: true });
    expect(await valueOf('REVENUE', '202012')).toBeNull();
    const confirmed = await post([dv('REVENUE', 5_000_000), dv('VALUE_ADDED', 900_000)], { confirm: true });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ inserted: 2, needsConfirmation: false });
    expect(confirmed.json().softWarnings).toHaveLength(2);
    expect(await valueOf('REVENUE', '202012')).toBe(5_000_000);
    // The same value again is unchanged: no new confirmation needed.
    const again = await post([dv('REVENUE', 5_000_000)]);
    expect(again.json()).toMatchObject({ unchanged: 1, softWarnings: [] });

    // Form: refused without confirm (nothing stored), stored with it.
    const form = { dataset: 'ENT_MONTHLY', org: ENT, period: '202012' };
    const f1 = await tongji.request('PUT', '/api/data-entry/form', { ...form, values: [{ indicatorCode: 'EMPLOYEES', value: 30_000, rowVersion: null }] });
    expect(f1.statusCode).toBe(400);
    expect(f1.json().error.issues[0]).toMatchObject({ path: 'values[0].value', soft: true });
    expect(await valueOf('EMPLOYEES', '202012')).toBeNull();
    const f2 = await tongji.request('PUT', '/api/data-entry/form', { ...form, confirm: true, values: [{ indicatorCode: 'EMPLOYEES', value: 30_000, rowVersion: null }] });
    expect(f2.statusCode, f2.body).toBe(200);
    expect(f2.json().softWarnings).toHaveLength(1);
    expect(await valueOf('EMPLOYEES', '202012')).toBe(30_000);

    // File import: the preview warns, the import needs ?confirm=1.
    const file = Buffer.from(`org_code,indicator_code,period,value\n${ENT},PROFIT,202012,-80000\n`, 'utf8');
    const preview = await upload('soft.csv', file, '&dryRun=1');
    expect(preview.json()).toMatchObject({ valid: true, needsConfirmation: true, softWarnings: [{ row: 2, field: 'value' }] });
    expect((await upload('soft.csv', file)).statusCode).toBe(400);
    expect(await valueOf('PROFIT', '202012')).toBeNull();
    const ok = await upload('soft.csv', file, '&confirm=1');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await valueOf('PROFIT', '202012')).toBe(-80000);
  });

  it('edits the ranges in the catalogue (statistician), checks their order and the row version; an enterprise may not', async () => {
    const list = (await tongji.request('GET', '/api/indicators')).json().indicators;
    const emp = list.find((i: { code: string }) => i.code === 'EMPLOYEES');
    expect(emp).toMatchObject({ minValue: 0, maxValue: 1e6, softMax: 20_000, integer: true });
    const bad = await tongji.request('PUT', '/api/indicators/EMPLOYEES', { minValue: 0, maxValue: 100, softMin: null, softMax: 500, integer: true, rowVersion: emp.rowVersion });
    expect(bad.statusCode).toBe(400);
    const qiye = await loginAs(app, 'qiye');
    expect((await qiye.request('PUT', '/api/indicators/EMPLOYEES', { minValue: 0, maxValue: 100, integer: true, rowVersion: emp.rowVersion })).statusCode).toBe(403);
    const res = await tongji.request('PUT', '/api/indicators/EMPLOYEES', { minValue: 0, maxValue: 100_000, softMin: 1, softMax: 10_000, integer: true, rowVersion: emp.rowVersion });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().indicator).toMatchObject({ maxValue: 100_000, softMin: 1, softMax: 10_000, rowVersion: emp.rowVersion + 1 });
    expect((await tongji.request('PUT', '/api/indicators/EMPLOYEES', { minValue: 0, maxValue: 1, rowVersion: emp.rowVersion })).statusCode).toBe(409);
    const refused = await post([dv('EMPLOYEES', 200_000, '202011')]);
    expect(refused.json().error.issues[0].reasonEn).toMatch(/must be ≤ 100,000/);
  });
});

