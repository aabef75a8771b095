// GET /api/sei-categories: the level-1 categories of 战略性新兴产业分类（2018） from the database,
// optionally with their level-2 categories; every signed-in role may read them, nobody else.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeiCategory } from '../src/shared/statistics';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp } from './helpers/http';

describe.each(dialects)('%s: SEI categories', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    app = await makeApp(database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('lists the nine level-1 categories in code order, without children by default', async () => {
    const qiye = await loginAs(app, 'qiye');
    const res = await qiye.request('GET', '/api/sei-categories');
    expect(res.statusCode).toBe(200);
    const categories = res.json().categories as SeiCategory[];
    expect(categories.map((c) => c.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(categories[0]).toEqual({ code: '1', name: '新一代信息技术产业' });
    expect(categories[2]).toEqual({ code: '3', name: '新材料产业' });
    expect(categories[8]).toEqual({ code: '9', name: '相关服务业' });
  });

  it('adds each category’s level-2 categories with ?level=2', async () => {
    const tongji = await loginAs(app, 'tongji');
    const categories = (await tongji.request('GET', '/api/sei-categories?level=2')).json().categories as SeiCategory[];
    expect(categories).toHaveLength(9);
    const it1 = categories.find((c) => c.code === '1')!;
    expect(it1.children!.slice(0, 2)).toEqual([{ code: '1.1', name: '下一代信息网络产业' }, { code: '1.2', name: '电子核心产业' }]);
    expect(categories.every((c) => Array.isArray(c.children) && c.children.every((x) => x.code.startsWith(`${c.code}.`)))).toBe(true);
    // 40 level-2 categories in all (the catalogue as loaded from reference/sei2018_categories.csv).
    expect(categories.reduce((n, c) => n + c.children!.length, 0)).toBe(40);
  });

  it('refuses a bad level and anonymous callers', async () => {
    const ningjin = await loginAs(app, 'ningjin');
    const bad = await ningjin.request('GET', '/api/sei-categories?level=3');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION');
    const anonymous = await app.inject({ method: 'GET', url: '/api/sei-categories' });
    expect(anonymous.statusCode).toBe(401);
  });
});
