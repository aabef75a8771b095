// 签收: the unit a node is assigned to signs for it; who and when are kept.
import { parseInput } from '../parse-input';
import { AppError } from '../app-error';
import type { Actor } from '../policy';
import type { Deps } from '../ports';
import { SignSchema, type SupervisionNode } from '../../shared/supervision';
import { linkNamer, presentNode } from './present';
import { actorId, actorName, closedTask, readableNode, stale, TASK_LABEL } from './scope';
import { authorize } from '../policy';

export async function signTask(deps: Deps, actor: Actor | null, id: string, raw: unknown, now: Date): Promise<SupervisionNode> {
  const input = parseInput(SignSchema, raw);
  return deps.store.transaction(async (tx) => {
    const s = tx.supervision;
    const n = await readableNode((x) => s.getNode(x), actor, id);
    const a = n.assignment;
    if (!a) throw new AppError('CONFLICT', { zh: `任务尚未交办：${n.code}`, en: `task ${n.code} is not assigned` });
    // Only the receiving unit signs: 'own' here means the assigned unit itself.
    if (actor) authorize(actor, 'approve', 'supervision_task', actor.orgId === a.org.id ? a.org.id : null);
    if (n.status === 'closed') throw closedTask(n);
    if (a.signedAt) throw new AppError('CONFLICT', { zh: `任务已签收（${a.signedBy}）`, en: `already signed by ${a.signedBy}` });
    if (!(await s.touchNode(id, input.rowVersion, now.toISOString()))) throw stale(TASK_LABEL, n.code);
    await s.sign(a.id, actorName(actor), now.toISOString());
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'sign', entity: 'supervision_task', entityId: id, after: { assignmentId: a.id, orgId: a.org.id, signedAt: now.toISOString() } });
    const after = (await s.getNode(id))!;
    const kids = (await s.listNodes(n.planId)).filter((x) => x.parentId === id).length;
    return presentNode(after, kids, (await linkNamer({ ...deps, store: tx }, n.planId))(after));
  });
}
