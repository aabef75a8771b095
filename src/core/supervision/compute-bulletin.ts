// The 通报 for a period: units and counties ranked on on-time reporting, closure and red-light days
// (formulas in bulletin-ranking.ts and docs/supervision.md), with its title and 文号 for the Word file.
// Anyone who reads supervised tasks reads the 通报: it names units, never an enterprise's figures.
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { BulletinPeriodSchema, type Bulletin } from '../../shared/supervision-follow-up';
import type { LightCounts } from '../../shared/supervision';
import type { StoredNode } from './ports';
import { bulletinRange, rankRows, type RankReport, type RankTask } from './bulletin-ranking';
import { planIdOf } from './present';
import { remindedOrg } from './send-due-reminders';
import { dayOf } from './scope';

export function defaultDocNumber(period: string): string {
  const year = period.slice(0, 4);
  const q = /Q(\d)$/.exec(period);
  const seq = q ? q[1] : /^\d{6}$/.test(period) ? String(Number(period.slice(4))) : '1';
  return `邢战新督〔${year}〕${seq}号`;
}

export async function computeBulletin(
  deps: Deps, actor: Actor | null, input: { period: string; planId?: string; docNumber?: string }, now: Date,
): Promise<Bulletin> {
  if (actor) authorize(actor, 'read', 'supervision_task');
  const period = parseInput(BulletinPeriodSchema, input.period, 'period');
  const { from, to, label } = bulletinRange(period);
  const today = dayOf(now);
  const end = to < today ? to : today;
  const planId = await planIdOf(deps, input.planId);
  const s = deps.store.supervision;
  const [nodes, reports, closures, plan] = await Promise.all([s.listNodes(planId), s.listReports(planId), s.listClosures(planId), deps.store.plans.detail(planId)]);
  const f = deps.store.supervisionFollowUp;
  const [redDays, lights, orgs, demo] = await Promise.all([f.redDaysInRange(planId, from, end), f.lightsOn(planId, end), f.orgRefs(), f.isDemo()]);

  const closedOwn = new Map<string, string>();
  for (const c of closures) {
    const day = c.decidedAt?.slice(0, 10);
    if (c.status === 'closed' && day && day <= end && !(closedOwn.get(c.taskId)! > day)) closedOwn.set(c.taskId, day);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const closedOn = (n: StoredNode): string | null => {
    for (let cur: StoredNode | undefined = n; cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined) {
      const d = closedOwn.get(cur.id);
      if (d) return d;
    }
    return null;
  };
  const parents = new Set(nodes.map((n) => n.parentId).filter((p): p is string => p !== null));
  const tasks: RankTask[] = [];
  for (const n of nodes) {
    if (n.kind === 'special_action' || parents.has(n.id)) continue;
    const org = remindedOrg(n);
    if (!org) continue;
    tasks.push({ id: n.id, orgId: org.id, startOn: n.startOn, dueOn: n.dueOn, reportingCycle: n.reportingCycle, reportDeadlineDay: n.reportDeadlineDay, closedOn: closedOn(n) });
  }
  const byTask = new Map<string, Map<string, RankReport>>();
  for (const r of reports) {
    const m = byTask.get(r.taskId) ?? new Map<string, RankReport>();
    m.set(r.period, { status: r.status, submittedOn: r.submittedAt ? r.submittedAt.slice(0, 10) : null });
    byTask.set(r.taskId, m);
  }
  const ranked = rankRows({ from, end, tasks, reports: byTask, redDays, lights, currentLights: new Map(nodes.map((n) => [n.id, n.light.light])), orgs });
  const all = [...ranked.departments, ...ranked.counties];
  const sum = (k: 'tasks' | 'reportsDue' | 'reportsOnTime' | 'tasksDue' | 'tasksClosed' | 'redDays') => all.reduce((x, r) => x + r[k], 0);
  const counts: LightCounts = { green: 0, yellow: 0, red: 0, closed: 0 };
  for (const r of all) for (const k of Object.keys(counts) as (keyof LightCounts)[]) counts[k] += r.counts[k];
  const rate = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 10 : null);
  return {
    period, label, from, to, asOf: end, planId, planTitle: plan?.title ?? '',
    docNumber: input.docNumber || defaultDocNumber(period),
    title: `关于${label.zh}战略性新兴产业重点任务督查情况的通报`,
    demo,
    totals: {
      tasks: sum('tasks'), counts, reportsDue: sum('reportsDue'), reportsOnTime: sum('reportsOnTime'), onTimeRate: rate(sum('reportsOnTime'), sum('reportsDue')),
      tasksDue: sum('tasksDue'), tasksClosed: sum('tasksClosed'), closureRate: rate(sum('tasksClosed'), sum('tasksDue')), redDays: sum('redDays'),
    },
    departments: ranked.departments,
    counties: ranked.counties,
  };
}
