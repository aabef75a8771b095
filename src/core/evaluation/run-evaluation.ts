// Runs a scheme for a year: reads the figures (gather-data.ts), evaluates (evaluate.ts) and archives the
// scheme snapshot, data snapshot, method version and results in one row, so the run reproduces exactly.
import { EVALUATION_VERSION, RunInputSchema, type EvaluationRun } from '../../shared/evaluation';
import { notFound } from '../app-error';
import { newId } from '../ids';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { evaluate } from './evaluate';
import { gatherSnapshot } from './gather-data';

export async function runEvaluation(deps: Deps, actor: Actor | null, schemeId: string, raw: unknown, now: Date): Promise<EvaluationRun> {
  if (actor) authorize(actor, 'create', 'evaluation');
  const { period } = parseInput(RunInputSchema, raw);
  const scheme = await deps.store.evaluation.getScheme(schemeId);
  if (!scheme) throw notFound({ zh: '评价方案', en: 'evaluation scheme' }, schemeId);
  const snapshot = await gatherSnapshot(deps, actor, scheme.definition, period, now);
  const result = evaluate(scheme.definition, snapshot);
  const run: EvaluationRun = {
    id: newId(now.getTime()), schemeId, schemeName: scheme.name, period, version: EVALUATION_VERSION, demo: scheme.demo,
    createdAt: now.toISOString(), createdBy: actor?.username ?? 'system',
    scheme: { name: scheme.name, description: scheme.description, definition: scheme.definition }, snapshot, result,
  };
  await deps.store.transaction(async (tx) => {
    await tx.evaluation.insertRun(run);
    await tx.audit.write({ actorId: actor?.userId ?? null, actorName: actor?.username ?? 'system', action: 'create', entity: 'evaluation_run', entityId: run.id, after: { schemeId, period, version: run.version, subjects: snapshot.subjects.length, criteria: snapshot.criteria.length } });
  });
  return run;
}
