// Shared bits of the registry repositories: the codes a record may refer to.
import type { KnownCodes } from '../../core/registries/ports';
import { findDefaultPlanId } from './plans';
import type { Db } from './versioned';

export type { Db } from './versioned';

export async function knownCodes(db: Db): Promise<KnownCodes> {
  const orgs = await db.selectFrom('organization').select(['id', 'code']).where('kind', 'in', ['county', 'zone', 'city']).execute();
  const planId = await findDefaultPlanId(db);
  const industries = planId ? await db.selectFrom('plan_industry').select('code').where('plan_id', '=', planId).execute() : [];
  const tasks = planId ? await db.selectFrom('task').select('code').where('plan_id', '=', planId).execute() : [];
  return {
    counties: new Map(orgs.map((o) => [o.code, o.id])),
    industries: new Set(industries.map((i) => i.code)),
    tasks: new Set(tasks.map((t) => t.code)),
  };
}
