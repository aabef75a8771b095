// 领导小组审议: items (draft → submitted → scheduled → decided → implemented), meetings with agenda,
// attendance, decisions and minutes (.docx), follow-up tasks (交办 into 督查督办), funds and files.
// Thin: parse → use-case → present.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../../core/parse-input';
import { createFollowUp } from '../../core/review/create-follow-up';
import { createItem } from '../../core/review/create-item';
import { getFundsOverview } from '../../core/review/get-funds-overview';
import { getItem } from '../../core/review/get-item';
import { getMeeting, listMeetings } from '../../core/review/get-meeting';
import { listItems } from '../../core/review/list-items';
import { recordDecision } from '../../core/review/record-decision';
import { recordDisbursement, setFundSchedule } from '../../core/review/record-funds';
import { attachReviewFile, getReviewFile } from '../../core/review/review-files';
import { scheduleMeeting } from '../../core/review/schedule-meeting';
import { setAttendance } from '../../core/review/set-attendance';
import { amISecretary, setSecretary } from '../../core/review/set-secretary';
import { submitItem } from '../../core/review/submit-item';
import { updateItem } from '../../core/review/update-item';
import type { SupervisionNotify } from '../../core/supervision/ports';
import type { Action, Resource } from '../../shared/roles';
import { IsoDateSchema } from '../../shared/supervision';
import { writeMinutesDocx } from '../../files/review-minutes-docx';
import { requireActor, type AppContext } from '../context';
import { acceptRawFiles, fileFromRequest } from './file-body';
import { today } from './targets';

