import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../../src/server/app';
import { DEMO_PASSWORD } from '../../src/db/seed/demo';
import type { TestDatabase } from './databases';

export async function makeApp(database: TestDatabase, opts: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  const app = await buildApp({ database, webRoot: null, ...opts });
  await app.ready();
  return app;
}

export interface Session {
  cookie: string;
  csrfToken: string;
  /** Sends a request with the session cookie and, for unsafe methods, the CSRF header. */
  request: (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
}

const cookieHeader = (res: LightMyRequestResponse): string =>
  res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

/** Logs in as a demo user (password DEMO_PASSWORD unless given). */
export async function loginAs(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = cookieHeader(res);
  const csrfToken = res.json().csrfToken as string;
  return {
    cookie,
    csrfToken,
    request: (method, url, payload) =>
      app.inject({
        method, url, payload: payload as never,
        headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }) },
      }),
  };
}
