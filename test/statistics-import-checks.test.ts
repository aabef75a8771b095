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
});
