// Session cookie → req.user, CSRF on every unsafe method, and the role matrix on every route.
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/app-error';
import { authorize } from '../../core/policy';
import { toActor, SESSION_COOKIE, type AppContext, type RoutePolicy } from '../context';
import { SessionCache } from '../auth/session-cache';

export interface DeclaredRoute {
  method: string;
  url: string;
  policy: RoutePolicy | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route as registered (method, url, policy), HEAD routes left out. */
    declaredRoutes: DeclaredRoute[];
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface SecurityOptions {
  cookieSecret: string;
  secureCookies: boolean;
  /** How long a session's user is kept in this process (ms; 0: ask the database on every request). */
  sessionCacheMs: number;
}

/** Routes whose successful writes can end a session or change its user: they clear the session cache. */
const REVOKING = (url: string | undefined) => url === '/api/auth/logout' || !!url?.startsWith('/api/users');

/**
 * The Content-Security-Policy the built web app runs under: scripts and styles only from the app's own
 * origin — plus inline styles, which Ant Design's CSS-in-JS injects at run time — data:/blob: images
 * (ECharts exports, icons), no plug-ins, no framing by other sites, forms posting only to the app.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The server's log settings: JSON lines at `level`, with the session cookie, CSRF token and any
 * authorization header censored should a serializer ever include headers. Request bodies (passwords)
 * are never logged.
 */
export function serverLogOptions(level: string, stream?: NodeJS.WritableStream): object {
  return {
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', 'headers.cookie', 'body.password'], censor: '[redacted]' },
    ...(stream ? { stream } : {}),
  };
}

export async function registerSecurity(app: FastifyInstance, ctx: AppContext, opts: SecurityOptions): Promise<void> {
  // Response headers on every answer (pages, API, errors). HSTS only when the site is served over TLS
  // (SECURE_COOKIES=1 behind the reverse proxy): sent over plain HTTP it would lock browsers out.
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...CSP_DIRECTIVES, ...(opts.secureCookies ? { upgradeInsecureRequests: [] } : {}) } },
    strictTransportSecurity: opts.secureCookies ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
    // Applied below from headers made once: as a global hook helmet builds its middleware again on every
    // request, ≈ 8 % of a worker's time under load (CPU profile, BENCHMARKS.md "Load and soak").
    global: false,
  });
  let securityHeaders: Record<string, string | number | readonly string[]> | null = null;
  app.addHook('onRequest', (req, reply, done) => {
    if (!securityHeaders) {
      // The first request's reply gets helmet's headers; the ones it added are kept for every later reply.
      const before = new Set(reply.raw.getHeaderNames());
      reply.helmet();
      securityHeaders = Object.fromEntries(reply.raw.getHeaderNames().filter((n) => !before.has(n)).map((n) => [n, reply.raw.getHeader(n)!]));
    } else {
      for (const name in securityHeaders) reply.raw.setHeader(name, securityHeaders[name]!);
    }
    done();
  });
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
  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    // Kept for the authorisation-matrix test, which checks every route the running app has.
    for (const m of [route.method].flat()) if (m !== 'HEAD') declared.push({ method: m, url: route.url, policy: route.config?.policy });
    if (!route.config?.policy) throw new Error(`route ${route.method} ${route.url} declares no policy`);
  });

  const sessions = new SessionCache(opts.sessionCacheMs);
  const unlisten = sessions.listen();
  app.addHook('onClose', async () => unlisten());
  app.addHook('onRequest', async (req) => {
    const raw = req.cookies[SESSION_COOKIE];
    const unsigned = raw ? req.unsignCookie(raw) : null;
    const token = unsigned?.valid ? unsigned.value : null;
    req.sessionToken = token;
    if (!token) {
      req.user = null;
      return;
    }
    const id = ctx.deps.secrets.sessionIdOf(token);
    const now = Date.now();
    let user = sessions.get(id, now) ?? null;
    if (!user) {
      user = await ctx.deps.store.sessions.findUser(id, new Date(now));
      if (user) sessions.set(id, user, now);
    }
    req.user = user;
  });
  // Before the answer leaves (onSend, not onResponse): the client's next request must not find the old entry.
  app.addHook('onSend', async (req, reply) => {
    if (UNSAFE.has(req.method) && reply.statusCode < 400 && REVOKING(req.routeOptions.url)) sessions.clearEverywhere();
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
