// 交办: the coordinator turns an approved decision into a supervised task through the supervision
// use-cases (createNode + assignTask), under one special action 领导小组议定事项 of the plan's tree (made on
// first use). The task's light and closure (销号) then show on the item; when every follow-up task of
// an item is closed the item becomes implemented (settle-implemented.ts).
import { newId } from '../ids';
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps, Store } from '../ports';
import { createNode } from '../supervision/create-node';
import { assignTask } from '../supervision/assign-task';
import { planIdOf } from '../supervision/present';
import type { SupervisionNotify } from '../supervision/ports';
import { APPROVING, FollowUpSchema, type ReviewItem } from '../../shared/review';
import { actorId, actorName, ITEM_LABEL, loadItem, stale, wrongState } from './common';

export const REVIEW_ACTION_CODE = 'SA-LG';

/** The special action 领导小组议定事项 of the plan's tree, made on first use. */
export async function reviewAction(tx: Store, planId: string, now: Date, demo: boolean): Promise<string> {
  const nodes = await tx.supervision.listNodes(planId);
  const found = nodes.find((n) => n.code === REVIEW_ACTION_CODE);
  if (found) return found.id;
  const id = newId(now.getTime());
  await tx.supervision.insertNode({
    id, planId, parentId: null, kind: 'special_action', code: REVIEW_ACTION_CODE, title: '领导小组议定事项', content: '领导小组审议决定交办的落实任务',
    startOn: '2018-01-01', dueOn: '2020-12-31', proposed: false, reportingCycle: 'quarterly', reportDeadlineDay: 10, weight: 1, status: 'in_progress',
    sourceTaskId: null, sourceSectionId: null, sort: nodes.length + 1, demo,
  }, { percentDone: 0, light: { light: 'green', reasons: [], timeElapsedPct: 0, lagPoints: 0 }, missedReports: 0, reportedThisPeriod: false, lightAsOf: '1970-01-01' }, now.toISOString());
  return id;
}

export async function createFollowUp(deps: Deps, actor: Actor | null, itemId: string, raw: unknown, now: Date, opts: { notify?: SupervisionNotify; demo?: boolean } = {}): Promise<ReviewItem> {
  if (actor) authorize(actor, 'update', 'review_meeting');
  const input = parseInput(FollowUpSchema, raw);
  if (input.dueOn < input.startOn) throw new AppError('VALIDATION', { zh: '截止日期早于开始日期', en: 'due is before start' }, [{ path: 'dueOn', message: 'due must not be before start' }]);
  // The 交办 notice goes out after the commit: inside the transaction it would wait on the one SQLite
  // connection the transaction holds (and must not announce a task that may still roll back).
  const notices: Parameters<SupervisionNotify>[0][] = [];
  const defer: SupervisionNotify = async (n) => { notices.push(n); };
  const result = await deps.store.transaction(async (tx) => {
    const item = await loadItem(tx, itemId);
    if (item.status !== 'decided') throw wrongState(item, ['decided'], { zh: '交办落实任务', en: 'assign follow-up tasks' });
    if (!item.decision || !APPROVING.includes(item.decision)) {
      throw new AppError('CONFLICT', { zh: `事项 ${item.code} 未获通过，不能交办`, en: `item ${item.code} was not approved; nothing to follow up` }, [{ path: 'decision', message: item.decision ?? 'none' }]);
    }
    // The item's version guards against two people assigning the same follow-up at once.
    if (!(await tx.review.updateItem(item.id, input.rowVersion, {}, now.toISOString()))) throw stale(ITEM_LABEL, item.code);
    const txDeps = { ...deps, store: tx };
    const planId = await planIdOf(txDeps, undefined);
    const parentId = await reviewAction(tx, planId, now, opts.demo ?? false);
    const content = [input.content, item.conditions ? `审议条件：${item.conditions}` : null, `来源：领导小组审议事项 ${item.code}`].filter(Boolean).join('\n');
    const node = await createNode(txDeps, actor, {
      parentId, kind: 'task', title: input.title, content, leadOrgId: input.leadOrgId, startOn: input.startOn, dueOn: input.dueOn,
      reportingCycle: 'quarterly', reportDeadlineDay: 10, projectIds: item.project ? [item.project.id] : undefined,
    }, now);
    await assignTask(txDeps, actor, node.id, { rowVersion: node.rowVersion, orgId: input.leadOrgId, note: `领导小组审议事项 ${item.code} 交办` }, now, defer);
    await tx.review.addFollowUp(item.id, node.id, now.toISOString());
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'follow-up', entity: 'review_item', entityId: item.id, after: { taskId: node.id, taskCode: node.code, title: input.title, leadOrgId: input.leadOrgId, dueOn: input.dueOn } });
    return loadItem(tx, item.id);
  });
  for (const n of notices) await opts.notify?.(n);
  return result;
}
