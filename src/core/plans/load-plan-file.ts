import { PlanFileSchema, type PlanFile } from '../../shared/plan-file';
import { AppError } from '../app-error';
import { authorize, type Actor } from '../policy';
import type { Deps, Store } from '../ports';
import { parseInput } from '../parse-input';
import { checkPlanFile } from './check-plan-file';

/** Validates a plan file whole (schema, then every cross-reference) before anything is written. */
export async function validatePlanFile(store: Store, raw: unknown): Promise<PlanFile> {
  const file = parseInput(PlanFileSchema, raw);
  const orgCodes = new Set((await store.orgs.idsByCode()).keys());
  const issues = checkPlanFile(file, { orgCodes, seiCategoryCodes: await store.reference.seiCategoryCodes() });
  if (issues.length) {
    const list = issues.slice(0, 10).map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new AppError('VALIDATION', { zh: `计划文件有误：${list}`, en: `plan file is invalid: ${list}` }, issues);
  }
  return file;
}

export async function loadPlanFile(
  deps: Deps,
  actor: Actor | null,
  raw: unknown,
  opts: { isDefault: boolean; now: Date },
): Promise<{ id: string }> {
  if (actor) authorize(actor, 'create', 'plan');
  return deps.store.transaction(async (tx) => {
    const file = await validatePlanFile(tx, raw);
    const id = await tx.plans.insert(file, await tx.orgs.idsByCode(), { isDefault: opts.isDefault, now: opts.now.toISOString() });
    await tx.audit.write({
      actorId: actor?.userId ?? null, actorName: actor?.username ?? 'cli', action: 'create', entity: 'plan', entityId: id,
      after: { code: file.plan.code, title: file.plan.title, targets: file.targets.length, tasks: file.tasks.length },
    });
    return { id };
  });
}
