// Session cookie → req.user, CSRF on every unsafe method, and the role matrix on every route.
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { userForSession } from '../../core/auth/login';
import { AppError } from '../../core/app-error';
import { authorize } from '../../core/policy';
import { toActor, SESSION_COOKIE, type AppContext } from '../context';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface SecurityOptions {
  cookieSecret: string;
  secureCookies: boolean;
}

export async function registerSecurity(app: FastifyInstance, ctx: AppContext, opts: SecurityOptions): Promise<void> {
  await app.register(cookie, { secret: opts.cookieSecret });
  await app.register(csrf, {
    cookieKey: 'sei_csrf',
    cookieOpts: { httpOnly: true, sameSite: 'strict', path: '/', signed: true, secure: opts.secureCookies },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  });
  // preHandler, so the login limit can key on the parsed user name as well as the address.
  await app.register(rateLimit, { global: false, hook: 'preHandler' });

  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);

  // A route without a declared policy is a programming error: refuse to start rather than expose it.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    if (!route.config?.policy) throw new Error(`route ${route.method} ${route.url} declares no policy`);
  });

  app.addHook('onRequest', async (req) => {
    const raw = req.cookies[SESSION_COOKIE];
    const unsigned = raw ? req.unsignCookie(raw) : null;
    const token = unsigned?.valid ? unsigned.value : null;
    req.sessionToken = token;
    req.user = token ? await userForSession(ctx.deps, token, new Date()) : null;
  });

  app.addHook('preHandler', async (req, reply) => {
    const policy = req.routeOptions.config?.policy;
    if (!policy || policy === 'public') return;
    if (!req.user) throw new AppError('UNAUTHENTICATED');
    if (policy !== 'authenticated') authorize(toActor(req.user), policy.action, policy.resource);
    if (UNSAFE.has(req.method) && req.routeOptions.config?.csrf !== false) {
      await new Promise<void>((resolve, reject) =>
        app.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve())),
      );
    }
  });
}
