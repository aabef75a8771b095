// 我的待办: what waits for the signed-in user. A unit: tasks to sign, reports due (the current or an
// overdue period not yet submitted, and returned reports), reminders received. The coordinator: reports
// to review and closures to verify. Reminders come from the follow-up module (S2) through `reminders`.
import { authorize, can, type Actor } from '../policy';
import type { Deps } from '../ports';
import { INBOX_KINDS, type Inbox, type InboxItem, type InboxKind } from '../../shared/supervision';
import { planView } from './plan-view';
import { missedPeriods, periodOf, reportDeadline } from './report-periods';
import { ownerFor } from './scope';

export type ReminderItems = (actor: Actor, asOf: string) => Promise<InboxItem[]>;

export async function getInbox(deps: Deps, actor: Actor, asOf: string, reminders?: ReminderItems): Promise<Inbox> {
  authorize(actor, 'read', 'supervision_task');
  const v = await planView(deps, actor, undefined, asOf);
  const items: InboxItem[] = [];
  const item = (kind: InboxKind, n: { id: string; code: string; title: string }, extra: Partial<InboxItem>): InboxItem => ({
    kind, taskId: n.id, taskCode: n.code, taskTitle: n.title, period: null, dueOn: null, reportId: null, closureId: null, reminderId: null, at: null, rowVersion: null, ...extra,
  });
  const reportsOf = new Map<string, typeof v.reports>();
  for (const r of v.reports) reportsOf.set(r.taskId, [...(reportsOf.get(r.taskId) ?? []), r]);
  const hasKids = new Set(v.all.filter((n) => n.parentId).map((n) => n.parentId!));
  const mine = actor.orgId ? v.visible.filter((n) => ownerFor(actor, n) !== null) : [];
  for (const n of mine) {
    if (n.status === 'closed') continue;
    if (n.assignment && n.assignment.org.id === actor.orgId && !n.assignment.signedAt && can(actor, 'approve', 'supervision_task', actor.orgId)) {
      items.push(item('sign', n, { at: n.assignment.assignedAt, rowVersion: n.rowVersion }));
    }
    if (!can(actor, 'create', 'progress_report', actor.orgId) || hasKids.has(n.id) || n.kind === 'special_action') continue;
    const own = reportsOf.get(n.id) ?? [];
    const submitted = new Set(own.filter((r) => r.status === 'submitted' || r.status === 'accepted').map((r) => r.period));
    const due = new Set(missedPeriods(n, submitted, asOf));
    const current = periodOf(asOf, n.reportingCycle);
    if (asOf >= n.startOn && asOf <= n.dueOn && !submitted.has(current)) due.add(current);
    for (const period of [...due].sort()) {
      const r = own.find((x) => x.period === period);
      items.push(item('report_due', n, { period, dueOn: reportDeadline(period, n.reportDeadlineDay), reportId: r?.id ?? null, rowVersion: r?.rowVersion ?? null }));
    }
  }
  const byId = new Map(v.all.map((n) => [n.id, n]));
  if (can(actor, 'approve', 'progress_report')) {
    for (const r of v.reports.filter((x) => x.status === 'submitted')) {
      const n = byId.get(r.taskId);
      if (n) items.push(item('review_report', n, { period: r.period, reportId: r.id, at: r.submittedAt, rowVersion: r.rowVersion }));
    }
  }
  if (can(actor, 'approve', 'closure')) {
    for (const c of (await deps.store.supervision.listClosures(v.planId)).filter((x) => x.status === 'requested')) {
      const n = byId.get(c.taskId);
      if (n) items.push(item('verify_closure', n, { closureId: c.id, at: c.requestedAt, rowVersion: n.rowVersion }));
    }
  }
  if (reminders) items.push(...(await reminders(actor, asOf)));
  const counts = Object.fromEntries(INBOX_KINDS.map((k) => [k, items.filter((i) => i.kind === k).length])) as Record<InboxKind, number>;
  return { asOf, items, counts };
}
