// 分解: the coordinator adds a task under a special action, or a sub-task / milestone under a task. The
// child inherits its parent's units, dates, cycle and deadline day unless given.
import { newId } from '../ids';
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { CHILD_KINDS, NodeCreateSchema, type SupervisionNode } from '../../shared/supervision';
import { checkLinks, checkUnits } from './node-writes';
import { linkNamer, presentNode } from './present';
import { recomputePlan } from './recompute';
import { actorId, actorName, closedTask, dayOf, readableNode } from './scope';

export async function createNode(deps: Deps, actor: Actor | null, raw: unknown, now: Date): Promise<SupervisionNode> {
  if (actor) authorize(actor, 'create', 'supervision_task');
  const input = parseInput(NodeCreateSchema, raw);
  const parent = await readableNode((id) => deps.store.supervision.getNode(id), actor, input.parentId);
  if (parent.status === 'closed') throw closedTask(parent);
  if (!CHILD_KINDS[parent.kind].includes(input.kind)) {
    throw new AppError('VALIDATION', { zh: `「${parent.kind}」下不能建「${input.kind}」`, en: `a ${input.kind} cannot sit under a ${parent.kind}` }, [{ path: 'kind', message: `allowed: ${CHILD_KINDS[parent.kind].join(', ') || 'none'}` }]);
  }
  const startOn = input.startOn ?? parent.startOn;
  const dueOn = input.dueOn ?? parent.dueOn;
  if (dueOn < startOn) throw new AppError('VALIDATION', { zh: '截止日期早于开始日期', en: 'due is before start' }, [{ path: 'dueOn', message: 'due must not be before start' }]);
  const inherit = input.leadOrgId === undefined && input.responsibleOrgIds === undefined && input.countyOrgIds === undefined;
  const units = inherit ? parent.units.map((u) => ({ orgId: u.id, role: u.role })) : await checkUnits(deps, input);
  const links = await checkLinks(deps, parent.planId, input);
  const id = newId(now.getTime());
  const at = now.toISOString();
  return deps.store.transaction(async (tx) => {
    const s = tx.supervision;
    let code = input.code;
    const siblings = await s.maxCode(parent.planId, `${parent.code}.`);
    if (!code) {
      const n = siblings.filter((c) => /^\d+$/.test(c.slice(parent.code.length + 1))).map((c) => Number(c.slice(parent.code.length + 1)));
      code = `${parent.code}.${(n.length ? Math.max(...n) : 0) + 1}`;
    } else if ((await s.maxCode(parent.planId, code)).includes(code)) {
      throw new AppError('CONFLICT', { zh: `编号已存在：${code}`, en: `code already exists: ${code}` }, [{ path: 'code', message: 'duplicate' }]);
    }
    await s.insertNode({
      id, planId: parent.planId, parentId: parent.id, kind: input.kind, code, title: input.title, content: input.content ?? null,
      startOn, dueOn, proposed: false, reportingCycle: input.reportingCycle ?? parent.reportingCycle, reportDeadlineDay: input.reportDeadlineDay ?? parent.reportDeadlineDay,
      weight: input.weight ?? 1, status: 'in_progress', sourceTaskId: null, sourceSectionId: null, sort: siblings.length + 1, demo: false,
    }, { percentDone: 0, light: { light: 'green', reasons: [], timeElapsedPct: 0, lagPoints: 0 }, missedReports: 0, reportedThisPeriod: false, lightAsOf: '1970-01-01' }, at);
    await s.setUnits(id, units);
    await s.setLinks(id, links);
    await recomputePlan(tx, parent.planId, dayOf(now));
    const node = (await s.getNode(id))!;
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'create', entity: 'supervision_task', entityId: id, after: { code, kind: input.kind, title: input.title, parentId: parent.id, startOn, dueOn, units } });
    return presentNode(node, 0, (await linkNamer({ ...deps, store: tx }, parent.planId))(node));
  });
}
