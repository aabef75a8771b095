// Renames a published item (its heading on the public page); names the version it read (stale → CONFLICT).
import { PublicationUpdateSchema, type Publication } from '../../shared/publication';
import { notFound } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { actorId, actorName, LABEL, stale, withNames } from './common';

export async function updatePublication(deps: Deps, actor: Actor | null, id: string, raw: unknown, now: Date): Promise<Publication> {
  if (actor) authorize(actor, 'update', 'publication');
  const input = parseInput(PublicationUpdateSchema, raw);
  return deps.store.transaction(async (tx) => {
    const before = await tx.publication.get(id);
    if (!before) throw notFound(LABEL, id);
    if (before.rowVersion !== input.rowVersion || !(await tx.publication.updateTitle(id, input.rowVersion, input.title, now.toISOString()))) throw stale(id);
    const after = (await tx.publication.get(id))!;
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'update', entity: 'publication', entityId: id, before, after });
    return (await withNames({ ...deps, store: tx }, [after]))[0]!;
  });
}
