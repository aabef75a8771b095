// Targets with their assessment on a date, and the progress maths as a public calculator.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../../core/parse-input';
import { computeProgress } from '../../core/targets/compute-progress';
import { getTargetAssessment } from '../../core/targets/get-target-assessment';
import { keptTargetAssessments } from '../../core/targets/kept-assessments';
import { ProgressComputeInputSchema, TargetsQuerySchema } from '../../shared/targets';
import { requireActor, type AppContext } from '../context';

export const today = (): string => new Date().toISOString().slice(0, 10);

const asOfQuery = {
  type: 'object',
  properties: {
    asOf: { type: 'string', description: 'YYYY-MM-DD (default: today)' },
    approvedOnly: { type: 'string', enum: ['true', 'false', '1', '0'], description: '仅用已审核数据 compute on approved values only' },
  },
} as const;

export function targetRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { asOf?: string; approvedOnly?: string } }>(
    '/api/targets',
    {
      schema: { tags: ['targets'], summary: '目标指标及其评估（实际值、达成率、序时进度、预期进展、预测）Targets assessed on a date', querystring: asOfQuery },
      config: { policy: { action: 'read', resource: 'target' } },
    },
    async (req) => {
      const q = parseInput(TargetsQuerySchema, req.query);
      return keptTargetAssessments(ctx.deps, requireActor(req), q.asOf ?? today(), { approvedOnly: q.approvedOnly });
    },
  );

  app.get<{ Params: { id: string }; Querystring: { asOf?: string; approvedOnly?: string } }>(
    '/api/targets/:id',
    {
      schema: {
        tags: ['targets'], summary: '单个目标：评估、数据序列与预测点 One target with its series and projection',
        params: { type: 'object', properties: { id: { type: 'string', description: 'target id or code (T1 …) of the default plan' } } },
        querystring: asOfQuery,
      },
      config: { policy: { action: 'read', resource: 'target' } },
    },
    async (req) => {
      const q = parseInput(TargetsQuerySchema, req.query);
      return getTargetAssessment(ctx.deps, requireActor(req), req.params.id, q.asOf ?? today(), { approvedOnly: q.approvedOnly });
    },
  );

  // Pure maths on the numbers given: no data is read, so anyone may call it (no session, no CSRF token).
  app.post(
    '/api/progress/compute',
    {
      schema: { tags: ['targets'], summary: '预期进展测算（Open SDG 方法）Anticipated progress of one series', body: z.toJSONSchema(ProgressComputeInputSchema) },
      config: { policy: 'public' },
    },
    async (req) => computeProgress(req.body),
  );
}
