// The authorisation matrix: every /api route the running app has, called over HTTP by an anonymous
// client and by each demo role, on its own records and (for 'own'-scoped roles) on another's. The
// expected outcome of each call is written below, one line per route; a route without a line fails.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, createInitializedDatabase, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';
import { ROLES, type Role } from '../src/shared/roles';
import { EXPECTED, type Fixtures, type Side, type Req } from './helpers/authz-table';

const USERS: Record<Role, string> = { admin: 'admin', coordinator: 'fgw', department: 'gxj', county: 'ningjin', enterprise: 'qiye', statistician: 'tongji', leader: 'leader' };
const OWN_COUNTY = '130528';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function json(s: Session, url: string): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await s.request('GET', url);
  if (res.statusCode !== 200) throw new Error(`fixture GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json();
}

/** Records of the demo database seen from each side of each scope. */
async function loadFixtures(app: FastifyInstance, admin: Session, fgw: Session): Promise<Fixtures> {
  type Ent = { orgId: string; uscc: string; county: { code: string } };
  const demoEnt = (await json(admin, '/api/enterprises?q=91130582MA07XT000T')).items[0] as Ent;
  const entIn = (await json(admin, `/api/enterprises?county=${OWN_COUNTY}&pageSize=5`)).items[0] as Ent;
  const entOut = (await json(admin, '/api/enterprises?county=130502&pageSize=5')).items[0] as Ent;
  if (!demoEnt || !entIn || !entOut || entIn.county.code !== OWN_COUNTY) throw new Error('fixture enterprises missing');
  // One record of each registry inside and one outside the county, made here so the demo data can change.
  const bodies: Record<string, (county: string) => object> = {
    platforms: (c) => ({ name: `矩阵平台${c}`, type: 'enterprise_tech_center', level: 'provincial', hostOrg: `矩阵${c}有限公司`, industryCode: 'new-energy-grid', countyCode: c, recognisedOn: '2019-06-01' }),
    parks: (c) => ({ name: `矩阵基地${c}`, type: 'base', countyCode: c }),
    projects: (c) => ({ name: `矩阵项目${c}`, countyCode: c }),
  };
  const reg = async (kind: string) => {
    const make = async (county: string) => {
      const res = await admin.request('POST', `/api/${kind}`, bodies[kind]!(county));
      if (res.statusCode !== 201) throw new Error(`fixture ${kind}: ${res.statusCode} ${res.body}`);
      return res.json().id as string;
    };
    return { own: await make(OWN_COUNTY), other: await make('130502') };
  };
  const [platforms, parks, projects] = [await reg('platforms'), await reg('parks'), await reg('projects')];
  type Task = { id: string; lead: { code: string } | null; responsible: { code: string }[]; counties: { code: string }[]; assignment: { org: { code: string } } | null };
  const board = await json(admin, '/api/supervision/board');
  const tasks = (board.rows as { tasks: Task[] }[]).flatMap((r) => r.tasks);
  const names = (t: Task) => [t.lead?.code, ...t.responsible.map((u) => u.code), ...t.counties.map((c) => c.code), t.assignment?.org.code].filter(Boolean);
  const orgs = (await json(admin, '/api/organizations')).organizations as { id: string; code: string }[];
  const orgId = (code: string) => orgs.find((o) => o.code === code)!.id;
  // An accountability record for each side of each unit scope (the demo has some; these make sure).
  const acc = async (taskId: string, org: string) => {
    const res = await fgw.request('POST', '/api/supervision/accountability', { taskId, orgId: orgId(org), kind: 'notice', reason: '权限矩阵测试 authz matrix' });
    if (res.statusCode !== 201) throw new Error(`fixture accountability: ${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };
  // Own tasks are open tasks assigned to the unit (signing and closure need the assignment); the demo
  // assigns none to a county, so the coordinator assigns one to 宁晋 here.
  type Full = Task & { status: string; rowVersion: number };
  const open = (tasks as Full[]).filter((t) => t.status !== 'closed');
  const gxjTask = open.find((t) => t.assignment?.org.code === 'dept-gxj')!;
  const notGxj = open.find((t) => !names(t).includes('dept-gxj'))!;
  const ningjinTask = open.find((t) => t !== gxjTask && t !== notGxj && !names(t).includes(OWN_COUNTY))!;
  const assigned = await fgw.request('POST', `/api/supervision/tasks/${ningjinTask.id}/assign`, { rowVersion: ningjinTask.rowVersion, orgId: orgId(OWN_COUNTY) });
  if (assigned.statusCode !== 200) throw new Error(`fixture assign: ${assigned.statusCode} ${assigned.body}`);
  const notNingjin = notGxj;
  const unitSide = (task: Task, org: string, accId: string): Pick<Side, 'taskId' | 'orgCode' | 'accountabilityId'> => ({ taskId: task.id, orgCode: org, accountabilityId: accId });
  const gxjOwn = unitSide(gxjTask, 'dept-gxj', await acc(gxjTask.id, 'dept-gxj'));
  const gxjOther = unitSide(notGxj, 'dept-fgw', await acc(notGxj.id, notGxj.lead?.code ?? 'dept-fgw'));
  const njOwn = unitSide(ningjinTask, OWN_COUNTY, await acc(ningjinTask.id, OWN_COUNTY));
  const njOther = unitSide(notNingjin, 'dept-fgw', gxjOther.accountabilityId);
  // A user the admin routes may end the sessions of and reset without locking a test actor out.
  const spare = await admin.request('POST', '/api/users', { username: 'matrix-spare', displayName: 'matrix', role: 'leader', orgCode: null, password: 'Spare@2020pass' });
  if (spare.statusCode !== 201) throw new Error(`fixture user: ${spare.statusCode} ${spare.body}`);
  const spareId = spare.json().user?.id ?? spare.json().id as string;
  // A draft review item of each unit the scoped roles act for, and one of another unit.
  const item = async (org: string) => {
    const res = await fgw.request('POST', '/api/review/items', { type: 'decision', title: `矩阵事项${org}`, submittingOrgId: orgId(org), summary: '权限矩阵测试' });
    if (res.statusCode !== 201) throw new Error(`fixture review item: ${res.statusCode} ${res.body}`);
    return { reviewItemId: res.json().id as string, reviewOrgId: orgId(org) };
  };
  const [gxjItem, njItem, fgwItem] = [await item('dept-gxj'), await item(OWN_COUNTY), await item('dept-fgw')];
  const planId = (await json(admin, '/api/plans')).plans[0].id as string;
  const targetId = (await json(admin, '/api/targets')).targets[0].target.id as string;
  const county = (inside: boolean): Side => ({
    enterpriseId: inside ? entIn.orgId : entOut.orgId, enterpriseCode: inside ? entIn.uscc : entOut.uscc, countyCode: inside ? OWN_COUNTY : entOut.county.code,
    platformId: inside ? platforms.own : platforms.other, parkId: inside ? parks.own : parks.other, projectId: inside ? projects.own : projects.other,
    ...(inside ? njOwn : njOther), spareUserId: spareId, planId, targetId, ...(inside ? njItem : fgwItem),
  });
  const base = county(true);
  const enterprise = (inside: boolean): Side => ({ ...base, enterpriseId: inside ? demoEnt.orgId : entOut.orgId, enterpriseCode: inside ? demoEnt.uscc : entOut.uscc, countyCode: inside ? '130582' : entOut.county.code });
  const department = (inside: boolean): Side => ({ ...base, ...(inside ? { ...gxjOwn, ...gxjItem } : { ...gxjOther, ...fgwItem }) });
  void app;
  return {
    own: { admin: base, coordinator: base, department: department(true), county: base, enterprise: enterprise(true), statistician: base, leader: base },
    other: { admin: base, coordinator: base, department: department(false), county: county(false), enterprise: enterprise(false), statistician: base, leader: base },
  };
}

