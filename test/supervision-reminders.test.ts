// 催办 and 问效 on both databases: the tick's reminders are sent once per task/unit/cause/period and
// escalate to the unit head on the third; one-click and bulk reminders; who reads what; accountability
// records with red-light history, rowVersion, audit and the role matrix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createStore } from '../src/db/store';
import { secrets } from '../src/server/auth/secrets';
import { sendDueReminders } from '../src/core/supervision/send-due-reminders';
import { setUnitHead } from '../src/core/supervision/set-unit-head';
import type { ReminderNotice } from '../src/core/supervision/follow-up-ports';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';
import { craftClosure, craftLightDays, craftTasks, type Crafted } from './helpers/supervision-craft';

describe.each(dialects)('%s: reminders, escalation and accountability', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let fgw: Session;
  let gxj: Session;
  let ningjin: Session;
  let c: Crafted;
  const notices: ReminderNotice[] = [];
  const deps = () => ({ store: createStore(db.db), secrets, notify: async (n: ReminderNotice) => { notices.push(n); return { emailed: n.kind === 'escalation' }; } });

  beforeAll(async () => {
    db = await createInitializedDatabase(dialect, { demo: true });
    c = await craftTasks(db.db, [
      // Monthly, deadline day 5, due 2020-03-08: on 2020-03-03 it owes 202001 (missed 02-05), 202002 (due 03-05) and the task's due date.
      { code: 'R1', lead: 'dept-gxj', startOn: '2020-01-01', dueOn: '2020-03-08' },
      { code: 'R2', lead: '130528', startOn: '2020-01-01', dueOn: '2020-03-08' },
      { code: 'R3', lead: 'dept-gxj', startOn: '2019-01-01', dueOn: '2020-12-31' },
      // Quarterly, day 10: 2019Q4 missed on 2020-01-10 (beyond the 31-day look-back on 03-03), 2020Q1 due 04-10: owes nothing then.
      { code: 'A1', lead: 'dept-gxj', assigned: '130528', startOn: '2019-07-01', dueOn: '2020-12-31', cycle: 'quarterly', deadlineDay: 10, light: 'red' },
    ]);
    await craftClosure(db.db, c.ids.get('R3')!, '2020-01-15');
    await craftLightDays(db.db, c.ids.get('A1')!, '2019-12-27', '2020-01-10', 'red');
    await craftLightDays(db.db, c.ids.get('A1')!, '2020-02-01', '2020-02-02', 'red');
    await craftLightDays(db.db, c.ids.get('A1')!, '2020-01-11', '2020-01-31', 'yellow');
    await setUnitHead(deps(), null, 'gxj', true, new Date());
    app = await makeApp(db);
    [fgw, gxj, ningjin] = await Promise.all([loginAs(app, 'fgw'), loginAs(app, 'gxj'), loginAs(app, 'ningjin')]);
  });
  afterAll(async () => { await app?.close(); await db?.drop(); });

  it('the tick sends each owed reminder once and escalates the third to the unit head (or the coordinator)', async () => {
    const first = await sendDueReminders(deps(), null, { asOf: '2020-03-03' }, new Date('2020-03-03T01:00:00Z'));
    // R1 and R2: report_missed 202001, report_due 202002, task_due each; R3 is closed.
    expect(first.byCause).toMatchObject({ report_missed: 2, report_due: 2, task_due: 2, escalation: 2 });
    expect(first.sent).toBe(6);
    const again = await sendDueReminders(deps(), null, { asOf: '2020-03-03' }, new Date('2020-03-03T02:00:00Z'));
    expect(again.sent + again.escalations).toBe(0);

    const rows = await db.db.selectFrom('supervision_reminder').select(['task_id', 'kind', 'cause', 'level', 'period', 'emailed_at']).orderBy('level').execute();
    expect(rows.filter((r) => r.task_id === c.ids.get('R1'))).toHaveLength(4);
    const esc = notices.filter((n) => n.kind === 'escalation');
    expect(esc).toHaveLength(2);
    const users = new Map((await db.db.selectFrom('app_user').select(['id', 'username']).execute()).map((u) => [u.id, u.username]));
    // gxj is its unit's head; 宁晋县 has none, so the coordinator's users get it (fgw, and mishu, the
    // leading group's secretary at the same commission, in the demo).
    const coordinators = (await db.db.selectFrom('app_user').select('username').where('role', '=', 'coordinator').where('active', '=', 1 as never).orderBy('username').execute()).map((u) => u.username);
    expect(coordinators).toContain('fgw');
    expect(esc.find((n) => n.taskId === c.ids.get('R1'))!.userIds.map((id) => users.get(id))).toEqual(['gxj']);
    expect(esc.find((n) => n.taskId === c.ids.get('R2'))!.userIds.map((id) => users.get(id)).sort()).toEqual(coordinators);
    expect(rows.filter((r) => r.kind === 'escalation').every((r) => r.emailed_at !== null && r.level === 3)).toBe(true);
    const sentIds = (await db.db.selectFrom('supervision_reminder').select('id').execute()).map((r) => r.id);
    const audits = await db.db.selectFrom('audit_log').select('id').where('entity', '=', 'supervision_reminder').where('entity_id', 'in', sentIds).execute();
    expect(audits).toHaveLength(8);
    // A later day owes only what is new: 202002 is now missed (a different cause for the same period).
    const later = await sendDueReminders(deps(), null, { asOf: '2020-03-06' }, new Date('2020-03-06T01:00:00Z'));
    expect(later.byCause).toMatchObject({ report_missed: 2, report_due: 0, task_due: 0 });
  });

  it('one-click and bulk reminders: coordinator only, unit checked, closed tasks skipped in bulk and refused alone', async () => {
    const r1 = c.ids.get('R1')!;
    const one = await fgw.request('POST', `/api/supervision/tasks/${r1}/remind`, { message: '请今天报送' });
    expect(one.statusCode, one.body).toBe(201);
    expect(one.json().sent[0]).toMatchObject({ message: '请今天报送', cause: 'manual', level: 5, org: { code: 'dept-gxj' } });
    expect((await gxj.request('POST', `/api/supervision/tasks/${r1}/remind`, {})).statusCode).toBe(403);
    const wrongUnit = await fgw.request('POST', `/api/supervision/tasks/${r1}/remind`, { orgId: c.orgs.get('130528') });
    expect(wrongUnit.statusCode).toBe(400);
    expect((await fgw.request('POST', `/api/supervision/tasks/${c.ids.get('R3')}/remind`, {})).statusCode).toBe(423);
    const bulk = await fgw.request('POST', '/api/supervision/reminders/bulk', { taskIds: [r1, c.ids.get('R3'), c.ids.get('A1')] });
    expect(bulk.statusCode, bulk.body).toBe(201);
    const b = bulk.json();
    expect(b.sent.map((s: { org: { code: string } }) => s.org.code)).toEqual(['dept-gxj', '130528']);
    expect(b.escalations).toHaveLength(1); // R1's sixth reminder
    expect(b.skipped).toHaveLength(1);
    const before = await db.db.selectFrom('supervision_reminder').select('id').execute();
    const unknown = await fgw.request('POST', '/api/supervision/reminders/bulk', { taskIds: [r1, 'nope'] });
    expect(unknown.statusCode).toBe(404);
    expect(await db.db.selectFrom('supervision_reminder').select('id').execute()).toHaveLength(before.length);
  });

  it('units read only their own reminders and mark them read', async () => {
    const mine = (await gxj.request('GET', '/api/supervision/reminders')).json();
    expect(mine.reminders.length).toBeGreaterThan(0);
    expect(mine.reminders.every((r: { org: { code: string } }) => r.org.code === 'dept-gxj')).toBe(true);
    const theirs = (await ningjin.request('GET', '/api/supervision/reminders')).json();
    expect(theirs.reminders.every((r: { org: { code: string } }) => r.org.code === '130528')).toBe(true);
    expect((await gxj.request('GET', `/api/supervision/reminders?orgId=${c.orgs.get('130528')}`)).json().reminders).toHaveLength(0);
    const id = mine.reminders[0].id;
    expect((await fgw.request('POST', `/api/supervision/reminders/${id}/read`, {})).statusCode).toBe(403);
    const read = await gxj.request('POST', `/api/supervision/reminders/${id}/read`, {});
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await gxj.request('GET', '/api/supervision/reminders?unread=1')).json().reminders.map((r: { id: string }) => r.id)).not.toContain(id);
  });

  it('accountability: red-light history, coordinator writes, own-unit reads, rowVersion and audit', async () => {
    const a1 = c.ids.get('A1')!;
    const body = { taskId: a1, orgId: c.orgs.get('130528'), kind: 'rectify', reason: '连续红灯，限期整改', dueOn: '2099-06-30' };
    expect((await gxj.request('POST', '/api/supervision/accountability', body)).statusCode).toBe(403);
    const notUnit = await fgw.request('POST', '/api/supervision/accountability', { ...body, orgId: c.orgs.get('dept-kjj') });
    expect(notUnit.statusCode).toBe(400);
    expect(notUnit.json().error.issues[0].path).toBe('orgId');
    const res = await fgw.request('POST', '/api/supervision/accountability', body);
    expect(res.statusCode, res.body).toBe(201);
    const rec = res.json();
    expect(rec).toMatchObject({ kind: 'rectify', status: 'open', redDays: 17, rowVersion: 1, dueOn: '2099-06-30' });
    expect(rec.redHistory).toEqual([{ from: '2019-12-27', to: '2020-01-10' }, { from: '2020-02-01', to: '2020-02-02' }]);

    expect((await ningjin.request('GET', '/api/supervision/accountability')).json().records.map((r: { id: string }) => r.id)).toEqual([rec.id]);
    expect((await gxj.request('GET', '/api/supervision/accountability')).json().records).toHaveLength(0);
    expect((await gxj.request('GET', `/api/supervision/accountability/${rec.id}`)).statusCode).toBe(403);

    const noResolution = await fgw.request('PUT', `/api/supervision/accountability/${rec.id}`, { rowVersion: 1, status: 'rectified' });
    expect(noResolution.statusCode).toBe(400);
    const done = await fgw.request('PUT', `/api/supervision/accountability/${rec.id}`, { rowVersion: 1, status: 'rectified', resolution: '已整改到位' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'rectified', rowVersion: 2, resolution: '已整改到位' });
    expect(done.json().resolvedAt).not.toBeNull();
    expect((await fgw.request('PUT', `/api/supervision/accountability/${rec.id}`, { rowVersion: 1, status: 'closed' })).statusCode).toBe(409);
    expect((await ningjin.request('PUT', `/api/supervision/accountability/${rec.id}`, { rowVersion: 2, status: 'closed' })).statusCode).toBe(403);
    expect((await fgw.request('DELETE', `/api/supervision/accountability/${rec.id}?rowVersion=1`)).statusCode).toBe(409);
    expect((await fgw.request('DELETE', `/api/supervision/accountability/${rec.id}?rowVersion=2`)).statusCode).toBe(204);
    const audit = await db.db.selectFrom('audit_log').select('action').where('entity', '=', 'supervision_accountability').where('entity_id', '=', rec.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });
});
