// The targets list is kept until the next write, as the cockpit's answer and the enterprise pages are
// (cockpit/cache.ts): assessing the five targets reads the values behind them and lists the enterprises
// missing from each figure — ≈ 0.6 s at ten million values — while it changes only when something is written. Every write leaves an audit row, so the newest audit row (read on every request, so that this
// process's own writes show at once) tells whether the kept answer is still the truth; entries also expire.
// On a large database (the last computation took longer than KEPT_WAIT_BELOW_MS) a read after a write gets
// the kept answer at once, saying so (stale, computedAt), while one recomputation runs: under a stream of
// writes every reader would otherwise queue behind a computation that the next write makes old again. The next
// recomputation waits ten times the last one's duration (KEPT_REST_FACTOR) and at least KEPT_REST_MIN_MS (5 s).
import { keptRestMinMs, keptWaitBelowMs, namedCacheFor } from '../cockpit/cache';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { checkDate, listTargetAssessments, type AssessOptions } from './list-target-assessments';

/** The name of this kept answer in the cache and between processes. */
export const KEPT_TARGETS = 'targets';

/** What the kept process needs to compute the list for a reader. */
export interface KeptTargetsArgs { actor: Actor; asOf: string; opts: AssessOptions }

type Answer = Awaited<ReturnType<typeof listTargetAssessments>>;

/** The list with when it was computed (ISO time) and whether a write newer than that exists (being recomputed). */
export type KeptTargets = Answer & { computedAt: string; stale: boolean };

export async function keptTargetAssessments(deps: Deps, actor: Actor, asOf: string, opts: AssessOptions = {}): Promise<KeptTargets> {
  // Checked before the kept answer is looked up: a kept answer is never a way around the policy.
  authorize(actor, 'read', 'target');
  checkDate(asOf);
  const cache = namedCacheFor<Answer>(deps.store, KEPT_TARGETS);
  const watermark = await deps.store.cockpit.watermark();
  // What a reader sees of enterprise figures depends on the role and unit (confidentiality), so is the key.
  const key = `${asOf}|${opts.approvedOnly ? 1 : 0}|${actor.role}:${actor.orgId ?? ''}`;
  const here = () => listTargetAssessments(deps, actor, asOf, opts);
  // Under WORKERS=N the kept process computes it (src/server/kept-process.ts): once for all workers, and
  // off the event loops that answer requests. Here when it cannot.
  const remote = deps.kept;
  const compute = remote ? async () => ((await remote.compute(KEPT_TARGETS, key, watermark, { actor, asOf, opts })) as Answer | null) ?? here() : here;
  const kept = await cache.getOrKept(key, watermark, Date.now(), compute, keptWaitBelowMs(), keptRestMinMs());
  return { ...kept.value, computedAt: new Date(kept.computedAt).toISOString(), stale: kept.stale };
}
