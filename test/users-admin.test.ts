// 系统管理 › 用户 and the audit log viewer over HTTP, on both databases: each operation, the last-admin
// guard, stale row versions, a disabled user's sessions and login, the role matrix, audit filters.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';

interface AdminUser { id: string; username: string; role: string; active: boolean; rowVersion: number; email: string | null; org: { code: string } | null; sessions?: number }

describe.each(dialects)('%s: user administration', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let admin: Session;

  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    app = await makeApp(database, { loginRateLimit: { max: 1000, timeWindow: 60_000 }, mailer: null });
    admin = await loginAs(app, 'admin');
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const users = async (): Promise<AdminUser[]> => {
    const res = await admin.request('GET', '/api/users');
    expect(res.statusCode, res.body).toBe(200);
    return res.json().users;
  };
  const find = async (username: string) => (await users()).find((u) => u.username === username)!;
  const add = async (username: string, role = 'county', orgCode: string | null = '130528') => {
    const res = await admin.request('POST', '/api/users', { username, password: 'Secret@2026', role, orgCode, displayName: `${username} 测试`, email: `${username}@example.org` });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().user as AdminUser;
  };

  it('lists users with role, organisation, state and open sessions (admin only)', async () => {
    const list = await users();
    expect(list.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'qiye', 'ningjin', 'tongji']));
    const ningjin = list.find((u) => u.username === 'ningjin')!;
    expect(ningjin).toMatchObject({ role: 'county', active: true, org: { code: '130528' } });
    expect(list.find((u) => u.username === 'admin')!.sessions).toBeGreaterThanOrEqual(1);
    for (const name of ['fgw', 'gxj', 'ningjin', 'qiye', 'tongji', 'leader']) {
      const s = await loginAs(app, name);
      expect((await s.request('GET', '/api/users')).statusCode, name).toBe(403);
      expect((await s.request('POST', '/api/users', { username: 'x-' + name, password: 'Secret@2026', role: 'admin' })).statusCode, name).toBe(403);
      expect((await s.request('PATCH', `/api/users/${ningjin.id}`, { rowVersion: ningjin.rowVersion, active: false })).statusCode, name).toBe(403);
      expect((await s.request('POST', `/api/users/${ningjin.id}/end-sessions`)).statusCode, name).toBe(403);
    }
  });

  it('adds a user with an e-mail address, refuses a duplicate and a county user without a county', async () => {
    const u = await add('wei');
    expect(u).toMatchObject({ username: 'wei', role: 'county', email: 'wei@example.org', active: true, rowVersion: 1 });
    expect((await admin.request('POST', '/api/users', { username: 'wei', password: 'Secret@2026', role: 'leader' })).statusCode).toBe(409);
    const noOrg = await admin.request('POST', '/api/users', { username: 'nocounty', password: 'Secret@2026', role: 'county' });
    expect(noOrg.statusCode).toBe(400);
    expect(noOrg.json().error.issues[0].path).toBe('orgCode');
    const badMail = await admin.request('POST', '/api/users', { username: 'badmail', password: 'Secret@2026', role: 'leader', email: 'not-an-address' });
    expect(badMail.statusCode).toBe(400);
    await loginAs(app, 'wei', 'Secret@2026');
  });

  it('changes role and organisation with the row version it read; a stale version is 409 and changes nothing', async () => {
    const u = await add('li');
    const moved = await admin.request('PATCH', `/api/users/${u.id}`, { rowVersion: u.rowVersion, role: 'enterprise', orgCode: '91130582MA07XT000T', email: 'li@example.com' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().user).toMatchObject({ role: 'enterprise', org: { code: '91130582MA07XT000T' }, email: 'li@example.com', rowVersion: 2 });
    const stale = await admin.request('PATCH', `/api/users/${u.id}`, { rowVersion: u.rowVersion, role: 'leader', orgCode: null });
    expect(stale.statusCode).toBe(409);
    expect((await find('li')).role).toBe('enterprise');
    const unknownOrg = await admin.request('PATCH', `/api/users/${u.id}`, { rowVersion: 2, orgCode: 'no-such-org' });
    expect(unknownOrg.statusCode).toBe(400);
    expect((await admin.request('PATCH', `/api/users/nobody`, { rowVersion: 1, active: false })).statusCode).toBe(404);
  });

  it('disabling a user ends its sessions and keeps it out; enabling lets it in again', async () => {
    const u = await add('zhao');
    const s = await loginAs(app, 'zhao', 'Secret@2026');
    expect((await s.request('GET', '/api/me')).statusCode).toBe(200);
    const off = await admin.request('PATCH', `/api/users/${u.id}`, { rowVersion: u.rowVersion, active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().user.active).toBe(false);
    expect((await s.request('GET', '/api/me')).statusCode).toBe(401);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'zhao', password: 'Secret@2026' } });
    expect(login.statusCode).toBe(401);
    expect(login.json().error.message).toContain('停用');
    const on = await admin.request('PATCH', `/api/users/${u.id}`, { rowVersion: off.json().user.rowVersion, active: true });
    expect(on.statusCode).toBe(200);
    await loginAs(app, 'zhao', 'Secret@2026');
  });

  it('resets a password (random, shown once), which ends the old sessions; ends sessions on request', async () => {
    const u = await add('sun');
    const s = await loginAs(app, 'sun', 'Secret@2026');
    const reset = await admin.request('POST', `/api/users/${u.id}/reset-password`, { rowVersion: u.rowVersion });
    expect(reset.statusCode, reset.body).toBe(200);
    const { password } = reset.json();
    expect(password).toMatch(/^\S{12}$/);
    expect((await s.request('GET', '/api/me')).statusCode).toBe(401);
    const again = await loginAs(app, 'sun', password);
    expect((await admin.request('POST', `/api/users/${u.id}/reset-password`, { rowVersion: u.rowVersion })).statusCode).toBe(409);
    expect((await find('sun')).sessions).toBe(1);
    const ended = await admin.request('POST', `/api/users/${u.id}/end-sessions`);
    expect(ended.json()).toEqual({ ended: 1 });
    expect((await again.request('GET', '/api/me')).statusCode).toBe(401);
  });

  it('never disables or demotes the last active administrator, nor lets an admin disable itself', async () => {
    const me = await find('admin');
    const demote = await admin.request('PATCH', `/api/users/${me.id}`, { rowVersion: me.rowVersion, role: 'leader', orgCode: null });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.message).toContain('最后一名');
    const self = await admin.request('PATCH', `/api/users/${me.id}`, { rowVersion: me.rowVersion, active: false });
    expect(self.statusCode).toBe(400);
    // With a second administrator the first may be demoted; the second, now last, may not be disabled by the first.
    const second = await add('admin2', 'admin', null);
    const ok = await admin.request('PATCH', `/api/users/${me.id}`, { rowVersion: me.rowVersion, role: 'coordinator', orgCode: 'dept-fgw' });
    expect(ok.statusCode, ok.body).toBe(200);
    const admin2 = await loginAs(app, 'admin2', 'Secret@2026');
    const last = await admin2.request('PATCH', `/api/users/${second.id}`, { rowVersion: second.rowVersion, role: 'leader' });
    expect(last.statusCode).toBe(409);
    // Put things back for the later tests.
    const back = await admin2.request('PATCH', `/api/users/${me.id}`, { rowVersion: ok.json().user.rowVersion, role: 'admin', orgCode: null });
    expect(back.statusCode, back.body).toBe(200);
    admin = await loginAs(app, 'admin');
  });

  it('audits every change with before and after, and the viewer filters by entity, id, actor, action and dates with a total', async () => {
    const u = await add('qian');
    await admin.request('PATCH', `/api/users/${u.id}`, { rowVersion: 1, displayName: '钱 测试' });
    const byId = await admin.request('GET', `/api/audit?entity=user&entityId=${u.id}`);
    expect(byId.statusCode, byId.body).toBe(200);
    const page = byId.json();
    expect(page.total).toBe(2);
    expect(page.entries.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(page.entries[0]).toMatchObject({ actorName: 'admin', before: { displayName: 'qian 测试' }, after: { displayName: '钱 测试', rowVersion: 2 } });
    expect(JSON.stringify(page.entries)).not.toMatch(/password|hash/i);

    const disables = (await admin.request('GET', '/api/audit?entity=user&action=disable&actor=admin')).json();
    expect(disables.total).toBe(1);
    expect(disables.entries[0].after.active).toBe(false);
    const all = (await admin.request('GET', '/api/audit?entity=user')).json();
    const paged = (await admin.request('GET', '/api/audit?entity=user&pageSize=2&page=2')).json();
    expect(paged.total).toBe(all.total);
    expect(paged.entries.map((e: { id: string }) => e.id)).toEqual(all.entries.slice(2, 4).map((e: { id: string }) => e.id));
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await admin.request('GET', `/api/audit?entity=user&entityId=${u.id}&from=${today}&to=${today}`)).json().total).toBe(2);
    expect((await admin.request('GET', `/api/audit?entity=user&entityId=${u.id}&to=2020-01-01`)).json().total).toBe(0);
    expect((await admin.request('GET', '/api/audit?from=yesterday')).statusCode).toBe(400);
    // Coordinator and leader read the audit log; the others do not.
    for (const [name, code] of [['fgw', 200], ['leader', 200], ['tongji', 403], ['ningjin', 403], ['qiye', 403]] as const) {
      expect((await (await loginAs(app, name)).request('GET', '/api/audit?entity=user')).statusCode, name).toBe(code);
    }
  });

  it('answers the session probe with 200 whether or not someone is logged in', async () => {
    const anon = await app.inject({ method: 'GET', url: '/api/session' });
    expect(anon.statusCode).toBe(200);
    expect(anon.json()).toEqual({ user: null });
    const me = await admin.request('GET', '/api/session');
    expect(me.json().user.username).toBe('admin');
    expect(me.json().csrfToken).toBeTruthy();
  });

  it('explains a refusal in words: what, and which roles may do it', async () => {
    const ningjin = await loginAs(app, 'ningjin');
    const res = await ningjin.request('POST', '/api/users', { username: 'nope', password: 'Secret@2026', role: 'admin' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('「县市区」无权新增用户。系统管理员可新增全部用户。');
    const en = await app.inject({ method: 'GET', url: '/api/users', headers: { cookie: ningjin.cookie, 'accept-language': 'en' } });
    expect(en.json().error.message).toBe('As County / district you may not read users. Administrator may read users.');
  });
});
