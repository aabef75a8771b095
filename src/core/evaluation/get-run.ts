// Archived runs: the list, one run, and a run recomputed from its archive (never from today's data).
import type { EvaluationRun, EvaluationRunSummary, ReproduceResult } from '../../shared/evaluation';
import { notFound } from '../app-error';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { evaluate } from './evaluate';

export async function listRuns(deps: Deps, actor: Actor | null, q: { schemeId?: string }): Promise<EvaluationRunSummary[]> {
  if (actor) authorize(actor, 'read', 'evaluation');
  return deps.store.evaluation.listRuns(q);
}

export async function getRun(deps: Deps, actor: Actor | null, id: string): Promise<EvaluationRun> {
  if (actor) authorize(actor, 'read', 'evaluation');
  const run = await deps.store.evaluation.getRun(id);
  if (!run) throw notFound({ zh: '评价结果', en: 'evaluation run' }, id);
  return run;
}

/** Re-evaluates the archived scheme on the archived snapshot and compares score by score (exact equality). */
export async function reproduceRun(deps: Deps, actor: Actor | null, id: string): Promise<ReproduceResult & { run: EvaluationRun; recomputed: EvaluationRun['result'] }> {
  const run = await getRun(deps, actor, id);
  const recomputed = evaluate(run.scheme.definition, run.snapshot);
  const stored = new Map(run.result.subjects.map((s) => [s.key, s]));
  const differences = recomputed.subjects
    .filter((s) => stored.get(s.key)?.score !== s.score || stored.get(s.key)?.rank !== s.rank)
    .map((s) => ({ key: s.key, stored: stored.get(s.key)?.score ?? null, recomputed: s.score }));
  const identical = differences.length === 0 && JSON.stringify(recomputed) === JSON.stringify(run.result);
  return { runId: id, identical, differences, run, recomputed };
}
