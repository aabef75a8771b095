// The daily tick's reminders (S1's tick calls this after recomputing the lights): every leaf task that
// owes a reminder on `asOf` (reminder-rules.ts) gets it once per (task, unit, cause, period) — a re-run
// tick, or two ticks on one day, send nothing new. The unit reminded is the one the task is assigned to,
// else its lead unit. Escalations follow the third reminder (record-reminder.ts).
import { authorize, type Actor } from '../policy';
import type { DueRemindersResult, ReminderCause } from '../../shared/supervision-follow-up';
import type { FollowUpDeps, ReminderNotice } from './follow-up-ports';
import type { StoredNode } from './ports';
import { planIdOf } from './present';
import { deliverNotices, recordReminder } from './record-reminder';
import { owedReminders, reminderKey } from './reminder-rules';
import { actorId } from './scope';

const SUBMITTED = new Set(['submitted', 'accepted']);

/** The unit a task's reminders go to: the assigned unit, else the lead unit. */
export function remindedOrg(n: Pick<StoredNode, 'assignment' | 'units'>): { id: string; code: string; name: string } | null {
  if (n.assignment) return n.assignment.org;
  const lead = n.units.find((u) => u.role === 'lead');
  return lead ? { id: lead.id, code: lead.code, name: lead.name } : null;
}

export async function sendDueReminders(
  deps: FollowUpDeps, actor: Actor | null, input: { planId?: string; asOf: string; demo?: boolean }, now: Date,
): Promise<DueRemindersResult> {
  if (actor) authorize(actor, 'create', 'reminder');
  const planId = await planIdOf(deps, input.planId);
  const byCause: Record<ReminderCause, number> = { manual: 0, report_due: 0, report_missed: 0, task_due: 0, escalation: 0 };
  const notices: ReminderNotice[] = [];
  const by = { id: actorId(actor), name: actor ? actor.username : 'tick' };
  await deps.store.transaction(async (tx) => {
    const nodes = await tx.supervision.listNodes(planId);
    const reports = await tx.supervision.listReports(planId);
    const keys = await tx.supervisionFollowUp.reminderKeys(planId);
    const parents = new Set(nodes.map((n) => n.parentId).filter((p): p is string => p !== null));
    const submitted = new Map<string, Set<string>>();
    for (const r of reports) if (SUBMITTED.has(r.status)) submitted.set(r.taskId, (submitted.get(r.taskId) ?? new Set()).add(r.period));
    for (const n of nodes) {
      if (n.kind === 'special_action' || parents.has(n.id)) continue;
      const org = remindedOrg(n);
      if (!org) continue;
      for (const owed of owedReminders(n, submitted.get(n.id) ?? new Set(), input.asOf)) {
        const key = reminderKey(n.id, org.id, owed.cause, owed.period);
        if (keys.has(key)) continue;
        keys.add(key);
        const rec = await recordReminder(tx, { task: n, org, cause: owed.cause, period: owed.period, message: owed.message.zh, messageEn: owed.message.en },
          by, `${input.asOf}T${now.toISOString().slice(11)}`, input.demo);
        byCause[owed.cause] += 1;
        if (rec.escalation) byCause.escalation += 1;
        notices.push(...rec.notices);
      }
    }
  });
  await deliverNotices(deps, notices, now);
  const sent = byCause.report_due + byCause.report_missed + byCause.task_due;
  return { asOf: input.asOf, sent, escalations: byCause.escalation, byCause };
}
