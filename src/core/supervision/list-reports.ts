import type { Actor } from '../policy';
import type { Deps } from '../ports';
import type { ClosureRequest, ProgressReport } from '../../shared/supervision';
import { presentClosures, presentReports } from './present-report';
import { readableNode } from './scope';

export async function listReports(deps: Deps, actor: Actor | null, taskId: string): Promise<ProgressReport[]> {
  await readableNode((x) => deps.store.supervision.getNode(x), actor, taskId, 'progress_report');
  return presentReports(deps.store, await deps.store.supervision.reportsOfTask(taskId));
}

export async function listClosures(deps: Deps, actor: Actor | null, taskId: string): Promise<ClosureRequest[]> {
  await readableNode((x) => deps.store.supervision.getNode(x), actor, taskId, 'closure');
  return presentClosures(deps.store, await deps.store.supervision.closuresOfTask(taskId));
}
