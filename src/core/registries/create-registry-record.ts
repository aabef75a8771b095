import type { RecordSource, RegistryKind } from '../../shared/registries';
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import type { RegistryKindMap } from './ports';
import { checkReferences, REGISTRY_INFO, repoOf } from './registry-kinds';

export const invalidReferences = (issues: { path: string; message: string }[]) =>
  new AppError('VALIDATION', { zh: `引用的代码不存在：${issues.map((i) => i.message.split(' / ')[0]).join('；')}`, en: `unknown codes: ${issues.map((i) => i.message.split(' / ')[1]).join('; ')}` }, issues);

/** Creates a record; a county user may only create records located in its own county. */
export async function createRegistryRecord<K extends RegistryKind>(
  deps: Deps, actor: Actor | null, kind: K, raw: unknown, now: Date, opts: { source?: RecordSource; demo?: boolean } = {},
): Promise<{ id: string }> {
  const info = REGISTRY_INFO[kind];
  if (actor) authorize(actor, 'create', info.resource);
  const input = parseInput(info.schema, raw) as RegistryKindMap[K]['input'];
  return deps.store.transaction(async (tx) => {
    const known = await tx.registries.knownCodes();
    const issues = checkReferences(input, known);
    if (issues.length) throw invalidReferences(issues);
    const countyOrgId = input.countyCode ? (known.counties.get(input.countyCode) ?? null) : null;
    if (actor) authorize(actor, 'create', info.resource, countyOrgId);
    const repo = repoOf(tx, kind);
    if (await repo.findByName(input.name)) {
      throw new AppError('CONFLICT', { zh: `${info.label.zh}「${input.name}」已存在`, en: `${info.label.en} "${input.name}" already exists` }, [{ path: 'name', field: 'name', value: input.name, message: 'duplicate name' }]);
    }
    const id = await repo.insert(input, { countyOrgId, source: opts.source ?? 'manual', demo: opts.demo ?? false }, now.toISOString());
    await tx.audit.write({ actorId: actor?.userId ?? null, actorName: actor?.username ?? 'cli', action: 'create', entity: kind, entityId: id, after: input });
    return { id };
  });
}
