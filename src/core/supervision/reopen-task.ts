// The coordinator reopens a closed task with a reason; the reopening is kept beside the closure requests.
import { newId } from '../ids';
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import type { Actor } from '../policy';
import type { Deps } from '../ports';
import { ReopenSchema, type SupervisionNode } from '../../shared/supervision';
import { linkNamer, presentNode } from './present';
import { recomputePlan } from './recompute';
import { actorId, actorName, authorizeOn, dayOf, readableNode, stale, TASK_LABEL } from './scope';

export async function reopenTask(deps: Deps, actor: Actor | null, taskId: string, raw: unknown, now: Date): Promise<SupervisionNode> {
  const input = parseInput(ReopenSchema, raw);
  return deps.store.transaction(async (tx) => {
    const s = tx.supervision;
    const n = await readableNode((x) => s.getNode(x), actor, taskId, 'closure');
    authorizeOn(actor, 'decide', 'closure', n);
    if (n.status !== 'closed') throw new AppError('CONFLICT', { zh: `任务未销号，无需重新打开：${n.code}`, en: `task ${n.code} is not closed` });
    const at = now.toISOString();
    if (!(await s.updateNode(taskId, input.rowVersion, { status: 'in_progress' }, at))) throw stale(TASK_LABEL, n.code);
    const id = newId(now.getTime());
    await s.insertClosure({ id, taskId, orgId: null, note: input.reason, status: 'reopened', requestedBy: actorName(actor), requestedAt: at });
    await s.decideClosure(id, 'reopened', actorName(actor), at, input.reason);
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'reopen', entity: 'supervision_task', entityId: taskId, before: { status: 'closed' }, after: { status: 'in_progress', reason: input.reason } });
    await recomputePlan(tx, n.planId, dayOf(now));
    const after = (await s.getNode(taskId))!;
    const kids = (await s.listNodes(n.planId)).filter((x) => x.parentId === taskId).length;
    return presentNode(after, kids, (await linkNamer({ ...deps, store: tx }, n.planId))(after));
  });
}
