// 领导小组审议: items, meetings (agenda, attendance, decisions), follow-ups and secretaries (migration 0009).
// Funds and files live in review-funds.ts.
import type { ItemState, ItemWrite, ReviewStore } from '../../core/review/ports';
import type { AgendaEntry, Decision, ItemListQuery, ItemStatus, Meeting, ReviewItem, ReviewType } from '../../shared/review';
import { flag, toBool, toIso, toNum } from '../mappers';
import type { Db } from './versioned';
import { updateVersioned } from './versioned';
import { reviewFundsRepository } from './review-funds';

const ITEM_COLUMNS = [
  'id', 'code', 'type', 'title', 'submitting_org_id', 'summary', 'amount', 'project_id', 'supervision_task_id', 'industry_code', 'county_org_id',
  'amends_item_id', 'status', 'meeting_id', 'decision', 'conditions', 'decided_by', 'decided_at', 'created_by', 'demo', 'row_version', 'updated_at', 'created_at',
] as const;

type Ref = { id: string; code: string; name: string };

async function orgRefs(db: Db, ids: string[]): Promise<Map<string, Ref>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organization').select(['id', 'code', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

async function loadItems(db: Db, where: (q: ReturnType<typeof base>) => ReturnType<typeof base>): Promise<ReviewItem[]> {
  const rows = await where(base(db)).orderBy('code', 'desc').execute();
  if (rows.length === 0) return [];
  const pick = (k: 'project_id' | 'supervision_task_id' | 'amends_item_id' | 'meeting_id') => [...new Set(rows.map((r) => r[k]).filter((x): x is string => !!x))];
  const orgs = await orgRefs(db, rows.flatMap((r) => [r.submitting_org_id, r.county_org_id].filter((x): x is string => !!x)));
  const projects = pick('project_id').length ? new Map((await db.selectFrom('project').select(['id', 'name']).where('id', 'in', pick('project_id')).execute()).map((r) => [r.id, r])) : new Map<string, { id: string; name: string }>();
  const tasks = pick('supervision_task_id').length ? new Map((await db.selectFrom('supervision_task').select(['id', 'code', 'title']).where('id', 'in', pick('supervision_task_id')).execute()).map((r) => [r.id, r])) : new Map<string, { id: string; code: string; title: string }>();
  const amends = pick('amends_item_id').length ? new Map((await db.selectFrom('review_item').select(['id', 'code', 'title']).where('id', 'in', pick('amends_item_id')).execute()).map((r) => [r.id, r])) : new Map<string, { id: string; code: string; title: string }>();
  const meetings = pick('meeting_id').length ? new Map((await db.selectFrom('review_meeting').select(['id', 'title', 'held_on']).where('id', 'in', pick('meeting_id')).execute()).map((r) => [r.id, { id: r.id, title: r.title, heldOn: r.held_on }])) : new Map<string, { id: string; title: string; heldOn: string }>();
  const industries = new Map((await db.selectFrom('plan_industry').select(['code', 'name']).execute()).map((r) => [r.code, r.name]));
  return rows.map((r) => ({
    id: r.id, code: r.code, type: r.type as ReviewType, title: r.title,
    submittingOrg: orgs.get(r.submitting_org_id) ?? { id: r.submitting_org_id, code: '?', name: '?' },
    summary: r.summary, amount: toNum(r.amount),
    project: r.project_id ? projects.get(r.project_id) ?? null : null,
    supervisionTask: r.supervision_task_id ? tasks.get(r.supervision_task_id) ?? null : null,
    industry: r.industry_code ? { code: r.industry_code, name: industries.get(r.industry_code) ?? r.industry_code } : null,
    county: r.county_org_id ? orgs.get(r.county_org_id) ?? null : null,
    amendsItem: r.amends_item_id ? amends.get(r.amends_item_id) ?? null : null,
    status: r.status as ItemStatus, decision: (r.decision as Decision | null) ?? null, conditions: r.conditions,
    decidedAt: toIso(r.decided_at), decidedBy: r.decided_by,
    meeting: r.meeting_id ? meetings.get(r.meeting_id) ?? null : null,
    createdBy: r.created_by, demo: toBool(r.demo), rowVersion: Number(r.row_version), updatedAt: toIso(r.updated_at) ?? '',
  }));
}
const base = (db: Db) => db.selectFrom('review_item').select(ITEM_COLUMNS);

