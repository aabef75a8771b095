// 督查督办: the task tree, 交办/签收, progress reports with evidence, 销号, lights, board and 我的待办.
// Reminders, 问效 and 通报 live in supervision-follow-up.ts. Thin: parse → use-case → present.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/app-error';
import { parseInput } from '../../core/parse-input';
import { assignTask } from '../../core/supervision/assign-task';
import { attachEvidence } from '../../core/supervision/attach-evidence';
import { computeLight } from '../../core/supervision/compute-light';
import { createNode } from '../../core/supervision/create-node';
import { decideClosure } from '../../core/supervision/decide-closure';
import { deleteNode } from '../../core/supervision/delete-node';
import { getBoard } from '../../core/supervision/get-board';
import { getEvidence } from '../../core/supervision/get-evidence';
import { getInbox } from '../../core/supervision/get-inbox';
import { getTask } from '../../core/supervision/get-task';
import { getTree } from '../../core/supervision/get-tree';
import { importPlanTasks } from '../../core/supervision/import-plan-tasks';
import { lightHistory } from '../../core/supervision/light-history';
import { listClosures, listReports } from '../../core/supervision/list-reports';
import { reopenTask } from '../../core/supervision/reopen-task';
import { requestClosure } from '../../core/supervision/request-closure';
import { reviewReport } from '../../core/supervision/review-report';
import { saveReport } from '../../core/supervision/save-report';
import { signTask } from '../../core/supervision/sign-task';
import { tickSupervision } from '../../core/supervision/tick';
import { updateNode } from '../../core/supervision/update-node';
import { updateReport } from '../../core/supervision/update-report';
import type { SupervisionNotify } from '../../core/supervision/ports';
import { IsoDateSchema } from '../../shared/supervision';
import { requireActor, type AppContext } from '../context';
import { acceptRawFiles, fileFromRequest } from './file-body';
import { today } from './targets';

const AsOf = z.object({ asOf: IsoDateSchema.optional(), planId: z.string().min(1).optional() });
const DeleteQuery = z.object({ rowVersion: z.coerce.number().int().min(1) });
const P = '/api/supervision';

export interface SupervisionRouteOptions {
  /** The notifications module's hook (in-app + e-mail); none until it lands. */
  notify?: SupervisionNotify;
}

