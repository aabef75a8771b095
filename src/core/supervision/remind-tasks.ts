// 一键催办: the coordinator reminds the unit of one task (POST /api/supervision/tasks/:id/remind, or the
// contract's POST /api/supervision/reminders) or of many at once (POST /api/supervision/reminders/bulk).
// All-or-nothing: an unknown task or a unit the task does not name rejects the whole request. Closed
// tasks are skipped in bulk (and refused alone); every third reminder escalates (record-reminder.ts).
import { AppError, notFound } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import { BulkRemindSchema, RemindSchema, type RemindResult } from '../../shared/supervision-follow-up';
import type { FollowUpDeps, ReminderNotice } from './follow-up-ports';
import { deliverNotices, recordReminder } from './record-reminder';
import { periodLabel } from './reminder-rules';
import { actorId, actorName, TASK_LABEL, unitOrgIds } from './scope';
import { remindedOrg } from './send-due-reminders';

const defaultMessage = (code: string, title: string, period: string | undefined) => ({
  zh: `请抓紧推进「${code} ${title}」${period ? `并报送${periodLabel(period)}进展情况` : '并按时报送进展情况'}。`,
  en: `Please move ${code} "${title}" forward${period ? ` and submit the ${period} report` : ' and report on time'}.`,
});

export async function remindTasks(
  deps: FollowUpDeps, actor: Actor | null, raw: { taskIds: string[]; orgId?: string; period?: string; message?: string }, now: Date,
): Promise<RemindResult> {
  if (actor) authorize(actor, 'create', 'reminder');
  const single = raw.taskIds.length === 1;
  const input = { ...parseInput(BulkRemindSchema, { taskIds: raw.taskIds, message: raw.message }), ...parseInput(RemindSchema, { orgId: raw.orgId, period: raw.period }) };
  const at = now.toISOString();
  const by = { id: actorId(actor), name: actorName(actor) };
  const notices: ReminderNotice[] = [];
  const result = await deps.store.transaction(async (tx) => {
    const out: RemindResult = { sent: [], escalations: [], skipped: [] };
    const nodes = [];
    for (const id of [...new Set(input.taskIds)]) {
      const n = await tx.supervision.getNode(id);
      if (!n) throw notFound(TASK_LABEL, id);
      nodes.push(n);
    }
    for (const n of nodes) {
      const org = input.orgId ? [...n.units, ...(n.assignment ? [n.assignment.org] : [])].find((u) => u.id === input.orgId) ?? null : remindedOrg(n);
      if (input.orgId && !unitOrgIds(n).has(input.orgId)) {
        throw new AppError('VALIDATION', { zh: `任务 ${n.code} 的责任单位中没有该单位：${input.orgId}`, en: `task ${n.code} does not name unit ${input.orgId}` },
          [{ path: 'orgId', field: 'orgId', message: 'not a unit of the task' }]);
      }
      const skip = n.status === 'closed' ? { zh: `任务已销号：${n.code}`, en: `task ${n.code} is closed` }
        : n.kind === 'special_action' ? { zh: `专项行动不直接催办：${n.code}`, en: `${n.code} is a special action; remind its tasks` }
          : !org ? { zh: `任务 ${n.code} 未交办且无牵头单位`, en: `task ${n.code} has no assigned or lead unit` } : null;
      if (skip) {
        if (single) throw new AppError(n.status === 'closed' ? 'LOCKED' : 'VALIDATION', skip);
        out.skipped.push({ taskId: n.id, reason: skip });
        continue;
      }
      const m = input.message ? { zh: input.message, en: input.message } : defaultMessage(n.code, n.title, input.period);
      const rec = await recordReminder(tx, { task: n, org: { id: org!.id, code: org!.code, name: org!.name }, cause: 'manual', period: input.period ?? null, message: m.zh, messageEn: m.en }, by, at);
      out.sent.push(rec.reminder);
      if (rec.escalation) out.escalations.push(rec.escalation);
      notices.push(...rec.notices);
    }
    return out;
  });
  await deliverNotices(deps, notices, now);
  return result;
}
