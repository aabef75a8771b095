// Data sets as users edit them: create, validation with named fields, optimistic concurrency,
// re-composition (the entry form follows, stored values stay), delete only without reports, roles and
// the audit log — on both databases.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISE } from '../src/db/seed/demo';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';

const ENT = DEMO_ENTERPRISE.code;
const PERIOD = '202012';
type Field = { indicator: { code: string }; value: number | null; rowVersion: number | null };
const BIN = fileURLToPath(new URL('../bin/sei.mjs', import.meta.url));
type Issue = { path: string; field: string; value: unknown; reason: string; reasonEn: string };

const RD = {
  code: 'ENT_RD_MONTHLY', name: '重点企业研发月报', nameEn: 'Key enterprise R&D monthly', frequency: 'month', orgKind: 'enterprise',
  deadlineDays: 15, expiryDays: null, indicators: ['RD_EXPENDITURE', 'EMPLOYEES'],
};

function sei(url: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: url } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.each(dialects)('%s: data sets', { timeout: 60_000 }, (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let tongji: Session;
  let admin: Session;
  let qiye: Session;

  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    app = await makeApp(database);
    [tongji, admin, qiye] = await Promise.all(['tongji', 'admin', 'qiye'].map((u) => loginAs(app, u)));
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const datasets = async () => {
    const res = await tongji.request('GET', '/api/datasets');
    expect(res.statusCode, res.body).toBe(200);
    return res.json().datasets as { code: string; indicators: string[]; rowVersion: number; expiryDays: number | null }[];
  };
  const dataset = async (code: string) => (await datasets()).find((d) => d.code === code);
  const form = async (s: Session, dataset: string) => {
    const res = await s.request('GET', `/api/data-entry/form?dataset=${dataset}&org=${ENT}&period=${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { fields: Field[]; dataset: { code: string } };
  };
  const codes = (f: { fields: Field[] }) => f.fields.map((x) => x.indicator.code);
  const auditOf = async (code: string) => {
    const res = await admin.request('GET', `/api/audit?entity=dataset&entityId=${code}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().entries as { action: string; actorName: string; before: { indicators: string[] } | null; after: { indicators: string[] } | null }[];
  };

  it('creates a data set: 201, listed, its entry form and template show its indicators, audited', async () => {
    const res = await tongji.request('POST', '/api/datasets', RD);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().dataset).toMatchObject({ ...RD, rowVersion: 1 });
    expect(await dataset(RD.code)).toMatchObject({ indicators: RD.indicators, rowVersion: 1 });
    expect(codes(await form(qiye, RD.code))).toEqual(['RD_EXPENDITURE', 'EMPLOYEES']);
    const tpl = await tongji.request('GET', `/api/data-values/template?dataset=${RD.code}&period=${PERIOD}&layout=long&format=csv`);
    expect(tpl.statusCode).toBe(200);
    expect(tpl.body).toContain(`${ENT},RD_EXPENDITURE,${PERIOD}`);
    expect(tpl.body).not.toContain(`${ENT},REVENUE,`);
    const entries = await auditOf(RD.code);
    expect(entries.map((e) => [e.action, e.actorName])).toEqual([['create', 'tongji']]);
    expect(entries[0]!.after!.indicators).toEqual(RD.indicators);
    // The same code again is a conflict.
    const again = await tongji.request('POST', '/api/datasets', RD);
    expect(again.statusCode).toBe(409);
  });

  it.each([
    ['an unknown indicator', { indicators: ['REVENUE', 'NO_SUCH'] }, 'indicators[1]', 'indicators', 'NO_SUCH', 'unknown indicator'],
    ['an indicator of another frequency', { orgKind: 'city', indicators: ['GDP'] }, 'indicators[0]', 'indicators', 'GDP', 'reported by quarter'],
    ['a derived indicator', { indicators: ['REVENUE', 'SEI_REVENUE'] }, 'indicators[1]', 'indicators', 'SEI_REVENUE', 'computed'],
    ['a city indicator in an enterprise data set', { frequency: 'quarter', indicators: ['GDP'] }, 'indicators[0]', 'indicators', 'GDP', 'city/county indicator'],
    ['a duplicate indicator', { indicators: ['REVENUE', 'PROFIT', 'REVENUE'] }, 'indicators[2]', 'indicators', 'REVENUE', 'duplicate'],
    ['no indicators', { indicators: [] }, 'indicators', 'indicators', [], 'non-empty list'],
    ['an expiry not after the deadline', { deadlineDays: 10, expiryDays: 10 }, 'expiryDays', 'expiryDays', 10, 'must be more than deadlineDays'],
    ['a bad code', { code: 'ent-bad' }, 'code', 'code', 'ent-bad', 'upper-case letter'],
    ['a bad frequency', { frequency: 'week' }, 'frequency', 'frequency', 'week', 'month, quarter or year'],
  ])('rejects %s with 400 naming the field, storing nothing', async (_what, change, path, field, value, reasonEn) => {
    const body = { ...RD, code: 'ENT_BAD', ...change };
    const res = await tongji.request('POST', '/api/datasets', body);
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error as { code: string; message: string; issues: Issue[] };
    expect(error.code).toBe('VALIDATION');
    const hit = error.issues.find((i) => i.path === path);
    expect(hit, JSON.stringify(error.issues)).toMatchObject({ field, value });
    expect(hit!.reasonEn).toContain(reasonEn);
    expect(hit!.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(error.message).toContain(path);
    expect((await datasets()).map((d) => d.code)).not.toContain(body.code);
  });

  it('answers in English when asked', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/datasets', payload: { ...RD, code: 'ENT_BAD', indicators: ['NO_SUCH'] },
      headers: { cookie: tongji.cookie, 'x-csrf-token': tongji.csrfToken, 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Invalid data set: indicators[0]: unknown indicator NO_SUCH');
  });

  it('rejects a stale rowVersion (409) and changes of frequency or organisation kind (400)', async () => {
    const ds = (await dataset(RD.code))!;
    const stale = await tongji.request('PUT', `/api/datasets/${RD.code}`, { deadlineDays: 20, rowVersion: ds.rowVersion + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const freq = await tongji.request('PUT', `/api/datasets/${RD.code}`, { frequency: 'quarter', rowVersion: ds.rowVersion });
    expect(freq.statusCode).toBe(400);
    expect(freq.json().error.issues[0]).toMatchObject({ path: 'frequency', value: 'quarter' });
    const bad = await tongji.request('PUT', `/api/datasets/${RD.code}`, { indicators: ['RD_EXPENDITURE', 'GDP'], rowVersion: ds.rowVersion });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0]).toMatchObject({ path: 'indicators[1]', value: 'GDP' });
    // A deadline moved past the stored expiry is named too.
    const withExpiry = await tongji.request('PUT', `/api/datasets/${RD.code}`, { expiryDays: 30, rowVersion: ds.rowVersion });
    expect(withExpiry.statusCode, withExpiry.body).toBe(200);
    const late = await tongji.request('PUT', `/api/datasets/${RD.code}`, { deadlineDays: 40, rowVersion: ds.rowVersion + 1 });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.issues[0]).toMatchObject({ path: 'deadlineDays', value: 40 });
    const back = await tongji.request('PUT', `/api/datasets/${RD.code}`, { expiryDays: null, rowVersion: ds.rowVersion + 1 });
    expect(back.json().dataset).toMatchObject({ expiryDays: null, deadlineDays: 15, indicators: RD.indicators, rowVersion: ds.rowVersion + 2 });
  });

  it('re-composes: the entry form follows, and removing an indicator keeps its stored values', async () => {
    // A custom indicator, entered through the new data set once it is added.
    const ind = await tongji.request('POST', '/api/indicators', { code: 'PATENTS', name: '专利申请数', nameEn: 'Patent applications', unit: '件', frequency: 'month', decimals: 0 });
    expect(ind.statusCode, ind.body).toBe(201);
    let ds = (await dataset(RD.code))!;
    const add = await tongji.request('PUT', `/api/datasets/${RD.code}`, { indicators: ['PATENTS', 'RD_EXPENDITURE', 'EMPLOYEES'], rowVersion: ds.rowVersion });
    expect(add.statusCode, add.body).toBe(200);
    expect(add.json().dataset).toMatchObject({ indicators: ['PATENTS', 'RD_EXPENDITURE', 'EMPLOYEES'], rowVersion: ds.rowVersion + 1 });
    expect(codes(await form(qiye, RD.code))).toEqual(['PATENTS', 'RD_EXPENDITURE', 'EMPLOYEES']);

    const save = await qiye.request('PUT', '/api/data-entry/form', {
      dataset: RD.code, org: ENT, period: PERIOD,
      values: [{ indicatorCode: 'PATENTS', value: 7, rowVersion: null }, { indicatorCode: 'RD_EXPENDITURE', value: 321.5, rowVersion: null }],
    });
    expect(save.statusCode, save.body).toBe(200);
    expect(save.json().saved).toMatchObject({ inserted: 2 });

    // Remove PATENTS: the form no longer asks for it, the value is still stored (export, audit).
    ds = (await dataset(RD.code))!;
    const remove = await tongji.request('PUT', `/api/datasets/${RD.code}`, { indicators: ['RD_EXPENDITURE', 'EMPLOYEES'], rowVersion: ds.rowVersion });
    expect(remove.statusCode, remove.body).toBe(200);
    const after = await form(qiye, RD.code);
    expect(codes(after)).toEqual(['RD_EXPENDITURE', 'EMPLOYEES']);
    expect(after.fields.find((f) => f.indicator.code === 'RD_EXPENDITURE')!.value).toBe(321.5);
    const exported = await tongji.request('GET', `/api/data-values/export?period=${PERIOD}&org=${ENT}&indicator=PATENTS&format=csv`);
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain(`${ENT},${DEMO_ENTERPRISE.name},PATENTS,${PERIOD},7,draft,form`);

    // Added back, the stored value shows again.
    ds = (await dataset(RD.code))!;
    await tongji.request('PUT', `/api/datasets/${RD.code}`, { indicators: ['RD_EXPENDITURE', 'EMPLOYEES', 'PATENTS'], rowVersion: ds.rowVersion });
    const again = await form(qiye, RD.code);
    expect(codes(again)).toEqual(['RD_EXPENDITURE', 'EMPLOYEES', 'PATENTS']);
    expect(again.fields.find((f) => f.indicator.code === 'PATENTS')).toMatchObject({ value: 7, rowVersion: 1 });

    const updates = (await auditOf(RD.code)).filter((e) => e.action === 'update' && e.before!.indicators.join() !== e.after!.indicators.join());
    expect(updates.map((e) => e.after!.indicators.join())).toEqual(expect.arrayContaining(['PATENTS,RD_EXPENDITURE,EMPLOYEES', 'RD_EXPENDITURE,EMPLOYEES', 'RD_EXPENDITURE,EMPLOYEES,PATENTS']));
    expect(updates.every((e) => e.actorName === 'tongji')).toBe(true);
  });

  it('only lets roles with the grant write: 403 for an enterprise, 403 for the statistician deleting', async () => {
    const create = await qiye.request('POST', '/api/datasets', { ...RD, code: 'ENT_BY_QIYE' });
    expect(create.statusCode).toBe(403);
    expect(await dataset('ENT_BY_QIYE')).toBeUndefined();
    const ds = (await dataset(RD.code))!;
    const update = await qiye.request('PUT', `/api/datasets/${RD.code}`, { indicators: ['EMPLOYEES'], rowVersion: ds.rowVersion });
    expect(update.statusCode).toBe(403);
    const del = await tongji.request('DELETE', `/api/datasets/${RD.code}?rowVersion=${ds.rowVersion}`);
    expect(del.statusCode).toBe(403);
    expect(await dataset(RD.code)).toMatchObject({ indicators: ds.indicators, rowVersion: ds.rowVersion });
  });

  it('deletes a data set only while nobody has reported on it', async () => {
    // A report for the new data set: qiye submits December.
    const f = await form(qiye, RD.code);
    expect(f.dataset.code).toBe(RD.code);
    const submit = await qiye.request('POST', '/api/reports/submit', { dataset: RD.code, org: ENT, period: PERIOD, rowVersion: 0 });
    expect(submit.statusCode, submit.body).toBe(200);
    const ds = (await dataset(RD.code))!;
    const refused = await admin.request('DELETE', `/api/datasets/${RD.code}?rowVersion=${ds.rowVersion}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('1 份报表');
    expect(await dataset(RD.code)).toBeDefined();
    // Built-in data sets have demo reports.
    const builtin = (await dataset('ENT_MONTHLY'))!;
    const monthly = await admin.request('DELETE', `/api/datasets/ENT_MONTHLY?rowVersion=${builtin.rowVersion}`);
    expect(monthly.statusCode).toBe(409);
    expect(monthly.json().error.message).toMatch(/已有 \d{3,} 份报表/);

    // A data set without reports can go; a stale or missing version cannot.
    const spare = { ...RD, code: 'CITY_SPARE', orgKind: 'city', frequency: 'year', indicators: ['FISCAL_REVENUE', 'GDP'] };
    const created = await tongji.request('POST', '/api/datasets', spare);
    expect(created.statusCode, created.body).toBe(201);
    expect((await admin.request('DELETE', '/api/datasets/CITY_SPARE')).statusCode).toBe(400);
    expect((await admin.request('DELETE', '/api/datasets/CITY_SPARE?rowVersion=2')).statusCode).toBe(409);
    const gone = await admin.request('DELETE', '/api/datasets/CITY_SPARE?rowVersion=1');
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json()).toEqual({ deleted: 'CITY_SPARE' });
    expect(await dataset('CITY_SPARE')).toBeUndefined();
    expect((await tongji.request('GET', `/api/data-entry/form?dataset=CITY_SPARE&org=130500&period=2020`)).statusCode).toBe(404);
    expect((await auditOf('CITY_SPARE')).map((e) => [e.action, e.actorName]).sort()).toEqual([['create', 'tongji'], ['delete', 'admin']]);
    // The code is free again.
    expect((await tongji.request('POST', '/api/datasets', spare)).statusCode).toBe(201);
  });

  it('sei dataset list prints the data sets, with --json the same as the API', async () => {
    const json = await sei(database.url, ['dataset', 'list', '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).datasets).toEqual(await datasets());
    const text = await sei(database.url, ['dataset', 'list']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`${RD.code} ${RD.name} / ${RD.nameEn}`);
    expect(text.stdout).toContain('指标 indicators: RD_EXPENDITURE, EMPLOYEES, PATENTS');
    expect((await sei(database.url, ['dataset', 'list', '--bogus'])).code).toBe(2);
  });
});
