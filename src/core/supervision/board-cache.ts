// The board's read model: every task of a plan with its light, units, last report and pending closure,
// built for one as-of date and kept in memory until the supervision change counter moves. Building it
// reads every node and each task's latest report (hundreds of ms at 10,000 tasks); serving it from here
// is a filter over an array. The counter is read before the data, so a write committed while the model
// is being built leaves it under the old counter and the next read rebuilds it.
import type { Deps } from '../ports';
import type { BoardRow, BoardTaskRow, ReportStatus } from '../../shared/supervision';
import type { StoredNode } from './ports';
import { planView } from './plan-view';
import { unitOrgIds } from './scope';

export interface BoardEntry {
  node: StoredNode;
  row: BoardTaskRow;
  /** The special action the task sits under. */
  specialActionId: string;
  orgIds: Set<string>;
  /** Its counties and the unit it is assigned to (the board's county filter). */
  countyIds: Set<string>;
  /** Lower-cased code and title, for the text filter. */
  text: string;
}

export interface BoardSnapshot {
  planId: string;
  asOf: string;
  entries: BoardEntry[];
  heads: Map<string, BoardRow['specialAction']>;
}

const MAX_KEPT = 16;
const kept = new WeakMap<object, Map<string, { generation: number; snapshot: BoardSnapshot }>>();

export async function boardSnapshot(deps: Deps, planId: string, asOf: string): Promise<BoardSnapshot> {
  const generation = await deps.store.supervision.generation();
  let byKey = kept.get(deps.store);
  if (!byKey) kept.set(deps.store, (byKey = new Map()));
  const key = `${planId}|${asOf}`;
  const hit = byKey.get(key);
  if (hit && hit.generation === generation) return hit.snapshot;
  const snapshot = await buildSnapshot(deps, planId, asOf);
  byKey.delete(key);
  byKey.set(key, { generation, snapshot });
  if (byKey.size > MAX_KEPT) byKey.delete(byKey.keys().next().value as string);
  return snapshot;
}

async function buildSnapshot(deps: Deps, planId: string, asOf: string): Promise<BoardSnapshot> {
  const v = await planView(deps, null, planId, asOf, { withoutReports: true });
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
  const entries: BoardEntry[] = [];
  const heads = new Map<string, BoardRow['specialAction']>();
  for (const n of v.all) {
    if (n.kind === 'special_action') {
      heads.set(n.id, { id: n.id, code: n.code, title: n.title, percentDone: n.percentDone, light: n.light });
      continue;
    }
    const p = v.present(n);
    entries.push({
      node: n,
      specialActionId: actionOf(n.id),
      orgIds: unitOrgIds(n),
      countyIds: new Set([...n.units.filter((u) => u.role === 'county').map((u) => u.id), ...(n.assignment ? [n.assignment.org.id] : [])]),
      text: `${n.code} ${n.title}`.toLowerCase(),
      row: {
        id: n.id, code: n.code, title: n.title, kind: n.kind, lead: p.lead, responsible: p.responsible, counties: p.counties, assignment: n.assignment,
        startOn: n.startOn, dueOn: n.dueOn, proposed: n.proposed, percentDone: n.percentDone, status: n.status, light: n.light, missedReports: n.missedReports,
        lastReport: lastReport.get(n.id) ?? null, pendingClosure: pending.has(n.id), rowVersion: n.rowVersion,
      },
    });
  }
  return { planId: v.planId, asOf, entries, heads };
}
