// The reminders a user may read (GET /api/supervision/reminders): the coordinator, the leader and the
// administrator read all; a department or county user those sent to its own unit.
import { AppError, notFound } from '../app-error';
import { parseInput } from '../parse-input';
import { authorize, scopeOf, type Actor } from '../policy';
import type { Deps } from '../ports';
import { ReminderQuerySchema, type ReminderView } from '../../shared/supervision-follow-up';
import { actorId, actorName } from './scope';

/** null: every unit; else the units the actor may read (an 'own' scope reads its organisation only). */
export function readableOrgIds(actor: Actor | null, resource: 'reminder' | 'accountability'): string[] | null {
  if (!actor) return null;
  authorize(actor, 'read', resource);
  return scopeOf(actor, 'read', resource) === 'all' ? null : actor.orgId ? [actor.orgId] : [];
}

export async function listReminders(deps: Deps, actor: Actor | null, raw: unknown): Promise<{ reminders: ReminderView[]; unread: number }> {
  const q = parseInput(ReminderQuerySchema, raw);
  let orgIds = readableOrgIds(actor, 'reminder');
  if (q.orgId) orgIds = orgIds === null || orgIds.includes(q.orgId) ? [q.orgId] : [];
  const unreadOnly = q.unread === '1' || q.unread === 'true';
  const reminders = await deps.store.supervisionFollowUp.listReminders({ taskId: q.taskId, orgIds, unread: unreadOnly, limit: q.limit });
  return { reminders, unread: reminders.filter((r) => r.readAt === null).length };
}

/** A unit's user marks a reminder to its unit as read (the read stamp is the unit's). */
export async function readReminder(deps: Deps, actor: Actor, id: string, now: Date): Promise<ReminderView> {
  authorize(actor, 'read', 'reminder');
  return deps.store.transaction(async (tx) => {
    const r = await tx.supervisionFollowUp.getReminder(id);
    if (!r) throw notFound({ zh: '催办记录', en: 'reminder' }, id);
    if (actor.orgId !== r.org.id) {
      throw new AppError('FORBIDDEN', { zh: '只有被催办单位的用户可以标记已读', en: 'only a user of the reminded unit marks it read' });
    }
    if (r.readAt) return r;
    const at = now.toISOString();
    await tx.supervisionFollowUp.markReminderRead(id, at);
    await tx.audit.write({ actorId: actorId(actor), actorName: actorName(actor), action: 'read', entity: 'supervision_reminder', entityId: id, before: { readAt: null }, after: { readAt: at } });
    return { ...r, readAt: at };
  });
}
