// Reminders (催办), unit heads, accountability records (问效) and the light-history figures of the 通报.
import { sql } from 'kysely';
import type { FollowUpStore, StoredAccountability, StoredReminder } from '../../core/supervision/follow-up-ports';
import type { AccountabilityKind, AccountabilityStatus, ReminderKind } from '../../shared/supervision';
import type { ReminderCause } from '../../shared/supervision-follow-up';
import { flag, parseJson, toBool, toIso, toNum } from '../mappers';
import { deleteVersioned, updateVersioned, type Db } from './versioned';

const reminderColumns = [
  'r.id', 'r.task_id', 't.code as task_code', 't.title as task_title', 'o.id as org_id', 'o.code as org_code', 'o.name as org_name', 'r.kind', 'r.cause',
  'r.level', 'r.period', 'r.message', 'r.sent_by', 'r.sent_at', 'r.read_at', 'r.emailed_at',
] as const;

function reminderQuery(db: Db) {
  return db
    .selectFrom('supervision_reminder as r')
    .innerJoin('supervision_task as t', 't.id', 'r.task_id')
    .innerJoin('organization as o', 'o.id', 'r.org_id')
    .select(reminderColumns);
}

type ReminderRow = Awaited<ReturnType<ReturnType<typeof reminderQuery>['execute']>>[number];

const toReminder = (r: ReminderRow): StoredReminder => ({
  id: r.id, taskId: r.task_id, taskCode: r.task_code, taskTitle: r.task_title, org: { id: r.org_id, code: r.org_code, name: r.org_name },
  kind: r.kind as ReminderKind, cause: r.cause as ReminderCause, level: Number(r.level), period: r.period, message: r.message,
  sentBy: r.sent_by, sentAt: toIso(r.sent_at)!, readAt: toIso(r.read_at), emailedAt: toIso(r.emailed_at),
});

function accountabilityQuery(db: Db) {
  return db
    .selectFrom('supervision_accountability as a')
    .innerJoin('supervision_task as t', 't.id', 'a.task_id')
    .innerJoin('organization as o', 'o.id', 'a.org_id')
    .select([
      'a.id', 'a.task_id', 't.code as task_code', 't.title as task_title', 'o.id as org_id', 'o.code as org_code', 'o.name as org_name', 'a.kind', 'a.reason',
      'a.due_on', 'a.status', 'a.red_days', 'a.red_history_json', 'a.resolution', 'a.created_by', 'a.created_at', 'a.resolved_at', 'a.row_version',
    ]);
}

type AccountabilityRow = Awaited<ReturnType<ReturnType<typeof accountabilityQuery>['execute']>>[number];

const toAccountability = (r: AccountabilityRow): StoredAccountability => ({
  id: r.id, taskId: r.task_id, taskCode: r.task_code, taskTitle: r.task_title, org: { id: r.org_id, code: r.org_code, name: r.org_name },
  kind: r.kind as AccountabilityKind, reason: r.reason, dueOn: r.due_on, status: r.status as AccountabilityStatus, redDays: Number(r.red_days),
  redHistory: parseJson(r.red_history_json, []), resolution: r.resolution, createdBy: r.created_by, createdAt: toIso(r.created_at)!,
  resolvedAt: toIso(r.resolved_at), rowVersion: Number(r.row_version),
});

