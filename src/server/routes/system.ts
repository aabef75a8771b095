import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { listAuditLog } from '../../core/users/list-audit-log';
import { getMeta } from '../../db/repositories/meta';
import { requireActor, type AppContext } from '../context';

export function systemRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/health', { schema: { tags: ['system'], summary: '健康检查 Health' }, config: { policy: 'public' } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(ctx.database.db);
      return { status: 'ok', db: ctx.database.dialect };
    } catch {
      return reply.status(503).send({ status: 'error', db: ctx.database.dialect });
    }
  });

  // What the login page needs before anyone logs in: the product name and whether this is demo data.
  app.get('/api/app-info', { schema: { tags: ['system'], summary: '系统信息 App info' }, config: { policy: 'public' } }, async () => ({
    name: 'SEI Monitor',
    demo: (await getMeta(ctx.database.db, 'demo')) === '1',
    initializedAt: await getMeta(ctx.database.db, 'initialized_at'),
  }));

  app.get(
    '/api/audit',
    {
      schema: { tags: ['system'], summary: '审计日志 Audit log (?entity=&entityId=&actor=&action=&from=YYYY-MM-DD&to=YYYY-MM-DD&page=&pageSize=) → {entries, total, page, pageSize}' },
      config: { policy: { action: 'read', resource: 'audit' } },
    },
    async (req) => listAuditLog(ctx.deps, requireActor(req), req.query),
  );
}
