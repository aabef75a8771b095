// Supervision notices reach people through the notifications, on both databases: a one-click 催办 lands
// in the lead unit's notification list and its e-mail, and the third reminder's escalation reaches the
// unit head's list and mailbox — through a real SMTP server started here, with the app as the server runs it.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../src/server/mailer';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';
import { startSmtpServer, type TestSmtp } from './helpers/smtp';

describe.each(dialects)('%s: supervision reminders as notifications', (dialect) => {
  let database: TestDatabase;
  let smtp: TestSmtp;
  let app: FastifyInstance;
  let fgw: Session;
  let gxj: Session;
  let taskId: string;
  let gxjOrg: string;

  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    smtp = await startSmtpServer();
    app = await makeApp(database, { mailer: smtpMailer({ url: smtp.url, from: 'SEI Monitor <sei@example.org>', linkBase: 'http://sei.example' }) });
    const admin = await loginAs(app, 'admin');
    const user = (await admin.request('GET', '/api/users')).json().users.find((u: { username: string }) => u.username === 'gxj');
    expect((await admin.request('PATCH', `/api/users/${user.id}`, { rowVersion: user.rowVersion, email: 'gxj@example.org' })).statusCode).toBe(200);
    gxjOrg = user.orgId ?? (await database.db.selectFrom('organization').select('id').where('code', '=', 'dept-gxj').executeTakeFirstOrThrow()).id;
    // An open leaf task led by 工信局, with no reminders yet.
    const row = await database.db.selectFrom('supervision_task as t').innerJoin('supervision_task_unit as u', 'u.task_id', 't.id')
      .select('t.id').where('u.org_id', '=', gxjOrg).where('u.role', '=', 'lead').where('t.status', '!=', 'closed').where('t.kind', '=', 'task')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('supervision_reminder as r').select('r.id').whereRef('r.task_id', '=', 't.id'))))
      .orderBy('t.code').executeTakeFirstOrThrow();
    taskId = row.id;
    [fgw, gxj] = await Promise.all([loginAs(app, 'fgw'), loginAs(app, 'gxj')]);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await database?.drop();
  });

  const unread = async (s: Session) => (await s.request('GET', '/api/notifications/unread-count')).json().unread as number;

  it('a one-click 催办 notifies the lead unit in the app and by e-mail', async () => {
    const before = await unread(gxj);
    const res = await fgw.request('POST', `/api/supervision/tasks/${taskId}/remind`, { orgId: gxjOrg, message: '请尽快报送进展' });
    expect(res.statusCode, res.body).toBe(201);
    expect(await unread(gxj)).toBe(before + 1);
    const list = (await gxj.request('GET', '/api/notifications')).json();
    const items = (list.items ?? list.notifications) as { kind: string; link: string | null }[];
    expect(items[0]).toMatchObject({ kind: 'supervision.reminder', link: `/supervision/tasks/${taskId}` });
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual(['gxj@example.org']);
    expect(mail!.subject).toContain('催办');
    const stamped = await database.db.selectFrom('supervision_reminder').select('emailed_at').where('task_id', '=', taskId).executeTakeFirstOrThrow();
    expect(stamped.emailed_at).not.toBeNull();
  });

  it('the third reminder escalates to the unit head, who is notified and mailed', async () => {
    // The head flag is set by `sei supervision unit-head`; here directly.
    await database.db.updateTable('app_user').set({ unit_head: 1 }).where('username', '=', 'gxj').execute();
    const before = await unread(gxj);
    for (let i = 0; i < 2; i++) expect((await fgw.request('POST', `/api/supervision/tasks/${taskId}/remind`, { orgId: gxjOrg })).statusCode).toBe(201);
    // Two reminders plus the escalation of the third.
    expect(await unread(gxj)).toBe(before + 3);
    const mails = await smtp.waitFor(4);
    expect(mails.some((m) => m.subject.includes('升级督办'))).toBe(true);
  });
});
