import type { Kysely, Transaction } from 'kysely';
import type { UserRecord } from '../../core/ports';
import type { UserPatch } from '../../core/users/ports';
import type { Role } from '../../shared/roles';
import { toBool, toIso } from '../mappers';
import type { DB } from '../schema';

type Db = Kysely<DB> | Transaction<DB>;

export type { UserRecord };

const columns = [
  'app_user.id', 'app_user.username', 'app_user.display_name', 'app_user.role', 'app_user.org_id',
  'app_user.active', 'app_user.row_version', 'app_user.email', 'organization.code as org_code', 'organization.name as org_name',
] as const;

function base(db: Db) {
  return db.selectFrom('app_user').leftJoin('organization', 'organization.id', 'app_user.org_id').select(columns);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
const toUser = (r: Row): UserRecord => ({
  id: r.id, username: r.username, displayName: r.display_name, role: r.role as Role, orgId: r.org_id,
  orgCode: r.org_code, orgName: r.org_name, active: toBool(r.active), rowVersion: Number(r.row_version), email: r.email ?? null,
});

export async function findUserByUsername(db: Db, username: string): Promise<(UserRecord & { passwordHash: string }) | null> {
  const r = await base(db).select('app_user.password_hash').where('app_user.username', '=', username).executeTakeFirst();
  return r ? { ...toUser(r), passwordHash: r.password_hash } : null;
}

export async function findUserById(db: Db, id: string): Promise<UserRecord | null> {
  const r = await base(db).where('app_user.id', '=', id).executeTakeFirst();
  return r ? toUser(r) : null;
}

export async function listUsers(db: Db): Promise<UserRecord[]> {
  return (await base(db).orderBy('app_user.username').execute()).map(toUser);
}

export async function insertUser(
  trx: Transaction<DB>,
  u: { id: string; username: string; displayName: string; passwordHash: string; role: Role; orgId: string | null; email?: string | null },
  now: string,
): Promise<void> {
  await trx
    .insertInto('app_user')
    .values({
      id: u.id, username: u.username, display_name: u.displayName, password_hash: u.passwordHash, role: u.role,
      org_id: u.orgId, email: u.email ?? null, active: 1, created_at: now, updated_at: now,
    })
    .execute();
}

export async function updatePasswordHash(trx: Transaction<DB>, id: string, hash: string, now: string): Promise<void> {
  await trx
    .updateTable('app_user')
    .set((eb) => ({ password_hash: hash, updated_at: now, row_version: eb('row_version', '+', 1) }))
    .where('id', '=', id)
    .execute();
  // A changed password ends every open session of that user.
  await trx.deleteFrom('user_session').where('user_id', '=', id).execute();
}

export async function insertSession(db: Db, s: { id: string; userId: string; now: Date; ttlMs: number }): Promise<void> {
  await db
    .insertInto('user_session')
    .values({
      id: s.id, user_id: s.userId, created_at: s.now.toISOString(),
      expires_at: new Date(s.now.getTime() + s.ttlMs).toISOString(),
    })
    .execute();
}

export async function findSessionUser(db: Db, sessionId: string, now: Date): Promise<UserRecord | null> {
  const r = await base(db)
    .innerJoin('user_session', 'user_session.user_id', 'app_user.id')
    .select('user_session.expires_at')
    .where('user_session.id', '=', sessionId)
    .executeTakeFirst();
  if (!r) return null;
  const expires = toIso(r.expires_at);
  if (!expires || new Date(expires) <= now || !toBool(r.active)) return null;
  return toUser(r);
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', sessionId).execute();
}

export async function updateUser(db: Db, id: string, p: UserPatch, rowVersion: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable('app_user')
    .set((eb) => ({
      ...(p.displayName !== undefined ? { display_name: p.displayName } : {}),
      ...(p.role !== undefined ? { role: p.role } : {}),
      ...(p.orgId !== undefined ? { org_id: p.orgId } : {}),
      ...(p.email !== undefined ? { email: p.email } : {}),
      ...(p.active !== undefined ? { active: p.active ? 1 : 0 } : {}),
      updated_at: now,
      row_version: eb('row_version', '+', 1),
    }))
    .where('id', '=', id)
    .where('row_version', '=', rowVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const r = await db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin').where('active', '=', 1).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function endUserSessions(db: Db, userId: string): Promise<number> {
  const r = await db.deleteFrom('user_session').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function countUserSessions(db: Db, userId: string, now: Date): Promise<number> {
  const r = await db.selectFrom('user_session').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId).where('expires_at', '>', now.toISOString()).executeTakeFirstOrThrow();
  return Number(r.n);
}
