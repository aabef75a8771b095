import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCityAnnualSeries } from '../src/db/repositories/city-series';
import type { TargetAssessment, TargetDetail } from '../src/shared/targets';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';

describe.each(dialects)('%s: targets and progress', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fgw: Session;

  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    app = await makeApp(database);
    fgw = await loginAs(app, 'fgw');
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const targets = async (asOf: string) => {
    const res = await fgw.request('GET', `/api/targets?asOf=${asOf}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().targets as TargetAssessment[];
  };

  it('lists the five Xingtai targets with their assessment', async () => {
    const list = await targets('2020-12-31');
    expect(list.map((t) => t.target.code)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
    for (const t of list) expect(t.asOf).toBe('2020-12-31');
  });

  it('counts T4 from the platform register: upgrades once, revocations out, demo labelled', async () => {
    const byYear: Record<string, number> = { '2017-12-31': 64, '2018-12-31': 86, '2020-12-31': 123 };
    for (const [asOf, count] of Object.entries(byYear)) {
      const t4 = (await targets(asOf)).find((t) => t.target.code === 'T4')!;
      expect(t4.kind).toBe('count');
      expect(t4.actual).toMatchObject({ value: count, demo: true, reliability: 'demo', period: asOf });
    }
    const end = (await targets('2020-12-31')).find((t) => t.target.code === 'T4')!;
    expect(end.baseline).toMatchObject({ year: 2017, value: 64, fromData: true });
    expect(end.attainment?.met).toBe(true);
    expect(end.anticipated?.status).toBe('target_achieved');
    expect(end.schedule?.light).toBe('green');
  });

  it('keeps the list until a write: a new platform counts at once, and a write by another process shows too', async () => {
    const t4 = async () => (await targets('2020-12-31')).find((t) => t.target.code === 'T4')!.actual!.value;
    const before = await t4();
    expect(await t4()).toBe(before);
    const body = { name: '缓存测试平台', type: 'enterprise_tech_center', level: 'provincial', hostOrg: '缓存测试有限公司', industryCode: 'new-energy-grid', countyCode: '130528', recognisedOn: '2020-06-01' };
    const res = await fgw.request('POST', '/api/platforms', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(await t4()).toBe(before + 1);
    // Another process (a second server, the CLI) writes through its own store: its audit row moves the watermark.
    const other = await makeApp(database);
    try {
      const res2 = await (await loginAs(other, 'fgw')).request('POST', '/api/platforms', { ...body, name: '缓存测试平台二', hostOrg: '缓存测试二有限公司' });
      expect(res2.statusCode, res2.body).toBe(201);
    } finally {
      await other.close();
    }
    expect(await t4()).toBe(before + 2);
  });

  it('on a large database (computations slower than KEPT_WAIT_BELOW_MS) answers a read after a write with the kept list, labelled, while it recomputes', async () => {
    const list = async () => {
      const res = await fgw.request('GET', '/api/targets?asOf=2020-12-31');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { targets: TargetAssessment[]; stale: boolean; computedAt: string };
      return { ...body, t4: body.targets.find((t) => t.target.code === 'T4')!.actual!.value };
    };
    const fresh = await list();
    expect(fresh.stale).toBe(false);
    const saved = process.env.KEPT_WAIT_BELOW_MS;
    process.env.KEPT_WAIT_BELOW_MS = '0';
    process.env.KEPT_REST_MIN_MS = '0';
    try {
      const body = { name: '重算标注测试平台', type: 'enterprise_tech_center', level: 'provincial', hostOrg: '重算标注测试有限公司', industryCode: 'new-energy-grid', countyCode: '130528', recognisedOn: '2020-06-01' };
      expect((await fgw.request('POST', '/api/platforms', body)).statusCode).toBe(201);
      const kept = await list();
      expect(kept).toMatchObject({ stale: true, t4: fresh.t4, computedAt: fresh.computedAt });
      let now = kept;
      for (let i = 0; i < 100 && now.stale; i++) {
        await new Promise((r) => setTimeout(r, 50));
        now = await list();
      }
      expect(now).toMatchObject({ stale: false, t4: fresh.t4 + 1 });
      expect(Date.parse(now.computedAt)).toBeGreaterThan(Date.parse(fresh.computedAt));
    } finally {
      delete process.env.KEPT_REST_MIN_MS;
      if (saved === undefined) delete process.env.KEPT_WAIT_BELOW_MS;
      else process.env.KEPT_WAIT_BELOW_MS = saved;
    }
  });

  it('counts T5 from the park register: met with 11 recognised parks in 2020', async () => {
    const t5 = (await targets('2020-12-31')).find((t) => t.target.code === 'T5')!;
    expect(t5.actual?.value).toBe(11);
    expect(t5.attainment?.met).toBe(true);
    const mid = (await targets('2019-12-31')).find((t) => t.target.code === 'T5')!;
    expect(mid.actual?.value).toBe(8);
    expect(mid.anticipated?.status).toBe('substantial_progress');
  });

  it('takes T1–T3 actuals from the city series of the statistics feature', async () => {
    const list = await targets('2020-12-31');
    for (const code of ['T1', 'T2', 'T3']) {
      const t = list.find((x) => x.target.code === code)!;
      const series = (await getCityAnnualSeries(database.db, t.target.indicatorCode)).filter((p) => p.year <= 2020);
      const last = series[series.length - 1];
      if (!last) {
        expect(t.actual).toBeNull();
        expect(t.messages.length).toBeGreaterThan(0);
        continue;
      }
      expect(t.actual).toMatchObject({ value: last.value, period: last.period, demo: last.demo, reliability: last.reliability });
      const base = series.find((p) => p.year >= 2017)!;
      expect(t.baseline).toMatchObject({ year: base.year, value: base.value, fromData: true });
      if (last.year > base.year) {
        expect(t.anticipated!.cagrObserved).toBeCloseTo(Math.pow(last.value / base.value, 1 / (last.year - base.year)) - 1, 9);
        expect(t.projection).not.toBeNull();
      }
    }
  });

  it('returns one target with its series and projection points, by code or id', async () => {
    const res = await fgw.request('GET', '/api/targets/T4?asOf=2019-06-30');
    expect(res.statusCode).toBe(200);
    const d = res.json() as TargetDetail;
    expect(d.series.map((p) => p.year)).toEqual([2017, 2018]);
    expect(d.projectionPoints[0]?.year).toBeCloseTo(2018.5, 2);
    expect(d.projectionPoints.at(-1)?.year).toBe(2020);
    expect(d.components.map((c) => c.key)).toEqual(expect.arrayContaining(['actual', 'baseline', 'cagrObserved', 'cagrRequired', 'ratioR', 'status', 'lagPoints', 'projection']));
    const byId = await fgw.request('GET', `/api/targets/${d.target.id}?asOf=2019-06-30`);
    expect(byId.json().actual).toEqual(d.actual);
    expect((await fgw.request('GET', '/api/targets/T9')).statusCode).toBe(404);
    expect((await fgw.request('GET', '/api/targets?asOf=2020-13-45')).statusCode).toBe(400);
    expect((await fgw.request('GET', '/api/targets?asOf=2019-02-30')).statusCode).toBe(400);
    expect((await fgw.request('GET', '/api/platforms?asOf=2019-02-30')).statusCode).toBe(400);
  });

  it('computes progress without a session, per the contract', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/progress/compute',
      payload: { base_year: 2019, base_value: 100, current_year: 2020, current_value: 109.5, target_year: 2020, target_value: 110, desired_direction: 'increase' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'substantial_progress' });
    expect(res.json().ratio_R).toBeCloseTo(0.95, 9);
    const bad = await app.inject({ method: 'POST', url: '/api/progress/compute', payload: { base_year: 2019, base_value: 100, current_year: 2019, current_value: 1, target_year: 2020, target_value: 1, desired_direction: 'increase' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION');
  });
});
