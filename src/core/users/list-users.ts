// The user list of 系统管理 (administrators only) with each user's open sessions.
import { authorize, type Actor } from '../policy';
import type { Deps, UserRecord } from '../ports';

export async function listUsers(deps: Deps, actor: Actor | null, now: Date): Promise<(UserRecord & { sessions: number })[]> {
  if (actor) authorize(actor, 'read', 'user');
  const users = await deps.store.users.list();
  return Promise.all(users.map(async (u) => ({ ...u, sessions: await deps.store.users.countSessions(u.id, now) })));
}
