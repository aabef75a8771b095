import type { RegistryKind } from '../../shared/registries';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { decorate, type DecoratedMap } from './decorate-record';
import { REGISTRY_INFO, repoOf } from './registry-kinds';

/** Every record of a registry as it stands on `asOf` (counts, levels, project lights). Registries are read plan-wide. */
export async function listRegistry<K extends RegistryKind>(deps: Deps, actor: Actor | null, kind: K, asOf: string): Promise<DecoratedMap[K][]> {
  if (actor) authorize(actor, 'read', REGISTRY_INFO[kind].resource);
  const records = await repoOf(deps.store, kind).list();
  return records.map((r) => decorate(kind, r, asOf));
}
