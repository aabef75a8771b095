// 单位负责人: flags (or unflags) a user as the head of their unit; escalations go to the unit's heads.
// The administrator or the CLI sets it (there is no unit-head column in the user form yet).
import { AppError, notFound } from '../app-error';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { actorId, actorName } from './scope';

export async function setUnitHead(deps: Deps, actor: Actor | null, username: string, unitHead: boolean, now: Date): Promise<{ username: string; orgId: string; unitHead: boolean }> {
  if (actor) authorize(actor, 'update', 'user');
  return deps.store.transaction(async (tx) => {
    const u = await tx.supervisionFollowUp.setUnitHead(username, unitHead, now.toISOString());
    if (!u) throw notFound({ zh: '用户', en: 'user' }, username);
    if (!u.orgId) throw new AppError('VALIDATION', { zh: `用户 ${username} 不属于任何单位`, en: `user ${username} belongs to no unit` }, [{ path: 'username', field: 'username', message: 'no unit' }]);
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'update', entity: 'user', entityId: u.id, before: { unitHead: u.before }, after: { unitHead } });
    return { username, orgId: u.orgId, unitHead };
  });
}
