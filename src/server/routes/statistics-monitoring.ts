// Monitoring routes: rule violations, outliers and their review, completeness and reminders, aggregates.
import type { FastifyInstance } from 'fastify';
import { getAggregates, getSeries } from '../../core/statistics/aggregate-queries';
import { listViolations } from '../../core/statistics/catalogue-queries';
import { getCompleteness, sendReminders } from '../../core/statistics/completeness';
import { findOutliers, reviewOutlier } from '../../core/statistics/outlier-review';
import type { OutlierMethod } from '../../core/statistics/outliers';
import { AppError } from '../../core/app-error';
import { getCityAnnualSeries } from '../../db/repositories/city-series';
import { OUTLIER_BASES } from '../../shared/statistics';
import { requireActor, type AppContext } from '../context';

type Q = Record<string, string | undefined>;
const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
const num = (s: string | undefined) => (s === undefined || s === '' ? undefined : Number(s));

export function monitoringRoutes(app: FastifyInstance, ctx: AppContext): void {
  const tags = ['statistics monitoring'];
  const read = { policy: { action: 'read', resource: 'datavalue' } } as const;
  app.get<{ Querystring: Q }>('/api/statistics/violations', { schema: { tags, summary: '校验规则违反清单 Rule violations per org/period (?period=&dataset=&org=)' }, config: read }, async (req) =>
    ({ violations: await listViolations(ctx.deps, requireActor(req), { period: req.query.period ?? '', dataset: req.query.dataset, org: req.query.org }) }));

  app.get<{ Querystring: Q }>('/api/statistics/outliers', {
    schema: { tags, summary: '异常值清单 Outliers (?period=&indicators=A,B&methods=zscore,modified_z,bounds&z=3&mz=3.5&window=24&basis=auto|level|yoy&includeReviewed=1); each item names its report, its status and whether it is locked' }, config: read,
  }, async (req) => {
    const q = req.query;
    const methods = list(q.methods) as OutlierMethod[] | undefined;
    if (methods?.some((m) => !['zscore', 'modified_z', 'bounds'].includes(m))) throw new AppError('VALIDATION', { zh: 'methods 应为 zscore、modified_z、bounds', en: 'methods: zscore, modified_z, bounds' });
    const basis = q.basis ?? 'auto';
    if (!(OUTLIER_BASES as readonly string[]).includes(basis)) throw new AppError('VALIDATION', { zh: 'basis 应为 auto、level（数值）或 yoy（同比增速）', en: 'basis: auto, level or yoy' });
    return { outliers: await findOutliers(ctx.deps, requireActor(req), { period: q.period ?? '', indicators: list(q.indicators ?? q.indicator), methods, zThreshold: num(q.z), modifiedZThreshold: num(q.mz), window: num(q.window), basis: basis as (typeof OUTLIER_BASES)[number], includeReviewed: q.includeReviewed === '1' || q.includeReviewed === 'true' }, new Date()) };
  });
  app.post('/api/statistics/outliers/review', { schema: { tags, summary: '确认或更正异常值 Confirm or correct {orgCode, indicatorCode, period, decision, value?, note?}' }, config: { policy: { action: 'update', resource: 'datavalue' } } }, async (req) =>
    reviewOutlier(ctx.deps, requireActor(req), req.body, new Date()));

  app.get<{ Querystring: Q }>('/api/statistics/completeness', { schema: { tags, summary: '完整性与及时性、未报清单 Completeness, timeliness, non-reporters (?dataset=&period=)' }, config: read }, async (req) =>
    getCompleteness(ctx.deps, requireActor(req), { dataset: req.query.dataset ?? '', period: req.query.period ?? '' }));
  app.post('/api/statistics/reminders', { schema: { tags, summary: '一键催报 Remind non-reporters {dataset, period, orgCodes?, message?}' }, config: read }, async (req) =>
    sendReminders(ctx.deps, requireActor(req), req.body, new Date()));

  app.get<{ Querystring: Q }>('/api/statistics/aggregates', {
    schema: { tags, summary: '汇总 Aggregates by dimension with YoY raw and 同口径 (?indicator=&dim=city|county|industry|sei|park&period=2020|2020Q4|202012&keys=)' }, config: read,
  }, async (req) => getAggregates(ctx.deps, requireActor(req), { indicator: req.query.indicator ?? '', dim: req.query.dim ?? 'city', period: req.query.period ?? '', keys: list(req.query.keys) }));
  app.get<{ Querystring: Q }>('/api/statistics/series', {
    schema: { tags, summary: '时间序列 Series of one dimension key (?indicator=&dim=&key=&from=&to=)' }, config: read,
  }, async (req) => getSeries(ctx.deps, requireActor(req), { indicator: req.query.indicator ?? '', dim: req.query.dim ?? 'city', key: req.query.key ?? '', from: req.query.from ?? '', to: req.query.to ?? '' }));
  app.get<{ Querystring: Q }>('/api/statistics/city-series', {
    schema: { tags, summary: '全市年度序列（含来源与可靠性）Annual city series with source and reliability (?indicator=)' }, config: { policy: { action: 'read', resource: 'indicator' } },
  }, async (req) => ({ indicator: req.query.indicator, points: await getCityAnnualSeries(ctx.database.db, req.query.indicator ?? '') }));
}
