// A unit writes its progress report for a node and period (进展情况/存在问题/下步打算, percent done), as a
// draft or submitted at once. One report per node and period; an assigned node must be signed first.
import { newId } from '../ids';
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import type { Actor } from '../policy';
import type { Deps } from '../ports';
import { ReportDraftSchema, type ProgressReport } from '../../shared/supervision';
import { periodsBetween } from './report-periods';
import { presentReport } from './present-report';
import { recomputePlan } from './recompute';
import { actorId, actorName, authorizeOn, closedTask, dayOf, readableNode } from './scope';

export async function saveReport(deps: Deps, actor: Actor | null, taskId: string, raw: unknown, now: Date): Promise<ProgressReport> {
  const input = parseInput(ReportDraftSchema, raw);
  return deps.store.transaction(async (tx) => {
    const s = tx.supervision;
    const n = await readableNode((x) => s.getNode(x), actor, taskId, 'progress_report');
    authorizeOn(actor, 'create', 'progress_report', n);
    if (n.status === 'closed') throw closedTask(n);
    if (n.assignment && !n.assignment.signedAt) throw new AppError('CONFLICT', { zh: `任务尚未签收，请先签收：${n.code}`, en: `sign for task ${n.code} before reporting` });
    if (!periodsBetween(n.startOn, n.dueOn, n.reportingCycle).includes(input.period)) {
      throw new AppError('VALIDATION', { zh: `报告期不在任务期限内或与报送周期不符：${input.period}`, en: `period ${input.period} is outside the task or not a ${n.reportingCycle} period` }, [{ path: 'period', message: 'not a reporting period of the task' }]);
    }
    if ((await s.reportsOfTask(taskId)).some((r) => r.period === input.period)) {
      throw new AppError('CONFLICT', { zh: `该报告期已有报告：${input.period}`, en: `a report for ${input.period} already exists` }, [{ path: 'period', message: 'duplicate' }]);
    }
    const id = newId(now.getTime());
    const at = now.toISOString();
    const org = actor?.orgId && [...n.units.map((u) => u.id), n.assignment?.org.id].includes(actor.orgId) ? actor.orgId : (n.assignment?.org.id ?? n.units.find((u) => u.role === 'lead')?.id ?? null);
    await s.insertReport({
      id, taskId, period: input.period, orgId: org, percentDone: input.percentDone, progress: input.progress, problems: input.problems, nextSteps: input.nextSteps,
      status: input.submit ? 'submitted' : 'draft', returnReason: null, submittedBy: input.submit ? actorName(actor) : null, submittedAt: input.submit ? at : null,
      reviewedBy: null, reviewedAt: null,
    }, at);
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: input.submit ? 'submit' : 'create', entity: 'progress_report', entityId: id, after: { taskId, code: n.code, ...input } });
    await recomputePlan(tx, n.planId, dayOf(now));
    return presentReport(tx, (await s.getReport(id))!);
  });
}
