// Shared checks of the review use-cases: who owns an item, loading with a readable NOT_FOUND, the refusals
// in words (stale, locked, wrong state) and the next code of an item or a meeting.
import { AppError, notFound } from '../app-error';
import { authorize, forbidden, type Actor } from '../policy';
import type { Action, Resource } from '../../shared/roles';
import { ITEM_STATUS_LABELS, type ItemStatus, type ReviewItem } from '../../shared/review';
import type { Store } from '../ports';

export const ITEM_LABEL = { zh: '审议事项', en: 'review item' };
export const MEETING_LABEL = { zh: '领导小组会议', en: 'leading-group meeting' };

export const actorName = (actor: Actor | null): string => actor?.username ?? 'cli';
export const actorId = (actor: Actor | null): string | null => actor?.userId ?? null;

/** An item is owned by its submitting unit (scope 'own' for departments and counties). */
export function authorizeOnItem(actor: Actor | null, action: Action, resource: Resource, item: Pick<ReviewItem, 'submittingOrg'>): void {
  if (actor) authorize(actor, action, resource, item.submittingOrg.id);
}

export async function loadItem(store: Store, id: string): Promise<ReviewItem> {
  const item = await store.review.getItem(id);
  if (!item) throw notFound(ITEM_LABEL, id);
  return item;
}

export function stale(what: { zh: string; en: string }, code: string): AppError {
  return new AppError('CONFLICT', { zh: `${what.zh}已被他人修改，请刷新后重试：${code}`, en: `${what.en} was changed by someone else; reload and retry: ${code}` });
}

/** A decided item is the record of what the group decided: it never changes; amend it with a new item. */
export function lockedDecided(item: ReviewItem): AppError {
  return new AppError('LOCKED', {
    zh: `审议事项 ${item.code} 已审议（${ITEM_STATUS_LABELS[item.status].zh}），不能修改；如需变更请新建事项并引用本事项`,
    en: `review item ${item.code} is ${item.status} and cannot change; create a new item that amends it`,
  });
}

export function wrongState(item: ReviewItem, wanted: ItemStatus[], doing: { zh: string; en: string }): AppError {
  return new AppError('CONFLICT', {
    zh: `审议事项 ${item.code} 当前为「${ITEM_STATUS_LABELS[item.status].zh}」，${doing.zh}须为「${wanted.map((s) => ITEM_STATUS_LABELS[s].zh).join('／')}」`,
    en: `review item ${item.code} is ${item.status}; to ${doing.en} it must be ${wanted.join(' or ')}`,
  }, [{ path: 'status', message: `is ${item.status}, must be ${wanted.join('|')}` }]);
}

export const isDecided = (s: ItemStatus): boolean => s === 'decided' || s === 'implemented';

/** The next code with a prefix such as 审议-2019- → 审议-2019-004. */
export async function nextCode(store: Store, table: 'review_item' | 'review_meeting', prefix: string): Promise<string> {
  const used = await store.review.codesLike(table, prefix);
  const n = used.map((c) => Number(c.slice(prefix.length))).filter((x) => Number.isInteger(x));
  return `${prefix}${String((n.length ? Math.max(...n) : 0) + 1).padStart(3, '0')}`;
}

/** Decisions are recorded by leading-group members, or by the coordinator's user designated secretary. */
export async function authorizeDecision(store: Store, actor: Actor | null): Promise<void> {
  if (!actor) return;
  authorize(actor, 'decide', 'review_decision');
  if (actor.role === 'coordinator' && !(await store.review.isSecretary(actor.userId))) {
    const e = forbidden(actor, 'decide', 'review_decision');
    throw new AppError('FORBIDDEN', {
      zh: `只有领导小组成员或领导小组秘书可以记录审议决定（${actor.username} 未被指定为秘书）`,
      en: `only leading-group members or the group's secretary may record decisions (${actor.username} is not designated secretary)`,
    }, e.issues);
  }
}
