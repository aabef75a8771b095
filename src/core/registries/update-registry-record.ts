import { UpdateEnvelopeSchema, type RegistryKind } from '../../shared/registries';
import { AppError, notFound } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { invalidReferences } from './create-registry-record';
import { refuseChangeInUse } from './record-in-use';
import type { RegistryKindMap } from './ports';
import { checkReferences, REGISTRY_INFO, repoOf } from './registry-kinds';

export const conflict = (label: { zh: string; en: string }) =>
  new AppError('CONFLICT', { zh: `${label.zh}已被他人修改，请刷新后重试`, en: `the ${label.en} was changed by someone else: reload and try again` });

/**
 * Replaces a record's fields. `raw` carries the fields and the `rowVersion` the editor read; a county
 * user must own the record both before and after (it cannot move a record out of or into another county).
 */
export async function updateRegistryRecord<K extends RegistryKind>(deps: Deps, actor: Actor | null, kind: K, id: string, raw: unknown, now: Date): Promise<{ id: string; rowVersion: number }> {
  const info = REGISTRY_INFO[kind];
  if (actor) authorize(actor, 'update', info.resource);
  const { rowVersion } = parseInput(UpdateEnvelopeSchema, raw);
  const input = parseInput(info.schema, raw) as RegistryKindMap[K]['input'];
  return deps.store.transaction(async (tx) => {
    const repo = repoOf(tx, kind);
    const before = await repo.get(id);
    if (!before) throw notFound(info.label, id);
    if (actor) authorize(actor, 'update', info.resource, before.countyOrgId);
    const known = await tx.registries.knownCodes();
    const issues = checkReferences(input, known);
    if (issues.length) throw invalidReferences(issues);
    const countyOrgId = input.countyCode ? (known.counties.get(input.countyCode) ?? null) : null;
    if (actor) authorize(actor, 'update', info.resource, countyOrgId);
    await refuseChangeInUse(tx, kind, before, { countyOrgId });
    if (input.name !== before.name) {
      const other = await repo.findByName(input.name);
      if (other && other.id !== id) throw new AppError('CONFLICT', { zh: `${info.label.zh}「${input.name}」已存在`, en: `${info.label.en} "${input.name}" already exists` });
    }
    if (!(await repo.update(id, rowVersion, input, { countyOrgId }, now.toISOString()))) throw conflict(info.label);
    await tx.audit.write({ actorId: actor?.userId ?? null, actorName: actor?.username ?? 'cli', action: 'update', entity: kind, entityId: id, before, after: input });
    return { id, rowVersion: rowVersion + 1 };
  });
}
