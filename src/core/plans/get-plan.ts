import type { PlanDetail, PlanSummary } from '../../shared/plan';
import { AppError, notFound } from '../app-error';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';

export async function listPlans(deps: Deps, actor: Actor): Promise<PlanSummary[]> {
  authorize(actor, 'read', 'plan');
  return deps.store.plans.list();
}

/** `id` may be a plan id or "default" (the plan `init` marked as the city's current one). */
export async function getPlan(deps: Deps, actor: Actor | null, id: string): Promise<PlanDetail> {
  if (actor) authorize(actor, 'read', 'plan');
  const planId = id === 'default' ? await deps.store.plans.defaultId() : id;
  if (!planId) throw new AppError('NOT_FOUND', { zh: '尚未载入任何行动计划，请先运行 sei init', en: 'no plan loaded yet: run sei init' });
  const plan = await deps.store.plans.detail(planId);
  if (!plan) throw notFound({ zh: '行动计划', en: 'plan' }, id);
  return plan;
}
