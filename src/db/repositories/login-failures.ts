// Failed-login counts per user name (account lockout).
import type { Kysely, Transaction } from 'kysely';
import type { LoginGuardStore } from '../../core/auth/ports';
import { toIso } from '../mappers';
import type { DB } from '../schema';

export function loginGuardRepository(db: Kysely<DB> | Transaction<DB>): LoginGuardStore {
  return {
    get: async (username) => {
      const r = await db.selectFrom('login_failure').select(['failures', 'window_start', 'locked_until']).where('username', '=', username).executeTakeFirst();
      return r ? { failures: Number(r.failures), windowStart: toIso(r.window_start)!, lockedUntil: toIso(r.locked_until) } : null;
    },
    put: async (username, s, now) => {
      const row = { failures: s.failures, window_start: s.windowStart, locked_until: s.lockedUntil, updated_at: now };
      await db.insertInto('login_failure').values({ username, ...row }).onConflict((oc) => oc.column('username').doUpdateSet(row)).execute();
    },
    clear: async (username) => {
      await db.deleteFrom('login_failure').where('username', '=', username).execute();
    },
  };
}