export function supervisionRoutes(app: FastifyInstance, ctx: AppContext, opts: SupervisionRouteOptions = {}): void {
  const tags = ['supervision'];
  const pol = (action: 'read' | 'create' | 'update' | 'delete' | 'approve' | 'decide', resource: 'supervision_task' | 'progress_report' | 'closure') => ({ policy: { action, resource } }) as const;
  const asOf = (q: unknown) => parseInput(AsOf, q);

  app.post(`${P}/light`, { schema: { tags, summary: '亮灯规则 The light of one task {start,due,asOf,percentDone,status,missedReports,reportedThisPeriod}' }, config: { policy: 'authenticated' } }, async (req) => computeLight(req.body));

  app.get(`${P}/tree`, { schema: { tags, summary: '任务树 The task tree (?planId&asOf)' }, config: pol('read', 'supervision_task') }, async (req) => {
    const q = asOf(req.query);
    return getTree(ctx.deps, requireActor(req), q.planId, q.asOf ?? today());
  });
  app.post(`${P}/import-plan`, { schema: { tags, summary: '从计划生成任务树 Build the tree from the plan tasks (idempotent; dates proposed)' }, config: pol('create', 'supervision_task') }, async (req) => {
    const b = (req.body ?? {}) as { planId?: string };
    return importPlanTasks(ctx.deps, requireActor(req), b.planId, new Date());
  });
  app.get(`${P}/board`, { schema: { tags, summary: '督查看板 Board by special action (?asOf&light&orgId&specialActionId&q)' }, config: pol('read', 'supervision_task') }, async (req) =>
    getBoard(ctx.deps, requireActor(req), req.query, today()));
  app.get(`${P}/inbox`, { schema: { tags, summary: '我的待办 My inbox (?asOf)' }, config: pol('read', 'supervision_task') }, async (req) =>
    getInbox(ctx.deps, requireActor(req), asOf(req.query).asOf ?? today()));
  app.post(`${P}/tick`, { schema: { tags, summary: '重算亮灯 Recompute every light for a day (?asOf)' }, config: pol('update', 'supervision_task') }, async (req) =>
    tickSupervision(ctx.deps, requireActor(req), asOf(req.query).asOf ?? today()));

  app.post(`${P}/tasks`, { schema: { tags, summary: '分解 Add a task / sub-task / milestone' }, config: pol('create', 'supervision_task') }, async (req, reply) =>
    reply.status(201).send(await createNode(ctx.deps, requireActor(req), req.body, new Date())));
  app.get<{ Params: { id: string } }>(`${P}/tasks/:id`, { schema: { tags, summary: 'One node with children and path (?asOf)' }, config: pol('read', 'supervision_task') }, async (req) =>
    getTask(ctx.deps, requireActor(req), req.params.id, asOf(req.query).asOf ?? today()));
  app.put<{ Params: { id: string } }>(`${P}/tasks/:id`, { schema: { tags, summary: 'Edit a node (send rowVersion; confirmDates confirms proposed dates)' }, config: pol('update', 'supervision_task') }, async (req) =>
    updateNode(ctx.deps, requireActor(req), req.params.id, req.body, new Date()));
  app.delete<{ Params: { id: string } }>(`${P}/tasks/:id`, { schema: { tags, summary: 'Delete a node without reports (?rowVersion=)' }, config: pol('delete', 'supervision_task') }, async (req, reply) => {
    if ((req.query as { rowVersion?: string }).rowVersion === undefined) throw new AppError('VALIDATION', { zh: '删除须带 rowVersion 参数', en: 'delete needs ?rowVersion=' }, [{ path: 'rowVersion', message: 'required' }]);
    await deleteNode(ctx.deps, requireActor(req), req.params.id, parseInput(DeleteQuery, req.query).rowVersion, new Date());
    return reply.status(204).send();
  });
  app.post<{ Params: { id: string } }>(`${P}/tasks/:id/assign`, { schema: { tags, summary: '交办 Assign / re-assign {rowVersion, orgId, note?}' }, config: pol('update', 'supervision_task') }, async (req) =>
    assignTask(ctx.deps, requireActor(req), req.params.id, req.body, new Date(), opts.notify));
  app.post<{ Params: { id: string } }>(`${P}/tasks/:id/sign`, { schema: { tags, summary: '签收 Sign for an assigned task {rowVersion}' }, config: pol('approve', 'supervision_task') }, async (req) =>
    signTask(ctx.deps, requireActor(req), req.params.id, req.body, new Date()));
  app.get<{ Params: { id: string } }>(`${P}/tasks/:id/light-history`, { schema: { tags, summary: 'Recorded daily lights' }, config: pol('read', 'supervision_task') }, async (req) =>
    lightHistory(ctx.deps, requireActor(req), req.params.id));

  app.get<{ Params: { id: string } }>(`${P}/tasks/:id/reports`, { schema: { tags, summary: '进展报告 Reports of a node' }, config: pol('read', 'progress_report') }, async (req) =>
    ({ reports: await listReports(ctx.deps, requireActor(req), req.params.id) }));
  app.post<{ Params: { id: string } }>(`${P}/tasks/:id/reports`, { schema: { tags, summary: 'Write a report {period, percentDone, progress, problems, nextSteps, submit?}' }, config: pol('create', 'progress_report') }, async (req, reply) =>
    reply.status(201).send(await saveReport(ctx.deps, requireActor(req), req.params.id, req.body, new Date())));
  app.put<{ Params: { id: string } }>(`${P}/reports/:id`, { schema: { tags, summary: 'Edit / submit a draft or returned report {rowVersion, …, submit?}' }, config: pol('update', 'progress_report') }, async (req) =>
    updateReport(ctx.deps, requireActor(req), req.params.id, req.body, new Date()));
  app.post<{ Params: { id: string } }>(`${P}/reports/:id/review`, { schema: { tags, summary: 'Accept or return {rowVersion, decision, reason?}' }, config: pol('approve', 'progress_report') }, async (req) =>
    reviewReport(ctx.deps, requireActor(req), req.params.id, req.body, new Date(), opts.notify));

  app.get<{ Params: { id: string } }>(`${P}/tasks/:id/closures`, { schema: { tags, summary: '销号申请 Closure requests of a node' }, config: pol('read', 'closure') }, async (req) =>
    ({ closures: await listClosures(ctx.deps, requireActor(req), req.params.id) }));
  app.post<{ Params: { id: string } }>(`${P}/tasks/:id/closure`, { schema: { tags, summary: '销号申请 Ask for closure {rowVersion, note}' }, config: pol('create', 'closure') }, async (req, reply) =>
    reply.status(201).send(await requestClosure(ctx.deps, requireActor(req), req.params.id, req.body, new Date())));
  app.post<{ Params: { id: string } }>(`${P}/closures/:id/decide`, { schema: { tags, summary: '核验 Close or return {rowVersion (of the task), decision, reason?}' }, config: pol('approve', 'closure') }, async (req) =>
    decideClosure(ctx.deps, requireActor(req), req.params.id, req.body, new Date()));
  app.post<{ Params: { id: string } }>(`${P}/tasks/:id/reopen`, { schema: { tags, summary: 'Reopen a closed task {rowVersion, reason}' }, config: pol('decide', 'closure') }, async (req) =>
    reopenTask(ctx.deps, requireActor(req), req.params.id, req.body, new Date()));

  // Evidence: uploads as the raw body (?filename=) or JSON {fileBase64, fileName}; downloads only as an
  // attachment with nosniff, so a browser never renders or runs one.
  app.register(async (scope) => {
    acceptRawFiles(scope);
    scope.addContentTypeParser(['application/pdf', 'image/png', 'image/jpeg', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'], { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    for (const [path, entity, resource, action] of [['reports', 'supervision_report', 'progress_report', 'update'], ['closures', 'supervision_closure', 'closure', 'create']] as const) {
      scope.post<{ Params: { id: string } }>(`${P}/${path}/:id/evidence`, { schema: { tags, summary: '上传佐证材料 Upload evidence (PDF/JPG/PNG/Word/Excel, ≤ 10 MB)' }, config: pol(action, resource) }, async (req, reply) => {
        const f = fileFromRequest(req, 'evidence');
        return reply.status(201).send(await attachEvidence(ctx.deps, requireActor(req), entity, req.params.id, { fileName: f.fileName, bytes: f.bytes }, new Date()));
      });
    }
  });
  app.get<{ Params: { id: string } }>(`${P}/evidence/:id`, { schema: { tags, summary: '下载佐证材料 Download an evidence file (attachment)' }, config: pol('read', 'progress_report') }, async (req, reply) => {
    const f = await getEvidence(ctx.deps, requireActor(req), req.params.id);
    return reply
      .header('content-type', f.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('content-disposition', `attachment; filename="${f.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
      .send(Buffer.from(f.bytes));
  });
}
