// 公开发布 on both databases: the coordinator publishes and withdraws items (audited, row-versioned), the
// public routes (no login) serve only what is published, and never a suppressed cell — on crafted data:
// a county of 2 enterprises (fewer than 3) and a county where one enterprise is 97 % of the total, each
// complemented by the next smallest county so neither can be derived as the city total minus the rest.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUscc } from '../src/core/statistics/uscc';
import type { PublicAggregate } from '../src/shared/publication';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';

// Periods after the demo data ends (2020-12), so only the crafted enterprises report in them.
const P = '202212';
const P2 = '202211';
// county → the crafted enterprises' revenue (万元) in P and P2 (null: no report).
const CRAFT: Record<string, { p: number[]; p2: number[] }> = {
  '130522': { p: [100, 100, 100, 100], p2: [100, 100, 100, 100] }, // 临城县: 400 — the complement in both periods
  '130523': { p: [200, 200, 200, 200, 200], p2: [1000, 10, 10, 10, 0] }, // 内丘县: P2 one enterprise 97 % (dominant)
  '130524': { p: [300, 300, 300], p2: [300, 300, 300] }, // 柏乡县: 900
  '130529': { p: [50, 50], p2: [] }, // 巨鹿县: 2 enterprises in P (fewer than 3)
  '130530': { p: [150, 150, 150, 150, 150, 150], p2: [150, 150, 150, 150, 150, 150] }, // 新河县: 900
};

