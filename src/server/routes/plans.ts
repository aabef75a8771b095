import type { FastifyInstance } from 'fastify';
import { listOrganizations } from '../../core/orgs/list-organizations';
import { getPlan, listPlans } from '../../core/plans/get-plan';
import { requireActor, type AppContext } from '../context';

export function planRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/plans', { schema: { tags: ['plans'], summary: '行动计划列表 Plans' }, config: { policy: { action: 'read', resource: 'plan' } } }, async (req) => ({
    plans: await listPlans(ctx.deps, requireActor(req)),
  }));

  app.get<{ Params: { id: string } }>(
    '/api/plans/:id',
    {
      schema: {
        tags: ['plans'],
        summary: '行动计划详情（章节树、目标、重点领域、任务、措施）Plan with sections, targets, industries, tasks',
        params: { type: 'object', properties: { id: { type: 'string', description: 'plan id or "default"' } } },
      },
      config: { policy: { action: 'read', resource: 'plan' } },
    },
    async (req) => getPlan(ctx.deps, requireActor(req), req.params.id),
  );

  app.get<{ Querystring: { kind?: string } }>(
    '/api/organizations',
    {
      schema: { tags: ['organizations'], summary: '组织机构 Organisations', querystring: { type: 'object', properties: { kind: { type: 'string' } } } },
      config: { policy: { action: 'read', resource: 'organization' } },
    },
    async (req) => ({ organizations: await listOrganizations(ctx.deps, requireActor(req), req.query.kind) }),
  );
}
