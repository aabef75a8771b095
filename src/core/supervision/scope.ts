// Who a task belongs to: its lead, responsible and county units and the unit it is assigned to. A
// department or county user ('own' scope) acts only on tasks naming its organisation.
import { AppError, notFound } from '../app-error';
import { authorize, scopeOf, type Actor } from '../policy';
import type { Action, Resource } from '../../shared/roles';
import type { StoredNode } from './ports';

export const TASK_LABEL = { zh: '督办任务', en: 'supervised task' };

export function unitOrgIds(n: Pick<StoredNode, 'units' | 'assignment'>): Set<string> {
  const ids = new Set(n.units.map((u) => u.id));
  if (n.assignment) ids.add(n.assignment.org.id);
  return ids;
}

/** The owner to pass to authorize(): the actor's own organisation when the task names it, else none. */
export function ownerFor(actor: Actor, n: Pick<StoredNode, 'units' | 'assignment'>): string | null {
  return actor.orgId && unitOrgIds(n).has(actor.orgId) ? actor.orgId : null;
}

export function authorizeOn(actor: Actor | null, action: Action, resource: Resource, n: Pick<StoredNode, 'units' | 'assignment'>): void {
  if (actor) authorize(actor, action, resource, ownerFor(actor, n));
}

/** Whether the actor may read the node (a missing grant reads nothing). */
export function canRead(actor: Actor | null, n: Pick<StoredNode, 'units' | 'assignment'>, resource: Resource = 'supervision_task'): boolean {
  if (!actor) return true;
  const scope = scopeOf(actor, 'read', resource);
  if (scope === 'all') return true;
  return scope === 'own' && ownerFor(actor, n) !== null;
}

/** Loads a node the actor may read; another unit's task answers NOT_FOUND-free FORBIDDEN. */
export async function readableNode(load: (id: string) => Promise<StoredNode | null>, actor: Actor | null, id: string, resource: Resource = 'supervision_task'): Promise<StoredNode> {
  if (actor) authorize(actor, 'read', resource);
  const n = await load(id);
  if (!n) throw notFound(TASK_LABEL, id);
  authorizeOn(actor, 'read', resource, n);
  return n;
}

export const actorName = (actor: Actor | null): string => actor?.username ?? 'cli';
export const actorId = (actor: Actor | null): string | null => actor?.userId ?? null;

export function stale(what: { zh: string; en: string }, id: string): AppError {
  return new AppError('CONFLICT', { zh: `${what.zh}已被他人修改，请刷新后重试：${id}`, en: `${what.en} was changed by someone else; reload and retry: ${id}` });
}

export function closedTask(n: StoredNode): AppError {
  return new AppError('LOCKED', { zh: `任务已销号，只读：${n.code}`, en: `task ${n.code} is closed (read-only)` });
}

export const dayOf = (now: Date): string => now.toISOString().slice(0, 10);
