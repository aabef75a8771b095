// An administrator sets a new password for a user (given, or a random one shown once). The user's
// open sessions end. The hash never enters the audit log.
import { ResetPasswordInput } from '../../shared/users';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { checkVersion, findUserOrFail } from './update-user';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

export function randomPassword(length = 12): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

export async function resetUserPassword(deps: Deps, actor: Actor | null, id: string, raw: unknown, now: Date): Promise<{ password: string | null; rowVersion: number }> {
  if (actor) authorize(actor, 'update', 'user');
  const input = parseInput(ResetPasswordInput, raw);
  const password = input.password ?? randomPassword();
  const hash = await deps.secrets.hashPassword(password);
  return deps.store.transaction(async (tx) => {
    const user = await findUserOrFail(tx, id);
    checkVersion(user, input.rowVersion);
    await tx.users.updatePasswordHash(id, hash, now.toISOString());
    await tx.audit.write({
      actorId: actor?.userId ?? null, actorName: actor?.username ?? 'cli', action: 'reset-password', entity: 'user', entityId: id,
      before: { rowVersion: user.rowVersion }, after: { rowVersion: user.rowVersion + 1, sessionsEnded: true },
    });
    return { password: input.password ? null : password, rowVersion: user.rowVersion + 1 };
  });
}
