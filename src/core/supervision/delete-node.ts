// The coordinator removes a node it added by mistake; not one with reports or closure requests.
import { AppError } from '../app-error';
import type { Actor } from '../policy';
import type { Deps } from '../ports';
import { recomputePlan } from './recompute';
import { actorId, actorName, authorizeOn, closedTask, dayOf, readableNode, stale, TASK_LABEL } from './scope';

export async function deleteNode(deps: Deps, actor: Actor | null, id: string, rowVersion: number, now: Date): Promise<void> {
  await deps.store.transaction(async (tx) => {
    const s = tx.supervision;
    const n = await readableNode((x) => s.getNode(x), actor, id);
    authorizeOn(actor, 'delete', 'supervision_task', n);
    if (n.status === 'closed') throw closedTask(n);
    const all = await s.listNodes(n.planId);
    const subtree = new Set([id]);
    for (let grew = true; grew;) {
      grew = false;
      for (const x of all) if (x.parentId && subtree.has(x.parentId) && !subtree.has(x.id)) { subtree.add(x.id); grew = true; }
    }
    const reports = (await s.listReports(n.planId)).filter((r) => subtree.has(r.taskId));
    const closures = (await s.listClosures(n.planId)).filter((c) => subtree.has(c.taskId));
    if (reports.length > 0 || closures.length > 0) {
      throw new AppError('CONFLICT', { zh: `任务已有进展报告或销号申请，不能删除：${n.code}`, en: `task ${n.code} has reports or closure requests and cannot be deleted` });
    }
    if (!(await s.deleteNode(id, rowVersion))) throw stale(TASK_LABEL, n.code);
    await recomputePlan(tx, n.planId, dayOf(now));
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'delete', entity: 'supervision_task', entityId: id, before: { code: n.code, title: n.title, kind: n.kind, subtree: subtree.size } });
  });
}