const itemColumns = (p: Partial<ItemWrite> & Partial<ItemState>) => {
  const out: Record<string, unknown> = {};
  const map: Record<string, string> = {
    type: 'type', title: 'title', submittingOrgId: 'submitting_org_id', summary: 'summary', amount: 'amount', projectId: 'project_id',
    supervisionTaskId: 'supervision_task_id', industryCode: 'industry_code', countyOrgId: 'county_org_id', status: 'status', meetingId: 'meeting_id',
    decision: 'decision', conditions: 'conditions', decidedBy: 'decided_by', decidedAt: 'decided_at',
  };
  for (const [k, v] of Object.entries(p)) if (v !== undefined && map[k]) out[map[k]] = v;
  return out;
};

async function loadMeetings(db: Db, id?: string): Promise<Meeting[]> {
  let q = db.selectFrom('review_meeting').select(['id', 'code', 'title', 'held_on', 'place', 'status', 'created_by', 'demo', 'row_version', 'updated_at']);
  if (id) q = q.where('id', '=', id);
  const rows = await q.orderBy('held_on', 'desc').orderBy('code', 'desc').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const agenda = await db.selectFrom('review_agenda').innerJoin('review_item', 'review_item.id', 'review_agenda.item_id')
    .select(['review_agenda.meeting_id', 'review_agenda.item_id', 'review_agenda.sort', 'review_agenda.presenter', 'review_agenda.decision', 'review_agenda.conditions',
      'review_agenda.note', 'review_agenda.decided_by', 'review_agenda.decided_at', 'review_item.code', 'review_item.title', 'review_item.type', 'review_item.submitting_org_id', 'review_item.amount'])
    .where('review_agenda.meeting_id', 'in', ids).orderBy('review_agenda.sort').execute();
  const attendance = await db.selectFrom('review_attendance').select(['meeting_id', 'name', 'user_id', 'position', 'present', 'note'])
    .where('meeting_id', 'in', ids).orderBy('sort').execute();
  const orgs = await orgRefs(db, agenda.map((a) => a.submitting_org_id));
  return rows.map((r) => ({
    id: r.id, code: r.code, title: r.title, heldOn: r.held_on, place: r.place, status: r.status as Meeting['status'],
    agenda: agenda.filter((a) => a.meeting_id === r.id).map((a): AgendaEntry => ({
      itemId: a.item_id, code: a.code, title: a.title, type: a.type as ReviewType, submittingOrg: orgs.get(a.submitting_org_id) ?? { id: a.submitting_org_id, code: '?', name: '?' },
      amount: toNum(a.amount), sort: Number(a.sort), presenter: a.presenter, decision: (a.decision as Decision | null) ?? null, conditions: a.conditions, note: a.note,
      decidedBy: a.decided_by, decidedAt: toIso(a.decided_at),
    })),
    attendance: attendance.filter((a) => a.meeting_id === r.id).map((a) => ({ name: a.name, userId: a.user_id, position: a.position, present: toBool(a.present), note: a.note })),
    createdBy: r.created_by, demo: toBool(r.demo), rowVersion: Number(r.row_version), updatedAt: toIso(r.updated_at) ?? '',
  }));
}

