import type { Target } from '../../shared/plan';
import type { TargetAssessment, TargetDetail } from '../../shared/targets';
import { AppError } from '../app-error';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { assessTarget } from './assess-target';
import { COUNT_INDICATORS, countSeries } from './count-series';
import type { PlanTargets } from './ports';

export const checkDate = (asOf: string): void => {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(asOf) && !Number.isNaN(Date.parse(asOf)) && new Date(`${asOf}T00:00:00Z`).toISOString().startsWith(asOf);
  if (!valid)
    throw new AppError('VALIDATION', { zh: `日期格式应为 YYYY-MM-DD：${asOf}`, en: `asOf must be YYYY-MM-DD: ${asOf}` }, [{ path: 'asOf', message: 'YYYY-MM-DD' }]);
};

export async function assess(deps: Deps, plan: PlanTargets, target: Target, asOf: string): Promise<TargetDetail> {
  const counted = COUNT_INDICATORS[target.indicatorCode];
  const base = { target, planId: plan.planId, periodStart: plan.periodStart, asOf };
  if (counted) {
    const c = await countSeries(deps.store, counted, plan.periodStart - 1, asOf);
    return assessTarget({ ...base, kind: 'count', series: c.series, countAsOf: c.countAsOf });
  }
  const series = await deps.store.targets.cityAnnualSeries(target.indicatorCode);
  return assessTarget({ ...base, kind: 'series', series });
}

/** All targets of the default plan, assessed on `asOf`. */
export async function listTargetAssessments(deps: Deps, actor: Actor | null, asOf: string): Promise<{ planId: string; asOf: string; targets: TargetAssessment[] }> {
  if (actor) authorize(actor, 'read', 'target');
  checkDate(asOf);
  const plan = await deps.store.targets.ofPlan(null);
  if (!plan) throw new AppError('NOT_FOUND', { zh: '尚未载入任何行动计划，请先运行 sei init', en: 'no plan loaded yet: run sei init' });
  const targets: TargetAssessment[] = [];
  for (const t of plan.targets) {
    const { series: _series, projectionPoints: _points, ...summary } = await assess(deps, plan, t, asOf);
    targets.push(summary);
  }
  return { planId: plan.planId, asOf, targets };
}
