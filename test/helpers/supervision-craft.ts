// Crafted supervision data for the follow-up tests: tasks, units, reports, closures and light days
// written straight into the tables, so each test knows every figure the 通报 should find. Each helper
// moves the supervision change counter, as the store's writes do, so no cached board outlives them.
import type { Kysely } from 'kysely';
import { newId } from '../../src/core/ids';
import type { DB } from '../../src/db/schema';
import { bumpGeneration } from '../../src/db/repositories/change-counter';

export interface CraftTask {
  code: string;
  lead?: string;
  assigned?: string;
  county?: string;
  startOn: string;
  dueOn: string;
  cycle?: 'monthly' | 'quarterly';
  deadlineDay?: number;
  status?: 'in_progress' | 'done' | 'closed';
  light?: string;
}

export interface Crafted {
  planId: string;
  orgs: Map<string, string>;
  ids: Map<string, string>;
  specialActionId: string;
}

const NOW = '2021-01-01T00:00:00.000Z';

/** Removes every supervised task of the default plan and writes the given ones under one special action. */
export async function craftTasks(db: Kysely<DB>, tasks: CraftTask[]): Promise<Crafted> {
  const plan = await db.selectFrom('plan').select('id').where('is_default', '=', 1 as never).executeTakeFirstOrThrow();
  await db.deleteFrom('supervision_task').execute();
  const orgs = new Map((await db.selectFrom('organization').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
  const row = (id: string, parent: string | null, kind: string, code: string, t: Partial<CraftTask>, sort: number) => ({
    id, plan_id: plan.id, parent_id: parent, kind, code, title: `任务${code}`, content: null, source_task_id: null, source_section_id: null,
    start_on: t.startOn ?? '2018-01-01', due_on: t.dueOn ?? '2020-12-31', proposed: 0, reporting_cycle: t.cycle ?? 'monthly', report_deadline_day: t.deadlineDay ?? 5,
    weight: 1, percent_done: 0, status: t.status ?? 'in_progress', light: t.light ?? 'green', light_reasons_json: '[]', time_elapsed_pct: 0, lag_points: 0,
    missed_reports: 0, reported_this_period: 0, light_as_of: '2020-01-01', sort, demo: 0, created_at: NOW, updated_at: NOW,
  });
  const specialActionId = newId();
  await db.insertInto('supervision_task').values(row(specialActionId, null, 'special_action', 'SA1', {}, 0)).execute();
  const ids = new Map<string, string>();
  let sort = 1;
  for (const t of tasks) {
    const id = newId();
    ids.set(t.code, id);
    await db.insertInto('supervision_task').values(row(id, specialActionId, 'task', t.code, t, sort++)).execute();
    const units = [
      ...(t.lead ? [{ task_id: id, org_id: orgs.get(t.lead)!, role: 'lead' }] : []),
      ...(t.county ? [{ task_id: id, org_id: orgs.get(t.county)!, role: 'county' }] : []),
    ];
    if (units.length) await db.insertInto('supervision_task_unit').values(units).execute();
    if (t.assigned) {
      await db.insertInto('supervision_assignment').values({ id: newId(), task_id: id, org_id: orgs.get(t.assigned)!, note: null, assigned_by: 'fgw', assigned_at: NOW, signed_by: null, signed_at: null, superseded_at: null }).execute();
    }
  }
  await bumpGeneration(db, 'supervision');
  return { planId: plan.id, orgs, ids, specialActionId };
}

export async function craftReport(db: Kysely<DB>, taskId: string, period: string, status: string, submittedOn: string | null): Promise<void> {
  await db.insertInto('supervision_report').values({
    id: newId(), task_id: taskId, period, org_id: null, percent_done: 50, progress_text: '', problems_text: '', next_steps_text: '', status, return_reason: status === 'returned' ? '材料不全' : null,
    submitted_by: submittedOn ? 'gxj' : null, submitted_at: submittedOn ? `${submittedOn}T03:00:00.000Z` : null, reviewed_by: null, reviewed_at: null, demo: 0, created_at: NOW, updated_at: NOW,
  }).execute();
  await bumpGeneration(db, 'supervision');
}

export async function craftClosure(db: Kysely<DB>, taskId: string, decidedOn: string): Promise<void> {
  await db.insertInto('supervision_closure').values({
    id: newId(), task_id: taskId, org_id: null, note: '已完成', status: 'closed', requested_by: 'gxj', requested_at: `${decidedOn}T01:00:00.000Z`, decided_by: 'fgw', decided_at: `${decidedOn}T02:00:00.000Z`, reason: null,
  }).execute();
  await db.updateTable('supervision_task').set({ status: 'closed', light: 'closed' }).where('id', '=', taskId).execute();
  await bumpGeneration(db, 'supervision');
}

/** Light-history rows, one per day from `from` to `to` inclusive. */
export async function craftLightDays(db: Kysely<DB>, taskId: string, from: string, to: string, light: string): Promise<void> {
  const rows = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d = new Date(d.getTime() + 86_400_000)) {
    rows.push({ task_id: taskId, day: d.toISOString().slice(0, 10), light, reasons_json: '[]', percent_done: 0, time_elapsed_pct: 0, lag_points: 0 });
  }
  await db.insertInto('supervision_light_day').values(rows).execute();
}
