// The coordinator verifies a closure request: closes the task (read-only from then on) or returns the
// request with a reason.
import { AppError, notFound } from '../app-error';
import { parseInput } from '../parse-input';
import type { Actor } from '../policy';
import type { Deps } from '../ports';
import { ClosureDecisionSchema, type ClosureRequest } from '../../shared/supervision';
import { presentClosures } from './present-report';
import { recomputePlan } from './recompute';
import { actorId, actorName, authorizeOn, dayOf, readableNode, stale, TASK_LABEL } from './scope';

export async function decideClosure(deps: Deps, actor: Actor | null, id: string, raw: unknown, now: Date): Promise<ClosureRequest> {
  const input = parseInput(ClosureDecisionSchema, raw);
  return deps.store.transaction(async (tx) => {
    const s = tx.supervision;
    const c = await s.getClosure(id);
    if (!c) throw notFound({ zh: '销号申请', en: 'closure request' }, id);
    const n = await readableNode((x) => s.getNode(x), actor, c.taskId, 'closure');
    authorizeOn(actor, 'approve', 'closure', n);
    if (c.status !== 'requested') throw new AppError('CONFLICT', { zh: '销号申请已处理', en: `the closure request is already ${c.status}` });
    const at = now.toISOString();
    const close = input.decision === 'close';
    const ok = close ? await s.updateNode(n.id, input.rowVersion, { status: 'closed' }, at) : await s.touchNode(n.id, input.rowVersion, at);
    if (!ok) throw stale(TASK_LABEL, n.code);
    await s.decideClosure(id, close ? 'closed' : 'returned', actorName(actor), at, close ? null : (input.reason ?? null));
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: close ? 'close' : 'return-closure', entity: 'closure', entityId: id,
      before: { status: c.status, taskStatus: n.status }, after: { status: close ? 'closed' : 'returned', taskStatus: close ? 'closed' : n.status, reason: input.reason ?? null, taskId: n.id } });
    await recomputePlan(tx, n.planId, dayOf(now));
    return (await presentClosures(tx, [(await s.getClosure(id))!]))[0]!;
  });
}
