import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp } from './helpers/http';

describe.each(dialects)('%s: HTTP API foundation', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    app = await makeApp(database, { loginRateLimit: { max: 3, timeWindow: 60_000 } });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('reports health with the database dialect', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: dialect });
  });

  it('logs in with a session cookie that is HTTP-only, and /api/me names the user', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'fgw', password: 'Demo@2018' } });
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === 'sei_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `sei_session=${session!.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ username: 'fgw', role: 'coordinator', org: { code: 'dept-fgw' } });
    expect(me.json().demo).toBe(true);
    expect(me.json().permissions.plan.update).toBe('all');
  });

  it('answers 401 in the error shape for a wrong password and for an unknown user', async () => {
    for (const payload of [{ username: 'gxj', password: 'wrong-password' }, { username: 'nobody', password: 'x' }]) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } });
    }
  });

  it('answers English messages when asked', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/me', headers: { 'accept-language': 'en-US' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('Please log in');
  });

  it('rate-limits repeated logins of one user from one address', async () => {
    const attempt = () => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'bad' } });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await attempt()).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const last = await attempt();
    expect(last.json().error.code).toBe('RATE_LIMITED');
    // Another user from the same address is not locked out by it.
    const other = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tongji', password: 'Demo@2018' } });
    expect(other.statusCode).toBe(200);
  });

  it('rejects malformed JSON and a body of the wrong shape with 400 VALIDATION', async () => {
    const bad = await app.inject({
      method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": "fgw",',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION');
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 12 } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['password', 'username']);
  });

  it('answers 401 without a session', async () => {
    for (const url of ['/api/me', '/api/plans', '/api/plans/default', '/api/organizations']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers 403 to a role the matrix does not allow', async () => {
    const dept = await loginAs(app, 'gxj');
    const res = await dept.request('GET', '/api/audit');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    const admin = await loginAs(app, 'admin');
    expect((await admin.request('GET', '/api/audit')).statusCode).toBe(200);
  });

  it('rejects an unsafe request without the CSRF token, and accepts it with the token', async () => {
    const s = await loginAs(app, 'ningjin');
    const without = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF');
    const forged = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': 'forged' } });
    expect(forged.statusCode).toBe(403);
    const ok = await s.request('POST', '/api/auth/logout');
    expect(ok.statusCode).toBe(200);
    // The session is gone after logout.
    expect((await s.request('GET', '/api/me')).statusCode).toBe(401);
  });

  it('serves the default plan with its five targets, seven industries and nine task areas', async () => {
    const s = await loginAs(app, 'admin');
    const list = await s.request('GET', '/api/plans');
    expect(list.json().plans).toHaveLength(1);
    const res = await s.request('GET', `/api/plans/${list.json().plans[0].id}`);
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan.targets.map((t: { comparator: string; value: number }) => [t.comparator, t.value])).toEqual([
      ['>', 1000], ['>=', 245], ['≈', 10], ['>=', 120], ['>=', 10],
    ]);
    expect(plan.industries).toHaveLength(7);
    const areas = plan.sections.find((s: { key: string }) => s.key === '2').children;
    expect(areas).toHaveLength(9);
    expect(plan.tasks.length).toBeGreaterThan(9);
    expect(plan.leadOrg).toEqual({ code: 'dept-fgw', name: '市发展改革委' });
  });

  it('answers 404 in the error shape for an unknown plan id and an unknown route', async () => {
    const s = await loginAs(app, 'fgw');
    const plan = await s.request('GET', '/api/plans/no-such-plan');
    expect(plan.statusCode).toBe(404);
    expect(plan.json().error).toMatchObject({ code: 'NOT_FOUND' });
    const route = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(route.statusCode).toBe(404);
    expect(route.json().error.code).toBe('NOT_FOUND');
  });

  it('lists organisations: the lead unit, departments, counties and the leading group', async () => {
    const s = await loginAs(app, 'fgw');
    const orgs = (await s.request('GET', '/api/organizations')).json().organizations as { code: string; kind: string; isLead: boolean }[];
    expect(orgs.find((o) => o.code === 'dept-fgw')?.isLead).toBe(true);
    expect(orgs.filter((o) => o.kind === 'county').length).toBeGreaterThanOrEqual(17);
    expect(orgs.some((o) => o.kind === 'leading_group')).toBe(true);
    expect(orgs.find((o) => o.code === '130571')?.kind).toBe('zone');
  });

  it('writes an audit row for logins', async () => {
    const rows = await database.db.selectFrom('audit_log').select(['action', 'actor_name']).where('action', '=', 'login').execute();
    expect(rows.map((r) => r.actor_name)).toContain('fgw');
  });

  it('publishes an OpenAPI document listing the routes', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/plans/{id}', '/api/organizations']));
    const docs = await app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });
});

describe.each(dialects)('%s: plan versions over HTTP', (dialect) => {
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

  it('loads a plan file as a new draft version, publishes and archives it, refusing stale and backward moves', async () => {
    const fgw = await loginAs(app, 'fgw');
    const current = (await fgw.request('GET', '/api/plans/default')).json();
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const file = parse(readFileSync(new URL('../plans/xingtai-sei-2018-2020.yaml', import.meta.url), 'utf8'));
    file.plan.status = 'draft';
    const created = await fgw.request('POST', '/api/plans', file);
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect([draft.version, draft.status, draft.id === current.id]).toEqual([2, 'draft', false]);

    const published = await fgw.request('POST', `/api/plans/${draft.id}/status`, { status: 'published', rowVersion: draft.rowVersion });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', rowVersion: draft.rowVersion + 1 });
    // A second editor who still sees the old version is told, not silently overwritten.
    const stale = await fgw.request('POST', `/api/plans/${draft.id}/status`, { status: 'archived', rowVersion: draft.rowVersion });
    expect(stale.statusCode).toBe(409);
    const back = await fgw.request('POST', `/api/plans/${draft.id}/status`, { status: 'draft', rowVersion: draft.rowVersion + 1 });
    expect(back.statusCode).toBe(400);
    const audit = await database.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('entity_id', '=', draft.id).where('action', '=', 'update').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after_json!)).toMatchObject({ status: 'published' });
  });

  it('refuses plan changes to roles without the permission, and invalid plan files whole', async () => {
    const gxj = await loginAs(app, 'gxj');
    expect((await gxj.request('POST', '/api/plans', { schemaVersion: 1 })).statusCode).toBe(403);
    const fgw = await loginAs(app, 'fgw');
    const before = (await fgw.request('GET', '/api/plans')).json().plans.length;
    const bad = await fgw.request('POST', '/api/plans', { schemaVersion: 1, plan: { code: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues.length).toBeGreaterThan(0);
    expect((await fgw.request('GET', '/api/plans')).json().plans.length).toBe(before);
  });
});
