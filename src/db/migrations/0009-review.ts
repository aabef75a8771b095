// 领导小组审议: review items (重大决策部署 / 重大项目建设 / 财政资金使用), meetings with their agenda, attendance and
// per-item decisions, the follow-up tasks a decision created in 督查督办, the disbursement schedule and the
// disbursements of approved funds, and the users designated as the group's secretary. Attachments and
// payment evidence reuse `evidence_file` (entity 'review_item' / 'review_disbursement').
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('review_meeting')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('review_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('submitting_org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('amount', 'double precision')
    .addColumn('project_id', 'text', (c) => c.references('project.id').onDelete('set null'))
    .addColumn('supervision_task_id', 'text', (c) => c.references('supervision_task.id').onDelete('set null'))
    .addColumn('industry_code', 'text')
    .addColumn('county_org_id', 'text', (c) => c.references('organization.id'))
    .addColumn('amends_item_id', 'text', (c) => c.references('review_item.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.references('review_meeting.id'))
    .addColumn('decision', 'text')
    .addColumn('conditions', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_item_status').on('review_item').column('status').execute();
  await db.schema.createIndex('review_item_project').on('review_item').column('project_id').execute();

  await db.schema
    .createTable('review_agenda')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('review_meeting.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('review_item.id'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('presenter', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('conditions', 'text')
    .addColumn('note', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addPrimaryKeyConstraint('review_agenda_pk', ['meeting_id', 'item_id'])
    .execute();
  await db.schema.createIndex('review_agenda_item').on('review_agenda').column('item_id').execute();

  await db.schema
    .createTable('review_attendance')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('review_meeting.id').onDelete('cascade'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('position', 'text')
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('review_attendance_pk', ['meeting_id', 'sort'])
    .execute();

  await db.schema
    .createTable('review_followup')
    .addColumn('item_id', 'text', (c) => c.notNull().references('review_item.id'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('supervision_task.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_followup_pk', ['item_id', 'task_id'])
    .execute();

  await db.schema
    .createTable('review_fund_schedule')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('review_item.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('amount', 'double precision', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_fund_schedule_item').on('review_fund_schedule').column('item_id').execute();

  await db.schema
    .createTable('review_disbursement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('review_item.id'))
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('amount', 'double precision', (c) => c.notNull())
    .addColumn('voucher_ref', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_disbursement_item').on('review_disbursement').column('item_id').execute();

  await db.schema
    .createTable('review_secretary')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('app_user.id').onDelete('cascade'))
    .addColumn('designated_by', 'text', (c) => c.notNull())
    .addColumn('designated_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['review_secretary', 'review_disbursement', 'review_fund_schedule', 'review_followup', 'review_attendance', 'review_agenda', 'review_item', 'review_meeting']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
