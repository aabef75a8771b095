import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { listAudit } from '../../db/audit';
import { getMeta } from '../../db/repositories/meta';
import type { AppContext } from '../context';

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

  app.get<{ Querystring: { entity?: string; entityId?: string; limit?: string } }>(
    '/api/audit',
    { schema: { tags: ['system'], summary: '审计日志 Audit log' }, config: { policy: { action: 'read', resource: 'audit' } } },
    async (req) => ({
      entries: await listAudit(ctx.database.db, {
        entity: req.query.entity, entityId: req.query.entityId, limit: Math.min(Number(req.query.limit) || 200, 1000),
      }),
    }),
  );
}