describe.each(dialects)('%s: public page and publication', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let fgw: Session;
  let tongji: Session;
  let leader: Session;
  let gxj: Session;
  const anon = (url: string) => app.inject({ method: 'GET', url });
  const countyAgg = (period: string) => `/api/public/aggregates?indicator=REVENUE&dim=county&period=${period}`;

  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    app = await makeApp(database);
    [fgw, tongji, leader, gxj] = await Promise.all(['fgw', 'tongji', 'leader', 'gxj'].map((u) => loginAs(app, u)));
    const values: { orgCode: string; indicatorCode: string; period: string; value: number }[] = [];
    let n = 0;
    for (const [county, v] of Object.entries(CRAFT)) {
      const count = Math.max(v.p.length, v.p2.length);
      for (let i = 0; i < count; i++) {
        const uscc = demoUscc(880 + n++, county);
        const res = await tongji.request('POST', '/api/enterprises', { uscc, name: `公开测试企业${n}有限公司`, countyCode: county, industryCode: '3825' });
        expect(res.statusCode, res.body).toBe(201);
        for (const [period, list] of [[P, v.p], [P2, v.p2]] as const) {
          const x = list[i];
          if (x === undefined) continue;
          values.push({ orgCode: uscc, indicatorCode: 'REVENUE', period, value: x }, { orgCode: uscc, indicatorCode: 'VALUE_ADDED', period, value: x / 5 });
        }
      }
    }
    const stored = await tongji.request('POST', '/api/data-values', { dataValues: values });
    expect(stored.statusCode, stored.body).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('serves nothing before the coordinator publishes it, without login', async () => {
    expect((await anon('/api/public/catalogue')).json()).toEqual({ items: [] });
    const res = await anon(countyAgg(P));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain('尚未公开发布');
    expect((await anon('/api/public/targets?period=2020')).statusCode).toBe(404);
    // The coordinator's list is not public.
    expect((await anon('/api/publications')).statusCode).toBe(401);
  });

  it('only the coordinator publishes; the record is audited and answers 409 when published twice', async () => {
    const refused = await gxj.request('POST', '/api/publications', { kind: 'targets', period: '2020' });
    expect(refused.statusCode).toBe(403);
    const bad = await fgw.request('POST', '/api/publications', { kind: 'aggregate', indicatorCode: 'NO_SUCH', dim: 'county', period: P });
    expect(bad.statusCode).toBe(404);
    const count = await fgw.request('POST', '/api/publications', { kind: 'aggregate', indicatorCode: 'PLATFORMS_PROVINCIAL_PLUS', dim: 'city', period: '2020' });
    expect(count.statusCode).toBe(400);
    for (const body of [{ kind: 'targets', period: '2020' }, { kind: 'aggregate', indicatorCode: 'REVENUE', dim: 'county', period: P }, { kind: 'aggregate', indicatorCode: 'REVENUE', dim: 'city', period: P }]) {
      const res = await fgw.request('POST', '/api/publications', body);
      expect(res.statusCode, res.body).toBe(201);
    }
    const again = await fgw.request('POST', '/api/publications', { kind: 'targets', period: '2020' });
    expect(again.statusCode).toBe(409);
    const list = (await leader.request('GET', '/api/publications')).json().publications;
    expect(list).toHaveLength(3);
    const audit = await sql<{ n: number }>`select count(*) as n from audit_log where entity = 'publication' and action = 'create'`.execute(database.db);
    expect(Number(audit.rows[0]!.n)).toBe(3);
    const catalogue = (await anon('/api/public/catalogue')).json().items;
    expect(catalogue).toHaveLength(3);
    expect(catalogue[0]).not.toHaveProperty('publishedBy');
  });

  it('a county of fewer than 3 enterprises is suppressed, with the next smallest county as complement', async () => {
    const res = await anon(countyAgg(P));
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json() as PublicAggregate;
    const row = (code: string) => a.rows.find((r) => r.key === code)!;
    expect(row('130529')).toMatchObject({ value: null, yoy: null, suppressed: 'few' });
    expect(row('130522')).toMatchObject({ value: null, suppressed: 'complementary' });
    expect(row('130523')).toMatchObject({ value: 1000, suppressed: null });
    expect(row('130524').value).toBe(900);
    expect(a.total).toMatchObject({ value: 3300, suppressed: null });
    // The total minus the visible cells gives only the sum of two suppressed cells, never one of them.
    const visible = a.rows.filter((r) => r.value !== null).reduce((s, r) => s + r.value!, 0);
    expect(a.total!.value! - visible).toBe(500);
    expect(a.rows.filter((r) => r.suppressed)).toHaveLength(2);
    expect(res.body).not.toMatch(/"value":(100|400)\b/);
    // The coordinator, signed in, sees what was suppressed for the public.
    const full = (await fgw.request('GET', `/api/statistics/aggregates?indicator=REVENUE&dim=county&period=${P}`)).json();
    expect(full.rows.find((r: { key: string }) => r.key === '130529').value).toBe(100);
  });

  it('a county where one enterprise is more than 85 % is suppressed, complemented, once published', async () => {
    expect((await anon(countyAgg(P2))).statusCode).toBe(404);
    expect((await fgw.request('POST', '/api/publications', { kind: 'aggregate', indicatorCode: 'REVENUE', dim: 'county', period: P2 })).statusCode).toBe(201);
    const a = (await anon(countyAgg(P2))).json() as PublicAggregate;
    expect(a.rows.find((r) => r.key === '130523')).toMatchObject({ value: null, suppressed: 'dominant' });
    expect(a.rows.find((r) => r.key === '130522')).toMatchObject({ value: null, suppressed: 'complementary' });
    expect(a.rows.find((r) => r.key === '130529')).toBeUndefined();
    expect(a.rows.filter((r) => r.value !== null).map((r) => r.value).sort()).toEqual([900, 900]);
    expect(a.rule).toEqual({ minContributors: 3, dominanceShare: 0.85 });
  });

  it('the city figure and the targets are served as published', async () => {
    const city = (await anon(`/api/public/aggregates?indicator=REVENUE&dim=city&period=${P}`)).json() as PublicAggregate;
    expect(city.rows).toHaveLength(1);
    expect(city.rows[0]).toMatchObject({ value: 3300, suppressed: null });
    // Published for P, not for P2.
    expect((await anon(`/api/public/aggregates?indicator=REVENUE&dim=city&period=${P2}`)).statusCode).toBe(404);
    const t = await anon('/api/public/targets?period=2020');
    expect(t.statusCode, t.body).toBe(200);
    const targets = t.json().targets as { code: string; actual: number | null; light: string | null }[];
    expect(targets.map((x) => x.code)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
    const signedIn = (await leader.request('GET', '/api/targets?asOf=2020-12-31')).json();
    const list = (signedIn.targets ?? signedIn) as { target: { code: string }; actual: { value: number } | null }[];
    expect(targets[0]!.actual).toBeCloseTo(list.find((x) => x.target.code === 'T1')!.actual!.value, 6);
  });

  it('renaming names the version read (stale → 409), and a withdrawn item is no longer served', async () => {
    const list = (await fgw.request('GET', '/api/publications')).json().publications as { id: string; kind: string; dim: string | null; period: string; rowVersion: number }[];
    const item = list.find((p) => p.dim === 'county' && p.period === P)!;
    const renamed = await fgw.request('PATCH', `/api/publications/${item.id}`, { rowVersion: item.rowVersion, title: '各县主营业务收入' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ title: '各县主营业务收入', rowVersion: item.rowVersion + 1 });
    expect((await fgw.request('PATCH', `/api/publications/${item.id}`, { rowVersion: item.rowVersion, title: 'x' })).statusCode).toBe(409);
    expect((await fgw.request('DELETE', `/api/publications/${item.id}?rowVersion=${item.rowVersion}`)).statusCode).toBe(409);
    const gone = await fgw.request('DELETE', `/api/publications/${item.id}?rowVersion=${item.rowVersion + 1}`);
    expect(gone.statusCode, gone.body).toBe(200);
    expect((await anon(countyAgg(P))).statusCode).toBe(404);
    const audit = await sql<{ action: string }>`select action from audit_log where entity = 'publication' and entity_id = ${item.id} order by at`.execute(database.db);
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
  });

  it('the public routes are rate-limited per address', async () => {
    const limited = await makeApp(database, { logger: false });
    try {
      let last = 0;
      for (let i = 0; i < 130 && last !== 429; i++) last = (await limited.inject({ method: 'GET', url: '/api/public/catalogue', remoteAddress: '10.1.2.3' })).statusCode;
      expect(last).toBe(429);
      expect((await limited.inject({ method: 'GET', url: '/api/public/catalogue', remoteAddress: '10.1.2.4' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