export const followUpRepository = (db: Db): FollowUpStore => ({
  insertReminder: async (r) => {
    await db.insertInto('supervision_reminder').values({
      id: r.id, task_id: r.taskId, org_id: r.orgId, kind: r.kind, cause: r.cause, level: r.level, period: r.period, message: r.message,
      sent_by: r.sentBy, sent_at: r.sentAt, read_at: null, emailed_at: null, demo: flag(r.demo ?? false),
    }).execute();
  },
  reminderKeys: async (planId) => {
    const rows = await db.selectFrom('supervision_reminder as r').innerJoin('supervision_task as t', 't.id', 'r.task_id')
      .select(['r.task_id', 'r.org_id', 'r.cause', 'r.period']).where('t.plan_id', '=', planId).where('r.cause', '!=', 'manual').execute();
    return new Set(rows.map((r) => `${r.task_id}|${r.org_id}|${r.cause}|${r.period ?? ''}`));
  },
  reminderCount: async (taskId, orgId) => {
    const r = await db.selectFrom('supervision_reminder').select((eb) => eb.fn.countAll().as('n'))
      .where('task_id', '=', taskId).where('org_id', '=', orgId).where('kind', '=', 'reminder').executeTakeFirstOrThrow();
    return Number(r.n);
  },
  listReminders: async (f) => {
    let q = reminderQuery(db);
    if (f.taskId) q = q.where('r.task_id', '=', f.taskId);
    if (f.orgIds) q = f.orgIds.length ? q.where('r.org_id', 'in', f.orgIds) : q.where(sql<boolean>`1 = 0`);
    if (f.unread) q = q.where('r.read_at', 'is', null);
    return (await q.orderBy('r.sent_at', 'desc').orderBy('r.id', 'desc').limit(f.limit).execute()).map(toReminder);
  },
  getReminder: async (id) => {
    const r = await reminderQuery(db).where('r.id', '=', id).executeTakeFirst();
    return r ? toReminder(r) : null;
  },
  markReminderRead: async (id, at) => {
    await db.updateTable('supervision_reminder').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
  },
  setReminderEmailed: async (id, at) => {
    await db.updateTable('supervision_reminder').set({ emailed_at: at }).where('id', '=', id).execute();
  },

  orgUsers: async (orgId) => (await db.selectFrom('app_user').select(['id', 'username', 'display_name', 'unit_head'])
    .where('org_id', '=', orgId).where('active', '=', flag(true) as never).orderBy('unit_head', 'desc').orderBy('username').execute())
    .map((u) => ({ id: u.id, username: u.username, displayName: u.display_name, unitHead: toBool(u.unit_head) })),
  coordinators: async () => (await db.selectFrom('app_user').select(['id', 'username', 'display_name'])
    .where('role', '=', 'coordinator').where('active', '=', flag(true) as never).orderBy('username').execute())
    .map((u) => ({ id: u.id, username: u.username, displayName: u.display_name })),
  setUnitHead: async (username, unitHead, now) => {
    const u = await db.selectFrom('app_user').select(['id', 'username', 'display_name', 'org_id', 'unit_head']).where('username', '=', username).executeTakeFirst();
    if (!u) return null;
    await db.updateTable('app_user').set((eb) => ({ unit_head: flag(unitHead), row_version: eb('row_version', '+', 1), updated_at: now })).where('id', '=', u.id).execute();
    return { id: u.id, username: u.username, displayName: u.display_name, orgId: u.org_id, before: toBool(u.unit_head) };
  },
  orgRefs: async () => new Map((await db.selectFrom('organization').select(['id', 'code', 'name', 'kind', 'sort']).execute())
    .map((o) => [o.id, { id: o.id, code: o.code, name: o.name, kind: o.kind }])),
  isDemo: async () => (await db.selectFrom('meta').select('value').where('key', '=', 'demo').executeTakeFirst())?.value === '1',

  insertAccountability: async (a) => {
    await db.insertInto('supervision_accountability').values({
      id: a.id, task_id: a.taskId, org_id: a.orgId, kind: a.kind, reason: a.reason, due_on: a.dueOn, status: a.status, red_days: a.redDays,
      red_history_json: JSON.stringify(a.redHistory), resolution: a.resolution, created_by: a.createdBy, created_at: a.createdAt,
      resolved_at: null, demo: flag(a.demo ?? false), updated_at: a.createdAt,
    }).execute();
  },
  getAccountability: async (id) => {
    const r = await accountabilityQuery(db).where('a.id', '=', id).executeTakeFirst();
    return r ? toAccountability(r) : null;
  },
  listAccountability: async (f) => {
    let q = accountabilityQuery(db);
    if (f.taskId) q = q.where('a.task_id', '=', f.taskId);
    if (f.status) q = q.where('a.status', '=', f.status);
    if (f.orgIds) q = f.orgIds.length ? q.where('a.org_id', 'in', f.orgIds) : q.where(sql<boolean>`1 = 0`);
    return (await q.orderBy('a.created_at', 'desc').orderBy('a.id').execute()).map(toAccountability);
  },
  updateAccountability: (id, rowVersion, p, now) => updateVersioned(db, 'supervision_accountability', id, rowVersion, {
    ...(p.status !== undefined ? { status: p.status } : {}),
    ...(p.resolution !== undefined ? { resolution: p.resolution } : {}),
    ...(p.dueOn !== undefined ? { due_on: p.dueOn } : {}),
    ...(p.resolvedAt !== undefined ? { resolved_at: p.resolvedAt } : {}),
  }, now),
  deleteAccountability: (id, rowVersion) => deleteVersioned(db, 'supervision_accountability', id, rowVersion),

  redDaysInRange: async (planId, from, to) => {
    const rows = await db.selectFrom('supervision_light_day as d').innerJoin('supervision_task as t', 't.id', 'd.task_id')
      .select(['d.task_id', (eb) => eb.fn.countAll().as('n')])
      .where('t.plan_id', '=', planId).where('d.light', '=', 'red').where('d.day', '>=', from).where('d.day', '<=', to)
      .groupBy('d.task_id').execute();
    return new Map(rows.map((r) => [r.task_id, Number(r.n)]));
  },
  lightsOn: async (planId, day) => {
    // The latest recorded day per task on or before `day`, joined back to its row.
    const latest = db.selectFrom('supervision_light_day as d').innerJoin('supervision_task as t', 't.id', 'd.task_id')
      .select(['d.task_id', (eb) => eb.fn.max('d.day').as('day')]).where('t.plan_id', '=', planId).where('d.day', '<=', day).groupBy('d.task_id');
    const rows = await db.selectFrom('supervision_light_day as l').innerJoin(latest.as('m'), (j) => j.onRef('m.task_id', '=', 'l.task_id').onRef('m.day', '=', 'l.day'))
      .select(['l.task_id', 'l.light', 'l.lag_points']).execute();
    return new Map(rows.map((r) => [r.task_id, { light: r.light, lagPoints: toNum(r.lag_points) ?? 0 }]));
  },
});
