// A user's own notification list: read, count unread, mark read. Every logged-in user has one; nobody
// reads or marks another's (the store is always asked for the actor's own rows).
import { z } from 'zod';
import { AppError } from '../app-error';
import { parseInput } from '../parse-input';
import type { Actor } from '../policy';
import type { Deps } from '../ports';
import type { NotificationView } from './ports';

export const NotificationListQuery = z.object({
  unread: z.enum(['0', '1', 'true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export interface NotificationPage {
  items: NotificationView[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

export async function listMyNotifications(deps: Deps, actor: Actor, raw: unknown): Promise<NotificationPage> {
  const q = parseInput(NotificationListQuery, raw ?? {});
  const unreadOnly = q.unread === '1' || q.unread === 'true';
  const r = await deps.store.notifications.list(actor.userId, { unreadOnly, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { ...r, page: q.page, pageSize: q.pageSize };
}

export async function countMyUnread(deps: Deps, actor: Actor): Promise<{ unread: number }> {
  return { unread: await deps.store.notifications.unreadCount(actor.userId) };
}

// Reading one's own notifications is no change to the product's records, so it is not audited.
export async function markMyNotificationRead(deps: Deps, actor: Actor, id: string, now: Date): Promise<{ unread: number }> {
  const ok = await deps.store.notifications.markRead(actor.userId, id, now.toISOString());
  if (!ok) throw new AppError('NOT_FOUND', { zh: `通知不存在：${id}`, en: `notification not found: ${id}` });
  return countMyUnread(deps, actor);
}

export async function markAllMyNotificationsRead(deps: Deps, actor: Actor, now: Date): Promise<{ marked: number; unread: number }> {
  const marked = await deps.store.notifications.markAllRead(actor.userId, now.toISOString());
  return { marked, unread: 0 };
}
