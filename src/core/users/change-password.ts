import { PASSWORD } from '../../shared/users';
import { AppError } from '../app-error';
import type { Actor } from '../policy';
import { authorize } from '../policy';
import type { Deps } from '../ports';
import { parseInput } from '../parse-input';

export async function changePassword(
  deps: Deps,
  actor: Actor | null,
  input: { username: string; password: string },
  now: Date,
): Promise<void> {
  if (actor && actor.username !== input.username) authorize(actor, 'update', 'user');
  const password = parseInput(PASSWORD, input.password, 'password');
  await deps.store.transaction(async (tx) => {
    const user = await tx.users.findByUsername(input.username);
    if (!user) throw new AppError('NOT_FOUND', { zh: `用户不存在：${input.username}`, en: `no such user: ${input.username}` });
    await tx.users.updatePasswordHash(user.id, await deps.secrets.hashPassword(password), now.toISOString());
    // The hash itself never goes into the audit log.
    await tx.audit.write({
      actorId: actor?.userId ?? null, actorName: actor?.username ?? 'cli', action: 'change-password', entity: 'user',
      entityId: user.id, before: { rowVersion: user.rowVersion }, after: { rowVersion: user.rowVersion + 1 },
    });
  });
}
