// 督查督办: the task tree (special action → task → sub-task → milestone), its units, links to targets
// and projects, assignments (交办/签收), progress reports per period, closure (销号) requests, the daily
// light history (red-light days), accountability records (问效), reminders/escalations (催办) and
// published 通报 rankings. Evidence files reuse `evidence_file` (entity 'supervision_report' /
// 'supervision_closure'). Dates are ISO text (YYYY-MM-DD); periods YYYYMM / YYYYQn.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('supervision_task')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.references('supervision_task.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text')
    .addColumn('source_task_id', 'text', (c) => c.references('task.id').onDelete('set null'))
    .addColumn('source_section_id', 'text', (c) => c.references('plan_section.id').onDelete('set null'))
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('proposed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reporting_cycle', 'text', (c) => c.notNull())
    .addColumn('report_deadline_day', 'integer', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull().defaultTo(1))
    .addColumn('percent_done', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    // The light as last computed (on every change and by the daily tick).
    .addColumn('light', 'text', (c) => c.notNull())
    .addColumn('light_reasons_json', 'text', (c) => c.notNull())
    .addColumn('time_elapsed_pct', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('lag_points', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('missed_reports', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reported_this_period', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('light_as_of', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('supervision_task_code', ['plan_id', 'code'])
    .execute();
  await db.schema.createIndex('supervision_task_parent').on('supervision_task').column('parent_id').execute();

  await db.schema
    .createTable('supervision_task_unit')
    .addColumn('task_id', 'text', (c) => c.notNull().references('supervision_task.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('supervision_task_unit_pk', ['task_id', 'org_id', 'role'])
    .execute();
  await db.schema.createIndex('supervision_task_unit_org').on('supervision_task_unit').column('org_id').execute();

  await db.schema
    .createTable('supervision_task_link')
    .addColumn('task_id', 'text', (c) => c.notNull().references('supervision_task.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('supervision_task_link_pk', ['task_id', 'kind', 'ref_id'])
    .execute();

  // 交办 / 签收: one active assignment per task; a re-assignment supersedes the previous one.
  await db.schema
    .createTable('supervision_assignment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('supervision_task.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('note', 'text')
    .addColumn('assigned_by', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'timestamptz', (c) => c.notNull())
    .addColumn('signed_by', 'text')
    .addColumn('signed_at', 'timestamptz')
    .addColumn('superseded_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('supervision_assignment_task').on('supervision_assignment').column('task_id').execute();

  await db.schema
    .createTable('supervision_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('supervision_task.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.references('organization.id'))
    .addColumn('percent_done', 'double precision', (c) => c.notNull())
    .addColumn('progress_text', 'text', (c) => c.notNull())
    .addColumn('problems_text', 'text', (c) => c.notNull())
    .addColumn('next_steps_text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('supervision_report_period', ['task_id', 'period'])
    .execute();

  await db.schema
    .createTable('supervision_closure')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('supervision_task.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.references('organization.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('supervision_closure_task').on('supervision_closure').column('task_id').execute();

  // One row per task and day the tick (or a change) computed its light: red-light days, trends.
  await db.schema
    .createTable('supervision_light_day')
    .addColumn('task_id', 'text', (c) => c.notNull().references('supervision_task.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('light', 'text', (c) => c.notNull())
    .addColumn('reasons_json', 'text', (c) => c.notNull())
    .addColumn('percent_done', 'double precision', (c) => c.notNull())
    .addColumn('time_elapsed_pct', 'double precision', (c) => c.notNull())
    .addColumn('lag_points', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('supervision_light_day_pk', ['task_id', 'day'])
    .execute();
  await db.schema.createIndex('supervision_light_day_day').on('supervision_light_day').column('day').execute();

  await db.schema
    .createTable('supervision_accountability')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('supervision_task.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('red_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('red_history_json', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supervision_accountability_task').on('supervision_accountability').column('task_id').execute();

  // 催办 and escalations, sent by a person or by the daily tick; the log of what was sent to whom.
  await db.schema
    .createTable('supervision_reminder')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('supervision_task.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('period', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('sent_by', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .addColumn('emailed_at', 'timestamptz')
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    // Why it was sent: 'manual', or the tick's 'report_due' / 'report_missed' / 'task_due'; escalations 'escalation'.
    // The tick sends at most one per task, unit, cause and period (so re-running it sends nothing new).
    .addColumn('cause', 'text', (c) => c.notNull().defaultTo('manual'))
    .execute();
  await db.schema.createIndex('supervision_reminder_key').on('supervision_reminder').columns(['task_id', 'org_id', 'cause', 'period']).execute();
  // 单位负责人: escalations after the third reminder go to the unit's users flagged as its head
  // (falling back to the coordinator's users when the unit has none).
  await db.schema.alterTable('app_user').addColumn('unit_head', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('supervision_reminder_org').on('supervision_reminder').columns(['org_id', 'sent_at']).execute();
  await db.schema.createIndex('supervision_reminder_task').on('supervision_reminder').column('task_id').execute();

  // A published 通报 (ranking) keeps its rows as they were when published.
  await db.schema
    .createTable('supervision_bulletin')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('rows_json', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('app_user').dropColumn('unit_head').execute();
  for (const t of [
    'supervision_bulletin', 'supervision_reminder', 'supervision_accountability', 'supervision_light_day', 'supervision_closure',
    'supervision_report', 'supervision_assignment', 'supervision_task_link', 'supervision_task_unit', 'supervision_task',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
