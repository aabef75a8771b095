// Builds the supervised tree from the plan: each section holding tasks becomes a special action (专项行动),
// each plan task a task with the units the plan file names. Dates are proposed from the plan period and
// stay marked as a proposal until the coordinator confirms them. Idempotent: tasks already imported are
// left alone (their codes are the plan's).
import { newId } from '../ids';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import type { ComputedFields } from './ports';
import { planIdOf } from './present';
import { recomputePlan } from './recompute';
import { actorId, actorName, dayOf } from './scope';

const PENDING: ComputedFields = { percentDone: 0, light: { light: 'green', reasons: [], timeElapsedPct: 0, lagPoints: 0 }, missedReports: 0, reportedThisPeriod: false, lightAsOf: '1970-01-01' };

export async function importPlanTasks(deps: Deps, actor: Actor | null, planIdIn: string | undefined, now: Date, opts: { demo?: boolean } = {}): Promise<{ planId: string; created: number; existing: number }> {
  if (actor) authorize(actor, 'create', 'supervision_task');
  const planId = await planIdOf(deps, planIdIn);
  return deps.store.transaction(async (tx) => {
    const s = tx.supervision;
    const period = await s.planPeriod(planId);
    const start = `${period?.start ?? 2018}-01-01`;
    const due = `${period?.end ?? 2020}-12-31`;
    const sources = await s.planTaskSources(planId);
    const existing = await s.listNodes(planId);
    const byCode = new Map(existing.map((n) => [n.code, n]));
    const at = now.toISOString();
    let created = 0;
    let sort = existing.length;
    const base = { content: null, startOn: start, dueOn: due, proposed: true, reportingCycle: 'quarterly' as const, reportDeadlineDay: 10, weight: 1, status: 'in_progress' as const, demo: opts.demo ?? false };
    for (const t of sources) {
      const saCode = `SA-${t.section.key}`;
      let sa = byCode.get(saCode);
      if (!sa) {
        const id = newId(now.getTime());
        await s.insertNode({ ...base, id, planId, parentId: null, kind: 'special_action', code: saCode, title: `${t.section.number}${t.section.title}`, sourceTaskId: null, sourceSectionId: t.section.id, sort: sort++ }, PENDING, at);
        sa = (await s.getNode(id))!;
        byCode.set(saCode, sa);
        created++;
      }
      if (byCode.has(t.code)) continue;
      const id = newId(now.getTime());
      await s.insertNode({ ...base, id, planId, parentId: sa.id, kind: 'task', code: t.code, title: t.title, content: t.content, sourceTaskId: t.id, sourceSectionId: t.section.id, sort: sort++ }, PENDING, at);
      await s.setUnits(id, t.units);
      byCode.set(t.code, (await s.getNode(id))!);
      created++;
    }
    if (created > 0) {
      await recomputePlan(tx, planId, dayOf(now));
      await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'import-plan-tasks', entity: 'supervision_task', entityId: planId, after: { created, from: sources.length } });
    }
    return { planId, created, existing: existing.length };
  });
}
