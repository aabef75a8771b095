// The cockpit API (GET /api/cockpit), its cache (kept until a write, here or in another process), the
// map's division mapping, the records behind a figure, and the pivot with its Excel export, on both
// databases with the demo data.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAP_FEATURES } from '../src/core/cockpit/map-features';
import { mapRegions } from '../src/core/cockpit/map-regions';
import { cockpitPeriod } from '../src/core/cockpit/period';
import { writeAudit } from '../src/db/audit';
import { referencePath } from '../src/db/seed/reference-files';
import type { Cockpit, EnterpriseFigures, Pivot } from '../src/shared/cockpit';
import type { AggregateResultRow } from '../src/shared/statistics';
import type { Board } from '../src/shared/supervision';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';

const DIVISIONS = [
  { code: '130521', name: '邢台县', status: 'abolished', code2020: null, name2020: null, notes: 'abolished; split between 襄都区 and 信都区' },
  { code: '130526', name: '任县', status: 'replaced', code2020: '130505', name2020: '任泽区', notes: null },
  { code: '130502', name: '桥东区', status: 'renamed+enlarged', code2020: '130502', name2020: '襄都区', notes: 'also received towns of former 邢台县' },
  { code: '130528', name: '宁晋县', status: 'unchanged', code2020: '130528', name2020: '宁晋县', notes: null },
];
const row = (key: string, value: number): AggregateResultRow => ({ key, name: key, value, n: 3, previous: null, previousN: 0, yoy: null, matched: { n: 0, value: null, previous: null, yoy: null }, demo: false });

describe('cockpit map and periods (pure)', () => {
  it('lists exactly the polygons of the reference map', () => {
    const geo = JSON.parse(readFileSync(referencePath('xingtai-counties-2018.geojson'), 'utf8')) as { features: { id: string; properties: { name: string } }[] };
    expect(geo.features.map((f) => ({ code: f.id, name: f.properties.name }))).toEqual([...MAP_FEATURES]);
  });

  it('lands figures of either vintage on the polygon of the same territory', () => {
    const features = MAP_FEATURES.filter((f) => DIVISIONS.some((d) => d.code === f.code));
    const y2020 = mapRegions(features, DIVISIONS, 2020, [row('130505', 7), row('130502', 5), row('130521', 1), row('130571', 9)]);
    const by = (r: typeof y2020.regions, code: string) => r.find((x) => x.feature === code)!;
    expect(by(y2020.regions, '130526')).toMatchObject({ key: '130505', name: '任泽区', value: 7 });
    expect(by(y2020.regions, '130502')).toMatchObject({ key: '130502', name: '襄都区', value: 5 });
    expect(by(y2020.regions, '130521')).toMatchObject({ key: '130521', pending: true, value: 1 });
    expect(by(y2020.regions, '130528')).toMatchObject({ key: '130528', value: null });
    expect(y2020.offMap).toEqual([{ key: '130571', name: '130571', value: 9 }]);
    const y2018 = mapRegions(features, DIVISIONS, 2018, [row('130526', 4), row('130521', 2)]);
    expect(by(y2018.regions, '130526')).toMatchObject({ key: '130526', name: '任县', value: 4 });
    expect(by(y2018.regions, '130521')).toMatchObject({ key: '130521', name: '邢台县', value: 2 });
    expect(by(y2018.regions, '130521').pending).toBeUndefined();
  });

  it('reads the period selector', () => {
    expect(cockpitPeriod('2020')).toEqual({ period: '2020', year: 2020, asOf: '2020-12-31', lastMonth: '202012' });
    expect(cockpitPeriod('2020Q1')).toMatchObject({ asOf: '2020-03-31', lastMonth: '202003' });
    expect(cockpitPeriod('202002')).toMatchObject({ asOf: '2020-02-29', lastMonth: '202002' });
    expect(() => cockpitPeriod('2020-12')).toThrow(/期间格式有误/);
  });
});

