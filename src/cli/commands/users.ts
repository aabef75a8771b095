// `sei user list|disable|enable|set-role|set-email|reset-password|end-sessions` (beside `user add` and
// `user passwd` in main.ts) and `sei notify send-pending`: the same use-cases as 系统管理 › 用户 and
// /api/users, run as the system (recorded as `cli` in the audit log). The last active administrator
// can be neither disabled nor demoted here either.
import type { Command } from 'commander';
import { deliverEmails } from '../../core/notifications/deliver-emails';
import { endUserSessions } from '../../core/users/end-sessions';
import { listUsers } from '../../core/users/list-users';
import { resetUserPassword } from '../../core/users/reset-password';
import { updateUser } from '../../core/users/update-user';
import { unlockUser } from '../../core/users/unlock-user';
import type { Deps } from '../../core/ports';
import { ROLES } from '../../shared/roles';
import { presentAdminUser } from '../../server/routes/users';
import { withDeps } from '../context';
import { table, UsageError } from '../output';

async function byName(d: Deps, username: string) {
  const u = await d.store.users.findByUsername(username);
  if (!u) throw new UsageError(`用户不存在 / no such user: ${username}`);
  return u;
}

export function registerUserAdmin(program: Command): void {
  const user = program.commands.find((c) => c.name() === 'user') ?? program.command('user').description('用户 / users');
  user
    .command('list')
    .description('用户列表 / list users (as GET /api/users)')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (o: { json?: boolean }) => withDeps(async (d) => {
      const users = (await listUsers(d, null, new Date())).map(presentAdminUser);
      if (o.json) return console.log(JSON.stringify({ users }, null, 2));
      console.log(table(['用户名 user', '显示名 name', '角色 role', '组织 org', '邮箱 e-mail', '状态 state', '会话 sessions'],
        users.map((u) => [u.username, u.displayName, u.role, u.org ? `${u.org.code} ${u.org.name ?? ''}` : null, u.email, u.active ? '启用 active' : '停用 disabled', String(u.sessions ?? 0)])));
    }));

  const setActive = (active: boolean) => async (username: string) => withDeps(async (d) => {
    const u = await byName(d, username);
    await updateUser(d, null, u.id, { rowVersion: u.rowVersion, active }, new Date());
    console.log(active ? `已启用 Enabled ${username}` : `已停用 Disabled ${username}; 其会话已结束 sessions ended`);
  });
  user.command('disable <username>').description('停用用户并结束其会话 / disable a user and end its sessions').action(setActive(false));
  user.command('enable <username>').description('启用用户 / enable a user').action(setActive(true));

  user
    .command('set-role <username> <role>')
    .description(`修改角色与所属组织 / change role (${ROLES.join(', ')}) and organisation`)
    .option('--org <code>', '所属组织代码 / organisation code')
    .option('--no-org', '清除所属组织 / clear the organisation')
    .action(async (username: string, role: string, o: { org?: string | false }) => {
      if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`未知角色 unknown role "${role}"; one of: ${ROLES.join(', ')}`);
      await withDeps(async (d) => {
        const u = await byName(d, username);
        const orgCode = o.org === false ? null : o.org;
        const after = await updateUser(d, null, u.id, { rowVersion: u.rowVersion, role, ...(orgCode !== undefined ? { orgCode } : {}) }, new Date());
        console.log(`已修改 Changed ${username}: ${after.role}${after.orgCode ? ` @ ${after.orgCode}` : ''}`);
      });
    });

  user
    .command('set-email <username> [email]')
    .description('设置通知邮箱（省略则清除）/ set the notification e-mail (clear when omitted)')
    .action(async (username: string, email: string | undefined) => withDeps(async (d) => {
      const u = await byName(d, username);
      await updateUser(d, null, u.id, { rowVersion: u.rowVersion, email: email ?? null }, new Date());
      console.log(`已设置 Set e-mail of ${username}: ${email ?? '—'}`);
    }));

  user
    .command('reset-password <username>')
    .description('重置为随机密码并显示一次；结束其会话 / reset to a random password shown once; ends its sessions')
    .action(async (username: string) => withDeps(async (d) => {
      const u = await byName(d, username);
      const r = await resetUserPassword(d, null, u.id, { rowVersion: u.rowVersion }, new Date());
      console.log(`新密码 New password of ${username}: ${r.password}`);
    }));

  user
    .command('end-sessions <username>')
    .description('结束该用户的全部会话 / log a user out everywhere')
    .action(async (username: string) => withDeps(async (d) => {
      const r = await endUserSessions(d, null, (await byName(d, username)).id);
      console.log(`已结束 ${r.ended} 个会话 / ${r.ended} session(s) ended`);
    }));

  user
    .command('unlock <username>')
    .description('解除连续登录失败造成的锁定 / lift the lockout after repeated failed logins')
    .action(async (username: string) => withDeps(async (d) => {
      const r = await unlockUser(d, null, (await byName(d, username)).id);
      console.log(r.unlocked ? `已解除锁定 Unlocked ${username}` : `${username} 未被锁定；失败计数已清零 / was not locked; failure count cleared`);
    }));

  program
    .command('notify')
    .description('通知 / notifications')
    .command('send-pending')
    .description('重发未发出或发送失败的通知邮件（SMTP_URL）/ send notification e-mails still pending or failed')
    .action(async () => withDeps(async (d) => {
      if (!d.mailer) throw new UsageError('未配置 SMTP_URL / SMTP_URL is not set');
      const r = await deliverEmails(d, null);
      console.log(`已发送 sent ${r.sent}, 失败 failed ${r.failed}`);
      if (r.failed) process.exitCode = 1;
    }));
}
