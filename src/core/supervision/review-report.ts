// The coordinator accepts a submitted report (its percent then counts) or returns it with a reason.
import { AppError, notFound } from '../app-error';
import { parseInput } from '../parse-input';
import type { Actor } from '../policy';
import type { Deps } from '../ports';
import { ReviewSchema, type ProgressReport } from '../../shared/supervision';
import type { SupervisionNotify } from './ports';
import { presentReport } from './present-report';
import { recomputePlan } from './recompute';
import { REPORT_LABEL } from './update-report';
import { actorId, actorName, authorizeOn, closedTask, dayOf, readableNode, stale } from './scope';

export async function reviewReport(deps: Deps, actor: Actor | null, id: string, raw: unknown, now: Date, notify?: SupervisionNotify): Promise<ProgressReport> {
  const input = parseInput(ReviewSchema, raw);
  const out = await deps.store.transaction(async (tx) => {
    const s = tx.supervision;
    const r = await s.getReport(id);
    if (!r) throw notFound(REPORT_LABEL, id);
    const n = await readableNode((x) => s.getNode(x), actor, r.taskId, 'progress_report');
    authorizeOn(actor, 'approve', 'progress_report', n);
    if (n.status === 'closed') throw closedTask(n);
    if (r.rowVersion !== input.rowVersion) throw stale(REPORT_LABEL, id);
    if (r.status !== 'submitted') throw new AppError('CONFLICT', { zh: '只能审核已报送的报告', en: `only a submitted report is reviewed (this one is ${r.status})` });
    const at = now.toISOString();
    const accept = input.decision === 'accept';
    const ok = await s.updateReport(id, input.rowVersion, { status: accept ? 'accepted' : 'returned', returnReason: accept ? null : (input.reason ?? null), reviewedBy: actorName(actor), reviewedAt: at }, at);
    if (!ok) throw stale(REPORT_LABEL, id);
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: accept ? 'accept' : 'return', entity: 'progress_report', entityId: id,
      before: { status: r.status }, after: { status: accept ? 'accepted' : 'returned', reason: input.reason ?? null, taskId: n.id, period: r.period } });
    await recomputePlan(tx, n.planId, dayOf(now));
    return { report: await presentReport(tx, (await s.getReport(id))!), code: n.code };
  });
  if (out.report.org && input.decision === 'return') {
    await notify?.({ orgId: out.report.org.id, subject: { zh: `进展报告被退回：${out.code} ${out.report.period}`, en: `Report returned: ${out.code} ${out.report.period}` }, body: { zh: input.reason ?? '', en: input.reason ?? '' }, link: `/supervision/tasks/${out.report.taskId}` });
  }
  return out.report;
}
