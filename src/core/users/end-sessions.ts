// An administrator logs a user out everywhere (a lost laptop, a departing employee).
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { findUserOrFail } from './update-user';

export async function endUserSessions(deps: Deps, actor: Actor | null, id: string): Promise<{ ended: number }> {
  if (actor) authorize(actor, 'update', 'user');
  return deps.store.transaction(async (tx) => {
    const user = await findUserOrFail(tx, id);
    const ended = await tx.users.endSessions(id);
    await tx.audit.write({
      actorId: actor?.userId ?? null, actorName: actor?.username ?? 'cli', action: 'end-sessions', entity: 'user', entityId: id,
      after: { username: user.username, ended },
    });
    return { ended };
  });
}
