// The Fastify app factory: everything but listen(), so tests drive it with inject().
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { REPO_ROOT } from '../db/seed/reference-files';
import { createStore } from '../db/store';
import type { Database } from '../db/connect';
import { secrets } from './auth/secrets';
import { sessionCacheMs } from './auth/session-cache';
import type { AppContext } from './context';
import { notFoundBody, sendError } from './errors';
import { registerSecurity } from './plugins/security';
import { authRoutes } from './routes/auth';
import { planRoutes } from './routes/plans';
import { registryRoutes } from './routes/registries';
import { statisticsRoutes } from './routes/statistics';
import { supervisionFollowUpRoutes } from './routes/supervision-follow-up';
import { supervisionRoutes } from './routes/supervision';
import { reviewRoutes } from './routes/review';
import { reminderNotifier, taskNotifier } from '../core/supervision/notify-through-notifications';
import { systemRoutes } from './routes/system';
import { targetRoutes } from './routes/targets';
import { notificationRoutes } from './routes/notifications';
import { userRoutes } from './routes/users';
import { reportRoutes } from './routes/reports';
import { publicationRoutes } from './routes/publication';
import { mailerFromEnv } from './mailer';
import { keptClient } from './kept-process';
import { cockpitRoutes } from './routes/cockpit';
import type { Mailer } from '../core/notifications/ports';
import { planParseRoutes } from './routes/plan-parse';
import { evaluationRoutes } from './routes/evaluation';

export interface AppOptions {
  database: Database;
  /** pino options or false; the server logs JSON lines by default. */
  logger?: boolean | object;
  /** Login attempts allowed per address and user name per window. */
  loginRateLimit?: { max: number; timeWindow: number };
  cookieSecret?: string;
  secureCookies?: boolean;
  /** Where the built web app is; not served when absent (API-only tests). */
  webRoot?: string | null;
  /** Notification e-mail; default from SMTP_URL (null: no e-mail). */
  mailer?: Mailer | null;
  /** Session → user kept this many ms in the process (src/server/auth/session-cache.ts); default SESSION_CACHE_MS or 2000, 0 off. */
  sessionCacheMs?: number;
  /** A cluster worker: slow kept answers come from the kept process (src/server/kept-process.ts). */
  keptClient?: boolean;
}

export const DEFAULT_WEB_ROOT = join(REPO_ROOT, 'dist', 'web') + sep;

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 20 * 1024 * 1024, trustProxy: true });
  const store = createStore(opts.database.db, opts.database.read);
  const kept = opts.keptClient ? keptClient(store) : undefined;
  const baseDeps = { store, secrets, mailer: opts.mailer === undefined ? mailerFromEnv() : opts.mailer, kept };
  // Closing: stop listening to the primary, and let any reader still waiting on the kept process compute here.
  if (kept) app.addHook('onClose', async () => kept.stop());
  // Supervision reminders reach people through the notifications (in-app and e-mail).
  const ctx: AppContext = { database: opts.database, deps: { ...baseDeps, notify: reminderNotifier(baseDeps) } as AppContext['deps'] };

  // Route schemas are for the OpenAPI document; input is parsed with the shared zod schemas in the
  // handlers so the web app, CLI and API share one set of rules and one error shape.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setErrorHandler((err, req, reply) => sendError(err instanceof Error ? err : new Error(String(err)), req, reply));

  await app.register(swagger, {
    openapi: {
      info: { title: 'SEI Monitor API', description: '战略性新兴产业行动计划实施监测平台 API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sei_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await registerSecurity(app, ctx, {
    cookieSecret: opts.cookieSecret ?? process.env.SESSION_SECRET ?? 'sei-monitor-dev-secret-change-me-in-production',
    secureCookies: opts.secureCookies ?? false,
    sessionCacheMs: opts.sessionCacheMs ?? sessionCacheMs(),
  });

  systemRoutes(app, ctx);
  authRoutes(app, ctx, {
    loginRateLimit: opts.loginRateLimit ?? { max: 10, timeWindow: 60_000 },
    secureCookies: opts.secureCookies ?? false,
  });
  planRoutes(app, ctx);
  targetRoutes(app, ctx);
  registryRoutes(app, ctx);
  statisticsRoutes(app, ctx);
  userRoutes(app, ctx);
  notificationRoutes(app, ctx);
  supervisionFollowUpRoutes(app, ctx);
  supervisionRoutes(app, ctx, { notify: taskNotifier(ctx.deps) });
  cockpitRoutes(app, ctx);
  evaluationRoutes(app, ctx);
  reviewRoutes(app, ctx, { notify: taskNotifier(ctx.deps) });
  // Routes of later features: one `xRoutes(app, ctx)` per file in src/server/routes/.
  planParseRoutes(app, ctx);
  reportRoutes(app, ctx);
  publicationRoutes(app, ctx);
  app.get('/api/openapi.json', { schema: { hide: true }, config: { policy: 'public' } }, async () => app.swagger());

  const webRoot = opts.webRoot === undefined ? DEFAULT_WEB_ROOT : opts.webRoot;
  const serveWeb = webRoot !== null && existsSync(webRoot);
  if (serveWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false });

  app.setNotFoundHandler((req, reply) => {
    // Unknown API paths answer in the error shape; any other path is a page of the single-page app.
    if (req.url.startsWith('/api') || !serveWeb || req.method !== 'GET') return reply.status(404).send(notFoundBody(req));
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
