// The unit edits its draft or returned report, and submits it (draft|returned → submitted). A submitted
// or accepted report is not edited; stale versions are refused.
import { AppError, notFound } from '../app-error';
import { parseInput } from '../parse-input';
import type { Actor } from '../policy';
import type { Deps } from '../ports';
import { ReportUpdateSchema, type ProgressReport } from '../../shared/supervision';
import { presentReport } from './present-report';
import { recomputePlan } from './recompute';
import { actorId, actorName, authorizeOn, closedTask, dayOf, readableNode, stale } from './scope';

export const REPORT_LABEL = { zh: '进展报告', en: 'progress report' };

export async function updateReport(deps: Deps, actor: Actor | null, id: string, raw: unknown, now: Date): Promise<ProgressReport> {
  const input = parseInput(ReportUpdateSchema, raw);
  return deps.store.transaction(async (tx) => {
    const s = tx.supervision;
    const r = await s.getReport(id);
    if (!r) throw notFound(REPORT_LABEL, id);
    const n = await readableNode((x) => s.getNode(x), actor, r.taskId, 'progress_report');
    authorizeOn(actor, 'update', 'progress_report', n);
    if (n.status === 'closed') throw closedTask(n);
    if (r.rowVersion !== input.rowVersion) throw stale(REPORT_LABEL, id);
    if (r.status !== 'draft' && r.status !== 'returned') {
      throw new AppError('CONFLICT', { zh: `报告已${r.status === 'accepted' ? '审核通过' : '报送'}，不能修改`, en: `the report is ${r.status} and cannot be edited` });
    }
    const at = now.toISOString();
    const ok = await s.updateReport(id, input.rowVersion, {
      percentDone: input.percentDone, progress: input.progress, problems: input.problems, nextSteps: input.nextSteps,
      ...(input.submit ? { status: 'submitted' as const, submittedBy: actorName(actor), submittedAt: at } : {}),
    }, at);
    if (!ok) throw stale(REPORT_LABEL, id);
    const { rowVersion: _rv, ...changes } = input;
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: input.submit ? 'submit' : 'update', entity: 'progress_report', entityId: id,
      before: { status: r.status, percentDone: r.percentDone, progress: r.progress, problems: r.problems, nextSteps: r.nextSteps }, after: changes });
    await recomputePlan(tx, n.planId, dayOf(now));
    return presentReport(tx, (await s.getReport(id))!);
  });
}
