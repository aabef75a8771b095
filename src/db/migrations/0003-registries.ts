// Registries that feed the count targets (innovation platforms, parks/bases) and the major-project
// register with its monthly investment, annual plans, milestones and funds. Dates are ISO text
// (YYYY-MM-DD; months YYYY-MM / periods YYYYMM) so both databases compare them as strings.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('innovation_platform')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    // One recorded upgrade (省级 → 国家级 …): the level before upgraded_on. The record stays one
    // platform, so an upgraded platform is counted once.
    .addColumn('previous_level', 'text')
    .addColumn('upgraded_on', 'text')
    .addColumn('host_org', 'text', (c) => c.notNull())
    .addColumn('industry_code', 'text')
    .addColumn('county_org_id', 'text', (c) => c.references('organization.id'))
    .addColumn('recognised_on', 'text', (c) => c.notNull())
    .addColumn('revoked_on', 'text')
    .addColumn('evidence_file', 'text')
    .addColumn('note', 'text')
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('innovation_platform_name', ['name'])
    .execute();

  await db.schema
    .createTable('park')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('county_org_id', 'text', (c) => c.references('organization.id'))
    .addColumn('lead_industries_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('recognised_on', 'text')
    .addColumn('note', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('plan_entity_id', 'text', (c) => c.references('plan_entity.id').onDelete('set null'))
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('park_name', ['name'])
    .execute();

  await db.schema
    .createTable('project')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('industry_code', 'text')
    .addColumn('county_org_id', 'text', (c) => c.references('organization.id'))
    .addColumn('task_code', 'text')
    .addColumn('total_investment', 'double precision')
    .addColumn('stage', 'text')
    .addColumn('planned_start', 'text')
    .addColumn('actual_start', 'text')
    .addColumn('planned_end', 'text')
    .addColumn('note', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('plan_entity_id', 'text', (c) => c.references('plan_entity.id').onDelete('set null'))
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('project_name', ['name'])
    .execute();

  await db.schema
    .createTable('project_annual_plan')
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('planned', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_annual_plan_pk', ['project_id', 'year'])
    .execute();

  await db.schema
    .createTable('project_investment')
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('amount', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_investment_pk', ['project_id', 'period'])
    .execute();

  await db.schema
    .createTable('project_milestone')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('project_fund')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('planned', 'double precision', (c) => c.notNull())
    .addColumn('disbursed', 'double precision', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  // Evidence files (佐证材料) uploaded for a registry record, kept as base64 text so one column type
  // serves both databases.
  await db.schema
    .createTable('evidence_file')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_file_entity').on('evidence_file').columns(['entity', 'entity_id']).execute();
  for (const t of ['project_milestone', 'project_fund']) {
    await db.schema.createIndex(`${t}_project`).on(t).column('project_id').execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['evidence_file', 'project_fund', 'project_milestone', 'project_investment', 'project_annual_plan', 'project', 'park', 'innovation_platform']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
