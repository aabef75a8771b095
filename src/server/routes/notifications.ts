// Every logged-in user's own notification list (站内通知): list, unread count, mark read.
import type { FastifyInstance } from 'fastify';
import { countMyUnread, listMyNotifications, markAllMyNotificationsRead, markMyNotificationRead } from '../../core/notifications/my-notifications';
import { requireActor, type AppContext } from '../context';

const tags = ['notifications'];
const mine = { policy: 'authenticated' } as const;

export function notificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/notifications', { schema: { tags, summary: '我的通知 My notifications (?unread=1&page=&pageSize=)' }, config: mine }, async (req) =>
    listMyNotifications(ctx.deps, requireActor(req), req.query));
  app.get('/api/notifications/unread-count', { schema: { tags, summary: '未读通知数 Unread count' }, config: mine }, async (req) =>
    countMyUnread(ctx.deps, requireActor(req)));
  app.post<{ Params: { id: string } }>('/api/notifications/:id/read', { schema: { tags, summary: '标记已读 Mark read' }, config: mine }, async (req) =>
    markMyNotificationRead(ctx.deps, requireActor(req), req.params.id, new Date()));
  app.post('/api/notifications/read-all', { schema: { tags, summary: '全部标记已读 Mark all read' }, config: mine }, async (req) =>
    markAllMyNotificationsRead(ctx.deps, requireActor(req), new Date()));
}
