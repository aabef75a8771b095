// The task tree as the actor may see it. A department or county user sees its own nodes, placed under
// their ancestors (shown for orientation only) so the tree keeps its shape.
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import type { SupervisionTreeNode } from '../../shared/supervision';
import { planView } from './plan-view';

export async function getTree(deps: Deps, actor: Actor | null, planId: string | undefined, asOf: string): Promise<{ planId: string; asOf: string; nodes: SupervisionTreeNode[] }> {
  if (actor) authorize(actor, 'read', 'supervision_task');
  const v = await planView(deps, actor, planId, asOf);
  const byId = new Map(v.all.map((n) => [n.id, n]));
  const keep = new Set<string>();
  for (const n of v.visible) {
    keep.add(n.id);
    for (let p = n.parentId; p && !keep.has(p); p = byId.get(p)?.parentId ?? null) keep.add(p);
  }
  const build = (id: string): SupervisionTreeNode => ({ ...v.present(byId.get(id)!), children: v.childrenOf(id).filter((c) => keep.has(c.id)).map((c) => build(c.id)) });
  return { planId: v.planId, asOf, nodes: v.all.filter((n) => !n.parentId && keep.has(n.id)).map((n) => build(n.id)) };
}
