// 问效: accountability records (约谈, 通报批评, 限期整改) on a task and one of its units, with a due date of
// their own. A record keeps the task's red-light days and red runs up to the day it was made (from the
// light history). The coordinator writes; a department or county reads its own unit's records.
import { AppError, notFound } from '../app-error';
import { newId } from '../ids';
import { parseInput } from '../parse-input';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { AccountabilityCreateSchema, AccountabilityUpdateSchema, type AccountabilityRecord } from '../../shared/supervision';
import { AccountabilityQuerySchema } from '../../shared/supervision-follow-up';
import { readableOrgIds } from './list-reminders';
import { redHistory } from './red-history';
import { actorId, actorName, dayOf, stale, TASK_LABEL, unitOrgIds } from './scope';

const LABEL = { zh: '问效记录', en: 'accountability record' };

export async function listAccountability(deps: Deps, actor: Actor | null, raw: unknown): Promise<{ records: AccountabilityRecord[] }> {
  const q = parseInput(AccountabilityQuerySchema, raw);
  let orgIds = readableOrgIds(actor, 'accountability');
  if (q.orgId) orgIds = orgIds === null || orgIds.includes(q.orgId) ? [q.orgId] : [];
  return { records: await deps.store.supervisionFollowUp.listAccountability({ taskId: q.taskId, status: q.status, orgIds }) };
}

export async function getAccountability(deps: Deps, actor: Actor | null, id: string): Promise<AccountabilityRecord> {
  const orgIds = readableOrgIds(actor, 'accountability');
  const r = await deps.store.supervisionFollowUp.getAccountability(id);
  if (!r) throw notFound(LABEL, id);
  if (orgIds && !orgIds.includes(r.org.id)) throw new AppError('FORBIDDEN', { zh: '只能查看本单位的问效记录', en: 'you may read only your unit\'s records' });
  return r;
}

export async function createAccountability(deps: Deps, actor: Actor | null, raw: unknown, now: Date): Promise<AccountabilityRecord> {
  if (actor) authorize(actor, 'create', 'accountability');
  const input = parseInput(AccountabilityCreateSchema, raw);
  return deps.store.transaction(async (tx) => {
    const task = await tx.supervision.getNode(input.taskId);
    if (!task) throw notFound(TASK_LABEL, input.taskId);
    if (!unitOrgIds(task).has(input.orgId)) {
      throw new AppError('VALIDATION', { zh: `任务 ${task.code} 的责任单位中没有该单位：${input.orgId}`, en: `task ${task.code} does not name unit ${input.orgId}` },
        [{ path: 'orgId', field: 'orgId', message: 'not a unit of the task' }]);
    }
    const today = dayOf(now);
    if (input.dueOn && input.dueOn < today) {
      throw new AppError('VALIDATION', { zh: `整改期限不能早于今天（${today}）`, en: `dueOn must not be before today (${today})` }, [{ path: 'dueOn', field: 'dueOn', message: 'before today' }]);
    }
    const history = redHistory(await tx.supervision.lightDays(task.id), today);
    const id = newId();
    const at = now.toISOString();
    await tx.supervisionFollowUp.insertAccountability({
      id, taskId: task.id, orgId: input.orgId, kind: input.kind, reason: input.reason, dueOn: input.dueOn ?? null, status: 'open',
      redDays: history.redDays, redHistory: history.runs, resolution: null, createdBy: actorName(actor), createdAt: at,
    });
    const rec = (await tx.supervisionFollowUp.getAccountability(id))!;
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'create', entity: 'supervision_accountability', entityId: id, after: rec });
    return rec;
  });
}

export async function updateAccountability(deps: Deps, actor: Actor | null, id: string, raw: unknown, now: Date): Promise<AccountabilityRecord> {
  if (actor) authorize(actor, 'update', 'accountability');
  const input = parseInput(AccountabilityUpdateSchema, raw);
  return deps.store.transaction(async (tx) => {
    const before = await tx.supervisionFollowUp.getAccountability(id);
    if (!before) throw notFound(LABEL, id);
    if (before.rowVersion !== input.rowVersion) throw stale(LABEL, id);
    const status = input.status ?? before.status;
    if (status !== 'open' && !(input.resolution ?? before.resolution)) {
      throw new AppError('VALIDATION', { zh: '整改完成或关闭需填写处理结果', en: 'a rectified or closed record needs a resolution' }, [{ path: 'resolution', field: 'resolution', message: 'required' }]);
    }
    const resolvedAt = status === 'open' ? null : before.status === 'open' ? now.toISOString() : before.resolvedAt;
    const ok = await tx.supervisionFollowUp.updateAccountability(id, input.rowVersion, {
      status: input.status, resolution: input.resolution, dueOn: input.dueOn, resolvedAt,
    }, now.toISOString());
    if (!ok) throw stale(LABEL, id);
    const after = (await tx.supervisionFollowUp.getAccountability(id))!;
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'update', entity: 'supervision_accountability', entityId: id, before, after });
    return after;
  });
}

export async function deleteAccountability(deps: Deps, actor: Actor | null, id: string, rowVersion: number): Promise<void> {
  if (actor) authorize(actor, 'delete', 'accountability');
  if (!Number.isInteger(rowVersion) || rowVersion < 1) throw new AppError('VALIDATION', { zh: '缺少 rowVersion', en: 'rowVersion is required' }, [{ path: 'rowVersion', field: 'rowVersion', message: 'required' }]);
  await deps.store.transaction(async (tx) => {
    const before = await tx.supervisionFollowUp.getAccountability(id);
    if (!before) throw notFound(LABEL, id);
    if (!(await tx.supervisionFollowUp.deleteAccountability(id, rowVersion))) throw stale(LABEL, id);
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'delete', entity: 'supervision_accountability', entityId: id, before });
  });
}
