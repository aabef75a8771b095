import type { FastifyInstance, FastifyReply } from 'fastify';
import type { UserRecord } from '../../core/ports';
import { z } from 'zod';
import { login, logout } from '../../core/auth/login';
import { SESSION_TTL_MS } from '../../core/auth/login';
import { parseInput } from '../../core/parse-input';
import { POLICY } from '../../core/policy';
import { getMeta } from '../../db/repositories/meta';
import { LoginBody } from '../../shared/users';
import { SESSION_COOKIE, type AppContext } from '../context';
import { ROLE_LABELS } from '../../shared/roles';

export interface AuthRouteOptions {
  loginRateLimit: { max: number; timeWindow: number };
  secureCookies: boolean;
}

export function authRoutes(app: FastifyInstance, ctx: AppContext, opts: AuthRouteOptions): void {
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: '登录 Log in', body: z.toJSONSchema(LoginBody) },
      config: {
        policy: 'public',
        csrf: false,
        // Per address and user name, so one office behind a NAT is not locked out by one person's typos.
        rateLimit: {
          max: opts.loginRateLimit.max,
          timeWindow: opts.loginRateLimit.timeWindow,
          keyGenerator: (req) => `${req.ip}|${String((req.body as { username?: unknown } | undefined)?.username ?? '')}`,
        },
      },
    },
    async (req, reply) => {
      const body = parseInput(LoginBody, req.body);
      const { token, user } = await login(ctx.deps, { ...body, ip: req.ip }, new Date());
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true, sameSite: 'lax', path: '/', signed: true, secure: opts.secureCookies, maxAge: SESSION_TTL_MS / 1000,
      });
      return { user: presentUser(user), csrfToken: reply.generateCsrf() };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出 Log out' }, config: { policy: 'authenticated' } }, async (req, reply) => {
    await logout(ctx.deps, req.sessionToken!, req.user!, req.ip);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  const me = async (user: UserRecord, reply: FastifyReply) => ({
    user: presentUser(user),
    permissions: POLICY[user.role],
    demo: (await getMeta(ctx.database.db, 'demo')) === '1',
    csrfToken: reply.generateCsrf(),
  });
  app.get('/api/me', { schema: { tags: ['auth'], summary: '当前用户 Current user' }, config: { policy: 'authenticated' } }, async (req, reply) =>
    me(req.user!, reply));
  // The web app's probe on load: 200 either way ({user: null} when nobody is logged in), so the login
  // page does not log a failed request every time it opens.
  app.get('/api/session', { schema: { tags: ['auth'], summary: '会话探测 Session probe: like /api/me, or {user: null}' }, config: { policy: 'public' } }, async (req, reply) =>
    (req.user ? me(req.user, reply) : { user: null }));
}

export const presentUser = (u: { id: string; username: string; displayName: string; role: keyof typeof ROLE_LABELS; orgCode: string | null; orgName: string | null }) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  roleLabel: ROLE_LABELS[u.role],
  org: u.orgCode ? { code: u.orgCode, name: u.orgName } : null,
});
