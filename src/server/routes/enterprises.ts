// Enterprise registry routes (企业名录).
import type { FastifyInstance } from 'fastify';
import { classifyIndustry, createEnterprise, getEnterprise, listEnterprises, updateEnterprise } from '../../core/statistics/enterprises';
import { importEnterprises } from '../../core/statistics/import-enterprises';
import { listSeiCategories } from '../../core/statistics/sei-categories';
import { AppError } from '../../core/app-error';
import { readTable } from '../../files/tabular';
import { tableFile } from '../../files/value-files';
import { TIER_LABELS } from '../../shared/statistics';
import { requireActor, type AppContext } from '../context';
import { fileFromRequest, sendDownload, wantsDryRun } from './file-body';

type Q = Record<string, string | undefined>;
const bool = (s: string | undefined) => (s === undefined || s === '' ? undefined : s === '1' || s === 'true');

export const ENTERPRISE_TEMPLATE_HEADER = ['统一社会信用代码 uscc', '企业名称 name', '县市区代码 county_code', '园区 park', '行业代码 industry_code', '重点领域 plan_industry', '企业类别 tier', '规上 above_scale', '高新 high_tech', '确认战新 sei_confirmed'];

export function enterpriseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const tags = ['enterprises'];
  app.get<{ Querystring: Q }>('/api/enterprises', {
    schema: { tags, summary: '企业名录 List/search (?q=&county=&industry=&sei=&tier=&park=&aboveScale=&highTech=&active=&limit=&offset=)' },
    config: { policy: { action: 'read', resource: 'enterprise' } },
  }, async (req) => {
    const q = req.query;
    return listEnterprises(ctx.deps, requireActor(req), {
      q: q.q, countyCode: q.county, planIndustryCode: q.industry, seiL1: q.sei, tier: q.tier, parkCode: q.park,
      aboveScale: bool(q.aboveScale), highTech: bool(q.highTech), active: bool(q.active),
      limit: Math.min(Number(q.limit) || 50, 500), offset: Math.max(Number(q.offset) || 0, 0),
    });
  });
  app.get<{ Querystring: Q }>('/api/enterprises/classify', {
    schema: { tags, summary: '行业代码 → 战新分类 GB/T 4754 class → SEI category and plan industry (?industryCode=&planIndustry=)' },
    config: { policy: { action: 'read', resource: 'enterprise' } },
  }, async (req) => {
    requireActor(req);
    if (!/^\d{4}$/.test(req.query.industryCode ?? '')) throw new AppError('VALIDATION', { zh: '行业代码须为4位', en: 'industryCode must have 4 digits' });
    return classifyIndustry(ctx.deps.store, req.query.industryCode!, req.query.planIndustry ?? null);
  });
  app.get<{ Querystring: Q }>('/api/sei-categories', {
    schema: { tags, summary: '战略性新兴产业分类（2018）SEI categories: level 1 {code, name}; ?level=2 adds each one\'s level-2 categories as children' },
    config: { policy: { action: 'read', resource: 'enterprise' } },
  }, async (req) => {
    const level = req.query.level || '1';
    if (level !== '1' && level !== '2') throw new AppError('VALIDATION', { zh: 'level 须为 1 或 2', en: 'level must be 1 or 2' });
    return { categories: await listSeiCategories(ctx.deps, requireActor(req), { level: level === '2' ? 2 : 1 }) };
  });
  app.get('/api/enterprises/template', { schema: { tags, summary: '企业名录导入模板 Import template (.xlsx)' }, config: { policy: { action: 'read', resource: 'enterprise' } } }, async (_req, reply) =>
    sendDownload(reply, await tableFile([ENTERPRISE_TEMPLATE_HEADER, ['91130500MA0XXXXXXX', '示例企业有限公司', '130528', '', '3042', 'new-materials', Object.values(TIER_LABELS).map((t) => t.zh).join('/'), '是', '否', '是']], 'xlsx', '企业名录'), 'enterprises-template.xlsx'));
  app.post('/api/enterprises/import', {
    schema: { tags, summary: '企业名录批量导入 Bulk import from .xlsx/.csv (?dryRun=1 previews; all or nothing)' },
    config: { policy: { action: 'create', resource: 'enterprise' } },
  }, async (req) => {
    const file = fileFromRequest(req, 'table');
    const table = await readTable(file.bytes, file.fileName);
    return importEnterprises(ctx.deps, requireActor(req), table.rows, { dryRun: wantsDryRun(req) }, new Date());
  });
  app.get<{ Params: { id: string } }>('/api/enterprises/:id', {
    schema: { tags, summary: '企业详情与变更历史 Enterprise (org id or USCC) with its history' },
    config: { policy: { action: 'read', resource: 'enterprise' } },
  }, async (req) => getEnterprise(ctx.deps, requireActor(req), req.params.id));
  app.post('/api/enterprises', {
    schema: { tags, summary: '新增企业 Create (USCC checked per GB 32100-2015; SEI category from the industry class)' },
    config: { policy: { action: 'create', resource: 'enterprise' } },
  }, async (req, reply) => reply.status(201).send(await createEnterprise(ctx.deps, requireActor(req), req.body, new Date())));
  app.put<{ Params: { id: string } }>('/api/enterprises/:id', {
    schema: { tags, summary: '修改企业 Update (send rowVersion; 409 when changed meanwhile)' },
    config: { policy: { action: 'update', resource: 'enterprise' } },
  }, async (req) => updateEnterprise(ctx.deps, requireActor(req), req.params.id, req.body, new Date()));
}
