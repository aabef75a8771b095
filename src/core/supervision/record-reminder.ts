// Writes one reminder (催办) and, on every third reminder to a unit about a task, an escalation (升级督办)
// to the unit's head; then, after the transaction, hands both to the notify hook.
// 单位负责人 (unit head): the unit's active users flagged unit_head (`sei supervision unit-head`); a unit
// without one escalates to the coordinator's users (市发展改革委), who supervise every task anyway.
import { newId } from '../ids';
import type { Store } from '../ports';
import type { OrgRef } from '../../shared/supervision';
import type { ReminderCause, ReminderView } from '../../shared/supervision-follow-up';
import type { FollowUpDeps, ReminderNotice } from './follow-up-ports';
import { escalates, periodLabel } from './reminder-rules';

export interface ReminderDraft {
  task: { id: string; code: string; title: string };
  org: OrgRef;
  cause: Exclude<ReminderCause, 'escalation'>;
  period: string | null;
  message: string;
  messageEn: string;
}

export interface Recorded {
  reminder: ReminderView;
  escalation: ReminderView | null;
  notices: ReminderNotice[];
}

const link = (taskId: string) => `/supervision/tasks/${encodeURIComponent(taskId)}`;

export async function recordReminder(tx: Store, d: ReminderDraft, by: { id: string | null; name: string }, at: string, demo = false): Promise<Recorded> {
  const f = tx.supervisionFollowUp;
  const n = (await f.reminderCount(d.task.id, d.org.id)) + 1;
  const id = newId();
  await f.insertReminder({ id, taskId: d.task.id, orgId: d.org.id, kind: 'reminder', cause: d.cause, level: n, period: d.period, message: d.message, sentBy: by.name, sentAt: at, demo });
  await tx.audit.write({ actorId: by.id, actorName: by.name, action: 'create', entity: 'supervision_reminder', entityId: id,
    after: { taskId: d.task.id, taskCode: d.task.code, orgId: d.org.id, cause: d.cause, period: d.period, level: n, message: d.message } });
  const users = await f.orgUsers(d.org.id);
  const base = { taskId: d.task.id, taskCode: d.task.code, taskTitle: d.task.title, org: d.org, period: d.period, sentBy: by.name, sentAt: at, readAt: null, emailedAt: null };
  const reminder: ReminderView = { ...base, id, kind: 'reminder', cause: d.cause, level: n, message: d.message };
  const notices: ReminderNotice[] = [{
    reminderId: id, kind: 'reminder', cause: d.cause, taskId: d.task.id, orgId: d.org.id, userIds: users.map((u) => u.id), link: link(d.task.id),
    subject: { zh: `【催办】${d.task.code} ${d.task.title}`, en: `[Reminder] ${d.task.code} ${d.task.title}` },
    body: { zh: d.message, en: d.messageEn },
  }];
  if (!escalates(n)) return { reminder, escalation: null, notices };

  const heads = users.filter((u) => u.unitHead);
  const to = heads.length ? heads : await f.coordinators();
  const whom = heads.length ? `${d.org.name}负责人` : '牵头单位（市发展改革委）';
  const escId = newId();
  const when = d.period ? `${periodLabel(d.period)}` : '';
  const message = `「${d.task.code} ${d.task.title}」${when}已对${d.org.name}催办${n}次，升级督办至${whom}：${to.map((u) => u.displayName).join('、') || '（无用户）'}。`;
  const messageEn = `${d.org.name} has been reminded ${n} times about ${d.task.code} "${d.task.title}"; escalated to ${heads.length ? 'the unit head' : 'the coordinator'}: ${to.map((u) => u.username).join(', ') || '(no users)'}.`;
  await f.insertReminder({ id: escId, taskId: d.task.id, orgId: d.org.id, kind: 'escalation', cause: 'escalation', level: n, period: d.period, message, sentBy: by.name, sentAt: at, demo });
  await tx.audit.write({ actorId: by.id, actorName: by.name, action: 'create', entity: 'supervision_reminder', entityId: escId,
    after: { taskId: d.task.id, taskCode: d.task.code, orgId: d.org.id, kind: 'escalation', level: n, recipients: to.map((u) => u.username) } });
  notices.push({
    reminderId: escId, kind: 'escalation', cause: 'escalation', taskId: d.task.id, orgId: d.org.id, userIds: to.map((u) => u.id), link: link(d.task.id),
    subject: { zh: `【升级督办】${d.task.code} ${d.task.title}`, en: `[Escalation] ${d.task.code} ${d.task.title}` },
    body: { zh: message, en: messageEn },
  });
  return { reminder, escalation: { ...base, id: escId, kind: 'escalation', cause: 'escalation', level: n, message }, notices };
}

/** After the reminders are committed: deliver each notice; a delivery that e-mailed stamps emailed_at. A failed delivery leaves the in-app reminder. */
export async function deliverNotices(deps: FollowUpDeps, notices: ReminderNotice[], now: Date): Promise<number> {
  if (!deps.notify) return 0;
  let failed = 0;
  for (const n of notices) {
    try {
      const r = await deps.notify(n);
      if (r && r.emailed) await deps.store.supervisionFollowUp.setReminderEmailed(n.reminderId, now.toISOString());
    } catch {
      failed += 1;
    }
  }
  return failed;
}
