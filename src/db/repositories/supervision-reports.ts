// 督查督办: progress reports, closure requests and their evidence files (kept in evidence_file).
import type { EvidenceRef, ClosureStatus, ReportStatus } from '../../shared/supervision';
import type { StoredClosure, StoredReport, SupervisionStore } from '../../core/supervision/ports';
import { toIso } from '../mappers';
import { updateVersioned, type Db } from './versioned';

const REPORT_COLUMNS = [
  'supervision_report.id', 'supervision_report.task_id', 'supervision_report.period', 'supervision_report.org_id', 'organization.code as org_code',
  'organization.name as org_name', 'supervision_report.percent_done', 'supervision_report.progress_text', 'supervision_report.problems_text',
  'supervision_report.next_steps_text', 'supervision_report.status', 'supervision_report.return_reason', 'supervision_report.submitted_by',
  'supervision_report.submitted_at', 'supervision_report.reviewed_by', 'supervision_report.reviewed_at', 'supervision_report.row_version',
  'supervision_report.updated_at',
] as const;

type ReportRow = {
  id: string; task_id: string; period: string; org_id: string | null; org_code: string | null; org_name: string | null; percent_done: number;
  progress_text: string; problems_text: string; next_steps_text: string; status: string; return_reason: string | null; submitted_by: string | null;
  submitted_at: string | Date | null; reviewed_by: string | null; reviewed_at: string | Date | null; row_version: number; updated_at: string | Date;
};

const toReport = (r: ReportRow): StoredReport => ({
  id: r.id, taskId: r.task_id, period: r.period, org: r.org_id ? { id: r.org_id, code: r.org_code ?? '', name: r.org_name ?? '' } : null,
  percentDone: Number(r.percent_done), progress: r.progress_text, problems: r.problems_text, nextSteps: r.next_steps_text,
  status: r.status as ReportStatus, returnReason: r.return_reason, submittedBy: r.submitted_by, submittedAt: toIso(r.submitted_at),
  reviewedBy: r.reviewed_by, reviewedAt: toIso(r.reviewed_at), rowVersion: Number(r.row_version), updatedAt: toIso(r.updated_at) ?? '',
});

const reports = (db: Db) => db.selectFrom('supervision_report').leftJoin('organization', 'organization.id', 'supervision_report.org_id').select(REPORT_COLUMNS);

export const reportRepository = (db: Db): Pick<SupervisionStore, 'listReports' | 'lastReports' | 'reportsOfTask' | 'getReport' | 'insertReport' | 'updateReport'> => ({
  listReports: async (planId) => (await reports(db).innerJoin('supervision_task', 'supervision_task.id', 'supervision_report.task_id')
    .where('supervision_task.plan_id', '=', planId).orderBy('supervision_report.period').execute()).map((r) => toReport(r as ReportRow)),
  // Each task's latest period from the (task_id, period) index, joined back for its status: one pass, not
  // a sub-query per report.
  lastReports: async (planId) => (await db.selectFrom('supervision_report as r')
    .innerJoin((eb) => eb.selectFrom('supervision_report as m').innerJoin('supervision_task as t', 't.id', 'm.task_id').where('t.plan_id', '=', planId)
      .select(['m.task_id', (e) => e.fn.max('m.period').as('p')]).groupBy('m.task_id').as('last'), (j) => j.onRef('last.task_id', '=', 'r.task_id').onRef('last.p', '=', 'r.period'))
    .select(['r.task_id', 'r.period', 'r.status'])
    .execute()).map((r) => ({ taskId: r.task_id, period: r.period, status: r.status as StoredReport['status'] })),
  reportsOfTask: async (taskId) => (await reports(db).where('supervision_report.task_id', '=', taskId).orderBy('supervision_report.period', 'desc').execute()).map((r) => toReport(r as ReportRow)),
  getReport: async (id) => {
    const r = await reports(db).where('supervision_report.id', '=', id).executeTakeFirst();
    return r ? toReport(r as ReportRow) : null;
  },
  insertReport: async (r, now) => {
    await db.insertInto('supervision_report').values({
      id: r.id, task_id: r.taskId, period: r.period, org_id: r.orgId, percent_done: r.percentDone, progress_text: r.progress, problems_text: r.problems,
      next_steps_text: r.nextSteps, status: r.status, return_reason: r.returnReason, submitted_by: r.submittedBy, submitted_at: r.submittedAt,
      reviewed_by: r.reviewedBy, reviewed_at: r.reviewedAt, demo: 0, created_at: now, updated_at: now,
    }).execute();
  },
  updateReport: (id, rowVersion, p, now) => updateVersioned(db, 'supervision_report', id, rowVersion, {
    ...(p.percentDone !== undefined ? { percent_done: p.percentDone } : {}),
    ...(p.progress !== undefined ? { progress_text: p.progress } : {}),
    ...(p.problems !== undefined ? { problems_text: p.problems } : {}),
    ...(p.nextSteps !== undefined ? { next_steps_text: p.nextSteps } : {}),
    ...(p.status !== undefined ? { status: p.status } : {}),
    ...(p.returnReason !== undefined ? { return_reason: p.returnReason } : {}),
    ...(p.submittedBy !== undefined ? { submitted_by: p.submittedBy } : {}),
    ...(p.submittedAt !== undefined ? { submitted_at: p.submittedAt } : {}),
    ...(p.reviewedBy !== undefined ? { reviewed_by: p.reviewedBy } : {}),
    ...(p.reviewedAt !== undefined ? { reviewed_at: p.reviewedAt } : {}),
  }, now),
});

