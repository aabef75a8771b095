// 评价考核: the compute contract, schemes, runs (archive, reproduce, compare) and exports. Thin: parse → use-case → present.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/app-error';
import { compareRunIds, compareRuns } from '../../core/evaluation/compare-runs';
import { compute } from '../../core/evaluation/compute';
import { deleteScheme } from '../../core/evaluation/delete-scheme';
import { getRun, listRuns, reproduceRun } from '../../core/evaluation/get-run';
import { getScheme, listSchemes } from '../../core/evaluation/list-schemes';
import { runEvaluation } from '../../core/evaluation/run-evaluation';
import { createScheme, updateScheme } from '../../core/evaluation/save-scheme';
import { parseInput } from '../../core/parse-input';
import { writeRunDocx } from '../../files/evaluation-docx';
import { writeRunXlsx } from '../../files/evaluation-xlsx';
import { requireActor, type AppContext } from '../context';

const P = '/api/evaluation';
const DeleteQuery = z.object({ rowVersion: z.coerce.number().int().min(1) });
const ExportQuery = z.object({ format: z.enum(['xlsx', 'docx']) });
const CompareQuery = z.object({ periods: z.string().min(1).optional(), runs: z.string().min(1).optional() });
const list = (s: string) => s.split(',').map((x) => x.trim());

export function evaluationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const tags = ['evaluation'];
  const pol = (action: 'read' | 'create' | 'update' | 'delete') => ({ policy: { action, resource: 'evaluation' } }) as const;

  app.post(`${P}/compute`, { schema: { tags, summary: '评价方法计算 {method, variant?, matrix?, types?, weights?, pairwise?, rho?} (docs/evaluation.md)' }, config: pol('read') }, async (req) =>
    compute(requireActor(req), req.body));

  app.get(`${P}/schemes`, { schema: { tags, summary: '评价方案与可选指标 Schemes and the criteria catalogue' }, config: pol('read') }, async (req) => listSchemes(ctx.deps, requireActor(req)));
  app.get<{ Params: { id: string } }>(`${P}/schemes/:id`, { schema: { tags, summary: 'One scheme' }, config: pol('read') }, async (req) => getScheme(ctx.deps, requireActor(req), req.params.id));
  app.post(`${P}/schemes`, { schema: { tags, summary: '新建评价方案 Create a scheme {name, description?, definition}' }, config: pol('create') }, async (req, reply) =>
    reply.status(201).send(await createScheme(ctx.deps, requireActor(req), req.body, new Date())));
  app.put<{ Params: { id: string } }>(`${P}/schemes/:id`, { schema: { tags, summary: 'Edit a scheme {rowVersion, name, description?, definition}' }, config: pol('update') }, async (req) =>
    updateScheme(ctx.deps, requireActor(req), req.params.id, req.body, new Date()));
  app.delete<{ Params: { id: string } }>(`${P}/schemes/:id`, { schema: { tags, summary: 'Delete a scheme and its runs (?rowVersion=)' }, config: pol('delete') }, async (req, reply) => {
    if ((req.query as { rowVersion?: string }).rowVersion === undefined) throw new AppError('VALIDATION', { zh: '删除须带 rowVersion 参数', en: 'delete needs ?rowVersion=' }, [{ path: 'rowVersion', message: 'required' }]);
    await deleteScheme(ctx.deps, requireActor(req), req.params.id, parseInput(DeleteQuery, req.query).rowVersion);
    return reply.status(204).send();
  });
  app.post<{ Params: { id: string } }>(`${P}/schemes/:id/runs`, { schema: { tags, summary: '运行评价 Run a scheme for a year {period: "2020"}' }, config: pol('create') }, async (req, reply) =>
    reply.status(201).send(await runEvaluation(ctx.deps, requireActor(req), req.params.id, req.body, new Date())));
  app.get<{ Params: { id: string } }>(`${P}/schemes/:id/compare`, { schema: { tags, summary: '跨期比较 Latest run per year (?periods=2019,2020) or chosen runs (?runs=ID,ID)' }, config: pol('read') }, async (req) => {
    const q = parseInput(CompareQuery, req.query);
    if ((q.periods === undefined) === (q.runs === undefined)) throw new AppError('VALIDATION', { zh: '请给出 periods（年份，如 2019,2020）或 runs（评价结果 id）二者之一', en: 'give either periods (years, e.g. 2019,2020) or runs (run ids), not both' }, [{ path: 'periods', message: 'periods or runs' }]);
    return q.runs !== undefined ? compareRunIds(ctx.deps, requireActor(req), req.params.id, list(q.runs)) : compareRuns(ctx.deps, requireActor(req), req.params.id, list(q.periods!));
  });

  app.get(`${P}/runs`, { schema: { tags, summary: '评价结果 Archived runs (?schemeId)' }, config: pol('read') }, async (req) =>
    ({ runs: await listRuns(ctx.deps, requireActor(req), { schemeId: (req.query as { schemeId?: string }).schemeId }) }));
  app.get<{ Params: { id: string } }>(`${P}/runs/:id`, { schema: { tags, summary: 'One run with its archive' }, config: pol('read') }, async (req) => getRun(ctx.deps, requireActor(req), req.params.id));
  app.post<{ Params: { id: string } }>(`${P}/runs/:id/reproduce`, { schema: { tags, summary: '复算 Recompute a run from its archive and compare' }, config: pol('read') }, async (req) => {
    const r = await reproduceRun(ctx.deps, requireActor(req), req.params.id);
    return { runId: r.runId, identical: r.identical, differences: r.differences, result: r.recomputed };
  });
  app.get<{ Params: { id: string } }>(`${P}/runs/:id/export`, { schema: { tags, summary: '导出 Excel / Word 通报 (?format=xlsx|docx)' }, config: pol('read') }, async (req, reply) => {
    const { format } = parseInput(ExportQuery, req.query);
    const run = await getRun(ctx.deps, requireActor(req), req.params.id);
    const buf = format === 'docx' ? await writeRunDocx(run) : await writeRunXlsx(run);
    const type = format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const name = `评价结果-${run.scheme.name}-${run.period}.${format}`;
    return reply.header('content-type', type)
      .header('content-disposition', `attachment; filename="evaluation-${run.period}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(buf);
  });
}
