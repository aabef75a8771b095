// Schemes and the criteria catalogue, for anyone who reads evaluations.
import type { CriterionInfo, Scheme } from '../../shared/evaluation';
import { notFound } from '../app-error';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { CRITERIA } from './criteria';

export async function listSchemes(deps: Deps, actor: Actor | null): Promise<{ schemes: Scheme[]; criteria: CriterionInfo[] }> {
  if (actor) authorize(actor, 'read', 'evaluation');
  return { schemes: await deps.store.evaluation.listSchemes(), criteria: CRITERIA };
}

export async function getScheme(deps: Deps, actor: Actor | null, id: string): Promise<Scheme> {
  if (actor) authorize(actor, 'read', 'evaluation');
  const s = await deps.store.evaluation.getScheme(id);
  if (!s) throw notFound({ zh: '评价方案', en: 'evaluation scheme' }, id);
  return s;
}