export const reviewRepository = (db: Db): ReviewStore => ({
  listItems: (q: ItemListQuery) => loadItems(db, (x) => {
    let y = x;
    if (q.type) y = y.where('type', '=', q.type);
    if (q.status) y = y.where('status', '=', q.status);
    if (q.orgId) y = y.where('submitting_org_id', '=', q.orgId);
    if (q.year) y = y.where('code', 'like', `%-${q.year}-%`);
    return y;
  }),
  getItem: async (id) => (await loadItems(db, (x) => x.where('id', '=', id)))[0] ?? null,
  codesLike: async (table, prefix) => (await db.selectFrom(table).select('code').where('code', 'like', `${prefix}%`).execute()).map((r) => r.code),
  insertItem: async (n, now) => {
    await db.insertInto('review_item').values({
      id: n.id, code: n.code, type: n.type, title: n.title, submitting_org_id: n.submittingOrgId, summary: n.summary, amount: n.amount, project_id: n.projectId,
      supervision_task_id: n.supervisionTaskId, industry_code: n.industryCode, county_org_id: n.countyOrgId, amends_item_id: n.amendsItemId, status: 'draft',
      created_by: n.createdBy, demo: flag(n.demo), created_at: now, updated_at: now,
    }).execute();
  },
  updateItem: (id, rowVersion, patch, now) => updateVersioned(db, 'review_item', id, rowVersion, itemColumns(patch), now),
  amendmentsOf: async (id) => (await db.selectFrom('review_item').select(['id', 'code', 'title', 'status']).where('amends_item_id', '=', id).orderBy('code').execute())
    .map((r) => ({ ...r, status: r.status as ItemStatus })),

  listMeetings: () => loadMeetings(db),
  getMeeting: async (id) => (await loadMeetings(db, id))[0] ?? null,
  insertMeeting: async (m, now) => {
    await db.insertInto('review_meeting').values({ id: m.id, code: m.code, title: m.title, held_on: m.heldOn, place: m.place, status: 'scheduled', created_by: m.createdBy, demo: flag(m.demo), created_at: now, updated_at: now }).execute();
    await db.insertInto('review_agenda').values(m.agenda.map((a) => ({ meeting_id: m.id, item_id: a.itemId, sort: a.sort, presenter: a.presenter }))).execute();
  },
  touchMeeting: (id, rowVersion, now, status) => updateVersioned(db, 'review_meeting', id, rowVersion, status ? { status } : {}, now),
  setAttendance: async (meetingId, attendees) => {
    await db.deleteFrom('review_attendance').where('meeting_id', '=', meetingId).execute();
    if (attendees.length) {
      await db.insertInto('review_attendance').values(attendees.map((a, i) => ({ meeting_id: meetingId, sort: i + 1, name: a.name, user_id: a.userId, position: a.position, present: flag(a.present), note: a.note }))).execute();
    }
  },
  decideAgenda: async (meetingId, itemId, d) => {
    await db.updateTable('review_agenda').set({ decision: d.decision, conditions: d.conditions, note: d.note, decided_by: d.by, decided_at: d.at })
      .where('meeting_id', '=', meetingId).where('item_id', '=', itemId).execute();
  },
  agendaOfItem: async (itemId) => {
    const ms = await db.selectFrom('review_agenda').select('meeting_id').where('item_id', '=', itemId).execute();
    const out = [];
    for (const { meeting_id } of ms) {
      const m = (await loadMeetings(db, meeting_id))[0];
      const a = m?.agenda.find((x) => x.itemId === itemId);
      if (m && a) out.push({ ...a, meetingId: m.id, meetingTitle: m.title, heldOn: m.heldOn });
    }
    return out.sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  },

  addFollowUp: async (itemId, taskId, at) => {
    await db.insertInto('review_followup').values({ item_id: itemId, task_id: taskId, created_at: at }).execute();
  },
  followUps: async (itemIds) => {
    const out = new Map<string, string[]>();
    for (let i = 0; i < itemIds.length; i += 500) {
      const rows = await db.selectFrom('review_followup').select(['item_id', 'task_id']).where('item_id', 'in', itemIds.slice(i, i + 500)).orderBy('created_at').orderBy('task_id').execute();
      for (const r of rows) out.set(r.item_id, [...(out.get(r.item_id) ?? []), r.task_id]);
    }
    return out;
  },

  isSecretary: async (userId) => !!(await db.selectFrom('review_secretary').select('user_id').where('user_id', '=', userId).executeTakeFirst()),
  setSecretary: async (userId, on, by, at) => {
    await db.deleteFrom('review_secretary').where('user_id', '=', userId).execute();
    if (on) await db.insertInto('review_secretary').values({ user_id: userId, designated_by: by, designated_at: at }).execute();
  },
  ...reviewFundsRepository(db),
});
