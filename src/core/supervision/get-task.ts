// One node with its children and its path from the special action.
import type { Actor } from '../policy';
import type { Deps } from '../ports';
import type { SupervisionNode } from '../../shared/supervision';
import { planView } from './plan-view';
import { readableNode } from './scope';

export async function getTask(deps: Deps, actor: Actor | null, id: string, asOf: string): Promise<SupervisionNode & { children: SupervisionNode[]; path: { id: string; code: string; title: string; kind: string }[] }> {
  const stored = await readableNode((x) => deps.store.supervision.getNode(x), actor, id);
  const v = await planView(deps, actor, stored.planId, asOf);
  const byId = new Map(v.all.map((n) => [n.id, n]));
  const path: { id: string; code: string; title: string; kind: string }[] = [];
  for (let p = stored.parentId; p; p = byId.get(p)?.parentId ?? null) {
    const x = byId.get(p);
    if (x) path.unshift({ id: x.id, code: x.code, title: x.title, kind: x.kind });
  }
  return { ...v.present(byId.get(id)!), children: v.childrenOf(id).map((c) => v.present(c)), path };
}
