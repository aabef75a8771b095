// Statistics (统计监测): indicator catalogue, enterprises, data sets, data values with their audit,
// reports (approval per data set × organisation × period), reminders, validation rules, outlier
// reviews and the pre-aggregated values the dashboards read.
//
// Citus compatibility (DESIGN.md "Storage"): data_value, data_value_audit and aggregate_value carry no
// foreign keys; data_value is keyed (org_id, indicator_code, period) so either org_id or indicator_code
// can be the distribution column.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('indicator')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('aggregation', 'text', (c) => c.notNull())
    .addColumn('cumulative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('time_aggregation', 'text', (c) => c.notNull())
    .addColumn('decimals', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('formula_json', 'text')
    .addColumn('min_value', 'double precision')
    .addColumn('max_value', 'double precision')
    .addColumn('description', 'text')
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('dataset')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('org_kind', 'text', (c) => c.notNull())
    .addColumn('deadline_days', 'integer', (c) => c.notNull())
    .addColumn('expiry_days', 'integer')
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('dataset_indicator')
    .addColumn('dataset_code', 'text', (c) => c.notNull().references('dataset.code').onDelete('cascade'))
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicator.code'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('dataset_indicator_pk', ['dataset_code', 'indicator_code'])
    .execute();

  await db.schema
    .createTable('enterprise')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organization.id'))
    .addColumn('uscc', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('county_org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('park_code', 'text')
    .addColumn('industry_code', 'text')
    .addColumn('sei_l1', 'text')
    .addColumn('sei_l2', 'text')
    .addColumn('sei_partial', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sei_confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('plan_industry_code', 'text')
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('above_scale', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('high_tech', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enterprise_county').on('enterprise').column('county_org_id').execute();
  // Statistics look organisations up by kind (counties, the city) among thousands of enterprises.
  await db.schema.createIndex('organization_kind').on('organization').column('kind').execute();

  await db.schema
    .createTable('data_value')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text')
    .addColumn('comment', 'text')
    .addColumn('source_url', 'text')
    .addColumn('source_type', 'text')
    .addColumn('reliability', 'text')
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('data_value_pk', ['org_id', 'indicator_code', 'period'])
    .execute();
  await db.schema.createIndex('data_value_indicator_period').on('data_value').columns(['indicator_code', 'period']).execute();

  await db.schema
    .createTable('data_value_audit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('old_value', 'double precision')
    .addColumn('new_value', 'double precision')
    .addColumn('old_status', 'text')
    .addColumn('new_status', 'text')
    .addColumn('reason', 'text')
    .addColumn('source', 'text')
    .addColumn('batch_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('data_value_audit_key').on('data_value_audit').columns(['org_id', 'indicator_code', 'period']).execute();

  await db.schema
    .createTable('import_batch')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_name', 'text')
    .addColumn('sha256', 'text')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('inserted', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('report')
    .addColumn('dataset_code', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('submitted_by', 'text')
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('reviewed_by', 'text')
    .addColumn('approved_at', 'timestamptz')
    .addColumn('approved_by', 'text')
    .addColumn('returned_reason', 'text')
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_pk', ['org_id', 'dataset_code', 'period'])
    .execute();
  await db.schema.createIndex('report_dataset_period').on('report').columns(['dataset_code', 'period']).execute();

  await db.schema
    .createTable('reminder')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_code', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reminder_key').on('reminder').columns(['dataset_code', 'period', 'org_id']).execute();

  await db.schema
    .createTable('validation_rule')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('left_expr', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('right_expr', 'text', (c) => c.notNull())
    .addColumn('missing_strategy', 'text', (c) => c.notNull())
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('outlier_review')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('outlier_review_pk', ['org_id', 'indicator_code', 'period'])
    .execute();

  // One row per indicator × dimension (city, county, industry, sei, park) × period, kept current by the
  // write paths: value/n over all reporting organisations, matched_* over those that also reported the
  // same period a year earlier (同口径).
  await db.schema
    .createTable('aggregate_value')
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('dim_kind', 'text', (c) => c.notNull())
    .addColumn('dim_key', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('matched_value', 'double precision', (c) => c.notNull())
    .addColumn('matched_prev', 'double precision', (c) => c.notNull())
    .addColumn('matched_n', 'integer', (c) => c.notNull())
    .addColumn('demo_n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('aggregate_value_pk', ['indicator_code', 'dim_kind', 'dim_key', 'period'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('organization_kind').ifExists().execute();
  for (const t of [
    'aggregate_value', 'outlier_review', 'validation_rule', 'reminder', 'report', 'import_batch',
    'data_value_audit', 'data_value', 'enterprise', 'dataset_indicator', 'dataset', 'indicator',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
