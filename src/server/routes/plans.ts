import type { FastifyInstance } from 'fastify';
import { listOrganizations } from '../../core/orgs/list-organizations';
import { z } from 'zod';
import { changePlanStatus } from '../../core/plans/change-plan-status';
import { getPlan, listPlans } from '../../core/plans/get-plan';
import { loadPlanFile } from '../../core/plans/load-plan-file';
import { parseInput } from '../../core/parse-input';
import { PLAN_STATUSES, PlanFileSchema } from '../../shared/plan-file';
import { requireActor, type AppContext } from '../context';

const PlanStatusBody = z.object({ status: z.enum(PLAN_STATUSES), rowVersion: z.number().int().positive() });

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

  app.post(
    '/api/plans',
    {
      schema: { tags: ['plans'], summary: '载入计划文件（新版本）Load a plan file as a new version', body: z.toJSONSchema(PlanFileSchema, { unrepresentable: 'any' }) },
      config: { policy: { action: 'create', resource: 'plan' } },
    },
    async (req, reply) => {
      const { id } = await loadPlanFile(ctx.deps, requireActor(req), req.body, { isDefault: false, now: new Date() });
      return reply.status(201).send(await getPlan(ctx.deps, requireActor(req), id));
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/plans/:id/status',
    {
      schema: { tags: ['plans'], summary: '变更计划状态（草稿→发布→归档）Move a plan draft → published → archived', body: z.toJSONSchema(PlanStatusBody) },
      config: { policy: { action: 'update', resource: 'plan' } },
    },
    async (req) => {
      const body = parseInput(PlanStatusBody, req.body);
      return changePlanStatus(ctx.deps, requireActor(req), { id: req.params.id, ...body }, new Date());
    },
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
