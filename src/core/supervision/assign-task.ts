// 交办: the coordinator assigns a node to one unit; a re-assignment supersedes the previous one (kept).
import { newId } from '../ids';
import { parseInput } from '../parse-input';
import { AppError } from '../app-error';
import type { Actor } from '../policy';
import type { Deps } from '../ports';
import { AssignSchema, type SupervisionNode } from '../../shared/supervision';
import type { SupervisionNotify } from './ports';
import { linkNamer, presentNode } from './present';
import { actorId, actorName, authorizeOn, closedTask, readableNode, stale, TASK_LABEL } from './scope';

export async function assignTask(deps: Deps, actor: Actor | null, id: string, raw: unknown, now: Date, notify?: SupervisionNotify): Promise<SupervisionNode> {
  const input = parseInput(AssignSchema, raw);
  const result = await deps.store.transaction(async (tx) => {
    const s = tx.supervision;
    const n = await readableNode((x) => s.getNode(x), actor, id);
    authorizeOn(actor, 'update', 'supervision_task', n);
    if (n.status === 'closed') throw closedTask(n);
    if (n.kind === 'special_action') throw new AppError('VALIDATION', { zh: '专项行动不能交办，请交办其下的任务', en: 'assign the tasks of a special action, not the action itself' }, [{ path: 'id', message: 'special action' }]);
    const org = (await tx.orgs.list()).find((o) => o.id === input.orgId);
    if (!org || (org.kind !== 'department' && org.kind !== 'county' && org.kind !== 'zone')) {
      throw new AppError('VALIDATION', { zh: '只能交办给部门或县市区', en: 'assign to a department or a county' }, [{ path: 'orgId', message: org ? `${org.name} is a ${org.kind}` : 'unknown organisation' }]);
    }
    if (!(await s.touchNode(id, input.rowVersion, now.toISOString()))) throw stale(TASK_LABEL, n.code);
    const at = now.toISOString();
    await s.assign({ id: newId(now.getTime()), taskId: id, orgId: org.id, note: input.note ?? null, by: actorName(actor), at });
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: n.assignment ? 'reassign' : 'assign', entity: 'supervision_task', entityId: id,
      before: n.assignment ? { orgId: n.assignment.org.id, org: n.assignment.org.name, signedAt: n.assignment.signedAt } : null, after: { orgId: org.id, org: org.name, note: input.note ?? null } });
    const after = (await s.getNode(id))!;
    const kids = (await s.listNodes(n.planId)).filter((x) => x.parentId === id).length;
    return { node: presentNode(after, kids, (await linkNamer({ ...deps, store: tx }, n.planId))(after)), orgId: org.id };
  });
  await notify?.({ orgId: result.orgId, subject: { zh: `交办任务：${result.node.code}`, en: `Task assigned: ${result.node.code}` }, body: { zh: `${result.node.title}，请签收。`, en: `${result.node.title} — please sign for it.` }, link: `/supervision/tasks/${id}` });
  return result.node;
}
