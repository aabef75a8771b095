// Sends the e-mail of notifications after their transaction has committed. Never throws: a failure is
// written on the notification (state 'failed' with the error) and counted, so the caller's request
// still succeeds and the in-app notification stays. Without a mailer (SMTP_URL unset) the pending
// e-mails are marked 'off'.
import type { Deps } from '../ports';
import type { Mailer, PendingEmail } from './ports';

export interface DeliveryReport {
  sent: number;
  failed: number;
  off: number;
}

export function emailText(m: PendingEmail, linkBase: string | null): { subject: string; text: string } {
  const link = m.link ? `\n\n${linkBase ? new URL(m.link, linkBase).toString() : m.link}` : '';
  return {
    subject: m.title === m.titleEn ? m.title : `${m.title} / ${m.titleEn}`,
    text: `${m.body}\n\n${m.bodyEn}${link}\n\n-- SEI Monitor 战略性新兴产业行动计划实施监测平台`,
  };
}

/** `ids` null retries every pending or failed e-mail (sei notify send-pending). */
export async function deliverEmails(deps: Deps, ids: string[] | null, now: () => Date = () => new Date()): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0, off: 0 };
  if (ids && ids.length === 0) return report;
  const store = deps.store.notifications;
  const pending = await store.emailsToSend(ids, 500);
  const mailer: Mailer | null | undefined = deps.mailer;
  for (const m of pending) {
    if (!mailer) {
      await store.setEmailState(m.id, 'off', null, now().toISOString());
      report.off++;
      continue;
    }
    try {
      await mailer.send({ to: m.to, ...emailText(m, mailer.linkBase) });
      await store.setEmailState(m.id, 'sent', null, now().toISOString());
      report.sent++;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      await store.setEmailState(m.id, 'failed', reason.slice(0, 500), now().toISOString()).catch(() => undefined);
      report.failed++;
    }
  }
  return report;
}
