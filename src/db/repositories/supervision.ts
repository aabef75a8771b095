// 督查督办: the task tree, its units, links, assignments and daily lights (migration 0007).
import type { ComputedFields, LightDay, NewNode, StoredNode, SupervisionStore } from '../../core/supervision/ports';
import type { LightReason, NodeKind, ReportingCycle, TaskLight, TaskStatus, UnitRole } from '../../shared/supervision';
import { flag, parseJson, toBool, toIso, toNum } from '../mappers';
import { updateVersioned, deleteVersioned, type Db } from './versioned';
import { closureRepository, reportRepository } from './supervision-reports';
import { bumpGeneration, readGeneration } from './change-counter';

const NODE_COLUMNS = [
  'supervision_task.id', 'supervision_task.plan_id', 'supervision_task.parent_id', 'supervision_task.kind', 'supervision_task.code',
  'supervision_task.title', 'supervision_task.content', 'supervision_task.start_on', 'supervision_task.due_on', 'supervision_task.proposed',
  'supervision_task.reporting_cycle', 'supervision_task.report_deadline_day', 'supervision_task.weight', 'supervision_task.percent_done',
  'supervision_task.status', 'supervision_task.light', 'supervision_task.light_reasons_json', 'supervision_task.time_elapsed_pct',
  'supervision_task.lag_points', 'supervision_task.missed_reports', 'supervision_task.reported_this_period', 'supervision_task.light_as_of',
  'supervision_task.sort', 'supervision_task.demo', 'supervision_task.row_version', 'supervision_task.updated_at', 'task.code as source_code',
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same plan/id condition on three differently shaped joins
const ofNodes = <Q extends { where: (...a: any[]) => Q }>(q: Q, where: { planId?: string; id?: string }): Q => {
  let out = q;
  if (where.planId) out = out.where('supervision_task.plan_id', '=', where.planId);
  if (where.id) out = out.where('supervision_task.id', '=', where.id);
  return out;
};

async function loadNodes(db: Db, where: { planId?: string; id?: string }): Promise<StoredNode[]> {
  let q = db.selectFrom('supervision_task').leftJoin('task', 'task.id', 'supervision_task.source_task_id').select(NODE_COLUMNS);
  if (where.planId) q = q.where('supervision_task.plan_id', '=', where.planId);
  if (where.id) q = q.where('supervision_task.id', '=', where.id);
  const rows = await q.orderBy('supervision_task.sort').orderBy('supervision_task.code').execute();
  if (rows.length === 0) return [];
  // A whole plan: its units, links and assignments in one query each (joined on the plan); one node: by id.
  const units = await db.selectFrom('supervision_task_unit').innerJoin('organization', 'organization.id', 'supervision_task_unit.org_id')
    .innerJoin('supervision_task', 'supervision_task.id', 'supervision_task_unit.task_id')
    .select(['supervision_task_unit.task_id', 'supervision_task_unit.role', 'organization.id', 'organization.code', 'organization.name'])
    .$call((q) => ofNodes(q, where)).orderBy('organization.sort').orderBy('organization.code').execute();
  const links = await db.selectFrom('supervision_task_link').innerJoin('supervision_task', 'supervision_task.id', 'supervision_task_link.task_id')
    .select(['supervision_task_link.task_id', 'supervision_task_link.kind', 'supervision_task_link.ref_id'])
    .$call((q) => ofNodes(q, where)).orderBy('supervision_task_link.ref_id').execute();
  const assigns = await db.selectFrom('supervision_assignment').innerJoin('organization', 'organization.id', 'supervision_assignment.org_id')
    .innerJoin('supervision_task', 'supervision_task.id', 'supervision_assignment.task_id')
    .select(['supervision_assignment.id', 'supervision_assignment.task_id', 'supervision_assignment.org_id', 'organization.code', 'organization.name',
      'supervision_assignment.note', 'supervision_assignment.assigned_by', 'supervision_assignment.assigned_at', 'supervision_assignment.signed_by', 'supervision_assignment.signed_at'])
    .$call((q) => ofNodes(q, where)).where('supervision_assignment.superseded_at', 'is', null).execute();
  const group = <T extends { task_id: string }>(xs: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) {
      const list = m.get(x.task_id);
      if (list) list.push(x);
      else m.set(x.task_id, [x]);
    }
    return m;
  };
  const unitsBy = group(units);
  const linksBy = group(links);
  const assignBy = group(assigns);
  return rows.map((r) => {
    const a = assignBy.get(r.id)?.[0];
    return {
      id: r.id, planId: r.plan_id, parentId: r.parent_id, kind: r.kind as NodeKind, code: r.code, title: r.title, content: r.content,
      sourceTaskCode: r.source_code ?? null, startOn: r.start_on, dueOn: r.due_on, proposed: toBool(r.proposed),
      reportingCycle: r.reporting_cycle as ReportingCycle, reportDeadlineDay: Number(r.report_deadline_day), weight: Number(r.weight),
      percentDone: Number(r.percent_done), status: r.status as TaskStatus,
      light: { light: r.light as TaskLight, reasons: parseJson<LightReason[]>(r.light_reasons_json, []), timeElapsedPct: Number(r.time_elapsed_pct), lagPoints: Number(r.lag_points) },
      missedReports: Number(r.missed_reports), reportedThisPeriod: toBool(r.reported_this_period), lightAsOf: r.light_as_of,
      sort: Number(r.sort), demo: toBool(r.demo), rowVersion: Number(r.row_version), updatedAt: toIso(r.updated_at) ?? '',
      units: (unitsBy.get(r.id) ?? []).map((u) => ({ id: u.id, code: u.code, name: u.name, role: u.role as UnitRole })),
      links: (linksBy.get(r.id) ?? []).map((l) => ({ kind: l.kind as 'target' | 'project', refId: l.ref_id })),
      assignment: a
        ? { id: a.id, org: { id: a.org_id, code: a.code, name: a.name }, note: a.note, assignedBy: a.assigned_by, assignedAt: toIso(a.assigned_at) ?? '', signedBy: a.signed_by, signedAt: toIso(a.signed_at) }
        : null,
    };
  });
}

