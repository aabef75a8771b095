import type { TargetDetail } from '../../shared/targets';
import { notFound } from '../app-error';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { assess, checkDate, type AssessOptions } from './list-target-assessments';

/** One target (by id, or by code in the default plan) with its series and projection points. */
export async function getTargetAssessment(deps: Deps, actor: Actor | null, idOrCode: string, asOf: string, opts: AssessOptions = {}): Promise<TargetDetail> {
  if (actor) authorize(actor, 'read', 'target');
  checkDate(asOf);
  let found = await deps.store.targets.byId(idOrCode);
  if (!found) {
    const plan = await deps.store.targets.ofPlan(null);
    const target = plan?.targets.find((t) => t.code === idOrCode);
    if (plan && target) found = { ...plan, target };
  }
  if (!found) throw notFound({ zh: '目标', en: 'target' }, idOrCode);
  return assess(deps, actor, found, found.target, asOf, opts);
}
