// Statistics API (统计监测): catalogue, data values (JSON API, file import, export, template), the
// entry form and approval, monitoring (violations, outliers, completeness, reminders), aggregates.
// Documented in docs/statistics.md. Registered as an encapsulated scope so the raw-file body parsers
// apply to these routes only.
import type { FastifyInstance } from 'fastify';
import { saveEntryForm, getEntryForm } from '../../core/statistics/data-entry';
import { createIndicator, exportRows, listIndicators, listRules, saveRule, templateRows, updateIndicatorRanges, valueAudit } from '../../core/statistics/catalogue-queries';
import { createDataset, deleteDataset, listDatasets, updateDataset } from '../../core/statistics/datasets';
import { importDataValues } from '../../core/statistics/import-data-values';
import { changeReportStatus, listReports } from '../../core/statistics/report-workflow';
import { parseInput } from '../../core/parse-input';
import { DataValuesBody, REPORT_ACTIONS } from '../../shared/statistics';
import { importInputFromFile, tableFile } from '../../files/value-files';
import { requireActor, type AppContext } from '../context';
import { enterpriseRoutes } from './enterprises';
import { acceptRawFiles, fileFromRequest, sendDownload, wantsDryRun } from './file-body';

/** ?confirm=1: store values outside their indicator's soft range. */
const wantsConfirm = (req: { query: unknown }): boolean => ['1', 'true'].includes(String((req.query as { confirm?: string }).confirm));
import { monitoringRoutes } from './statistics-monitoring';

type Q = Record<string, string | undefined>;
const fmt = (f: string | undefined): 'csv' | 'xlsx' => (f === 'csv' ? 'csv' : 'xlsx');

export function statisticsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.register(async (scope) => {
    acceptRawFiles(scope);
    catalogueRoutes(scope, ctx);
    dataValueRoutes(scope, ctx);
    entryRoutes(scope, ctx);
    monitoringRoutes(scope, ctx);
    enterpriseRoutes(scope, ctx);
  });
}

function catalogueRoutes(app: FastifyInstance, ctx: AppContext): void {
  const tags = ['statistics'];
  app.get('/api/indicators', { schema: { tags, summary: '指标目录 Indicator catalogue' }, config: { policy: { action: 'read', resource: 'indicator' } } }, async (req) => ({ indicators: await listIndicators(ctx.deps, requireActor(req)) }));
  app.post('/api/indicators', { schema: { tags, summary: '新增自定义指标 Create a custom indicator {code, name, nameEn, unit, frequency, aggregation, cumulative, timeAggregation, decimals, direction, level, minValue, maxValue}' }, config: { policy: { action: 'create', resource: 'indicator' } } }, async (req, reply) =>
    reply.status(201).send({ indicator: await createIndicator(ctx.deps, requireActor(req), req.body, new Date()) }));
  app.put<{ Params: { code: string } }>('/api/indicators/:code', { schema: { tags, summary: '修改指标合理范围 Set an indicator\'s plausibility ranges {minValue, maxValue (hard: refused), softMin, softMax (soft: warned, stored with confirm), integer, rowVersion}; 409 on a stale rowVersion' }, config: { policy: { action: 'update', resource: 'indicator' } } }, async (req) =>
    ({ indicator: await updateIndicatorRanges(ctx.deps, requireActor(req), req.params.code, req.body, new Date()) }));
  app.get('/api/datasets', { schema: { tags, summary: '数据集（报表）Data sets with indicators, deadline and expiry' }, config: { policy: { action: 'read', resource: 'dataset' } } }, async (req) => ({ datasets: await listDatasets(ctx.deps, requireActor(req)) }));
  app.post('/api/datasets', { schema: { tags, summary: '新建数据集 Create a data set {code, name, nameEn, frequency: month|quarter|year, orgKind: enterprise|city, deadlineDays, expiryDays (null = never, else > deadlineDays), indicators: [codes]} → 201' }, config: { policy: { action: 'create', resource: 'dataset' } } }, async (req, reply) =>
    reply.status(201).send({ dataset: await createDataset(ctx.deps, requireActor(req), req.body, new Date()) }));
  app.put<{ Params: { code: string } }>('/api/datasets/:code', { schema: { tags, summary: '修改数据集（含指标组成）Update a data set: {name?, nameEn?, deadlineDays?, expiryDays? (null = never), indicators?, rowVersion}; frequency and orgKind are fixed; 409 on a stale rowVersion' }, config: { policy: { action: 'update', resource: 'dataset' } } }, async (req) =>
    ({ dataset: await updateDataset(ctx.deps, requireActor(req), req.params.code, req.body, new Date()) }));
  app.delete<{ Params: { code: string }; Querystring: Q }>('/api/datasets/:code', { schema: { tags, summary: '删除数据集 Delete a data set (?rowVersion=N); 409 while reports exist or on a stale rowVersion; stored values stay' }, config: { policy: { action: 'delete', resource: 'dataset' } } }, async (req) =>
    deleteDataset(ctx.deps, requireActor(req), req.params.code, req.query, new Date()));
  app.get('/api/validation-rules', { schema: { tags, summary: '校验规则 Validation rules' }, config: { policy: { action: 'read', resource: 'indicator' } } }, async (req) => ({ rules: await listRules(ctx.deps, requireActor(req)) }));
  app.put<{ Params: { code: string } }>('/api/validation-rules/:code', { schema: { tags, summary: '新增或修改校验规则 Create or update a rule' }, config: { policy: { action: 'update', resource: 'indicator' } } }, async (req) =>
    saveRule(ctx.deps, requireActor(req), { ...(req.body as object), code: req.params.code }, new Date()));
}

