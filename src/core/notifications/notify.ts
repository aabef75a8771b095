// The one way anything in the product tells a person something: call notify() inside the use-case's
// transaction (the notification lands or fails with the change), then deliverEmails() after the commit
// (an SMTP failure must never undo the change or lose the notification: it is recorded on the row).
// The API is described for other features in docs/notifications.md.
import { newId } from '../ids';
import type { Store } from '../ports';
import type { EmailState, NewNotification, RecipientSelector } from './ports';

export interface NotifyInput {
  recipients: RecipientSelector;
  /** A dotted name of what happened, e.g. 'statistics.remind', 'task.overdue'. */
  kind: string;
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  /** A path of the web app (e.g. '/statistics/entry?dataset=X&period=2020'), shown as a link. */
  link?: string | null;
  entity?: string | null;
  entityId?: string | null;
  /** Leave out these users (usually the actor, who needs no note of their own action). */
  exceptUserIds?: string[];
}

export interface NotifyResult {
  /** The notification ids created, one per recipient; pass them to deliverEmails() after commit. */
  ids: string[];
  recipientIds: string[];
}

export async function notify(tx: Store, input: NotifyInput, now: Date): Promise<NotifyResult> {
  const except = new Set(input.exceptUserIds ?? []);
  const users = (await tx.notifications.recipients(input.recipients)).filter((u) => !except.has(u.id));
  const at = now.toISOString();
  const rows: NewNotification[] = users.map((u) => ({
    id: newId(now.getTime()),
    recipientId: u.id,
    kind: input.kind,
    title: input.title.zh,
    titleEn: input.title.en,
    body: input.body.zh,
    bodyEn: input.body.en,
    link: input.link ?? null,
    entity: input.entity ?? null,
    entityId: input.entityId ?? null,
    createdAt: at,
    emailTo: u.email,
    emailState: (u.email ? 'pending' : 'none') satisfies EmailState,
  }));
  if (rows.length) await tx.notifications.insert(rows);
  return { ids: rows.map((r) => r.id), recipientIds: rows.map((r) => r.recipientId) };
}
