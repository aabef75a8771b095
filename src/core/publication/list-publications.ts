import type { Publication } from '../../shared/publication';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { withNames } from './common';

/** Every publication record, for the coordinator's choice on /reports. */
export async function listPublications(deps: Deps, actor: Actor | null): Promise<{ publications: Publication[] }> {
  if (actor) authorize(actor, 'read', 'publication');
  return { publications: await withNames(deps, await deps.store.publication.list()) };
}
