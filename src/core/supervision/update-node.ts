// The coordinator edits a node: title, units, dates (confirming proposed dates), cycle, weight, links,
// status. Names the version read (stale → CONFLICT); a closed node is read-only (LOCKED).
import { parseInput } from '../parse-input';
import { AppError } from '../app-error';
import type { Actor } from '../policy';
import type { Deps } from '../ports';
import { NodeUpdateSchema, type SupervisionNode } from '../../shared/supervision';
import { checkLinks, checkUnits } from './node-writes';
import { linkNamer, presentNode } from './present';
import { recomputePlan } from './recompute';
import { actorId, actorName, authorizeOn, closedTask, dayOf, readableNode, stale, TASK_LABEL } from './scope';

export async function updateNode(deps: Deps, actor: Actor | null, id: string, raw: unknown, now: Date): Promise<SupervisionNode> {
  const input = parseInput(NodeUpdateSchema, raw);
  return deps.store.transaction(async (tx) => {
    const s = tx.supervision;
    const before = await readableNode((x) => s.getNode(x), actor, id);
    authorizeOn(actor, 'update', 'supervision_task', before);
    if (before.status === 'closed') throw closedTask(before);
    if (before.rowVersion !== input.rowVersion) throw stale(TASK_LABEL, before.code);
    const startOn = input.startOn ?? before.startOn;
    const dueOn = input.dueOn ?? before.dueOn;
    if (dueOn < startOn) throw new AppError('VALIDATION', { zh: '截止日期早于开始日期', en: 'due is before start' }, [{ path: 'dueOn', message: 'due must not be before start' }]);
    const datesSet = input.startOn !== undefined || input.dueOn !== undefined || input.confirmDates === true;
    const ok = await s.updateNode(id, input.rowVersion, {
      title: input.title, content: input.content, startOn: input.startOn, dueOn: input.dueOn, proposed: datesSet ? false : undefined,
      reportingCycle: input.reportingCycle, reportDeadlineDay: input.reportDeadlineDay, weight: input.weight, status: input.status,
    }, now.toISOString());
    if (!ok) throw stale(TASK_LABEL, before.code);
    if (input.leadOrgId !== undefined || input.responsibleOrgIds !== undefined || input.countyOrgIds !== undefined) {
      const keep = (role: string) => before.units.filter((u) => u.role === role).map((u) => u.id);
      await s.setUnits(id, await checkUnits({ ...deps, store: tx }, {
        leadOrgId: input.leadOrgId !== undefined ? input.leadOrgId : (keep('lead')[0] ?? null),
        responsibleOrgIds: input.responsibleOrgIds ?? keep('responsible'),
        countyOrgIds: input.countyOrgIds ?? keep('county'),
      }));
    }
    if (input.targetIds !== undefined || input.projectIds !== undefined) {
      await s.setLinks(id, await checkLinks({ ...deps, store: tx }, before.planId, {
        targetIds: input.targetIds ?? before.links.filter((l) => l.kind === 'target').map((l) => l.refId),
        projectIds: input.projectIds ?? before.links.filter((l) => l.kind === 'project').map((l) => l.refId),
      }));
    }
    await recomputePlan(tx, before.planId, dayOf(now));
    const after = (await s.getNode(id))!;
    const { rowVersion: _rv, ...changes } = input;
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'update', entity: 'supervision_task', entityId: id,
      before: { title: before.title, startOn: before.startOn, dueOn: before.dueOn, proposed: before.proposed, status: before.status, weight: before.weight, units: before.units.map((u) => `${u.role}:${u.code}`) },
      after: { ...changes, proposed: after.proposed, units: after.units.map((u) => `${u.role}:${u.code}`) } });
    const kids = (await s.listNodes(before.planId)).filter((n) => n.parentId === id).length;
    return presentNode(after, kids, (await linkNamer({ ...deps, store: tx }, before.planId))(after));
  });
}
