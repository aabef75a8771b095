// 督查督办 follow-up routes: 催办 (one task, many tasks, the daily reminders), reminders list and read,
// 问效 records, and the 通报 (screen, Word, Excel). Thin: parse → use-case → present.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { createAccountability, deleteAccountability, getAccountability, listAccountability, updateAccountability } from '../../core/supervision/accountability';
import { computeBulletin } from '../../core/supervision/compute-bulletin';
import { listReminders, readReminder } from '../../core/supervision/list-reminders';
import { remindTasks } from '../../core/supervision/remind-tasks';
import { sendDueReminders } from '../../core/supervision/send-due-reminders';
import { periodOf } from '../../core/supervision/report-periods';
import { parseInput } from '../../core/parse-input';
import { IsoDateSchema, ReminderCreateSchema } from '../../shared/supervision';
import { BulkRemindSchema, BulletinQuerySchema, RemindSchema, type Bulletin } from '../../shared/supervision-follow-up';
import { writeBulletinDocx } from '../../files/bulletin-docx';
import { writeBulletinXlsx } from '../../files/bulletin-xlsx';
import { requireActor, type AppContext } from '../context';

const tags = ['supervision'];
const RankingQuery = z.object({ asOf: IsoDateSchema.optional(), period: z.string().optional(), format: z.enum(['xlsx', 'docx']).optional(), planId: z.string().optional(), docNumber: z.string().optional() });
const DeleteQuery = z.object({ rowVersion: z.coerce.number().int().min(1) });
const AsOfQuery = z.object({ asOf: IsoDateSchema.optional(), planId: z.string().optional() });