const isAllowed = (status: number) => status < 500 && status !== 401 && status !== 403;

describe.each(dialects)('%s: authorisation matrix', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let sessions: Record<Role, Session>;
  let fx: Fixtures;

  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    app = await makeApp(database, { mailer: null, loginRateLimit: { max: 10_000, timeWindow: 60_000 } });
    sessions = Object.fromEntries(await Promise.all(ROLES.map(async (r) => [r, await loginAs(app, USERS[r])] as const))) as Record<Role, Session>;
    fx = await loadFixtures(app, sessions.admin, sessions.coordinator);
  }, 180_000);
  afterAll(async () => { await app?.close(); await database?.drop(); });

  it('every route of the running app has a row in the table, and every row a route', () => {
    const live = app.declaredRoutes.map((r) => `${r.method} ${r.url}`);
    const missing = live.filter((k) => !(k in EXPECTED));
    expect(missing, `routes with no row in test/helpers/authz-table.ts — add a line per route: ${missing.join(', ')}`).toEqual([]);
    const stale = Object.keys(EXPECTED).filter((k) => !live.includes(k));
    expect(stale, 'rows in test/helpers/authz-table.ts naming no route').toEqual([]);
  });

  it('each role gets exactly the outcome its row says, on its own records and on another\'s', async () => {
    const failures: string[] = [];
    const took = new Map<string, number>();
    const send = async (who: Session | null, role: Role | null, method: Method, r: Req) => {
      if (r.fresh && who && role) who = await loginAs(app, USERS[role]);
      return who ? who.request(method, r.url, r.body) : app.inject({ method, url: r.url, payload: r.body as never });
    };
    const check = async (key: string, label: string, role: Role | null, who: Session | null, req: Req, want: 'allow' | 'deny' | 'anon-deny' | 'scope-deny') => {
      const method = key.split(' ')[0] as Method;
      const t0 = performance.now();
      const res = await send(who, role, method, req);
      took.set(key, Math.max(took.get(key) ?? 0, performance.now() - t0));
      const s = res.statusCode;
      const ok = want === 'allow' ? isAllowed(s) : want === 'anon-deny' ? s === 401 : want === 'deny' ? s === 403 : (s === 403 || s === 404);
      if (!ok) failures.push(`${key} as ${label} (${method} ${req.url}): expected ${want}, got ${s} ${res.body.slice(0, 160)}`);
    };
    for (const [key, row] of Object.entries(EXPECTED)) {
      const codes = row.expect.replace(/\s+/g, '');
      if (codes.length !== 1 + ROLES.length) { failures.push(`${key}: expectation "${row.expect}" needs ${1 + ROLES.length} letters`); continue; }
      const sample = (side: Side): Req => { const x = row.sample ? row.sample(side) : key.split(' ')[1]!; return typeof x === 'string' ? { url: x } : x; };
      // The callers of one route go concurrently (PostgreSQL answers them in parallel); routes one by one.
      const calls: Promise<void>[] = [check(key, 'anonymous', null, null, sample(fx.own.admin), codes[0] === 'A' ? 'allow' : 'anon-deny')];
      for (const [i, role] of ROLES.entries()) {
        const c = codes[i + 1];
        const s = sessions[role];
        if (c === 'A') calls.push(check(key, role, role, s, sample(fx.own[role]), 'allow'));
        else if (c === 'D') calls.push(check(key, role, role, s, sample(fx.own[role]), 'deny'));
        else if (c === 'O') {
          calls.push(check(key, `${role} on its own record`, role, s, sample(fx.own[role]), 'allow'));
          calls.push(check(key, `${role} on another's record`, role, s, sample(fx.other[role]), 'scope-deny'));
        } else failures.push(`${key}: unknown letter ${c}`);
      }
      await Promise.all(calls);
    }
    if (process.env.AUTHZ_TIMING) console.log([...took].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, ms]) => `${ms.toFixed(0)} ms  ${k}`).join('\n'));
    expect(failures, failures.join('\n')).toEqual([]);
  }, 300_000);

  it('a department reads suppressed aggregates but no single enterprise\'s figures', async () => {
    const gxj = sessions.department;
    const exp = await gxj.request('GET', '/api/data-values/export?from=202001&to=202012');
    expect(exp.statusCode).toBe(200);
    expect(exp.body.trim().split('\n')).toHaveLength(1); // the header only
    const tj = await sessions.statistician.request('GET', '/api/data-values/export?from=202001&to=202012');
    expect(tj.body.trim().split('\n').length).toBeGreaterThan(10);
    const out = await gxj.request('GET', '/api/statistics/outliers?period=2020');
    expect(out.statusCode).toBe(200);
    expect(out.json().outliers).toEqual([]);
    const viol = await gxj.request('GET', '/api/statistics/violations?period=2020');
    expect(viol.json().violations).toEqual([]);
    const agg = await gxj.request('GET', '/api/statistics/aggregates?indicator=SEI_REVENUE&dim=county&period=2020');
    expect(agg.statusCode).toBe(200);
    expect(agg.json().rows.length).toBeGreaterThan(0);
    const form = await gxj.request('GET', `/api/data-entry/form?dataset=ENT_MONTHLY&org=${fx.own.county.enterpriseCode}&period=202012`);
    expect(form.statusCode).toBe(403);
  });
});
