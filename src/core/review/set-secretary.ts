// 领导小组秘书: the group's secretary is a user of the coordinator (the group's office at the DRC) that the
// administrator designates; only such a user, besides leading-group members, records decisions. A flag
// beside the user rather than a new role: the secretary keeps every other right of the office.
import { AppError, notFound } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { SecretarySchema } from '../../shared/review';
import { actorId, actorName } from './common';

export async function setSecretary(deps: Deps, actor: Actor | null, raw: unknown, now: Date): Promise<{ userId: string; username: string; secretary: boolean }> {
  if (actor) authorize(actor, 'update', 'settings');
  const input = parseInput(SecretarySchema, raw);
  return deps.store.transaction(async (tx) => {
    const u = await tx.users.findById(input.userId);
    if (!u) throw notFound({ zh: '用户', en: 'user' }, input.userId);
    if (input.secretary && u.role !== 'coordinator') {
      throw new AppError('VALIDATION', { zh: `秘书须为牵头单位（市发展改革委）用户：${u.username} 的角色是 ${u.role}`, en: `the secretary must be a coordinator user: ${u.username} is ${u.role}` }, [{ path: 'userId', message: `role ${u.role}` }]);
    }
    const was = await tx.review.isSecretary(u.id);
    await tx.review.setSecretary(u.id, input.secretary, actorName(actor), now.toISOString());
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: input.secretary ? 'designate-secretary' : 'revoke-secretary', entity: 'user', entityId: u.id, before: { secretary: was }, after: { secretary: input.secretary, username: u.username } });
    return { userId: u.id, username: u.username, secretary: input.secretary };
  });
}

export async function amISecretary(deps: Deps, actor: Actor): Promise<{ secretary: boolean; canDecide: boolean }> {
  const secretary = actor.role === 'coordinator' && (await deps.store.review.isSecretary(actor.userId));
  return { secretary, canDecide: actor.role === 'leader' || secretary };
}