const AsOf = z.object({ asOf: IsoDateSchema.optional() });
const P = '/api/review';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function reviewRoutes(app: FastifyInstance, ctx: AppContext, opts: { notify?: SupervisionNotify } = {}): void {
  const tags = ['review'];
  const pol = (action: Action, resource: Resource) => ({ policy: { action, resource } }) as const;
  const asOf = (q: unknown) => parseInput(AsOf, q).asOf ?? today();
  type Id = { Params: { id: string } };

  app.get(`${P}/items`, { schema: { tags, summary: '审议事项 Review items (?type&status&orgId&year&q)' }, config: pol('read', 'review_item') }, async (req) =>
    ({ items: await listItems(ctx.deps, requireActor(req), req.query, new Date()) }));
  app.post(`${P}/items`, { schema: { tags, summary: '新建事项（草稿） Draft an item' }, config: pol('create', 'review_item') }, async (req, reply) =>
    reply.status(201).send(await createItem(ctx.deps, requireActor(req), req.body, new Date())));
  app.get<Id>(`${P}/items/:id`, { schema: { tags, summary: 'One item with follow-ups, funds, meetings and history (?asOf)' }, config: pol('read', 'review_item') }, async (req) =>
    getItem(ctx.deps, requireActor(req), req.params.id, asOf(req.query), new Date()));
  app.put<Id>(`${P}/items/:id`, { schema: { tags, summary: 'Edit a draft or submitted item {rowVersion, …}' }, config: pol('update', 'review_item') }, async (req) =>
    updateItem(ctx.deps, requireActor(req), req.params.id, req.body, new Date()));
  app.post<Id>(`${P}/items/:id/submit`, { schema: { tags, summary: '提交 Submit a draft {rowVersion}' }, config: pol('update', 'review_item') }, async (req) =>
    submitItem(ctx.deps, requireActor(req), req.params.id, req.body, new Date()));
  app.post<Id>(`${P}/items/:id/follow-ups`, { schema: { tags, summary: '交办 A follow-up task of a decision {rowVersion,title,leadOrgId,startOn,dueOn}' }, config: pol('update', 'review_meeting') }, async (req, reply) =>
    reply.status(201).send(await createFollowUp(ctx.deps, requireActor(req), req.params.id, req.body, new Date(), { notify: opts.notify })));
  app.put<Id>(`${P}/items/:id/schedule`, { schema: { tags, summary: '拨付计划 Replace the disbursement schedule {rowVersion, rows:[{dueOn,amount}]}' }, config: pol('update', 'review_fund') }, async (req) =>
    setFundSchedule(ctx.deps, requireActor(req), req.params.id, req.body, new Date()));
  app.post<Id>(`${P}/items/:id/disbursements`, { schema: { tags, summary: '拨付记录 Record a disbursement {rowVersion,paidOn,amount,voucherRef}' }, config: pol('create', 'review_fund') }, async (req, reply) =>
    reply.status(201).send(await recordDisbursement(ctx.deps, requireActor(req), req.params.id, req.body, new Date())));

  app.get(`${P}/meetings`, { schema: { tags, summary: '领导小组会议 Meetings' }, config: pol('read', 'review_meeting') }, async (req) =>
    ({ meetings: await listMeetings(ctx.deps, requireActor(req)) }));
  app.post(`${P}/meetings`, { schema: { tags, summary: '安排会议 Schedule a meeting {title, heldOn, place?, agenda:[{itemId,rowVersion,presenter}]}' }, config: pol('create', 'review_meeting') }, async (req, reply) =>
    reply.status(201).send(await scheduleMeeting(ctx.deps, requireActor(req), req.body, new Date())));
  app.get<Id>(`${P}/meetings/:id`, { schema: { tags, summary: 'One meeting with agenda, attendance and decisions' }, config: pol('read', 'review_meeting') }, async (req) =>
    getMeeting(ctx.deps, requireActor(req), req.params.id));
  app.put<Id>(`${P}/meetings/:id/attendance`, { schema: { tags, summary: '出席 Attendance {rowVersion, attendees:[{name,userId?,position?,present,note?}]}' }, config: pol('update', 'review_meeting') }, async (req) =>
    setAttendance(ctx.deps, requireActor(req), req.params.id, req.body, new Date()));
  app.post<Id>(`${P}/meetings/:id/decisions`, { schema: { tags, summary: '审议决定 Record a decision {rowVersion,itemId,decision,conditions?,note?} (leader or secretary)' }, config: pol('decide', 'review_decision') }, async (req) =>
    recordDecision(ctx.deps, requireActor(req), req.params.id, req.body, new Date()));
  app.get<Id>(`${P}/meetings/:id/minutes.docx`, { schema: { tags, summary: '会议纪要 Minutes as .docx' }, config: pol('read', 'review_meeting') }, async (req, reply) => {
    const m = await getMeeting(ctx.deps, requireActor(req), req.params.id);
    const name = `${m.title}纪要.docx`;
    return reply.header('content-type', DOCX)
      .header('content-disposition', `attachment; filename="minutes-${m.code.replace(/[^0-9A-Za-z.-]/g, '_')}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(await writeMinutesDocx(m));
  });

  app.get(`${P}/funds`, { schema: { tags, summary: '资金支付率 Funds overview (?asOf)' }, config: pol('read', 'review_fund') }, async (req) =>
    getFundsOverview(ctx.deps, requireActor(req), asOf(req.query)));
  app.get(`${P}/me`, { schema: { tags, summary: 'Whether I am the secretary and may record decisions' }, config: pol('read', 'review_item') }, async (req) =>
    amISecretary(ctx.deps, requireActor(req)));
  app.put(`${P}/secretary`, { schema: { tags, summary: '指定秘书 Designate or revoke the group secretary {userId, secretary}' }, config: pol('update', 'settings') }, async (req) =>
    setSecretary(ctx.deps, requireActor(req), req.body, new Date()));

  // Files: uploads as the raw body (?filename=) or JSON {fileBase64, fileName}; downloads as attachments.
  app.register(async (scope) => {
    acceptRawFiles(scope);
    scope.addContentTypeParser(['application/pdf', 'image/png', 'image/jpeg', 'application/msword', DOCX], { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    scope.post<Id>(`${P}/items/:id/files`, { schema: { tags, summary: '事项材料 Attach a file to an undecided item' }, config: pol('update', 'review_item') }, async (req, reply) => {
      return reply.status(201).send(await attachReviewFile(ctx.deps, requireActor(req), 'review_item', req.params.id, () => fileFromRequest(req, 'evidence'), new Date()));
    });
    scope.post<Id>(`${P}/disbursements/:id/files`, { schema: { tags, summary: '拨付凭证 Attach evidence to a disbursement' }, config: pol('create', 'review_fund') }, async (req, reply) => {
      return reply.status(201).send(await attachReviewFile(ctx.deps, requireActor(req), 'review_disbursement', req.params.id, () => fileFromRequest(req, 'evidence'), new Date()));
    });
  });
  app.get<Id>(`${P}/files/:id`, { schema: { tags, summary: 'Download an item file or payment evidence (attachment)' }, config: pol('read', 'review_item') }, async (req, reply) => {
    const f = await getReviewFile(ctx.deps, requireActor(req), req.params.id);
    return reply
      .header('content-type', f.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('content-disposition', `attachment; filename="${f.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
      .send(Buffer.from(f.bytes));
  });
}
