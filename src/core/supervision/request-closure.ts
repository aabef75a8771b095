// 销号申请: the lead unit (or the assigned unit) asks for closure with a note; evidence follows as files.
import { newId } from '../ids';
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { ClosureRequestSchema, type ClosureRequest } from '../../shared/supervision';
import { presentClosures } from './present-report';
import { actorId, actorName, closedTask, readableNode, stale, TASK_LABEL } from './scope';

export async function requestClosure(deps: Deps, actor: Actor | null, taskId: string, raw: unknown, now: Date): Promise<ClosureRequest> {
  const input = parseInput(ClosureRequestSchema, raw);
  return deps.store.transaction(async (tx) => {
    const s = tx.supervision;
    const n = await readableNode((x) => s.getNode(x), actor, taskId, 'closure');
    const leadIds = [n.units.find((u) => u.role === 'lead')?.id, n.assignment?.org.id].filter((x): x is string => !!x);
    if (actor) authorize(actor, 'create', 'closure', actor.orgId && leadIds.includes(actor.orgId) ? actor.orgId : null);
    if (n.status === 'closed') throw closedTask(n);
    if ((await s.closuresOfTask(taskId)).some((c) => c.status === 'requested')) throw new AppError('CONFLICT', { zh: `已有待核验的销号申请：${n.code}`, en: `a closure request of ${n.code} is already pending` });
    if (!(await s.touchNode(taskId, input.rowVersion, now.toISOString()))) throw stale(TASK_LABEL, n.code);
    const id = newId(now.getTime());
    const at = now.toISOString();
    const orgId = actor?.orgId && leadIds.includes(actor.orgId) ? actor.orgId : (leadIds[0] ?? null);
    await s.insertClosure({ id, taskId, orgId, note: input.note, status: 'requested', requestedBy: actorName(actor), requestedAt: at });
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'request-closure', entity: 'closure', entityId: id, after: { taskId, code: n.code, note: input.note } });
    return (await presentClosures(tx, [(await s.getClosure(id))!]))[0]!;
  });
}
