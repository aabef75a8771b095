// Creates or edits an evaluation scheme (coordinator, admin). Edits name the version read (stale → CONFLICT);
// runs keep their own snapshot of the scheme, so editing never changes an archived run.
import type { Scheme } from '../../shared/evaluation';
import { SchemeUpdateSchema } from '../../shared/evaluation';
import { AppError, notFound } from '../app-error';
import { newId } from '../ids';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { checkScheme } from './check-scheme';

const SCHEME = { zh: '评价方案', en: 'evaluation scheme' };
const taken = (name: string) => new AppError('CONFLICT', { zh: `已有同名评价方案“${name}”`, en: `an evaluation scheme named "${name}" already exists` }, [{ path: 'name', message: 'taken' }]);

export async function createScheme(deps: Deps, actor: Actor | null, raw: unknown, now: Date, opts: { demo?: boolean } = {}): Promise<Scheme> {
  if (actor) authorize(actor, 'create', 'evaluation');
  const s = checkScheme(raw);
  return deps.store.transaction(async (tx) => {
    if (await tx.evaluation.findSchemeByName(s.name)) throw taken(s.name);
    const id = newId(now.getTime());
    await tx.evaluation.insertScheme(id, s, opts.demo ?? false, now.toISOString());
    await tx.audit.write({ actorId: actor?.userId ?? null, actorName: actor?.username ?? 'system', action: 'create', entity: 'evaluation_scheme', entityId: id, after: s });
    return (await tx.evaluation.getScheme(id))!;
  });
}

export async function updateScheme(deps: Deps, actor: Actor | null, id: string, raw: unknown, now: Date): Promise<Scheme> {
  if (actor) authorize(actor, 'update', 'evaluation');
  const { rowVersion } = parseInput(SchemeUpdateSchema.pick({ rowVersion: true }), raw);
  const s = checkScheme(raw);
  return deps.store.transaction(async (tx) => {
    const before = await tx.evaluation.getScheme(id);
    if (!before) throw notFound(SCHEME, id);
    const other = await tx.evaluation.findSchemeByName(s.name);
    if (other && other.id !== id) throw taken(s.name);
    if (!(await tx.evaluation.updateScheme(id, s, rowVersion, now.toISOString()))) {
      throw new AppError('CONFLICT', { zh: '评价方案已被他人修改，请刷新后重试', en: 'the evaluation scheme was changed by someone else; reload and try again' });
    }
    await tx.audit.write({ actorId: actor?.userId ?? null, actorName: actor?.username ?? 'system', action: 'update', entity: 'evaluation_scheme', entityId: id, before: { name: before.name, description: before.description, definition: before.definition }, after: s });
    return (await tx.evaluation.getScheme(id))!;
  });
}
