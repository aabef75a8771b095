// The daily supervision run inside the server (croner, 01:00 Asia/Shanghai): recompute every light and
// record the day. Only the running server starts it (tests build the app without it); SUPERVISION_CRON=off
// turns it off, SUPERVISION_CRON="<pattern>" changes the time.
import { Cron } from 'croner';
import type { FastifyBaseLogger } from 'fastify';
import { reminderNotifier } from '../core/supervision/notify-through-notifications';
import { sendDueReminders } from '../core/supervision/send-due-reminders';
import { tickSupervision } from '../core/supervision/tick';
import type { Database } from '../db/connect';
import { createStore } from '../db/store';
import { secrets } from './auth/secrets';
import { mailerFromEnv } from './mailer';

export function startSupervisionSchedule(database: Database, log: FastifyBaseLogger): { stop(): void } | null {
  const pattern = process.env.SUPERVISION_CRON ?? '0 1 * * *';
  if (pattern === 'off' || process.env.VITEST) return null;
  const base = { store: createStore(database.db), secrets, mailer: mailerFromEnv() };
  const deps = { ...base, notify: reminderNotifier(base) };
  const job = new Cron(pattern, { timezone: 'Asia/Shanghai', protect: true }, async () => {
    // The day in Xingtai (UTC+8), which the 01:00 run belongs to.
    const asOf = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    try {
      const r = await tickSupervision(deps, null, asOf);
      // Reminders before due dates and after missed report deadlines, once per task, unit, cause and period.
      const reminders = await sendDueReminders(deps, null, { asOf }, new Date());
      log.info({ supervisionTick: r, reminders }, 'supervision tick');
    } catch (e) {
      log.error(e, 'supervision tick failed');
    }
  });
  return { stop: () => job.stop() };
}
