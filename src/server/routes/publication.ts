// 公开发布: the coordinator's publication records (/api/publications), and the public page's data
// (/api/public/…, no login, rate-limited per address) which serves only what is published, with the
// confidentiality rule applied to every cell. Thin: parse → use-case → present.
import type { FastifyInstance } from 'fastify';
import { listPublications } from '../../core/publication/list-publications';
import { publicAggregate } from '../../core/publication/public-aggregate';
import { publicCatalogue } from '../../core/publication/public-catalogue';
import { publicTargets } from '../../core/publication/public-targets';
import { publish } from '../../core/publication/publish';
import { updatePublication } from '../../core/publication/update-publication';
import { withdrawPublication } from '../../core/publication/withdraw-publication';
import { requireActor, type AppContext } from '../context';

/** Requests per minute and address on each public route; PUBLIC_RATE_LIMIT overrides (default 120). */
export function publicRateLimit(env: NodeJS.ProcessEnv = process.env): { max: number; timeWindow: number } {
  const n = Number(env.PUBLIC_RATE_LIMIT);
  return { max: Number.isInteger(n) && n > 0 ? n : 120, timeWindow: 60_000 };
}

export function publicationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const tags = ['publication'];
  app.get('/api/publications', { schema: { tags, summary: '公开发布记录 What the public page shows' }, config: { policy: { action: 'read', resource: 'publication' } } },
    async (req) => listPublications(ctx.deps, requireActor(req)));
  app.post('/api/publications', {
    schema: { tags, summary: '发布 Publish {kind:"targets", period} or {kind:"aggregate", indicatorCode, dim:"city"|"county", period}' },
    config: { policy: { action: 'create', resource: 'publication' } },
  }, async (req, reply) => reply.status(201).send(await publish(ctx.deps, requireActor(req), req.body, new Date())));
  app.patch<{ Params: { id: string } }>('/api/publications/:id', {
    schema: { tags, summary: '修改标题 Rename {rowVersion, title} (409 when changed meanwhile)' },
    config: { policy: { action: 'update', resource: 'publication' } },
  }, async (req) => updatePublication(ctx.deps, requireActor(req), req.params.id, req.body, new Date()));
  app.delete<{ Params: { id: string } }>('/api/publications/:id', {
    schema: { tags, summary: '撤回 Withdraw (?rowVersion=; 409 when changed meanwhile)' },
    config: { policy: { action: 'delete', resource: 'publication' } },
  }, async (req) => withdrawPublication(ctx.deps, requireActor(req), req.params.id, req.query));

  const open = { policy: 'public', rateLimit: publicRateLimit() } as const;
  const ptags = ['public'];
  app.get('/api/public/catalogue', { schema: { tags: ptags, summary: '公开目录 Published items (no login)' }, config: open }, async () => publicCatalogue(ctx.deps));
  app.get('/api/public/targets', { schema: { tags: ptags, summary: '公开的目标完成情况 Published targets (?period=; no login)' }, config: open },
    async (req) => publicTargets(ctx.deps, req.query, new Date()));
  app.get('/api/public/aggregates', { schema: { tags: ptags, summary: '公开的汇总数据 Published aggregates (?indicator=&dim=city|county&period=; suppressed cells null; no login)' }, config: open },
    async (req) => publicAggregate(ctx.deps, req.query));
}
