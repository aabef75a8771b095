// 系统管理 › 用户: list, add, edit (role, organisation, e-mail, enable/disable), reset password, end
// sessions. Administrators only (the policy table's `user` resource).
import type { FastifyInstance } from 'fastify';
import { addUser } from '../../core/users/add-user';
import { endUserSessions } from '../../core/users/end-sessions';
import { listUsers } from '../../core/users/list-users';
import { resetUserPassword } from '../../core/users/reset-password';
import { updateUser } from '../../core/users/update-user';
import { unlockUser } from '../../core/users/unlock-user';
import type { UserRecord } from '../../core/ports';
import { requireActor, type AppContext } from '../context';
import { presentUser } from './auth';

const tags = ['users'];
type IdParams = { Params: { id: string } };

export const presentAdminUser = (u: UserRecord & { sessions?: number }) => ({
  ...presentUser(u),
  email: u.email ?? null,
  active: u.active,
  rowVersion: u.rowVersion,
  ...(u.sessions !== undefined ? { sessions: u.sessions } : {}),
});

export function userRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/users', { schema: { tags, summary: '用户列表 Users' }, config: { policy: { action: 'read', resource: 'user' } } }, async (req) =>
    ({ users: (await listUsers(ctx.deps, requireActor(req), new Date())).map(presentAdminUser) }));

  app.post('/api/users', {
    schema: { tags, summary: '新增用户 Add a user {username, password, role, orgCode?, displayName?, email?}' },
    config: { policy: { action: 'create', resource: 'user' } },
  }, async (req, reply) => {
    const { id } = await addUser(ctx.deps, requireActor(req), req.body, new Date());
    const user = await ctx.deps.store.users.findById(id);
    return reply.status(201).send({ user: presentAdminUser(user!) });
  });

  app.patch<IdParams>('/api/users/:id', {
    schema: { tags, summary: '修改用户（角色、组织、邮箱、启用/停用）Edit a user {rowVersion, displayName?, role?, orgCode?, email?, active?}' },
    config: { policy: { action: 'update', resource: 'user' } },
  }, async (req) => ({ user: presentAdminUser(await updateUser(ctx.deps, requireActor(req), req.params.id, req.body, new Date())) }));

  app.post<IdParams>('/api/users/:id/reset-password', {
    schema: { tags, summary: '重置密码（省略则随机生成并返回一次）Reset the password {rowVersion, password?}' },
    config: { policy: { action: 'update', resource: 'user' } },
  }, async (req) => resetUserPassword(ctx.deps, requireActor(req), req.params.id, req.body, new Date()));

  app.post<IdParams>('/api/users/:id/end-sessions', {
    schema: { tags, summary: '结束该用户的全部会话 End all sessions of a user' },
    config: { policy: { action: 'update', resource: 'user' } },
  }, async (req) => endUserSessions(ctx.deps, requireActor(req), req.params.id));

  app.post<IdParams>('/api/users/:id/unlock', {
    schema: { tags, summary: '解除登录锁定 Lift the lockout after repeated failed logins' },
    config: { policy: { action: 'update', resource: 'user' } },
  }, async (req) => unlockUser(ctx.deps, requireActor(req), req.params.id));
}