async function sendBulletin(reply: FastifyReply, b: Bulletin, format: 'docx' | 'xlsx') {
  const buf = format === 'docx' ? await writeBulletinDocx(b) : await writeBulletinXlsx(b);
  const type = format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const name = `通报-${b.period}.${format}`;
  return reply.header('content-type', type)
    .header('content-disposition', `attachment; filename="bulletin-${b.period.replace(/[^0-9A-Za-z.-]/g, '_')}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(buf);
}

export function supervisionFollowUpRoutes(app: FastifyInstance, ctx: AppContext): void {
  const remindPolicy = { policy: { action: 'create', resource: 'reminder' } } as const;
  app.post<{ Params: { id: string } }>('/api/supervision/tasks/:id/remind', { schema: { tags, summary: '一键催办 Remind the unit of one task {orgId?, period?, message?}' }, config: remindPolicy }, async (req, reply) => {
    const body = parseInput(RemindSchema, req.body ?? {});
    return reply.status(201).send(await remindTasks(ctx.deps, requireActor(req), { taskIds: [req.params.id], ...body }, new Date()));
  });
  app.post('/api/supervision/reminders/bulk', { schema: { tags, summary: '批量催办 Remind the units of many tasks {taskIds, message?}' }, config: remindPolicy }, async (req, reply) => {
    const body = parseInput(BulkRemindSchema, req.body ?? {});
    return reply.status(201).send(await remindTasks(ctx.deps, requireActor(req), body, new Date()));
  });
  app.post('/api/supervision/reminders', { schema: { tags, summary: '催办 Remind {taskId, orgId?, period?, message}' }, config: remindPolicy }, async (req, reply) => {
    const body = parseInput(ReminderCreateSchema, req.body ?? {});
    const r = await remindTasks(ctx.deps, requireActor(req), { taskIds: [body.taskId], orgId: body.orgId, period: body.period, message: body.message }, new Date());
    return reply.status(201).send(r.sent[0]);
  });
  app.post('/api/supervision/reminders/due', { schema: { tags, summary: '到期催办 The daily tick\'s reminders on a day (?asOf=), idempotent' }, config: remindPolicy }, async (req) => {
    const q = parseInput(AsOfQuery, req.query);
    return sendDueReminders(ctx.deps, requireActor(req), { asOf: q.asOf ?? new Date().toISOString().slice(0, 10), planId: q.planId }, new Date());
  });
  app.get('/api/supervision/reminders', { schema: { tags, summary: '催办记录 Reminders (?taskId&orgId&unread&limit); own unit for departments and counties' }, config: { policy: { action: 'read', resource: 'reminder' } } }, async (req) =>
    listReminders(ctx.deps, requireActor(req), req.query));
  app.post<{ Params: { id: string } }>('/api/supervision/reminders/:id/read', { schema: { tags, summary: 'Mark a reminder to one\'s unit read' }, config: { policy: { action: 'read', resource: 'reminder' } } }, async (req) =>
    readReminder(ctx.deps, requireActor(req), req.params.id, new Date()));

  const acc = (action: 'read' | 'create' | 'update' | 'delete') => ({ policy: { action, resource: 'accountability' } }) as const;
  app.get('/api/supervision/accountability', { schema: { tags, summary: '问效记录 Accountability records (?taskId&orgId&status)' }, config: acc('read') }, async (req) =>
    listAccountability(ctx.deps, requireActor(req), req.query));
  app.get<{ Params: { id: string } }>('/api/supervision/accountability/:id', { schema: { tags, summary: 'One accountability record' }, config: acc('read') }, async (req) =>
    getAccountability(ctx.deps, requireActor(req), req.params.id));
  app.post('/api/supervision/accountability', { schema: { tags, summary: '问效 Create {taskId, orgId, kind, reason, dueOn?}' }, config: acc('create') }, async (req, reply) =>
    reply.status(201).send(await createAccountability(ctx.deps, requireActor(req), req.body, new Date())));
  app.put<{ Params: { id: string } }>('/api/supervision/accountability/:id', { schema: { tags, summary: '问效 Update {rowVersion, status?, resolution?, dueOn?}' }, config: acc('update') }, async (req) =>
    updateAccountability(ctx.deps, requireActor(req), req.params.id, req.body, new Date()));
  app.delete<{ Params: { id: string } }>('/api/supervision/accountability/:id', { schema: { tags, summary: '问效 Delete (?rowVersion=)' }, config: acc('delete') }, async (req, reply) => {
    const q = parseInput(DeleteQuery, req.query);
    await deleteAccountability(ctx.deps, requireActor(req), req.params.id, q.rowVersion);
    return reply.status(204).send();
  });

  const readTasks = { policy: { action: 'read', resource: 'supervision_task' } } as const;
  app.get('/api/supervision/bulletin', { schema: { tags, summary: '通报 Ranking of units and counties (?period=2020Q4|202012|2020|YYYY-MM-DD..YYYY-MM-DD&format=json|docx|xlsx&docNumber=)' }, config: readTasks }, async (req, reply) => {
    const q = parseInput(BulletinQuerySchema, req.query);
    const b = await computeBulletin(ctx.deps, requireActor(req), q, new Date());
    return q.format === 'json' ? b : sendBulletin(reply, b, q.format);
  });
  // The contract's ranking routes (the web's 通报 tab): the same figures, one list, the period defaulting to the as-of date's quarter.
  const ranking = async (q: z.infer<typeof RankingQuery>, actor: ReturnType<typeof requireActor>) => {
    const asOf = q.asOf ?? new Date().toISOString().slice(0, 10);
    return computeBulletin(ctx.deps, actor, { period: q.period || periodOf(asOf, 'quarterly'), planId: q.planId, docNumber: q.docNumber }, new Date(`${asOf}T12:00:00Z`) < new Date() ? new Date(`${asOf}T12:00:00Z`) : new Date());
  };
  app.get('/api/supervision/ranking', { schema: { tags, summary: '通报 ranking (?asOf&period): departments then counties' }, config: readTasks }, async (req) => {
    const q = parseInput(RankingQuery, req.query);
    const b = await ranking(q, requireActor(req));
    return { asOf: b.asOf, period: b.period, rows: [...b.departments, ...b.counties].map((r) => ({ ...r, averageLag: null })), bulletin: b };
  });
  app.get('/api/supervision/ranking/export', { schema: { tags, summary: '通报 export (?format=xlsx|docx&asOf&period)' }, config: readTasks }, async (req, reply) => {
    const q = parseInput(RankingQuery, req.query);
    return sendBulletin(reply, await ranking(q, requireActor(req)), q.format ?? 'xlsx');
  });
}
