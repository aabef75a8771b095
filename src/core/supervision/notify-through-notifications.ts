// Supervision's notices (交办, 退回, 催办, 升级督办) go through the product's notifications: an in-app
// notification for each recipient, then the e-mail after the commit (src/core/notifications). The
// use-cases only know their small ports; the server and the CLI plug these in.
import { deliverEmails } from '../notifications/deliver-emails';
import { notify } from '../notifications/notify';
import type { Deps } from '../ports';
import type { ReminderNotify } from './follow-up-ports';
import type { SupervisionNotify } from './ports';

/** Reminders and escalations: to the users named on the notice (or, when none, the unit's users). */
export function reminderNotifier(deps: Deps, now: () => Date = () => new Date()): ReminderNotify {
  return async (n) => {
    const ids = await deps.store.transaction(async (tx) => (await notify(tx, {
      recipients: n.userIds.length ? { userIds: n.userIds } : { orgIds: [n.orgId] },
      kind: `supervision.${n.kind}`, title: n.subject, body: n.body, link: n.link, entity: 'supervision_task', entityId: n.taskId,
    }, now())).ids);
    const r = await deliverEmails(deps, ids, now);
    return { emailed: r.sent > 0 };
  };
}

/** Assignments and returned reports: to the users of the unit concerned. */
export function taskNotifier(deps: Deps, now: () => Date = () => new Date()): SupervisionNotify {
  return async (n) => {
    const ids = await deps.store.transaction(async (tx) => (await notify(tx, {
      recipients: { orgIds: [n.orgId] }, kind: 'supervision.task', title: n.subject, body: n.body, link: n.link,
    }, now())).ids);
    await deliverEmails(deps, ids, now);
  };
}
