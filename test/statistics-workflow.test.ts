// Statistics: entry form, approval with locking (409/423), value audit, concurrent edits, validation
// rules, outliers, completeness and reminders, enterprise registry — on both databases.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../src/core/users/add-user';
import { createStore } from '../src/db/store';
import { demoUscc } from '../src/core/statistics/uscc';
import { DEMO_ENTERPRISE, DEMO_PASSWORD } from '../src/db/seed/demo';
import { secrets } from '../src/server/auth/secrets';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';

const ENT = DEMO_ENTERPRISE.code;
const FORM = `/api/data-entry/form?dataset=ENT_MONTHLY&org=${ENT}&period=202012`;
const key = { dataset: 'ENT_MONTHLY', org: ENT, period: '202012' };

describe.each(dialects)('%s: statistics workflow', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let qiye: Session;
  let shahe: Session;
  let tongji: Session;
  let ningjin: Session;

  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    // A county user of 沙河市, the demo enterprise's county.
    await addUser({ store: createStore(database.db), secrets }, null, { username: 'shahe', role: 'county', orgCode: DEMO_ENTERPRISE.county, password: DEMO_PASSWORD, displayName: '沙河市 联络员' }, new Date());
    app = await makeApp(database);
    [qiye, shahe, tongji, ningjin] = await Promise.all(['qiye', 'shahe', 'tongji', 'ningjin'].map((u) => loginAs(app, u)));
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const form = async (s: Session) => {
    const res = await s.request('GET', FORM);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('shows the form with last period and the same period last year beside each field', async () => {
    const f = await form(qiye);
    expect(f.report).toMatchObject({ status: 'draft', rowVersion: 0 });
    expect(f.locked).toBe(false);
    expect(f.permissions).toMatchObject({ edit: true, submit: true, approve: false });
    const revenue = f.fields.find((x: { indicator: { code: string } }) => x.indicator.code === 'REVENUE');
    expect(revenue.value).toBeNull();
    expect(revenue.lastPeriod.period).toBe('202011');
    expect(revenue.lastPeriod.value).toBeGreaterThan(0);
    expect(revenue.sameLastYear.period).toBe('201912');
    expect(revenue.sameLastYear.value).toBeGreaterThan(revenue.lastPeriod.value * 0.5);
    expect(revenue.singleLastYear).toBeGreaterThan(0);
    expect(f.fields.map((x: { indicator: { code: string } }) => x.indicator.code)).toEqual(['REVENUE', 'VALUE_ADDED', 'PROFIT', 'RD_EXPENDITURE', 'EXPORT_DELIVERY', 'FIXED_ASSET_INVESTMENT', 'EMPLOYEES']);
  });

  it('an enterprise cannot see or enter another enterprise’s data', async () => {
    const other = (await tongji.request('GET', '/api/enterprises?limit=2&county=130528')).json().items[0];
    const res = await qiye.request('GET', `/api/data-entry/form?dataset=ENT_MONTHLY&org=${other.uscc}&period=202012`);
    expect(res.statusCode).toBe(403);
    const put = await qiye.request('POST', '/api/data-values', { dataValues: [{ orgCode: other.uscc, indicatorCode: 'REVENUE', period: '202012', value: 1 }] });
    expect(put.statusCode).toBe(400);
    expect(put.json().error.issues[0].reasonEn).toContain('may not enter data');
  });

  it('saves, detects a concurrent edit by row version (409), and audits old → new', async () => {
    const first = await qiye.request('PUT', '/api/data-entry/form', { ...key, values: [{ indicatorCode: 'REVENUE', value: 50000, rowVersion: null }, { indicatorCode: 'VALUE_ADDED', value: '10,200', rowVersion: null }] });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().saved).toMatchObject({ inserted: 2 });
    const f = first.json().form;
    const rv = f.fields.find((x: { indicator: { code: string } }) => x.indicator.code === 'REVENUE').rowVersion;
    expect(rv).toBe(1);
    const a = await qiye.request('PUT', '/api/data-entry/form', { ...key, values: [{ indicatorCode: 'REVENUE', value: 50100, rowVersion: rv }], reason: '更正' });
    expect(a.statusCode).toBe(200);
    const stale = await tongji.request('PUT', '/api/data-entry/form', { ...key, values: [{ indicatorCode: 'REVENUE', value: 49000, rowVersion: rv }] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const audit = (await tongji.request('GET', `/api/data-values/audit?org=${ENT}&indicator=REVENUE&period=202012`)).json().entries;
    expect(audit.map((e: { action: string; oldValue: number | null; newValue: number; actorName: string; reason: string | null }) => [e.action, e.oldValue, e.newValue, e.actorName, e.reason])).toEqual([
      ['update', 50000, 50100, 'qiye', '更正'],
      ['create', null, 50000, 'qiye', null],
    ]);
  });

  it('rejects invalid form values with field-level issues', async () => {
    const res = await qiye.request('PUT', '/api/data-entry/form', { ...key, values: [{ indicatorCode: 'EMPLOYEES', value: 'many', rowVersion: null }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({ path: 'values[0].value', field: 'value' });
  });

  it('runs submit → county review → approve; approved values are locked (423); wrong steps are 409/403', async () => {
    const submit = await qiye.request('POST', '/api/reports/submit', { ...key, rowVersion: 0 });
    expect(submit.statusCode, submit.body).toBe(200);
    expect(submit.json().report).toMatchObject({ status: 'submitted', submittedBy: 'qiye', rowVersion: 1 });
    const locked = await qiye.request('PUT', '/api/data-entry/form', { ...key, values: [{ indicatorCode: 'PROFIT', value: 1, rowVersion: null }] });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('LOCKED');
    const viaImport = await qiye.request('POST', '/api/data-values', { dataValues: [{ orgCode: ENT, indicatorCode: 'PROFIT', period: '202012', value: 1 }] });
    expect(viaImport.statusCode).toBe(400);
    expect(viaImport.json().error.issues[0].reason).toContain('已上报');
    expect((await ningjin.request('POST', '/api/reports/review', { ...key, rowVersion: 1 })).statusCode).toBe(403);
    expect((await tongji.request('POST', '/api/reports/approve', { ...key, rowVersion: 1 })).statusCode).toBe(409); // not reviewed yet
    expect((await shahe.request('POST', '/api/reports/approve', { ...key, rowVersion: 1 })).statusCode).toBe(403); // counties do not approve
    const review = await shahe.request('POST', '/api/reports/review', { ...key, rowVersion: 1 });
    expect(review.json().report).toMatchObject({ status: 'county_reviewed', reviewedBy: 'shahe' });
    expect((await tongji.request('POST', '/api/reports/approve', { ...key, rowVersion: 1 })).statusCode).toBe(409); // stale version
    const approve = await tongji.request('POST', '/api/reports/approve', { ...key, rowVersion: 2 });
    expect(approve.json().report).toMatchObject({ status: 'approved', approvedBy: 'tongji' });
    const f = await form(tongji);
    expect(f.locked).toBe(true);
    expect(f.fields[0].status).toBe('approved');
    expect((await tongji.request('PUT', '/api/data-entry/form', { ...key, values: [{ indicatorCode: 'REVENUE', value: 1, rowVersion: 3 }] })).statusCode).toBe(423);
    // Re-importing an unchanged export of approved values is not an error; a changed value is.
    const exported = await tongji.request('GET', `/api/data-values/export?period=202012&org=${ENT}&format=csv`);
    const reimport = (body: Buffer) => app.inject({ method: 'POST', url: '/api/data-values/import?filename=e.csv', payload: body, headers: { cookie: tongji.cookie, 'x-csrf-token': tongji.csrfToken, 'content-type': 'text/csv' } });
    expect((await reimport(exported.rawPayload)).json()).toMatchObject({ valid: true, inserted: 0, updated: 0, unchanged: 2 });
    const changed = Buffer.from(exported.rawPayload.toString('utf8').replace(',REVENUE,202012,50100,', ',REVENUE,202012,50200,'));
    const rejected = await reimport(changed);
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json().error.issues).toHaveLength(1);
    expect(rejected.json().error.issues[0].reason).toContain('已审批');
    const queue = (await tongji.request('GET', '/api/reports?dataset=ENT_MONTHLY&period=202012&status=approved')).json().reports;
    expect(queue.some((r: { org: { code: string } }) => r.org.code === ENT)).toBe(true);
  });

  it('returns with a reason only, then the enterprise may correct and resubmit', async () => {
    const noReason = await tongji.request('POST', '/api/reports/return', { ...key, rowVersion: 3 });
    expect(noReason.statusCode).toBe(400);
    const ret = await tongji.request('POST', '/api/reports/return', { ...key, rowVersion: 3, reason: '工业增加值偏低，请核实' });
    expect(ret.json().report).toMatchObject({ status: 'returned', returnedReason: '工业增加值偏低，请核实' });
    const f = await form(qiye);
    expect(f.permissions.submit).toBe(true);
    const va = f.fields.find((x: { indicator: { code: string } }) => x.indicator.code === 'VALUE_ADDED');
    const fix = await qiye.request('PUT', '/api/data-entry/form', { ...key, values: [{ indicatorCode: 'VALUE_ADDED', value: 10400, rowVersion: va.rowVersion }] });
    expect(fix.statusCode).toBe(200);
    const audit = (await tongji.request('GET', `/api/data-values/audit?org=${ENT}&indicator=VALUE_ADDED&period=202012`)).json().entries;
    expect(audit[0]).toMatchObject({ action: 'update', oldValue: 10200, newValue: 10400 });
    expect(audit[0].reason).toContain('工业增加值偏低');
    expect(audit.some((e: { action: string; newStatus: string }) => e.action === 'status' && e.newStatus === 'approved')).toBe(true);
    expect((await qiye.request('POST', '/api/reports/submit', { ...key, rowVersion: 4 })).json().report.status).toBe('submitted');
  });

  it('adds a custom indicator that can then be imported and aggregated', async () => {
    const body = { code: 'PATENTS', name: '有效发明专利数', nameEn: 'Valid invention patents', unit: '件', frequency: 'year', decimals: 0 };
    expect((await qiye.request('POST', '/api/indicators', body)).statusCode).toBe(403);
    const res = await tongji.request('POST', '/api/indicators', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().indicator).toMatchObject({ code: 'PATENTS', builtin: false, level: 'enterprise', minValue: null });
    expect((await tongji.request('POST', '/api/indicators', body)).statusCode).toBe(409);
    const imp = await tongji.request('POST', '/api/data-values', { dataValues: [{ orgCode: ENT, indicatorCode: 'PATENTS', period: '2020', value: 12 }] });
    expect(imp.json()).toMatchObject({ valid: true, inserted: 1 });
    const agg = (await tongji.request('GET', '/api/statistics/aggregates?indicator=PATENTS&dim=county&period=2020')).json();
    expect(agg.rows).toEqual([expect.objectContaining({ key: DEMO_ENTERPRISE.county, value: 12, n: 1 })]);
  });

  it('lists validation-rule violations per organisation and period', async () => {
    const res = await tongji.request('GET', '/api/statistics/violations?period=201905&dataset=ENT_MONTHLY');
    expect(res.statusCode).toBe(200);
    const v = res.json().violations;
    expect(v.some((x: { ruleCode: string; left: number; right: number }) => x.ruleCode === 'VA_LE_REVENUE' && x.left > x.right)).toBe(true);
    // An annual total belongs to no monthly report, so it is not locked; the preview warns without storing.
    const dry = await tongji.request('POST', '/api/data-values', { dryRun: true, dataValues: [{ orgCode: ENT, indicatorCode: 'REVENUE', period: '2020', value: 1 }, { orgCode: ENT, indicatorCode: 'VALUE_ADDED', period: '2020', value: 9e9 }] });
    expect(dry.json().warnings.map((w: { ruleCode: string }) => w.ruleCode)).toContain('VA_LE_REVENUE');
    const rule = await tongji.request('PUT', '/api/validation-rules/PROFIT_LE_REVENUE', { name: '利润不大于收入', nameEn: 'Profit ≤ revenue', leftExpr: 'PROFIT', operator: '<=', rightExpr: 'REVENUE' });
    expect(rule.statusCode).toBe(200);
    const badRule = await tongji.request('PUT', '/api/validation-rules/BAD', { name: 'x', nameEn: 'x', leftExpr: 'NOPE +', operator: '<=', rightExpr: 'REVENUE' });
    expect(badRule.statusCode).toBe(400);
  });

  it('finds the keyed-in outliers and takes them off the list once confirmed', async () => {
    const res = await tongji.request('GET', '/api/statistics/outliers?period=202006&indicators=REVENUE');
    expect(res.statusCode).toBe(200);
    const list = res.json().outliers;
    expect(list.length).toBeGreaterThanOrEqual(1);
    const top = list[0];
    // Tested as growth over June 2019: the ninefold keyed-in month is some +900 %.
    expect(top).toMatchObject({ basis: 'yoy', orgName: expect.stringContaining('演示017') });
    expect(top.tested).toBeGreaterThan(500);
    expect(top.findings.map((f: { method: string }) => f.method)).toEqual(expect.arrayContaining(['zscore', 'modified_z']));
    expect(top.findings.find((f: { method: string }) => f.method === 'modified_z').score).toBeGreaterThan(3.5);
    const ok = await tongji.request('POST', '/api/statistics/outliers/review', { orgCode: top.orgCode, indicatorCode: 'REVENUE', period: '202006', decision: 'confirmed', note: '已电话核实' });
    expect(ok.statusCode).toBe(200);
    const after = (await tongji.request('GET', '/api/statistics/outliers?period=202006&indicators=REVENUE')).json().outliers;
    expect(after.find((o: { orgCode: string }) => o.orgCode === top.orgCode)).toBeUndefined();
    const locked = await tongji.request('POST', '/api/statistics/outliers/review', { orgCode: top.orgCode, indicatorCode: 'REVENUE', period: '202006', decision: 'corrected', value: 1 });
    expect(locked.statusCode).toBe(423); // approved: return it first
  });

  it('does not flag the usual large December: growth over last December is tested, not the level', async () => {
    const count = async (basis: string) => {
      const res = await tongji.request('GET', `/api/statistics/outliers?period=202012&indicators=REVENUE,VALUE_ADDED&basis=${basis}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().outliers as { basis: string }[];
    };
    const levels = await count('level');
    const auto = await count('auto');
    expect(levels.every((o) => o.basis === 'level')).toBe(true);
    expect(auto.every((o) => o.basis === 'yoy')).toBe(true);
    // The demo's Decembers are ~1.5× an average month: on levels most enterprises look odd.
    expect(levels.length).toBeGreaterThan(100);
    expect(auto.length).toBeLessThan(levels.length / 3);
    expect((await tongji.request('GET', '/api/statistics/outliers?period=2020-13')).statusCode).toBe(400);
    expect((await tongji.request('GET', '/api/statistics/outliers?period=202012&basis=median')).statusCode).toBe(400);
  });

  it('measures completeness and timeliness and sends reminders to non-reporters', async () => {
    const res = await tongji.request('GET', '/api/statistics/completeness?dataset=ENT_MONTHLY&period=202012');
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.total.expected).toBe(241);
    expect(c.total.received).toBeLessThan(c.total.expected);
    expect(c.total.onTime).toBeLessThanOrEqual(c.total.received);
    expect(c.byCounty.reduce((a: number, r: { expected: number }) => a + r.expected, 0)).toBe(241);
    const target = c.nonReporters[0];
    const sent = await tongji.request('POST', '/api/statistics/reminders', { dataset: 'ENT_MONTHLY', period: '202012', orgCodes: [target.orgCode] });
    expect(sent.json()).toEqual({ sent: 1, orgCodes: [target.orgCode] });
    const again = (await tongji.request('GET', '/api/statistics/completeness?dataset=ENT_MONTHLY&period=202012')).json();
    expect(again.nonReporters.find((n: { orgCode: string }) => n.orgCode === target.orgCode).reminders).toBe(1);
    const county = (await ningjin.request('GET', '/api/statistics/completeness?dataset=ENT_MONTHLY&period=202012')).json();
    expect(county.byCounty.map((r: { key: string }) => r.key)).toEqual(['130528']);
  });

  it('lets an enterprise user edit its own record when it sends back its unchanged code and county, not move it', async () => {
    const own = (await qiye.request('GET', '/api/enterprises')).json().items;
    expect(own).toHaveLength(1);
    const me = own[0];
    const same = await qiye.request('PUT', `/api/enterprises/${me.orgId}`, { uscc: me.uscc, countyCode: me.county.code, highTech: !me.highTech, rowVersion: me.rowVersion });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json().highTech).toBe(!me.highTech);
    const moved = await qiye.request('PUT', `/api/enterprises/${me.orgId}`, { countyCode: '130528', rowVersion: me.rowVersion + 1 });
    expect(moved.statusCode).toBe(403);
    const cls = (await tongji.request('GET', '/api/enterprises/classify?industryCode=3042')).json();
    const keys = cls.categories.map((c: { seiL1: string; seiL2: string | null }) => `${c.seiL1}|${c.seiL2}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps the enterprise registry: checksum, SEI class, confirmation of * classes, history, scope', async () => {
    const bad = await tongji.request('POST', '/api/enterprises', { uscc: '91130528MA0CK4L536', name: '测试', countyCode: '130528' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('校验位');
    const cls = (await tongji.request('GET', '/api/enterprises/classify?industryCode=3042')).json();
    expect(cls).toMatchObject({ industryName: '特种玻璃制造', partial: true, needsConfirmation: true });
    const created = await tongji.request('POST', '/api/enterprises', { uscc: '91130528MA0CK4L535', name: '宁晋测试光伏有限公司', countyCode: '130528', industryCode: '3825', tier: 'backbone', highTech: true });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ sei: { l1: '6', l2: '6.3', partial: false, counted: true }, planIndustryCode: 'new-energy-grid', county: { code: '130528' } });
    const dup = await tongji.request('POST', '/api/enterprises', { uscc: '91130528MA0CK4L535', name: 'x', countyCode: '130528' });
    expect(dup.statusCode).toBe(409);
    const id = created.json().orgId;
    const moved = await tongji.request('PUT', `/api/enterprises/${id}`, { countyCode: '130582', rowVersion: 1 });
    expect(moved.json().county.code).toBe('130582');
    expect((await tongji.request('PUT', `/api/enterprises/${id}`, { name: 'y', rowVersion: 1 })).statusCode).toBe(409);
    const detail = (await tongji.request('GET', `/api/enterprises/91130528MA0CK4L535`)).json();
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['update', 'create']);
    expect((await ningjin.request('GET', `/api/enterprises/${id}`)).statusCode).toBe(403);
    const search = (await tongji.request('GET', `/api/enterprises?q=${encodeURIComponent('宁晋测试')}&highTech=true`)).json();
    expect(search.total).toBe(1);
    const mine = (await ningjin.request('GET', '/api/enterprises?limit=500')).json();
    expect(mine.items.every((e: { county: { code: string } }) => e.county.code === '130528')).toBe(true);
  });

  it('links an enterprise to a registered park of its county, aggregates by park, and keeps a park in use', async () => {
    const parks: { id: string; name: string; rowVersion: number }[] = (await tongji.request('GET', '/api/parks')).json().items;
    const ningjinPark = parks.find((p) => p.name === '宁晋新能源产业基地')!;
    const shahePark = parks.find((p) => p.name === '沙河新能源产业基地')!;
    const uscc = demoUscc(950, '130528');
    // By name (as an import file has it) → stored as the park's id, shown with its name.
    const created = await tongji.request('POST', '/api/enterprises', { uscc, name: '宁晋园区测试有限公司', countyCode: '130528', parkCode: '宁晋新能源产业基地', industryCode: '3825' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ parkCode: ningjinPark.id, parkName: '宁晋新能源产业基地' });
    const unknown = await tongji.request('POST', '/api/enterprises', { uscc: demoUscc(951, '130528'), name: '未知园区测试', countyCode: '130528', parkCode: '不存在的园区' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues[0]).toMatchObject({ field: 'parkCode', value: '不存在的园区' });
    expect((await tongji.request('GET', `/api/enterprises/${demoUscc(951, '130528')}`)).statusCode).toBe(404);
    const elsewhere = await tongji.request('PUT', `/api/enterprises/${created.json().orgId}`, { parkCode: shahePark.id, rowVersion: 1 });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.message).toContain('不在企业所在的');
    // Demo enterprises sit in parks of their counties: the park dimension has figures, named by the registry.
    const byPark = (await tongji.request('GET', '/api/statistics/aggregates?indicator=REVENUE&dim=park&period=2020')).json().rows;
    expect(byPark.length).toBeGreaterThan(3);
    const names = new Set(parks.map((p) => p.name));
    // …and enterprises in no park in a 未入园 row, so that the rows add up to the total.
    expect(byPark.filter((r: { reconciling?: boolean }) => !r.reconciling).every((r: { name: string; value: number }) => names.has(r.name) && r.value > 0)).toBe(true);
    expect(byPark.at(-1)).toMatchObject({ key: '_none', name: '未入园', reconciling: true });
    const inPark = (await tongji.request('GET', `/api/enterprises?park=${ningjinPark.id}&limit=500`)).json();
    expect(inPark.items.some((e: { uscc: string }) => e.uscc === uscc)).toBe(true);
    // A park with enterprises in it can be neither deleted nor moved to another county.
    const fgw = await loginAs(app, 'fgw'); // the registry keepers (development and reform commission)
    const del = await fgw.request('DELETE', `/api/parks/${ningjinPark.id}?rowVersion=${ningjinPark.rowVersion}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.message).toContain('家企业');
    const park = (await fgw.request('GET', `/api/parks/${ningjinPark.id}`)).json();
    const moved = await fgw.request('PUT', `/api/parks/${ningjinPark.id}`, { ...park, countyCode: '130582', rowVersion: park.rowVersion });
    expect(moved.statusCode, moved.body).toBe(409);
    expect(moved.json().error.message).toContain('改到其他县市区');
    expect((await fgw.request('GET', `/api/parks/${ningjinPark.id}`)).json()).toMatchObject({ countyCode: '130528', rowVersion: park.rowVersion });
  });

  it('locks entry once a data set\u2019s expiry has passed (and the deadline is shown)', async () => {
    const ds = (await tongji.request('GET', '/api/datasets')).json().datasets.find((d: { code: string }) => d.code === 'ENT_MONTHLY');
    expect(ds).toMatchObject({ deadlineDays: 10, expiryDays: null });
    expect((await qiye.request('PUT', '/api/datasets/ENT_MONTHLY', { expiryDays: 30, rowVersion: ds.rowVersion })).statusCode).toBe(403);
    const upd = await tongji.request('PUT', '/api/datasets/ENT_MONTHLY', { expiryDays: 30, rowVersion: ds.rowVersion });
    expect(upd.json().dataset).toMatchObject({ expiryDays: 30, rowVersion: ds.rowVersion + 1 });
    // The enterprise registered above has no report yet: only the expiry locks it.
    const org = '91130528MA0CK4L535';
    const f = await tongji.request('GET', `/api/data-entry/form?dataset=ENT_MONTHLY&org=${org}&period=202012`);
    expect(f.json()).toMatchObject({ locked: true, deadline: '2021-01-11T00:00:00.000Z', report: { status: 'draft' } });
    expect(f.json().lockReason.en).toContain('expired 30 days after the period end');
    const put = await tongji.request('PUT', '/api/data-entry/form', { dataset: 'ENT_MONTHLY', org, period: '202012', values: [{ indicatorCode: 'PROFIT', value: 1, rowVersion: null }] });
    expect(put.statusCode).toBe(423);
    await tongji.request('PUT', '/api/datasets/ENT_MONTHLY', { expiryDays: null, rowVersion: ds.rowVersion + 1 });
  });

  it('imports the registry from XLSX all-or-nothing', async () => {
    const file = readFileSync(new URL('./fixtures/enterprises.xlsx', import.meta.url));
    const post = (q: string) => app.inject({ method: 'POST', url: `/api/enterprises/import?filename=enterprises.xlsx${q}`, payload: file, headers: { cookie: tongji.cookie, 'x-csrf-token': tongji.csrfToken, 'content-type': 'application/octet-stream' } });
    const dry = await post('&dryRun=1');
    expect(dry.json()).toMatchObject({ dryRun: true, valid: true, created: 0, updated: 2 }); // both codes are registered by now
    const ent = (await tongji.request('GET', `/api/enterprises/${ENT}`)).json();
    expect(ent.sei.confirmed).toBe(true);
    const res = await post('');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ valid: true, updated: 2 });
  });
});
