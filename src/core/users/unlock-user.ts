// An administrator lifts an account lockout before it runs out (the user called the help desk).
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { findUserOrFail } from './update-user';

export async function unlockUser(deps: Deps, actor: Actor | null, id: string): Promise<{ unlocked: boolean }> {
  if (actor) authorize(actor, 'update', 'user');
  return deps.store.transaction(async (tx) => {
    const user = await findUserOrFail(tx, id);
    const before = await tx.loginGuard.get(user.username);
    await tx.loginGuard.clear(user.username);
    await tx.audit.write({
      actorId: actor?.userId ?? null, actorName: actor?.username ?? 'cli', action: 'unlock', entity: 'user', entityId: id,
      before, after: { username: user.username },
    });
    return { unlocked: !!before?.lockedUntil };
  });
}