const CLOSURE_COLUMNS = [
  'supervision_closure.id', 'supervision_closure.task_id', 'supervision_closure.org_id', 'organization.code as org_code', 'organization.name as org_name',
  'supervision_closure.note', 'supervision_closure.status', 'supervision_closure.requested_by', 'supervision_closure.requested_at',
  'supervision_closure.decided_by', 'supervision_closure.decided_at', 'supervision_closure.reason',
] as const;

type ClosureRow = {
  id: string; task_id: string; org_id: string | null; org_code: string | null; org_name: string | null; note: string; status: string;
  requested_by: string; requested_at: string | Date; decided_by: string | null; decided_at: string | Date | null; reason: string | null;
};
const toClosure = (r: ClosureRow): StoredClosure => ({
  id: r.id, taskId: r.task_id, org: r.org_id ? { id: r.org_id, code: r.org_code ?? '', name: r.org_name ?? '' } : null, note: r.note,
  status: r.status as ClosureStatus, requestedBy: r.requested_by, requestedAt: toIso(r.requested_at) ?? '', decidedBy: r.decided_by,
  decidedAt: toIso(r.decided_at), reason: r.reason,
});
const closures = (db: Db) => db.selectFrom('supervision_closure').leftJoin('organization', 'organization.id', 'supervision_closure.org_id').select(CLOSURE_COLUMNS);

export const closureRepository = (db: Db): Pick<SupervisionStore, 'listClosures' | 'closuresOfTask' | 'getClosure' | 'insertClosure' | 'decideClosure' | 'attachEvidence' | 'evidenceOf' | 'getEvidence'> => ({
  listClosures: async (planId) => (await closures(db).innerJoin('supervision_task', 'supervision_task.id', 'supervision_closure.task_id')
    .where('supervision_task.plan_id', '=', planId).orderBy('supervision_closure.id').execute()).map((r) => toClosure(r as ClosureRow)),
  closuresOfTask: async (taskId) => (await closures(db).where('supervision_closure.task_id', '=', taskId).orderBy('supervision_closure.id', 'desc').execute()).map((r) => toClosure(r as ClosureRow)),
  getClosure: async (id) => {
    const r = await closures(db).where('supervision_closure.id', '=', id).executeTakeFirst();
    return r ? toClosure(r as ClosureRow) : null;
  },
  insertClosure: async (c) => {
    await db.insertInto('supervision_closure').values({
      id: c.id, task_id: c.taskId, org_id: c.orgId, note: c.note, status: c.status, requested_by: c.requestedBy, requested_at: c.requestedAt,
    }).execute();
  },
  decideClosure: async (id, status, by, at, reason) => {
    await db.updateTable('supervision_closure').set({ status, decided_by: by, decided_at: at, reason }).where('id', '=', id).execute();
  },
  attachEvidence: async (entity, entityId, f, id) => {
    await db.insertInto('evidence_file').values({
      id, entity, entity_id: entityId, file_name: f.fileName, content_type: f.contentType, size: f.size, sha256: f.sha256,
      content_base64: f.contentBase64, uploaded_by: f.uploadedBy, uploaded_at: f.uploadedAt,
    }).execute();
  },
  evidenceOf: async (entity, ids) => {
    const out = new Map<string, EvidenceRef[]>();
    if (ids.length === 0) return out;
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db.selectFrom('evidence_file').select(['id', 'entity_id', 'file_name', 'content_type', 'size', 'sha256', 'uploaded_by', 'uploaded_at'])
        .where('entity', '=', entity).where('entity_id', 'in', ids.slice(i, i + 500)).orderBy('id').execute();
      for (const r of rows) {
        out.set(r.entity_id, [...(out.get(r.entity_id) ?? []), {
          id: r.id, fileName: r.file_name, contentType: r.content_type, size: Number(r.size), sha256: r.sha256, uploadedBy: r.uploaded_by, uploadedAt: toIso(r.uploaded_at) ?? '',
        }]);
      }
    }
    return out;
  },
  getEvidence: async (id) => {
    const r = await db.selectFrom('evidence_file').select(['id', 'entity', 'entity_id', 'file_name', 'content_type', 'size', 'sha256', 'content_base64', 'uploaded_by', 'uploaded_at'])
      .where('id', '=', id).where('entity', 'in', ['supervision_report', 'supervision_closure']).executeTakeFirst();
    return r ? {
      id: r.id, entity: r.entity, entityId: r.entity_id, fileName: r.file_name, contentType: r.content_type, size: Number(r.size), sha256: r.sha256,
      contentBase64: r.content_base64, uploadedBy: r.uploaded_by, uploadedAt: toIso(r.uploaded_at) ?? '',
    } : null;
  },
});
