// Notifications on both databases: 催报 reaches the reminded enterprise's users in the app (unread count,
// list, mark read) and by e-mail through a real SMTP server started here; with the SMTP server down the
// reminder and its notification stay, the failure is recorded and nobody gets a 500.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISE } from '../src/db/seed/demo';
import { smtpMailer } from '../src/server/mailer';
import { createInitializedDatabase, dialects, type TestDatabase } from './helpers/databases';
import { loginAs, makeApp, type Session } from './helpers/http';
import { startSmtpServer, type TestSmtp } from './helpers/smtp';

const ENT = DEMO_ENTERPRISE.code;

describe.each(dialects)('%s: notifications', (dialect) => {
  let database: TestDatabase;
  let smtp: TestSmtp;
  let app: FastifyInstance;
  let tongji: Session;
  let qiye: Session;
  /** Months for which the demo enterprise has not reported (reminders are for non-reporters). */
  let missing: string[];

  beforeAll(async () => {
    database = await createInitializedDatabase(dialect, { demo: true });
    smtp = await startSmtpServer();
    app = await makeApp(database, { mailer: smtpMailer({ url: smtp.url, from: 'SEI Monitor <sei@example.org>', linkBase: 'http://sei.example' }) });
    const admin = await loginAs(app, 'admin');
    const user = (await admin.request('GET', '/api/users')).json().users.find((u: { username: string }) => u.username === 'qiye');
    expect((await admin.request('PATCH', `/api/users/${user.id}`, { rowVersion: user.rowVersion, email: 'qiye@example.org' })).statusCode).toBe(200);
    [tongji, qiye] = await Promise.all([loginAs(app, 'tongji'), loginAs(app, 'qiye')]);
    missing = [];
    // The demo data ends in 2020; the first months of 2021 are still to be reported.
    for (let m = 1; m <= 12 && missing.length < 2; m++) {
      const period = `2021${String(m).padStart(2, '0')}`;
      const c = (await tongji.request('GET', `/api/statistics/completeness?dataset=ENT_MONTHLY&period=${period}`)).json();
      if (c.nonReporters.some((n: { orgCode: string }) => n.orgCode === ENT)) missing.push(period);
    }
    expect(missing).toHaveLength(2);
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await database?.drop();
  });

  const unread = async (s: Session) => {
    const res = await s.request('GET', '/api/notifications/unread-count');
    expect(res.statusCode, res.body).toBe(200);
    return res.json().unread as number;
  };

  it('tongji reminds the enterprise: qiye sees it in the list with the unread count, and gets the e-mail', async () => {
    const before = await unread(qiye);
    const res = await tongji.request('POST', '/api/statistics/reminders', { dataset: 'ENT_MONTHLY', period: missing[0], orgCodes: [ENT] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ sent: 1, orgCodes: [ENT], notified: 1, email: { sent: 1, failed: 0 } });
    expect(await unread(qiye)).toBe(before + 1);
    expect(await unread(tongji)).toBe(0);

    const list = (await qiye.request('GET', '/api/notifications')).json();
    expect(list.total).toBe(before + 1);
    const n = list.items[0];
    expect(n).toMatchObject({
      kind: 'statistics.remind', readAt: null, entity: 'report', entityId: `ENT_MONTHLY/${ENT}/${missing[0]}`,
      link: `/statistics/entry?dataset=ENT_MONTHLY&period=${missing[0]}`, email: { state: 'sent', error: null },
    });
    expect(n.title).toContain('催报');
    expect(n.titleEn).toContain('Reminder');

    const [mail] = await smtp.waitFor(1);
    expect(mail.to).toEqual(['qiye@example.org']);
    expect(mail.from).toBe('sei@example.org');
    expect(mail.subject).toBe(`${n.title} / ${n.titleEn}`);
    expect(mail.text).toContain(n.body);
    expect(mail.text).toContain(`http://sei.example/statistics/entry?dataset=ENT_MONTHLY&period=${missing[0]}`);
  });

  it('marks one and then all read; nobody reads or marks another user\'s notifications', async () => {
    const list = (await qiye.request('GET', '/api/notifications?unread=1')).json();
    expect(list.items.length).toBeGreaterThan(0);
    const id = list.items[0].id;
    expect((await tongji.request('POST', `/api/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await tongji.request('GET', '/api/notifications')).json().items.map((x: { id: string }) => x.id)).not.toContain(id);
    const read = await qiye.request('POST', `/api/notifications/${id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().unread).toBe(list.unread - 1);
    expect((await qiye.request('GET', '/api/notifications')).json().items.find((x: { id: string }) => x.id === id).readAt).toBeTruthy();
    expect((await qiye.request('POST', '/api/notifications/read-all')).statusCode).toBe(200);
    expect(await unread(qiye)).toBe(0);
    expect((await app.inject({ method: 'GET', url: '/api/notifications/unread-count' })).statusCode).toBe(401);
  });

  it('with the SMTP server down the reminder succeeds, the notification stays and the failure is recorded', async () => {
    const dead = await startSmtpServer();
    await dead.close();
    const down = await makeApp(database, { mailer: smtpMailer({ url: dead.url }) });
    try {
      const t = await loginAs(down, 'tongji');
      const q = await loginAs(down, 'qiye');
      const before = await unread(q);
      const res = await t.request('POST', '/api/statistics/reminders', { dataset: 'ENT_MONTHLY', period: missing[1], orgCodes: [ENT] });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ sent: 1, notified: 1, email: { sent: 0, failed: 1 } });
      expect(await unread(q)).toBe(before + 1);
      const n = (await q.request('GET', '/api/notifications')).json().items[0];
      expect(n.entityId).toBe(`ENT_MONTHLY/${ENT}/${missing[1]}`);
      expect(n.email.state).toBe('failed');
      expect(n.email.error).toMatch(/ECONNREFUSED|connect/i);
      const c = (await t.request('GET', `/api/statistics/completeness?dataset=ENT_MONTHLY&period=${missing[1]}`)).json();
      expect(c.nonReporters.find((x: { orgCode: string }) => x.orgCode === ENT).reminders).toBe(1);
    } finally {
      await down.close();
    }
  });
});
