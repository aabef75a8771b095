// The compute contract as a use-case (POST /api/evaluation/compute): pure maths for anyone who reads evaluations.
import type { ComputeOutput } from '../../shared/evaluation-compute';
import { authorize, type Actor } from '../policy';
import { computeEvaluation } from './methods/compute';

export function compute(actor: Actor | null, raw: unknown): ComputeOutput {
  if (actor) authorize(actor, 'read', 'evaluation');
  return computeEvaluation(raw);
}