const computedColumns = (c: ComputedFields) => ({
  percent_done: c.percentDone, light: c.light.light, light_reasons_json: JSON.stringify(c.light.reasons), time_elapsed_pct: c.light.timeElapsedPct,
  lag_points: c.light.lagPoints, missed_reports: c.missedReports, reported_this_period: flag(c.reportedThisPeriod), light_as_of: c.lightAsOf,
});

const baseRepository = (db: Db): Omit<SupervisionStore, 'generation'> => ({
  listNodes: (planId) => loadNodes(db, { planId }),
  getNode: async (id) => (await loadNodes(db, { id }))[0] ?? null,
  insertNode: async (n: NewNode, c, now) => {
    await db.insertInto('supervision_task').values({
      id: n.id, plan_id: n.planId, parent_id: n.parentId, kind: n.kind, code: n.code, title: n.title, content: n.content,
      source_task_id: n.sourceTaskId, source_section_id: n.sourceSectionId, start_on: n.startOn, due_on: n.dueOn, proposed: flag(n.proposed),
      reporting_cycle: n.reportingCycle, report_deadline_day: n.reportDeadlineDay, weight: n.weight, status: n.status, sort: n.sort,
      demo: flag(n.demo), created_at: now, updated_at: now, ...computedColumns(c),
    }).execute();
  },
  updateNode: (id, rowVersion, p, now) => updateVersioned(db, 'supervision_task', id, rowVersion, {
    ...(p.title !== undefined ? { title: p.title } : {}),
    ...(p.content !== undefined ? { content: p.content } : {}),
    ...(p.startOn !== undefined ? { start_on: p.startOn } : {}),
    ...(p.dueOn !== undefined ? { due_on: p.dueOn } : {}),
    ...(p.proposed !== undefined ? { proposed: flag(p.proposed) } : {}),
    ...(p.reportingCycle !== undefined ? { reporting_cycle: p.reportingCycle } : {}),
    ...(p.reportDeadlineDay !== undefined ? { report_deadline_day: p.reportDeadlineDay } : {}),
    ...(p.weight !== undefined ? { weight: p.weight } : {}),
    ...(p.status !== undefined ? { status: p.status } : {}),
  }, now),
  touchNode: (id, rowVersion, now) => updateVersioned(db, 'supervision_task', id, rowVersion, {}, now),
  deleteNode: (id, rowVersion) => deleteVersioned(db, 'supervision_task', id, rowVersion),
  setUnits: async (taskId, units) => {
    await db.deleteFrom('supervision_task_unit').where('task_id', '=', taskId).execute();
    const seen = new Set<string>();
    for (const u of units) {
      if (seen.has(`${u.orgId}|${u.role}`)) continue;
      seen.add(`${u.orgId}|${u.role}`);
      await db.insertInto('supervision_task_unit').values({ task_id: taskId, org_id: u.orgId, role: u.role }).execute();
    }
  },
  setLinks: async (taskId, links) => {
    await db.deleteFrom('supervision_task_link').where('task_id', '=', taskId).execute();
    const seen = new Set<string>();
    for (const l of links) {
      if (seen.has(`${l.kind}|${l.refId}`)) continue;
      seen.add(`${l.kind}|${l.refId}`);
      await db.insertInto('supervision_task_link').values({ task_id: taskId, kind: l.kind, ref_id: l.refId }).execute();
    }
  },
  setComputed: async (taskId, c) => {
    await db.updateTable('supervision_task').set(computedColumns(c)).where('id', '=', taskId).execute();
  },
  upsertLightDay: async (taskId, d: LightDay) => {
    await db.deleteFrom('supervision_light_day').where('task_id', '=', taskId).where('day', '=', d.day).execute();
    await db.insertInto('supervision_light_day').values({
      task_id: taskId, day: d.day, light: d.light, reasons_json: JSON.stringify(d.reasons), percent_done: d.percentDone,
      time_elapsed_pct: d.timeElapsedPct, lag_points: d.lagPoints,
    }).execute();
  },
  lightDays: async (taskId) => (await db.selectFrom('supervision_light_day').select(['day', 'light', 'reasons_json', 'percent_done', 'time_elapsed_pct', 'lag_points'])
    .where('task_id', '=', taskId).orderBy('day').execute()).map((r) => ({
    day: r.day, light: r.light, reasons: parseJson<string[]>(r.reasons_json, []), percentDone: Number(r.percent_done),
    timeElapsedPct: Number(r.time_elapsed_pct), lagPoints: Number(r.lag_points),
  })),
  redDayCounts: async (planId, asOf) => {
    const rows = await db.selectFrom('supervision_light_day').innerJoin('supervision_task', 'supervision_task.id', 'supervision_light_day.task_id')
      .select(['supervision_light_day.task_id', (eb) => eb.fn.countAll().as('n')])
      .where('supervision_task.plan_id', '=', planId).where('supervision_light_day.light', '=', 'red').where('supervision_light_day.day', '<=', asOf)
      .groupBy('supervision_light_day.task_id').execute();
    return new Map(rows.map((r) => [r.task_id, toNum(r.n as number) ?? 0]));
  },
  maxCode: async (planId, prefix) => (await db.selectFrom('supervision_task').select('code').where('plan_id', '=', planId).where('code', 'like', `${prefix}%`).execute()).map((r) => r.code),
  assign: async (a) => {
    await db.updateTable('supervision_assignment').set({ superseded_at: a.at }).where('task_id', '=', a.taskId).where('superseded_at', 'is', null).execute();
    await db.insertInto('supervision_assignment').values({ id: a.id, task_id: a.taskId, org_id: a.orgId, note: a.note, assigned_by: a.by, assigned_at: a.at }).execute();
  },
  sign: async (id, by, at) => {
    await db.updateTable('supervision_assignment').set({ signed_by: by, signed_at: at }).where('id', '=', id).execute();
  },
  ...reportRepository(db),
  ...closureRepository(db),
  planTaskSources: async (planId) => {
    const tasks = await db.selectFrom('task').innerJoin('plan_section', 'plan_section.id', 'task.section_id')
      .select(['task.id', 'task.code', 'task.title', 'task.content', 'plan_section.id as section_id', 'plan_section.key', 'plan_section.number', 'plan_section.title as section_title'])
      .where('task.plan_id', '=', planId).orderBy('task.sort').execute();
    const orgs = await db.selectFrom('task_org').innerJoin('task', 'task.id', 'task_org.task_id').innerJoin('organization', 'organization.id', 'task_org.org_id')
      .select(['task_org.task_id', 'task_org.org_id', 'task_org.role']).where('task.plan_id', '=', planId).orderBy('organization.sort').orderBy('organization.code').execute();
    return tasks.map((t) => ({
      id: t.id, code: t.code, title: t.title, content: t.content,
      section: { id: t.section_id, key: t.key, number: t.number, title: t.section_title },
      units: orgs.filter((o) => o.task_id === t.id).map((o) => ({ orgId: o.org_id, role: o.role as UnitRole })),
    }));
  },
  planPeriod: async (planId) => {
    const p = await db.selectFrom('plan').select(['period_start', 'period_end']).where('id', '=', planId).executeTakeFirst();
    return p ? { start: Number(p.period_start), end: Number(p.period_end) } : null;
  },
});

// The writes that change what the board shows; each bumps the supervision change counter (once per
// transaction), which tells the board's cache in src/core/supervision/board-cache.ts to rebuild.
const BOARD_WRITES = [
  'insertNode', 'updateNode', 'touchNode', 'deleteNode', 'setUnits', 'setLinks', 'setComputed', 'assign', 'sign',
  'insertReport', 'updateReport', 'insertClosure', 'decideClosure',
] as const satisfies readonly (keyof SupervisionStore)[];

export function supervisionRepository(db: Db): SupervisionStore {
  const base = baseRepository(db);
  let bumped = false;
  const bump = async () => {
    if (bumped) return;
    await bumpGeneration(db, 'supervision');
    if (db.isTransaction) bumped = true;
  };
  const wrapped = { ...base } as Record<string, unknown>;
  for (const name of BOARD_WRITES) {
    const write = base[name] as (...args: unknown[]) => Promise<unknown>;
    wrapped[name] = async (...args: unknown[]) => {
      const result = await write(...args);
      await bump();
      return result;
    };
  }
  return { ...(wrapped as Omit<SupervisionStore, 'generation'>), generation: () => readGeneration(db, 'supervision') };
}