describe.each(dialects)('%s: cockpit API', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let leader: Session;
  let tongji: Session;
  let county: Session;
  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    app = await makeApp(database);
    [leader, tongji, county] = await Promise.all([loginAs(app, 'leader'), loginAs(app, 'tongji'), loginAs(app, 'ningjin')]);
  }, 120_000);
  afterAll(async () => { await app?.close(); await database?.drop(); });

  it('answers one period in one call: five targets, trends, breakdowns, map on the 2020 vintage, panels; then from the cache', async () => {
    const r = await leader.request('GET', '/api/cockpit?period=2020');
    expect(r.statusCode).toBe(200);
    expect(r.headers['x-cockpit-cache']).toBe('miss');
    const c = r.json() as Cockpit;
    expect(c.targets.map((t) => t.code)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
    const t1 = c.targets[0]!;
    expect(t1.actual?.value).toBeCloseTo(c.trends[0]!.points.find((p) => p.year === 2020)!.value, 6);
    expect(c.trends.map((t) => [t.indicatorCode, t.target?.value])).toEqual([['SEI_REVENUE', 1000], ['SEI_VALUE_ADDED', 245]]);
    // The seven plan industries and the reconciling rows add up to the city total.
    const ind = c.industries!;
    expect(ind.rows.filter((x) => !x.reconciling)).toHaveLength(7);
    expect(ind.rows.reduce((a, x) => a + (x.value ?? 0), 0)).toBeCloseTo(ind.total!.value!, 6);
    expect(c.map!.vintage).toBe(2020);
    expect(c.map!.regions).toHaveLength(19);
    const ren = c.map!.regions.find((x) => x.feature === '130526')!;
    expect(ren.key).toBe('130505');
    expect(ren.value).toBe(c.counties!.rows.find((x) => x.key === '130505')?.value ?? null);
    expect(c.registries.map((x) => x.code)).toEqual(['T4', 'T5']);
    expect(c.projects!.total).toBe(c.projects!.green + c.projects!.yellow + c.projects!.red + c.projects!.none);
    expect(c.reporting!.period).toBe('202012');
    expect(c.reporting!.expected).toBe(c.reporting!.received + c.reporting!.missing);
    expect(c.supervision).not.toBeNull();
    const again = await leader.request('GET', '/api/cockpit?period=2020');
    expect(again.headers['x-cockpit-cache']).toBe('hit');
    expect(again.json().generatedAt).toBe(c.generatedAt);
  });

  it('is computed again after a write in this server and after a write by another process', async () => {
    const before = (await leader.request('GET', '/api/cockpit?period=2020')).json() as Cockpit;
    // An SEI-counted enterprise that has not submitted its 202012 report (submitted values are locked).
    const drafts = new Set(((await tongji.request('GET', '/api/statistics/completeness?dataset=ENT_MONTHLY&period=202012')).json().nonReporters as { orgCode: string }[]).map((x) => x.orgCode));
    const counted: EnterpriseFigures['items'] = [];
    for (const sei of ['1', '2', '3', '4', '5', '6', '7']) counted.push(...((await tongji.request('GET', `/api/cockpit/enterprises?period=2020&sei=${sei}`)).json() as EnterpriseFigures).items);
    const e = counted.find((x) => drafts.has(x.code))!;
    expect(e, `${drafts.size} drafts`).toBeDefined();
    const w = await tongji.request('POST', '/api/data-values', { dataValues: [{ orgCode: e.code, indicatorCode: 'REVENUE', period: '202012', value: (e.value ?? 0) + 50_000 }], confirm: true });
    expect(w.statusCode, w.body).toBe(200);
    const after = await leader.request('GET', '/api/cockpit?period=2020');
    expect(after.headers['x-cockpit-cache']).toBe('miss');
    const row = (c: Cockpit) => c.counties!.total!.value!;
    expect(row(after.json()) - row(before)).toBeCloseTo(5, 6); // 50,000 万元 = 5 亿元
    expect((await leader.request('GET', '/api/cockpit?period=2020')).headers['x-cockpit-cache']).toBe('hit');
    // Another process writes: only its audit row tells, within the second the watermark is trusted.
    await writeAudit(database.db, { actorId: null, actorName: 'cli', action: 'update', entity: 'platform', entityId: 'x' });
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await leader.request('GET', '/api/cockpit?period=2020')).headers['x-cockpit-cache']).toBe('miss');
  });

  it('sends the kept answer gzip\'d to a client that accepts it, and 304 to one that holds the same answer', async () => {
    const get = (headers: Record<string, string>, s: Session = leader) => app.inject({ method: 'GET', url: '/api/cockpit?period=2020', headers: { cookie: s.cookie, ...headers } });
    const plain = await get({});
    const etag = plain.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gz = await get({ 'accept-encoding': 'gzip, deflate, br' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.etag).toBe(etag);
    expect(gz.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    const held = await get({ 'if-none-match': `W/"x", ${etag}` });
    expect(held.statusCode).toBe(304);
    expect(held.rawPayload.length).toBe(0);
    // Another reader view is another answer; after a write the old ETag no longer matches.
    expect((await get({}, county)).headers.etag).not.toBe(etag);
    await writeAudit(database.db, { actorId: null, actorName: 'cli', action: 'update', entity: 'platform', entityId: 'y' });
    await new Promise((r) => setTimeout(r, 1_100));
    const changed = await get({ 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('shows the supervision lights as of the period\'s end, not today\'s', async () => {
    const past = (await leader.request('GET', '/api/cockpit?period=2019Q2')).json() as Cockpit;
    expect(past.supervision!.asOf).toBe('2019-06-30');
    const then = (await leader.request('GET', '/api/supervision/board?asOf=2019-06-30')).json() as Board;
    const now = (await leader.request('GET', '/api/supervision/board')).json() as Board;
    // The demo's lights differ between then and now, so the panel's counts tell which date it used.
    expect(then.counts).not.toEqual(now.counts);
    expect(past.supervision!.counts).toEqual(then.counts);
    // The units with most red tasks, counted over every red task of that date.
    const reds = (await leader.request('GET', '/api/supervision/board?asOf=2019-06-30&light=red&limit=2000')).json() as Board;
    const byUnit = new Map<string, number>();
    for (const r of reds.rows) for (const t of r.tasks) if (t.lead) byUnit.set(t.lead.name, (byUnit.get(t.lead.name) ?? 0) + 1);
    expect(past.supervision!.redUnits.map((u) => u.red)).toEqual([...byUnit.values()].sort((a, b) => b - a).slice(0, 5));
    for (const u of past.supervision!.redUnits) expect(byUnit.get(u.name)).toBe(u.red);
  });

  it('applies the confidentiality rule for a county reader as the aggregates route does, and keeps readers apart', async () => {
    const mine = (await county.request('GET', '/api/cockpit?period=2019')).json() as Cockpit;
    const agg = (await county.request('GET', '/api/statistics/aggregates?indicator=SEI_REVENUE&dim=county&period=2019')).json();
    expect(mine.counties!.confidentiality.applied).toBe(true);
    expect(mine.counties!.rows.map((x) => [x.key, x.value, x.confidential?.reason ?? null])).toEqual(agg.rows.map((x: AggregateResultRow) => [x.key, x.value, x.confidential?.reason ?? null]));
    expect(mine.supervision).toBeNull();
    const lead = (await leader.request('GET', '/api/cockpit?period=2019')).json() as Cockpit;
    expect(lead.counties!.confidentiality.applied).toBe(false);
    expect(lead.counties!.rows.every((x) => !x.confidential)).toBe(true);
  });

  it('refuses a malformed period with a message in both languages', async () => {
    const r = await leader.request('GET', '/api/cockpit?period=2020-13');
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('period');
  });

  it('drills down to the enterprises of a county and to one enterprise\'s months', async () => {
    const l = (await leader.request('GET', '/api/cockpit/enterprises?period=2019&county=130528')).json() as EnterpriseFigures;
    expect(l.total).toBeGreaterThan(0);
    expect(l.items.every((x) => x.countyCode === '130528')).toBe(true);
    const p = (await leader.request('GET', `/api/cockpit/enterprises/${l.items[0]!.orgId}?year=2019`)).json();
    expect(p.months).toHaveLength(12);
    expect(p.months[11].values.REVENUE).toBe(l.items[0]!.value);
    // A county user may not open an enterprise of another county.
    const other = (await leader.request('GET', '/api/cockpit/enterprises?period=2019&county=130529')).json() as EnterpriseFigures;
    expect((await county.request('GET', `/api/cockpit/enterprises/${other.items[0]!.orgId}?year=2019`)).statusCode).toBe(403);
  });

  it('pivots from the kept aggregates, by enterprise size from values, refuses too many columns and exports to Excel', async () => {
    const p = (await leader.request('GET', '/api/pivot?indicators=SEI_REVENUE,REVENUE&dim=county&periods=2019,2020')).json() as Pivot;
    expect(p.columns.map((c) => `${c.indicator}@${c.period}`)).toEqual(['SEI_REVENUE@2019', 'SEI_REVENUE@2020', 'REVENUE@2019', 'REVENUE@2020']);
    const agg = (await leader.request('GET', '/api/statistics/aggregates?indicator=SEI_REVENUE&dim=county&period=2020')).json();
    const cell = (key: string) => p.rows.find((r) => r.key === key)!.cells[1]!.value;
    for (const r of agg.rows as AggregateResultRow[]) expect(cell(r.key)).toBe(r.value);
    expect(p.totals[1]).toBe(agg.total.value);
    expect(p.truncated).toBeNull();
    const size = (await leader.request('GET', '/api/pivot?indicators=REVENUE&dim=size&periods=2020')).json() as Pivot;
    expect(size.source).toBe('values');
    const city = (await leader.request('GET', '/api/pivot?indicators=REVENUE&dim=city&periods=2020')).json() as Pivot;
    expect(size.rows.reduce((a, r) => a + (r.cells[0]!.value ?? 0), 0)).toBeCloseTo(city.rows[0]!.cells[0]!.value!, 3);
    const many = await leader.request('GET', `/api/pivot?indicators=REVENUE,PROFIT,VALUE_ADDED&dim=county&periods=${Array.from({ length: 24 }, (_, i) => `2019${String((i % 12) + 1).padStart(2, '0')}`).join(',')}`);
    expect(many.statusCode).toBe(400);
    expect(many.json().error.message).toMatch(/72 .*60/);
    const x = await leader.request('GET', '/api/pivot?indicators=SEI_REVENUE&dim=industry&periods=2020&format=xlsx');
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 3).value)).toBe('战略性新兴产业主营业务收入（亿元）2020');
    const j = (await leader.request('GET', '/api/pivot?indicators=SEI_REVENUE&dim=industry&periods=2020')).json() as Pivot;
    expect(ws.getCell(2, 3).value).toBe(j.rows[0]!.cells[0]!.value);
    expect(ws.getCell(ws.rowCount, 2).value).toBe('合计');
  });
});
