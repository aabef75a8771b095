// The cockpit keeps its answers until the next write, and finds writes of other processes by the newest
// audit row: indexes on audit_log.at and data_value_audit.at make that lookup one index step.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  await db.schema.createIndex('data_value_audit_at').on('data_value_audit').column('at').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('data_value_audit_at').execute();
  await db.schema.dropIndex('audit_log_at').execute();
}
