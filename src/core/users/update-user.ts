// An administrator edits a user: name, role, organisation, e-mail, enabled/disabled. The edit names the
// row version it read (a stale one is CONFLICT); the last active administrator can be neither disabled
// nor demoted (nobody could manage users any more); disabling a user ends its sessions at once.
import { ROLES_NEEDING_ORG, UserUpdateInput } from '../../shared/users';
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps, Store, UserRecord } from '../ports';
import type { UserPatch } from './ports';

export const auditView = (u: UserRecord) => ({
  username: u.username, displayName: u.displayName, role: u.role, orgCode: u.orgCode, email: u.email ?? null,
  active: u.active, rowVersion: u.rowVersion,
});

export async function findUserOrFail(tx: Store, id: string): Promise<UserRecord> {
  const user = await tx.users.findById(id);
  if (!user) throw new AppError('NOT_FOUND', { zh: `用户不存在：${id}`, en: `no such user: ${id}` });
  return user;
}

export function checkVersion(user: UserRecord, rowVersion: number): void {
  if (user.rowVersion !== rowVersion) {
    throw new AppError('CONFLICT', {
      zh: `用户 ${user.username} 已被他人修改（版本 ${rowVersion} → ${user.rowVersion}），请刷新后重试`,
      en: `user ${user.username} was changed meanwhile (version ${rowVersion} → ${user.rowVersion}); reload and retry`,
    });
  }
}

const LAST_ADMIN = {
  zh: '不能停用或降级最后一名启用的系统管理员：请先为另一名用户授予系统管理员角色',
  en: 'The last active administrator cannot be disabled or demoted: make another user an administrator first',
};

export async function updateUser(deps: Deps, actor: Actor | null, id: string, raw: unknown, now: Date): Promise<UserRecord> {
  if (actor) authorize(actor, 'update', 'user');
  const input = parseInput(UserUpdateInput, raw);
  return deps.store.transaction(async (tx) => {
    const before = await findUserOrFail(tx, id);
    checkVersion(before, input.rowVersion);
    const patch: UserPatch = {};
    if (input.displayName !== undefined) patch.displayName = input.displayName;
    if (input.role !== undefined) patch.role = input.role;
    if (input.email !== undefined) patch.email = input.email || null;
    if (input.active !== undefined) patch.active = input.active;
    if (input.orgCode !== undefined) {
      if (input.orgCode === null) patch.orgId = null;
      else {
        const orgId = (await tx.orgs.idsByCode()).get(input.orgCode);
        if (!orgId) {
          throw new AppError('VALIDATION', { zh: `组织代码不存在：${input.orgCode}`, en: `unknown organisation code: ${input.orgCode}` },
            [{ path: 'orgCode', field: 'orgCode', message: 'unknown organisation' }]);
        }
        patch.orgId = orgId;
      }
    }
    const role = patch.role ?? before.role;
    const orgId = patch.orgId !== undefined ? patch.orgId : before.orgId;
    if ((ROLES_NEEDING_ORG as readonly string[]).includes(role) && !orgId) {
      throw new AppError('VALIDATION', { zh: `角色 ${role} 必须指定所属组织`, en: `role ${role} needs an organisation` },
        [{ path: 'orgCode', field: 'orgCode', message: 'required for this role' }]);
    }
    const disabling = before.active && patch.active === false;
    if (actor && actor.userId === id && disabling) {
      throw new AppError('VALIDATION', { zh: '不能停用自己的账号', en: 'You cannot disable your own account' });
    }
    const leavesAdmins = before.role === 'admin' && before.active && (disabling || role !== 'admin');
    if (leavesAdmins && (await tx.users.countActiveAdmins()) <= 1) throw new AppError('CONFLICT', LAST_ADMIN);
    if (!(await tx.users.update(id, patch, input.rowVersion, now.toISOString()))) checkVersion(await findUserOrFail(tx, id), input.rowVersion);
    // A disabled user is out at once; a new role or organisation also starts from a fresh login.
    const roleOrOrgChanged = role !== before.role || orgId !== before.orgId;
    if (disabling || roleOrOrgChanged) await tx.users.endSessions(id);
    const after = await findUserOrFail(tx, id);
    const action = disabling ? 'disable' : before.active === false && patch.active === true ? 'enable' : 'update';
    await tx.audit.write({
      actorId: actor?.userId ?? null, actorName: actor?.username ?? 'cli', action, entity: 'user', entityId: id,
      before: auditView(before), after: auditView(after),
    });
    return after;
  });
}
