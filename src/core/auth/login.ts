import { AppError } from '../app-error';
import type { Deps, UserRecord } from '../ports';
import { afterFailure, isLocked, lockedMessage } from './lockout';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const BAD_LOGIN = { zh: '用户名或密码错误', en: 'Wrong username or password' };

export async function login(
  deps: Deps,
  input: { username: string; password: string; ip?: string | null },
  now: Date,
): Promise<{ token: string; user: UserRecord }> {
  const name = input.username.trim();
  const guard = await deps.store.loginGuard.get(name);
  if (isLocked(guard, now)) {
    // Spend the time of a check anyway, and record the refusal: a locked name under attack shows in the log.
    await deps.secrets.dummyVerify(input.password);
    await deps.store.audit.write({ actorId: null, actorName: name, action: 'login-locked', entity: 'session', entityId: null, ip: input.ip });
    throw new AppError('LOCKED', lockedMessage(guard!, now));
  }
  const found = await deps.store.users.findByUsername(name);
  let ok = false;
  if (found) ok = await deps.secrets.verifyPassword(found.passwordHash, input.password);
  else await deps.secrets.dummyVerify(input.password);
  if (!found || !ok) {
    const { next, locked } = afterFailure(guard, now);
    await deps.store.transaction(async (tx) => {
      await tx.loginGuard.put(name, next, now.toISOString());
      await tx.audit.write({ actorId: found?.id ?? null, actorName: name, action: 'login-failed', entity: 'session', entityId: null, ip: input.ip, after: { failures: next.failures } });
      if (locked) {
        await tx.audit.write({ actorId: found?.id ?? null, actorName: name, action: 'lock', entity: 'user', entityId: found?.id ?? null, ip: input.ip, after: { lockedUntil: next.lockedUntil, failures: next.failures } });
      }
    });
    throw new AppError(locked ? 'LOCKED' : 'UNAUTHENTICATED', locked ? lockedMessage(next, now) : BAD_LOGIN);
  }
  // Only someone who knows the password learns that the account is disabled.
  if (!found.active) throw new AppError('UNAUTHENTICATED', { zh: '账号已停用，请联系系统管理员', en: 'This account is disabled; ask the administrator' });
  const { token, id } = deps.secrets.newSessionToken();
  const { passwordHash: _hash, ...user } = found;
  await deps.store.transaction(async (tx) => {
    if (guard) await tx.loginGuard.clear(name);
    await tx.sessions.insert({ id, userId: user.id, now, ttlMs: SESSION_TTL_MS });
    await tx.audit.write({
      actorId: user.id, actorName: user.username, action: 'login', entity: 'session', entityId: null, ip: input.ip,
    });
  });
  return { token, user };
}

export async function logout(deps: Deps, token: string, user: UserRecord, ip?: string | null): Promise<void> {
  await deps.store.transaction(async (tx) => {
    await tx.sessions.delete(deps.secrets.sessionIdOf(token));
    await tx.audit.write({ actorId: user.id, actorName: user.username, action: 'logout', entity: 'session', entityId: null, ip });
  });
}
