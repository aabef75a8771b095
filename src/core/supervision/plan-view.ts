// The plan's nodes as one user may see them, with figures computed for an as-of date (not stored: a
// look at another date changes nothing).
import type { Actor } from '../policy';
import type { Deps } from '../ports';
import type { SupervisionNode } from '../../shared/supervision';
import type { StoredNode, StoredReport } from './ports';
import { linkNamer, planIdOf, presentNode } from './present';
import { computePlan } from './recompute';
import { canRead } from './scope';

export interface PlanView {
  planId: string;
  asOf: string;
  /** Every node of the plan with the as-of figures (for roll-ups and parents). */
  all: StoredNode[];
  /** The nodes the actor may read. */
  visible: StoredNode[];
  reports: StoredReport[];
  present(n: StoredNode): SupervisionNode;
  childrenOf(id: string): StoredNode[];
}

export async function planView(
  deps: Deps, actor: Actor | null, planIdIn: string | undefined, asOf: string, opts: { withoutReports?: boolean } = {},
): Promise<PlanView> {
  const planId = await planIdOf(deps, planIdIn);
  const s = deps.store.supervision;
  const stored = await s.listNodes(planId);
  // The stored figures are those of the last recompute (every change and the daily run). When they are of
  // the asked date, they are the answer: no need to read every report and recompute every light.
  const fresh = stored.length > 0 && stored.every((n) => n.lightAsOf === asOf);
  const reports = fresh && opts.withoutReports ? [] : await s.listReports(planId);
  const computed = fresh ? new Map() : computePlan(stored, reports, asOf);
  const all = stored.map((n) => ({ ...n, ...(computed.get(n.id) ?? {}) }));
  const kids = new Map<string, StoredNode[]>();
  for (const n of all) {
    if (!n.parentId) continue;
    const list = kids.get(n.parentId);
    if (list) list.push(n);
    else kids.set(n.parentId, [n]);
  }
  const names = await linkNamer(deps, planId);
  return {
    planId, asOf, all, reports,
    visible: all.filter((n) => canRead(actor, n)),
    present: (n) => presentNode(n, kids.get(n.id)?.length ?? 0, names(n)),
    childrenOf: (id) => kids.get(id) ?? [],
  };
}
