import type { PlanStatus } from '../../shared/plan-file';
import type { PlanSummary } from '../../shared/plan';
import { AppError, notFound } from '../app-error';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';

// A plan moves one way: drafted, then published (the version departments work to), then archived.
const NEXT: Record<PlanStatus, PlanStatus[]> = { draft: ['published'], published: ['archived'], archived: [] };

export function canMove(from: PlanStatus, to: PlanStatus): boolean {
  return NEXT[from].includes(to);
}

export async function changePlanStatus(
  deps: Deps,
  actor: Actor | null,
  input: { id: string; status: PlanStatus; rowVersion: number },
  now: Date,
): Promise<PlanSummary> {
  if (actor) authorize(actor, 'update', 'plan');
  return deps.store.transaction(async (tx) => {
    const plan = (await tx.plans.list()).find((p) => p.id === input.id);
    if (!plan) throw notFound({ zh: '行动计划', en: 'plan' }, input.id);
    if (plan.rowVersion !== input.rowVersion) {
      throw new AppError('CONFLICT', {
        zh: `该计划已被他人修改（版本 ${plan.rowVersion}，您看到的是 ${input.rowVersion}），请刷新后重试`,
        en: `the plan was changed by someone else (version ${plan.rowVersion}, you saw ${input.rowVersion}); reload and retry`,
      });
    }
    if (!canMove(plan.status, input.status)) {
      throw new AppError('VALIDATION', {
        zh: `计划状态不能从 ${plan.status} 改为 ${input.status}`,
        en: `a plan cannot move from ${plan.status} to ${input.status}`,
      }, [{ path: 'status', message: `allowed: ${NEXT[plan.status].join(', ') || 'none'}` }]);
    }
    const updated = await tx.plans.setStatus(plan.id, input.status, plan.rowVersion, now.toISOString());
    if (!updated) throw new AppError('CONFLICT');
    await tx.audit.write({
      actorId: actor?.userId ?? null, actorName: actor?.username ?? 'cli', action: 'update', entity: 'plan', entityId: plan.id,
      before: { status: plan.status, rowVersion: plan.rowVersion }, after: { status: input.status, rowVersion: plan.rowVersion + 1 },
    });
    return { ...plan, status: input.status, rowVersion: plan.rowVersion + 1 };
  });
}
