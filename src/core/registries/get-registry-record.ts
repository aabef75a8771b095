import type { RegistryKind } from '../../shared/registries';
import { notFound } from '../app-error';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { decorate, type DecoratedMap } from './decorate-record';
import { REGISTRY_INFO, repoOf } from './registry-kinds';

export async function getRegistryRecord<K extends RegistryKind>(deps: Deps, actor: Actor | null, kind: K, id: string, asOf: string): Promise<DecoratedMap[K]> {
  const info = REGISTRY_INFO[kind];
  if (actor) authorize(actor, 'read', info.resource);
  const record = await repoOf(deps.store, kind).get(id);
  if (!record) throw notFound(info.label, id);
  return decorate(kind, record, asOf);
}
