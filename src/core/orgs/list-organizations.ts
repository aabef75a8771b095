import type { Organization } from '../../shared/plan';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';

export async function listOrganizations(deps: Deps, actor: Actor, kind?: string): Promise<Organization[]> {
  authorize(actor, 'read', 'organization');
  const orgs = await deps.store.orgs.list({ kind });
  // An enterprise user sees the public organisations and its own record, never other enterprises.
  if (actor.role === 'enterprise') return orgs.filter((o) => o.kind !== 'enterprise' || o.id === actor.orgId);
  return orgs;
}
