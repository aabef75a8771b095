// The daily run (server cron, `sei supervision tick`): recompute every light of every plan with a tree
// and record the day. The reminders of the follow-up module hook in after it (`after`).
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import type { TickResult } from '../../shared/supervision';
import { recomputePlan } from './recompute';
import { actorId, actorName } from './scope';

export async function tickSupervision(deps: Deps, actor: Actor | null, asOf: string): Promise<TickResult> {
  if (actor) authorize(actor, 'update', 'supervision_task');
  const plans = await deps.store.plans.list();
  const total: TickResult = { asOf, tasks: 0, changed: 0, counts: { green: 0, yellow: 0, red: 0, closed: 0 } };
  for (const p of plans) {
    await deps.store.transaction(async (tx) => {
      const r = await recomputePlan(tx, p.id, asOf);
      if (r.tasks === 0) return;
      total.tasks += r.tasks;
      total.changed += r.changed;
      for (const k of Object.keys(r.counts) as (keyof typeof r.counts)[]) total.counts[k] += r.counts[k];
      await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'tick', entity: 'supervision_task', entityId: p.id, after: { asOf, tasks: r.tasks, changed: r.changed, counts: r.counts } });
    });
  }
  return total;
}
