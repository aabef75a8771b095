// Recomputes every node of a plan: percent done (a leaf: its latest accepted report, 100 when closed; a
// parent: its children weighted by weight) and the light (task-light.ts) with missed reports and whether
// the current period is reported. Runs after every change and in the daily tick; writes only what
// changed, and records the day's light (red-light days for 问效 and 通报).
import type { Store } from '../ports';
import type { LightCounts } from '../../shared/supervision';
import type { ComputedFields, StoredNode, StoredReport } from './ports';
import { missedPeriods, periodOf } from './report-periods';
import { taskLight } from './task-light';

const SUBMITTED = new Set(['submitted', 'accepted']);

export interface RecomputeResult {
  tasks: number;
  changed: number;
  counts: LightCounts;
  computed: Map<string, ComputedFields>;
}

export function computePlan(nodes: StoredNode[], reports: StoredReport[], asOf: string): Map<string, ComputedFields> {
  const children = new Map<string, StoredNode[]>();
  for (const n of nodes) if (n.parentId) (children.get(n.parentId) ?? children.set(n.parentId, []).get(n.parentId)!).push(n);
  const byTask = new Map<string, StoredReport[]>();
  for (const r of reports) (byTask.get(r.taskId) ?? byTask.set(r.taskId, []).get(r.taskId)!).push(r);
  const out = new Map<string, ComputedFields>();
  const visit = (n: StoredNode): number => {
    const kids = children.get(n.id) ?? [];
    const own = byTask.get(n.id) ?? [];
    let percent: number;
    if (n.status === 'closed') percent = 100;
    else if (kids.length > 0) {
      const figures = kids.map((k) => ({ w: k.weight, p: visit(k) }));
      const total = figures.reduce((s, f) => s + f.w, 0);
      percent = total > 0 ? figures.reduce((s, f) => s + f.w * f.p, 0) / total : figures.reduce((s, f) => s + f.p, 0) / figures.length;
    } else {
      const accepted = own.filter((r) => r.status === 'accepted').sort((a, b) => (a.period < b.period ? 1 : -1));
      percent = accepted[0]?.percentDone ?? 0;
    }
    if (n.status === 'closed' && kids.length > 0) for (const k of kids) visit(k);
    percent = Math.min(100, Math.max(0, percent));
    // A parent is judged on its roll-up and dates; reports are missed on the leaves that owe them.
    const submitted = new Set(own.filter((r) => SUBMITTED.has(r.status)).map((r) => r.period));
    const missed = kids.length > 0 ? 0 : missedPeriods(n, submitted, asOf).length;
    const reportedThisPeriod = kids.length > 0 ? true : submitted.has(periodOf(asOf, n.reportingCycle));
    const light = taskLight({ start: n.startOn, due: n.dueOn, asOf, percentDone: percent, status: n.status, missedReports: missed, reportedThisPeriod });
    out.set(n.id, { percentDone: percent, light, missedReports: missed, reportedThisPeriod, lightAsOf: asOf });
    return percent;
  };
  for (const n of nodes) if (!n.parentId) visit(n);
  return out;
}

const same = (a: ComputedFields, n: StoredNode) =>
  Math.abs(a.percentDone - n.percentDone) < 1e-9 && a.light.light === n.light.light && a.light.reasons.join() === n.light.reasons.join() &&
  Math.abs(a.light.timeElapsedPct - n.light.timeElapsedPct) < 1e-9 && Math.abs(a.light.lagPoints - n.light.lagPoints) < 1e-9 &&
  a.missedReports === n.missedReports && a.reportedThisPeriod === n.reportedThisPeriod && a.lightAsOf === n.lightAsOf;

export async function recomputePlan(store: Store, planId: string, asOf: string): Promise<RecomputeResult> {
  const nodes = await store.supervision.listNodes(planId);
  const reports = await store.supervision.listReports(planId);
  const computed = computePlan(nodes, reports, asOf);
  const counts: LightCounts = { green: 0, yellow: 0, red: 0, closed: 0 };
  let changed = 0;
  for (const n of nodes) {
    const c = computed.get(n.id);
    if (!c) continue;
    counts[c.light.light] += 1;
    if (!same(c, n)) {
      changed += 1;
      await store.supervision.setComputed(n.id, c);
    }
    await store.supervision.upsertLightDay(n.id, {
      day: asOf, light: c.light.light, reasons: c.light.reasons, percentDone: c.percentDone, timeElapsedPct: c.light.timeElapsedPct, lagPoints: c.light.lagPoints,
    });
  }
  return { tasks: nodes.length, changed, counts, computed };
}
