// Aggregates people can trust and may see (issue 14, items 3, 7, 8) on both databases: cells of fewer than
// 3 enterprises or dominated by one are suppressed for enterprise, department and county users (a county
// sees its own county's cells), with complementary suppression; every breakdown reconciles with the city
// total; county rows are on the division vintage of the period.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AggregateResultRow, Aggregates } from '../src/shared/statistics';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';

const NINGJIN_PARK = '宁晋新能源产业基地'; // 2 enterprises of 宁晋县 in 2020
const shown = (r: AggregateResultRow) => !r.confidential;

describe.each(dialects)('%s: aggregate confidentiality, reconciliation and division vintages', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const s: Record<string, Session> = {};

  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    app = await makeApp(database);
    for (const u of ['qiye', 'ningjin', 'gxj', 'fgw', 'tongji', 'leader']) s[u] = await loginAs(app, u);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const get = async (who: string, url: string) => {
    const res = await s[who]!.request('GET', url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const agg = (who: string, dim: string, period = '2020', indicator = 'REVENUE'): Promise<Aggregates> =>
    get(who, `/api/statistics/aggregates?indicator=${indicator}&dim=${dim}&period=${period}`);

  it('an enterprise user sees no cell of fewer than 3 enterprises, suppressed with a reason, never as 0', async () => {
    const byPark = await agg('qiye', 'park');
    expect(byPark.confidentiality).toEqual({ applied: true, minContributors: 3, dominanceShare: 0.85 });
    const small = byPark.rows.filter((r) => r.n > 0 && r.n < 3);
    expect(small.length).toBeGreaterThan(3);
    expect(small.every((r) => r.confidential?.reason === 'few' && r.value === null && r.previous === null && r.yoy === null && r.matched.value === null)).toBe(true);
    expect(byPark.rows.find((r) => r.name === NINGJIN_PARK)).toMatchObject({ value: null, n: 2, confidential: { reason: 'few' } });
    // The total row stays; the rows that remain visible cannot give a suppressed one back.
    expect(byPark.total!.value).toBeGreaterThan(0);
    expect(byPark.rows.filter((r) => r.confidential).length).not.toBe(1);
    expect(byPark.rows.filter(shown).every((r) => r.n >= 3)).toBe(true);
  });

  it('one suppressed SEI category is complemented by the next smallest cell', async () => {
    const bySei = await agg('qiye', 'sei');
    const hidden = bySei.rows.filter((r) => r.confidential);
    expect(hidden.find((r) => r.key === '8')).toMatchObject({ n: 1, value: null, confidential: { reason: 'few' } });
    const complement = hidden.filter((r) => r.confidential!.reason === 'complementary');
    expect(complement).toHaveLength(1);
    const visible = bySei.rows.filter(shown).map((r) => r.value!);
    const tongji = await agg('tongji', 'sei');
    expect(Math.min(...visible)).toBeGreaterThanOrEqual(tongji.rows.find((r) => r.key === complement[0]!.key)!.value!);
  });

  it('a department user is suppressed the same way', async () => {
    const byPark = await agg('gxj', 'park');
    expect(byPark.rows.find((r) => r.name === NINGJIN_PARK)).toMatchObject({ value: null, confidential: { reason: 'few' } });
  });

  it('a county user reads the cells of its own county, not of other counties', async () => {
    const byPark = await agg('ningjin', 'park');
    expect(byPark.rows.find((r) => r.name === NINGJIN_PARK)!.value).toBeGreaterThan(0);
    const other = byPark.rows.find((r) => r.name === '开发区新能源产业基地')!; // one enterprise of the development zone
    expect(other).toMatchObject({ n: 1, value: null, confidential: { reason: 'few' } });
  });

  it.each(['fgw', 'tongji', 'leader'])('%s sees every cell', async (who) => {
    const byPark = await agg(who, 'park');
    expect(byPark.confidentiality.applied).toBe(false);
    expect(byPark.rows.some((r) => r.confidential)).toBe(false);
    expect(byPark.rows.find((r) => r.name === '开发区新能源产业基地')!.value).toBeGreaterThan(0);
    expect(byPark.rows.filter((r) => !r.reconciling).every((r) => r.matched.value !== null)).toBe(true);
  });

  it('series apply the same rule per period', async () => {
    const url = '/api/statistics/series?indicator=REVENUE&dim=sei&key=8&from=2018&to=2020';
    const q = await get('qiye', url);
    expect(q.points.every((p: { value: number | null; confidential?: unknown }) => p.value === null && p.confidential)).toBe(true);
    const t = await get('tongji', url);
    expect(t.points.every((p: { value: number | null }) => p.value! > 0)).toBe(true);
  });

  it.each(['county', 'industry', 'park', 'sei'])('rows of the %s dimension add up to the city total', async (dim) => {
    for (const indicator of ['REVENUE', 'SEI_REVENUE']) {
      const a = await agg('tongji', dim, '2020', indicator);
      const city = (await agg('tongji', 'city', '2020', indicator)).rows[0]!;
      expect(a.total).toMatchObject({ value: city.value, n: city.n });
      expect(a.rows.reduce((x, r) => x + r.value!, 0)).toBeCloseTo(city.value!, 4);
      expect(a.rows.reduce((x, r) => x + r.n, 0)).toBe(city.n);
      expect(a.rows.reduce((x, r) => x + r.previous!, 0)).toBeCloseTo(city.previous!, 4);
    }
  });

  it('the SEI dimension shows unconfirmed partly-SEI enterprises as 待确认 and parks 未入园', async () => {
    const bySei = await agg('tongji', 'sei');
    expect(bySei.rows.at(-1)).toMatchObject({ key: '_pending', name: '待确认', n: 10, reconciling: true });
    expect((await agg('tongji', 'park')).rows.at(-1)).toMatchObject({ key: '_none', name: '未入园', reconciling: true });
  });

  it('county figures of 2020 are on the 2020 divisions, of 2019 on the 2018 ones', async () => {
    const y2020 = await agg('tongji', 'county');
    expect(y2020.divisions!.vintage).toBe(2020);
    const keys = new Map(y2020.rows.map((r) => [r.key, r]));
    expect(keys.get('130502')!.name).toBe('襄都区');
    expect(keys.get('130503')!.name).toBe('信都区');
    expect(keys.has('130526') || keys.has('130527')).toBe(false);
    expect(keys.get('130505')).toMatchObject({ name: '任泽区' });
    expect(keys.get('130506')).toMatchObject({ name: '南和区' });
    // 任泽区 2020 compares with 任县 2019 (same territory).
    const y2019 = await agg('tongji', 'county', '2019');
    expect(keys.get('130505')!.previous).toBeCloseTo(y2019.rows.find((r) => r.key === '130526')!.value!, 6);
    expect(keys.get('130521')).toMatchObject({ pendingDivision: true, reconciling: true, name: expect.stringContaining('待划归') });
    expect(y2020.divisions!.changes.map((c) => `${c.from}>${c.to}`)).toContain('130526>130505');
    expect(y2019.divisions!.vintage).toBe(2018);
    expect(y2019.rows.find((r) => r.key === '130502')!.name).toBe('桥东区');
    expect(y2019.rows.find((r) => r.key === '130521')).toMatchObject({ name: '邢台县' });
    expect(y2019.rows.find((r) => r.key === '130521')!.pendingDivision).toBeUndefined();
    // A multi-year series of a county says its vintage and follows the division across the change.
    const series = await get('tongji', '/api/statistics/series?indicator=REVENUE&dim=county&key=130526&from=2019&to=2020');
    expect(series).toMatchObject({ key: '130505', name: '任泽区', divisions: { vintage: 2020 } });
    expect(series.points[0].value).toBeCloseTo(y2019.rows.find((r) => r.key === '130526')!.value!, 6);
  });

  it('a database aggregated before the reconciling rows shows what is left as 其他, still adding up (run last: it changes the rows)', async () => {
    await database.db.deleteFrom('aggregate_value').where('dim_kind', '=', 'sei').where('dim_key', '=', '_pending').execute();
    for (const who of ['tongji', 'qiye']) {
      const a = await agg(who, 'sei');
      expect(a.rows.at(-1)).toMatchObject({ key: '_other', name: '其他（未分项）', n: 10, reconciling: true });
      expect(a.rows.some((r) => r.key === '_pending')).toBe(false);
      if (who === 'tongji') expect(a.rows.reduce((x, r) => x + r.value!, 0)).toBeCloseTo(a.total!.value!, 4);
    }
  });
});
