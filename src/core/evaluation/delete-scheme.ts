// Deletes a scheme and its runs (their archive goes with it), at the version read.
import { AppError, notFound } from '../app-error';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';

export async function deleteScheme(deps: Deps, actor: Actor | null, id: string, rowVersion: number): Promise<void> {
  if (actor) authorize(actor, 'delete', 'evaluation');
  await deps.store.transaction(async (tx) => {
    const before = await tx.evaluation.getScheme(id);
    if (!before) throw notFound({ zh: '评价方案', en: 'evaluation scheme' }, id);
    const runs = await tx.evaluation.listRuns({ schemeId: id });
    if (!(await tx.evaluation.deleteScheme(id, rowVersion))) throw new AppError('CONFLICT', { zh: '评价方案已被他人修改，请刷新后重试', en: 'the evaluation scheme was changed by someone else; reload and try again' });
    await tx.audit.write({ actorId: actor?.userId ?? null, actorName: actor?.username ?? 'system', action: 'delete', entity: 'evaluation_scheme', entityId: id, before: { name: before.name, definition: before.definition, runs: runs.map((r) => r.id) } });
  });
}
