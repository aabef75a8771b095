// 督查看板: tasks grouped by special action with their lights, reasons and figures; filters by light,
// unit, special action and text. A department or county user sees its own tasks only.
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { BoardQuerySchema, type Board, type BoardRow, type BoardTaskRow, type LightCounts, type ReportStatus } from '../../shared/supervision';
import { planView } from './plan-view';
import { unitOrgIds } from './scope';

const zero = (): LightCounts => ({ green: 0, yellow: 0, red: 0, closed: 0 });

export async function getBoard(deps: Deps, actor: Actor | null, raw: unknown, today: string): Promise<Board> {
  if (actor) authorize(actor, 'read', 'supervision_task');
  const q = parseInput(BoardQuerySchema, raw);
  const asOf = q.asOf ?? today;
  const v = await planView(deps, actor, q.planId, asOf, { withoutReports: true });
  const closures = await deps.store.supervision.listClosures(v.planId);
  const pending = new Set(closures.filter((c) => c.status === 'requested').map((c) => c.taskId));
  const lastReport = new Map<string, { period: string; status: ReportStatus }>();
  // Reports come in period order; without them (stored lights of the date), ask for each task's latest only.
  for (const r of v.reports.length ? v.reports : await deps.store.supervision.lastReports(v.planId)) lastReport.set(r.taskId, { period: r.period, status: r.status });
  const byId = new Map(v.all.map((n) => [n.id, n]));
  const actionOf = (id: string): string => {
    let n = byId.get(id)!;
    while (n.parentId) n = byId.get(n.parentId)!;
    return n.id;
  };
  const text = q.q?.trim().toLowerCase();
  const rows = new Map<string, BoardRow>();
  const counts = zero();
  for (const n of v.visible) {
    if (n.kind === 'special_action') continue;
    if (q.light && n.light.light !== q.light) continue;
    if (q.orgId && !unitOrgIds(n).has(q.orgId)) continue;
    const sa = actionOf(n.id);
    if (q.specialActionId && sa !== q.specialActionId) continue;
    if (text && !`${n.code} ${n.title}`.toLowerCase().includes(text)) continue;
    const p = v.present(n);
    const row: BoardTaskRow = {
      id: n.id, code: n.code, title: n.title, kind: n.kind, lead: p.lead, responsible: p.responsible, counties: p.counties, assignment: n.assignment,
      startOn: n.startOn, dueOn: n.dueOn, proposed: n.proposed, percentDone: n.percentDone, status: n.status, light: n.light, missedReports: n.missedReports,
      lastReport: lastReport.get(n.id) ?? null, pendingClosure: pending.has(n.id), rowVersion: n.rowVersion,
    };
    if (!rows.has(sa)) {
      const a = byId.get(sa)!;
      rows.set(sa, { specialAction: { id: a.id, code: a.code, title: a.title, percentDone: a.percentDone, light: a.light }, counts: zero(), tasks: [] });
    }
    const r = rows.get(sa)!;
    r.tasks.push(row);
    r.counts[n.light.light] += 1;
    counts[n.light.light] += 1;
  }
  return { asOf, planId: v.planId, counts, rows: [...rows.values()] };
}