function dataValueRoutes(app: FastifyInstance, ctx: AppContext): void {
  const tags = ['data values'];
  app.post('/api/data-values', {
    schema: { tags, summary: '数据值 JSON 接口 {dataValues:[{orgCode, indicatorCode, period, value}], dryRun?, confirm?} — all or nothing; values outside the soft range need confirm' },
    config: { policy: { action: 'create', resource: 'datavalue' } },
  }, async (req) => {
    const body = parseInput(DataValuesBody, req.body);
    const rows = body.dataValues.map((v, i) => ({ row: i + 1, orgCode: v.orgCode, indicatorCode: v.indicatorCode, period: v.period, value: v.value, comment: v.comment }));
    return importDataValues(ctx.deps, requireActor(req), { rows, source: 'api', format: 'json', layout: 'json', dryRun: body.dryRun === true || wantsDryRun(req), confirm: body.confirm === true || wantsConfirm(req) }, new Date());
  });

  app.post('/api/data-values/import', {
    schema: { tags, summary: '文件导入（.xlsx / .csv UTF-8、UTF-8 BOM、GBK；长表或宽表）File import; ?dryRun=1 previews, otherwise all or nothing; ?confirm=1 stores values outside the soft range' },
    config: { policy: { action: 'create', resource: 'datavalue' } },
  }, async (req) => {
    const file = fileFromRequest(req, 'table');
    const indicators = await ctx.deps.store.statistics.indicators();
    const input = await importInputFromFile(file.bytes, file.fileName, indicators, { dryRun: wantsDryRun(req), sha256: file.sha256 });
    input.confirm = wantsConfirm(req);
    return importDataValues(ctx.deps, requireActor(req), input, new Date());
  });

  app.get<{ Querystring: Q }>('/api/data-values/template', {
    schema: { tags, summary: '导入模板 Import template (?dataset=ENT_MONTHLY&period=202012&layout=wide|long&format=xlsx|csv)' },
    config: { policy: { action: 'read', resource: 'dataset' } },
  }, async (req, reply) => {
    const q = req.query;
    const rows = await templateRows(ctx.deps, requireActor(req), { dataset: q.dataset ?? 'ENT_MONTHLY', period: q.period, layout: q.layout === 'long' ? 'long' : 'wide' });
    const f = fmt(q.format);
    return sendDownload(reply, await tableFile(rows, f, '填报模板'), `template-${q.dataset ?? 'ENT_MONTHLY'}${q.period ? `-${q.period}` : ''}.${f}`);
  });

  app.get<{ Querystring: Q }>('/api/data-values/export', {
    schema: { tags, summary: '导出 Export long format (?period= | ?from=&to=, &indicator=&org=&dataset=&format=csv|xlsx)' },
    config: { policy: { action: 'read', resource: 'datavalue' } },
  }, async (req, reply) => {
    const { format, ...q } = req.query;
    const rows = await exportRows(ctx.deps, requireActor(req), q);
    const f = fmt(format ?? 'csv');
    return sendDownload(reply, await tableFile(rows, f, '数据'), `data-values${q.period ? `-${q.period}` : ''}.${f}`);
  });

  app.get<{ Querystring: Q }>('/api/data-values/audit', {
    schema: { tags, summary: '数值审计 Value audit: old → new, who, when, why (?org=&indicator=&period=)' },
    config: { policy: { action: 'read', resource: 'datavalue' } },
  }, async (req) => ({ entries: await valueAudit(ctx.deps, requireActor(req), { org: req.query.org ?? '', indicator: req.query.indicator, period: req.query.period, limit: Number(req.query.limit) || undefined }) }));
}

function entryRoutes(app: FastifyInstance, ctx: AppContext): void {
  const tags = ['data entry'];
  app.get<{ Querystring: Q }>('/api/data-entry/form', {
    schema: { tags, summary: '填报表单 Form: fields with current value, last period and same period last year (?dataset=&org=&period=)' },
    config: { policy: { action: 'read', resource: 'datavalue' } },
  }, async (req) => getEntryForm(ctx.deps, requireActor(req), { dataset: req.query.dataset ?? '', org: req.query.org ?? '', period: req.query.period ?? '' }, new Date()));

  app.put('/api/data-entry/form', {
    schema: { tags, summary: '保存表单 Save form values (send each rowVersion read; 409 on a concurrent edit, 423 when locked)' },
    config: { policy: { action: 'update', resource: 'datavalue' } },
  }, async (req) => saveEntryForm(ctx.deps, requireActor(req), req.body, new Date()));

  app.get<{ Querystring: Q }>('/api/reports', {
    schema: { tags, summary: '报表审批队列 Reports of a data set and period (?dataset=&period=&status=&q=name or code&county=130528&late=1); each row says whether it was submitted late (逾期上报)' },
    config: { policy: { action: 'read', resource: 'datavalue' } },
  }, async (req) => {
    const q = req.query;
    return { reports: await listReports(ctx.deps, requireActor(req), { dataset: q.dataset ?? '', period: q.period ?? '', status: q.status || undefined, q: q.q, county: q.county || undefined, late: q.late === '1' || q.late === 'true' }) };
  });

  for (const action of REPORT_ACTIONS) {
    app.post(`/api/reports/${action}`, {
      schema: { tags, summary: { submit: '上报 Submit', review: '县级审核 County review', approve: '统计局审批 Approve', return: '退回（须填原因）Return with a reason' }[action] + ' {dataset, org, period, rowVersion, reason?}' },
      config: { policy: action === 'submit' ? { action: 'update', resource: 'datavalue' } : { action: 'approve', resource: 'datavalue' } },
    }, async (req) => ({ report: await changeReportStatus(ctx.deps, requireActor(req), action, req.body, new Date()) }));
  }
}
