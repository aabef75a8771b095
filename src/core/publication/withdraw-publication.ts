// 撤回: takes an item off the public page at once (the public routes answer 404 for it from then on).
import { PublicationDeleteSchema } from '../../shared/publication';
import { notFound } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { actorId, actorName, LABEL, stale } from './common';

export async function withdrawPublication(deps: Deps, actor: Actor | null, id: string, raw: unknown): Promise<{ id: string; withdrawn: true }> {
  if (actor) authorize(actor, 'delete', 'publication');
  const input = parseInput(PublicationDeleteSchema, raw);
  return deps.store.transaction(async (tx) => {
    const before = await tx.publication.get(id);
    if (!before) throw notFound(LABEL, id);
    if (!(await tx.publication.delete(id, input.rowVersion))) throw stale(id);
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'delete', entity: 'publication', entityId: id, before });
    return { id, withdrawn: true };
  });
}
