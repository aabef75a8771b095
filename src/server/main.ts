import type { Database } from '../db/connect';
import { buildApp } from './app';
import { serverLogOptions } from './plugins/security';
import { isWorker, workerId } from './cluster';
import { KEPT_CLIENT_ENV } from './kept-process';
import { startSupervisionSchedule } from './supervision-schedule';

export interface ServeOptions {
  database: Database;
  port: number;
  host: string;
}

export async function startServer(opts: ServeOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const app = await buildApp({
    database: opts.database,
    logger: serverLogOptions(process.env.LOG_LEVEL ?? 'info'),
    secureCookies: process.env.SECURE_COOKIES === '1',
    keptClient: isWorker() && process.env.SEI_KEPT === KEPT_CLIENT_ENV.SEI_KEPT,
  });
  // Under WORKERS=N each answer names its worker (x-sei-worker), for load tests and support.
  // (On the raw server, before Fastify's own listener: a hook added now would miss the routes already registered.)
  if (isWorker()) app.server.prependListener('request', (_req, res) => res.setHeader('x-sei-worker', String(workerId())));
  await app.listen({ port: opts.port, host: opts.host });
  const schedule = startSupervisionSchedule(opts.database, app.log);
  const url = `http://localhost:${opts.port}`;
  const close = async () => {
    schedule?.stop();
    await app.close();
    await opts.database.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void close().then(() => process.exit(0));
    });
  }
  return { url, close };
}
