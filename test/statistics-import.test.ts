// Statistics: the import pipeline (JSON API, GBK/UTF-8 CSV, XLSX long and wide), all-or-nothing,
// idempotence, aggregates kept incrementally, export — on both databases.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISE } from '../src/db/seed/demo';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';

const ENT = DEMO_ENTERPRISE.code;
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe.each(dialects)('%s: statistics import', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let tongji: Session;

  const upload = (s: Session, name: string, dryRun = false) =>
    app.inject({
      method: 'POST', url: `/api/data-values/import?filename=${encodeURIComponent(name)}${dryRun ? '&dryRun=1' : ''}`,
      payload: fixture(name), headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, 'content-type': 'application/octet-stream' },
    });
  const valueOf = async (code: string, period: string, org = ENT) => {
    const r = await sql<{ value: number }>`select value from data_value dv join organization o on o.id = dv.org_id where o.code = ${org} and dv.indicator_code = ${code} and dv.period = ${period}`.execute(database.db);
    return r.rows[0] ? Number(r.rows[0].value) : null;
  };
  const cityAgg = async (code: string, period: string) => {
    const r = await sql<{ value: number; n: number }>`select value, n from aggregate_value where indicator_code = ${code} and dim_kind = 'city' and dim_key = '130500' and period = ${period}`.execute(database.db);
    return r.rows[0] ? { value: Number(r.rows[0].value), n: Number(r.rows[0].n) } : null;
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

  it('rejects a JSON batch with one bad row whole, naming row, field and reason in Chinese and English', async () => {
    const res = await tongji.request('POST', '/api/data-values', {
      dataValues: [
        { orgCode: ENT, indicatorCode: 'REVENUE', period: '202012', value: 51000 },
        { orgCode: ENT, indicatorCode: 'VALUE_ADDED', period: '202012', value: -5 },
        { orgCode: 'NO-SUCH-ORG', indicatorCode: 'REVENUE', period: '202012', value: 1 },
      ],
    });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('VALIDATION');
    expect(err.issues).toHaveLength(2);
    expect(err.issues[0]).toMatchObject({ row: 2, field: 'value', value: -5 });
    expect(err.issues[0].reason).toMatch(/不能小于/);
    expect(err.issues[0].reasonEn).toMatch(/must be ≥ 0/);
    expect(err.issues[1]).toMatchObject({ row: 3, field: 'org_code' });
    expect(await valueOf('REVENUE', '202012')).toBeNull();
  });

  it('stores a valid JSON batch, audits it, and a repeat changes nothing', async () => {
    const before = await cityAgg('REVENUE', '202012');
    const body = { dataValues: [{ orgCode: ENT, indicatorCode: 'REVENUE', period: '202012', value: 51000 }, { orgCode: ENT, indicatorCode: 'VALUE_ADDED', period: '202012', value: 10500 }] };
    const first = await tongji.request('POST', '/api/data-values', body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ valid: true, inserted: 2, updated: 0, unchanged: 0 });
    const again = await tongji.request('POST', '/api/data-values', body);
    expect(again.json()).toMatchObject({ valid: true, inserted: 0, updated: 0, unchanged: 2 });
    // The aggregate moved by exactly the new value, and one more organisation reports.
    const after = await cityAgg('REVENUE', '202012');
    expect(after!.value - before!.value).toBeCloseTo(51000, 6);
    expect(after!.n).toBe(before!.n + 1);
    const audit = await tongji.request('GET', `/api/data-values/audit?org=${ENT}&indicator=REVENUE&period=202012`);
    expect(audit.json().entries[0]).toMatchObject({ action: 'create', oldValue: null, newValue: 51000, actorName: 'tongji', source: 'api' });
  });

  it('detects GBK, previews without storing, then imports all-or-nothing and idempotently', async () => {
    const preview = await upload(tongji, 'statistics-long-gbk.csv', true);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ dryRun: true, valid: true, format: 'csv', encoding: 'gbk', layout: 'long', rows: 4, inserted: 2, updated: 2 });
    expect(await valueOf('EMPLOYEES', '202012')).toBeNull();
    const commit = await upload(tongji, 'statistics-long-gbk.csv');
    expect(commit.json()).toMatchObject({ dryRun: false, valid: true, inserted: 2, updated: 2, unchanged: 0 });
    expect(await valueOf('REVENUE', '202012')).toBe(52310.5);
    expect(await valueOf('GDP', '2020Q3', '130500')).toBe(1610.5);
    const again = await upload(tongji, 'statistics-long-gbk.csv');
    expect(again.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
    const audit = await tongji.request('GET', `/api/data-values/audit?org=${ENT}&indicator=REVENUE&period=202012`);
    expect(audit.json().entries[0]).toMatchObject({ action: 'update', oldValue: 51000, newValue: 52310.5, source: 'file' });
    expect(audit.json().entries[0].reason).toContain('statistics-long-gbk.csv');
  });

  it('reads UTF-8 with BOM and rejects a file with bad rows, storing nothing', async () => {
    const bom = await upload(tongji, 'statistics-long-utf8bom.csv');
    expect(bom.json()).toMatchObject({ encoding: 'utf-8-bom', inserted: 2 });
    const bad = await upload(tongji, 'statistics-bad.csv');
    expect(bad.statusCode).toBe(400);
    const issues = bad.json().error.issues.map((i: { row: number; field: string }) => `${i.row}:${i.field}`);
    expect(issues).toEqual(['3:indicator_code', '4:period', '5:value']);
    expect(await valueOf('REVENUE', '202012')).toBe(52310.5); // row 2's 50000 was not stored
    const preview = await upload(tongji, 'statistics-bad.csv', true);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ valid: false, issueCount: 3 });
  });

  it('imports XLSX in the long layout (date cells) and the wide template layout', async () => {
    const long = await upload(tongji, 'statistics-long.xlsx');
    expect(long.json()).toMatchObject({ format: 'xlsx', layout: 'long', inserted: 2 });
    expect(await valueOf('EXPORT_DELIVERY', '202012')).toBe(2600);
    const wide = await upload(tongji, 'statistics-wide.xlsx');
    expect(wide.statusCode).toBe(200);
    expect(wide.json()).toMatchObject({ layout: 'wide', values: 4, updated: 4 });
    expect(await valueOf('REVENUE', '202012')).toBe(52000);
    expect(await valueOf('PROFIT', '202012')).toBe(3100);
  });

  it('keeps the incremental aggregates equal to a full GROUP BY over the values', async () => {
    const naive = await sql<{ indicator_code: string; period: string; v: number; n: number }>`
      select dv.indicator_code, dv.period, sum(dv.value) as v, count(*) as n from data_value dv
      join enterprise e on e.org_id = dv.org_id where dv.indicator_code in ('REVENUE', 'VALUE_ADDED') and dv.period >= '201901'
      group by dv.indicator_code, dv.period`.execute(database.db);
    const agg = await sql<{ indicator_code: string; period: string; value: number; n: number }>`
      select indicator_code, period, value, n from aggregate_value where dim_kind = 'city' and indicator_code in ('REVENUE', 'VALUE_ADDED') and period >= '201901'`.execute(database.db);
    const byKey = new Map(agg.rows.map((r) => [`${r.indicator_code}|${r.period}`, r]));
    expect(naive.rows.length).toBeGreaterThan(40);
    for (const r of naive.rows) {
      const a = byKey.get(`${r.indicator_code}|${r.period}`)!;
      expect(Number(a.n), `${r.indicator_code} ${r.period}`).toBe(Number(r.n));
      expect(Number(a.value)).toBeCloseTo(Number(r.v), 3);
    }
    // SEI sums (亿元) over counted enterprises, by county, add up to the city.
    const county = await tongji.request('GET', '/api/statistics/aggregates?indicator=SEI_REVENUE&dim=county&period=2020');
    const city = await tongji.request('GET', '/api/statistics/aggregates?indicator=SEI_REVENUE&dim=city&period=2020');
    const sum = county.json().rows.reduce((a: number, r: { value: number }) => a + r.value, 0);
    expect(sum).toBeCloseTo(city.json().rows[0].value, 6);
  });

  it('reports year-on-year growth raw and 同口径 with the set sizes', async () => {
    const res = await tongji.request('GET', '/api/statistics/aggregates?indicator=REVENUE&dim=industry&period=2019');
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows as { key: string; name: string; value: number; n: number; previous: number; previousN: number; yoy: number; matched: { n: number; value: number; previous: number; yoy: number } }[];
    expect(rows.map((r) => r.key).sort()).toEqual(['biomed-health', 'energy-saving-env', 'high-end-equipment', 'nev-icv', 'new-energy-grid', 'new-materials', 'next-gen-it']);
    const some = rows.find((r) => r.n > r.matched.n)!; // an industry with entrants in 2019
    expect(some).toBeDefined();
    expect(some.matched.n).toBeLessThanOrEqual(some.previousN);
    expect(some.yoy).toBeCloseTo((some.value / some.previous - 1) * 100, 6);
    expect(some.matched.yoy).toBeCloseTo((some.matched.value / some.matched.previous - 1) * 100, 6);
    expect(some.matched.yoy).toBeLessThan(some.yoy);
    // Quarter of a year-to-date indicator = YTD at the quarter's last month.
    const q = await tongji.request('GET', '/api/statistics/aggregates?indicator=REVENUE&dim=city&period=2019Q3');
    const m = await tongji.request('GET', '/api/statistics/aggregates?indicator=REVENUE&dim=city&period=201909');
    expect(q.json().rows[0].value).toBeCloseTo(m.json().rows[0].value, 6);
    const share = await tongji.request('GET', '/api/statistics/aggregates?indicator=SEI_GDP_SHARE&dim=city&period=2019');
    expect(share.json().rows[0].value).toBeGreaterThan(5);
  });

  it('gives the annual city series with provenance; low-reliability figures are marked', async () => {
    const gdp = (await tongji.request('GET', '/api/statistics/city-series?indicator=GDP')).json().points;
    expect(gdp.find((p: { year: number }) => p.year === 2020)).toMatchObject({ value: 2200.4, reliability: 'low', demo: false });
    expect(gdp.find((p: { year: number }) => p.year === 2020).source).toContain('http://shadafang.com');
    const rev = (await tongji.request('GET', '/api/statistics/city-series?indicator=SEI_REVENUE')).json().points;
    expect(rev.map((p: { year: number }) => p.year)).toEqual([2017, 2018, 2019, 2020]);
    expect(rev[3].value).toBeGreaterThan(1000);
    const va = (await tongji.request('GET', '/api/statistics/city-series?indicator=SEI_VALUE_ADDED')).json().points;
    expect(va[3].value).toBeLessThan(245);
    expect(va[3].demo).toBe(true);
  });

  it('exports CSV that imports back unchanged, and serves templates', async () => {
    const res = await tongji.request('GET', `/api/data-values/export?period=202012&org=${ENT}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = res.rawPayload.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('org_code,org_name,indicator_code,period,value,status,source,reliability,comment,source_url');
    expect(text).toContain(`${ENT},邢台演示新材料有限公司（演示）,REVENUE,202012,52000,draft,file`);
    const back = await app.inject({ method: 'POST', url: '/api/data-values/import?filename=export.csv', payload: res.rawPayload, headers: { cookie: tongji.cookie, 'x-csrf-token': tongji.csrfToken, 'content-type': 'text/csv' } });
    expect(back.json()).toMatchObject({ valid: true, inserted: 0, updated: 0 });
    const tpl = await tongji.request('GET', '/api/data-values/template?dataset=ENT_MONTHLY&period=202012');
    expect(tpl.headers['content-type']).toContain('spreadsheetml');
    const xlsx = await tongji.request('GET', '/api/data-values/export?period=202012&format=xlsx');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
