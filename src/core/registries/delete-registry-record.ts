import type { RegistryKind } from '../../shared/registries';
import { notFound } from '../app-error';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { REGISTRY_INFO, repoOf } from './registry-kinds';
import { refuseChangeInUse } from './record-in-use';
import { conflict } from './update-registry-record';

export async function deleteRegistryRecord(deps: Deps, actor: Actor | null, kind: RegistryKind, id: string, rowVersion: number): Promise<void> {
  const info = REGISTRY_INFO[kind];
  if (actor) authorize(actor, 'delete', info.resource);
  await deps.store.transaction(async (tx) => {
    const repo = repoOf(tx, kind);
    const before = await repo.get(id);
    if (!before) throw notFound(info.label, id);
    if (actor) authorize(actor, 'delete', info.resource, before.countyOrgId);
    await refuseChangeInUse(tx, kind, before, { delete: true });
    if (!(await repo.delete(id, rowVersion))) throw conflict(info.label);
    await tx.audit.write({ actorId: actor?.userId ?? null, actorName: actor?.username ?? 'cli', action: 'delete', entity: kind, entityId: id, before });
  });
}
