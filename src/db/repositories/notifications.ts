// The notification list and its e-mail delivery state (migration 0006).
import type { Kysely, Transaction } from 'kysely';
import type { EmailState, NotificationsStore, NotificationView } from '../../core/notifications/ports';
import { toIso } from '../mappers';
import type { DB } from '../schema';

type Db = Kysely<DB> | Transaction<DB>;

const columns = [
  'id', 'recipient_id', 'kind', 'title', 'title_en', 'body', 'body_en', 'link', 'entity', 'entity_id', 'created_at', 'read_at',
  'email_state', 'email_error', 'email_at',
] as const;

function base(db: Db) {
  return db.selectFrom('notification').select(columns);
}
type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const toView = (r: Row): NotificationView => ({
  id: r.id, kind: r.kind, title: r.title, titleEn: r.title_en, body: r.body, bodyEn: r.body_en, link: r.link,
  entity: r.entity, entityId: r.entity_id, createdAt: toIso(r.created_at)!, readAt: toIso(r.read_at),
  email: { state: r.email_state as EmailState, error: r.email_error, at: toIso(r.email_at) },
});

// Inserts go in slices so a reminder to many organisations stays under SQLite's bound-parameter limit.
const SLICE = 50;

export function notificationsRepository(db: Db): NotificationsStore {
  const count = async (userId: string, unreadOnly: boolean) => {
    let q = db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('recipient_id', '=', userId);
    if (unreadOnly) q = q.where('read_at', 'is', null);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  return {
    async recipients(sel) {
      const userIds = sel.userIds ?? [];
      const orgIds = sel.orgIds ?? [];
      const roles = sel.roles ?? [];
      if (!userIds.length && !orgIds.length && !roles.length) return [];
      const rows = await db
        .selectFrom('app_user')
        .select(['id', 'email'])
        .where('active', '=', 1)
        .where((eb) => eb.or([
          ...(userIds.length ? [eb('id', 'in', userIds)] : []),
          ...(orgIds.length ? [eb('org_id', 'in', orgIds)] : []),
          ...(roles.length ? [eb('role', 'in', roles)] : []),
        ]))
        .orderBy('username')
        .execute();
      return rows.map((r) => ({ id: r.id, email: r.email?.trim() ? r.email.trim() : null }));
    },
    async insert(rows) {
      for (let i = 0; i < rows.length; i += SLICE) {
        await db.insertInto('notification').values(rows.slice(i, i + SLICE).map((n) => ({
          id: n.id, recipient_id: n.recipientId, kind: n.kind, title: n.title, title_en: n.titleEn, body: n.body, body_en: n.bodyEn,
          link: n.link, entity: n.entity, entity_id: n.entityId, created_at: n.createdAt, read_at: null,
          email_to: n.emailTo, email_state: n.emailState, email_error: null, email_at: null,
        }))).execute();
      }
    },
    async list(userId, q) {
      let sel = base(db).where('recipient_id', '=', userId);
      if (q.unreadOnly) sel = sel.where('read_at', 'is', null);
      const rows = await sel.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute();
      return { items: rows.map(toView), total: await count(userId, q.unreadOnly), unread: await count(userId, true) };
    },
    unreadCount: (userId) => count(userId, true),
    async markRead(userId, id, now) {
      const found = await db.selectFrom('notification').select(['id', 'read_at']).where('id', '=', id).where('recipient_id', '=', userId).executeTakeFirst();
      if (!found) return false;
      if (found.read_at == null) await db.updateTable('notification').set({ read_at: now }).where('id', '=', id).execute();
      return true;
    },
    async markAllRead(userId, now) {
      const r = await db.updateTable('notification').set({ read_at: now }).where('recipient_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    async emailsToSend(ids, limit) {
      let q = db.selectFrom('notification').select(['id', 'email_to', 'title', 'title_en', 'body', 'body_en', 'link']).where('email_to', 'is not', null);
      q = ids ? q.where('id', 'in', ids).where('email_state', '=', 'pending') : q.where('email_state', 'in', ['pending', 'failed']);
      const rows = await q.orderBy('id').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, to: r.email_to!, title: r.title, titleEn: r.title_en, body: r.body, bodyEn: r.body_en, link: r.link }));
    },
    async setEmailState(id, state, error, now) {
      await db.updateTable('notification').set({ email_state: state, email_error: error, email_at: now }).where('id', '=', id).execute();
    },
    async byId(id) {
      const r = await base(db).where('id', '=', id).executeTakeFirst();
      return r ? { ...toView(r), recipientId: r.recipient_id } : null;
    },
  };
}
