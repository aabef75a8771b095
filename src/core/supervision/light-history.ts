import type { Actor } from '../policy';
import type { Deps } from '../ports';
import type { LightHistory } from '../../shared/supervision';
import { readableNode } from './scope';

/** The recorded daily lights of a node (oldest first). */
export async function lightHistory(deps: Deps, actor: Actor | null, taskId: string): Promise<LightHistory> {
  await readableNode((x) => deps.store.supervision.getNode(x), actor, taskId);
  return { taskId, days: await deps.store.supervision.lightDays(taskId) };
}
